// Decoding never copies a credential into what it returns or prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../../src/decode/index.js';
import { runCli } from '../cli/helpers.js';

const REFRESH = '1//0gFAKErefreshTOKENfakeValue_abcdefghij';
const ACCESS = 'ya29.a0FAKEaccessTOKENfakeValue_0123456789';
const SECRET = 'GOCSPX-FAKEclientSecretValue42';

// What gaxios throws for a refused refresh: the request body (with the refresh token) rides along.
const gaxiosLike = Object.assign(new Error(`invalid_grant: Token has been expired or revoked. refresh_token=${REFRESH}`), {
  config: { url: 'https://oauth2.googleapis.com/token', method: 'POST', data: `refresh_token=${REFRESH}&client_id=x.apps.googleusercontent.com&client_secret=${SECRET}&grant_type=refresh_token`, headers: { Authorization: `Bearer ${ACCESS}` } },
  response: { status: 400, data: { error: 'invalid_grant', error_description: `Token has been expired or revoked.` }, headers: {} },
  status: 400,
});

test('a GaxiosError-like refusal decodes as oauth.invalid_grant without its secrets', () => {
  const e = decode(gaxiosLike);
  assert.equal(e.errors[0]?.code.key, 'oauth.invalid_grant');
  assert.equal(e.retryable, false);
  const out = JSON.stringify(e.toJSON()) + e.message + String(e);
  for (const s of [REFRESH, ACCESS, SECRET]) assert.ok(!out.includes(s), `${s.slice(0, 8)} leaked`);
  assert.equal(e.cause, gaxiosLike, 'the original is kept as cause');
});

test('pasted text with tokens: decoded, and the tokens are gone from every output', async () => {
  const text = `ERROR google.auth.exceptions.RefreshError: ('invalid_grant: Bad Request', {'error': 'invalid_grant', 'error_description': 'Bad Request'})\nrequest: refresh_token=${REFRESH} Authorization: Bearer ${ACCESS}`;
  const e = decode(text);
  assert.equal(e.errors[0]?.code.key, 'oauth.invalid_grant');
  const r = await runCli(['decode', '--json'], text);
  const h = await runCli(['decode'], text);
  for (const out of [JSON.stringify(e.toJSON()), r.stdout, h.stdout]) {
    for (const s of [REFRESH, ACCESS]) assert.ok(!out.includes(s), `${s.slice(0, 8)} leaked`);
  }
});
