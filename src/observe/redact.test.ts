import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { redactText, redactValue } from './redact.js';

const FAKE = {
  access: 'ya29.a0AfH6SMBfakeFAKEfake_token-VALUE1234567890',
  refresh: '1//0gFAKEfakeRefreshTokenValue_abcdefghijkl',
  secret: 'GOCSPX-FAKEfakeSecretValue123',
  apiKey: 'AIzaSyFAKEfakeFAKEfakeFAKEfakeFAKEfake12',
  jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJmYWtlQGZha2UifQ.ZmFrZXNpZ25hdHVyZWZha2U',
  devToken: 'ABCdef123FAKEdevtoken',
};

test('known token shapes are redacted wherever they appear', () => {
  const text = `refresh failed: token=${FAKE.refresh} access ${FAKE.access}; secret ${FAKE.secret}; key ${FAKE.apiKey}; assertion ${FAKE.jwt}`;
  const out = redactText(text);
  for (const v of [FAKE.access, FAKE.refresh, FAKE.secret, FAKE.apiKey, FAKE.jwt]) assert.ok(!out.includes(v), `${v} survived`);
  assert.match(out, /REDACTED/);
});

test('secret-named fields, headers and query parameters are redacted, ids are kept', () => {
  const out = redactText(
    `developer-token: ${FAKE.devToken}\nlogin-customer-id: 1234567890\nAuthorization: Bearer abc.def-ghi_jkl\n` +
      `grant_type=refresh_token&refresh_token=abcdefgh12345&client_secret=zzzzzzzz9\n{"developer_token":"${FAKE.devToken}","request_id":"Xq3bE1n2Tz9k0aPqL4mW7Q"}`,
  );
  assert.ok(!out.includes(FAKE.devToken));
  assert.ok(!out.includes('abc.def-ghi_jkl'));
  assert.ok(!out.includes('abcdefgh12345'));
  assert.ok(!out.includes('zzzzzzzz9'));
  assert.ok(out.includes('1234567890'), 'customer id kept');
  assert.ok(out.includes('Xq3bE1n2Tz9k0aPqL4mW7Q'), 'request id kept');
  assert.ok(out.includes('grant_type=refresh_token'), 'a grant type is not a secret');
});

test('redactValue masks secret-named properties deeply and survives cycles', () => {
  const v: any = { config: { data: `refresh_token=${FAKE.refresh}&client_id=x`, headers: { Authorization: `Bearer ${FAKE.access}` } }, nested: { clientSecret: FAKE.secret } };
  v.self = v;
  const out = JSON.stringify(redactValue(v));
  for (const s of [FAKE.refresh, FAKE.access, FAKE.secret]) assert.ok(!out.includes(s));
  assert.match(out, /Circular/);
});

test('property: no generated secret survives, whatever surrounds it', () => {
  const secret = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{20,40}$/).map((s) => `ya29.${s}`),
    fc.stringMatching(/^[A-Za-z0-9_-]{20,40}$/).map((s) => `1//0${s}`),
    fc.stringMatching(/^[A-Za-z0-9_-]{12,30}$/).map((s) => `GOCSPX-${s}`),
  );
  fc.assert(
    fc.property(fc.string(), secret, fc.string(), (before, s, after) => {
      const out = redactText(`${before} ${s} ${after}`);
      assert.ok(!out.includes(s));
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.constantFrom('refresh_token', 'access_token', 'client_secret', 'developer-token', 'apiKey'), fc.stringMatching(/^[A-Za-z0-9]{8,30}$/), fc.constantFrom(': ', '=', '": "'), (k, val, sep) => {
      const out = redactText(`{"x":1, ${k}${sep}${val}"}`);
      assert.ok(!out.includes(val), `${k}${sep}${val} -> ${out}`);
    }),
    { numRuns: 500 },
  );
});
