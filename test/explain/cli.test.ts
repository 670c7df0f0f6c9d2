// The explain and codes commands, run in-process through main() with in-memory streams.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/helpers.js';
import { pickLocale } from '../../src/cli/commands/explain.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const run = runCli;

test('explain CODE prints the explanation with its sections', async () => {
  const r = await run(['explain', 'authorizationError.USER_PERMISSION_DENIED']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /No access to this customer account/);
  assert.match(r.stdout, /What to do now:/);
  assert.match(r.stdout, /login-customer-id/);
  assert.match(r.stdout, /Who has to act:/);
});

test('explain --json of a decoded file gives one JSON object with one explanation per error', async () => {
  const r = await run(['explain', '--json', `${root}examples/rest-field-errors.json`]);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.equal(out.input, 'failure');
  assert.equal(out.explanations.length, 2);
  assert.equal(out.explanations[0].code, 'fieldError.REQUIRED');
  assert.equal(out.explanations[0].operationIndex, 2);
  assert.equal(out.requestId, 'Xq3bE1n2Tz9k0aPqL4mW7Q');
});

test('explain reads standard input with "-" and takes request context options', async () => {
  const body = readFileSync(`${root}examples/rest-permission-denied.json`, 'utf8');
  const r = await run(['explain', '--json', '-', '--customer-id', '123-456-7890'], body);
  const out = JSON.parse(r.stdout);
  assert.equal(out.explanations[0].code, 'authorizationError.USER_PERMISSION_DENIED');
  const steps: string[] = out.explanations[0].steps;
  assert.ok(steps.some((s) => s.includes('1234567890')));
  assert.ok(steps.some((s) => /had no login-customer-id/.test(s)));
});

test('explain: a word that is neither a file nor a code, or a bad --lang, is a usage error', async () => {
  assert.equal((await run(['explain', 'no/such/file.json'])).code, 2);
  assert.equal((await run(['explain', 'UNAVAILABLE', '--lang', 'fr'])).code, 2);
});

test('explain picks the language from --lang, then LC_ALL / LANG, then English', () => {
  assert.equal(pickLocale('ko', { LANG: 'id_ID.UTF-8' }), 'ko');
  assert.equal(pickLocale(undefined, { LC_ALL: 'zh_TW.UTF-8', LANG: 'ko_KR' }), 'zh-TW');
  assert.equal(pickLocale(undefined, { LANG: 'id_ID.UTF-8' }), 'id');
  assert.equal(pickLocale(undefined, { LANG: 'fr_FR.UTF-8' }), 'en');
  assert.equal(pickLocale(undefined, {}), 'en');
});

test('codes searches by name, category and number, with versions', async () => {
  const byName = JSON.parse((await run(['codes', '--json', 'user_permission_denied'])).stdout);
  assert.ok(byName.some((c: { key: string }) => c.key === 'authorizationError.USER_PERMISSION_DENIED'));
  const byCat = JSON.parse((await run(['codes', '--json', 'quota_error'])).stdout);
  assert.equal(byCat.length, 8);
  assert.ok(byCat.every((c: { category: string }) => c.category === 'quotaError'));
  const byNum = JSON.parse((await run(['codes', '--json', 'authorizationError.2'])).stdout);
  assert.deepEqual(byNum.map((c: { key: string }) => c.key), ['authorizationError.USER_PERMISSION_DENIED']);
  assert.deepEqual(byNum[0].versions, ['v22', 'v23', 'v24', 'v25']);
});

test('codes --version keeps only codes of that version', async () => {
  const v22 = JSON.parse((await run(['codes', '--json', 'actionError', '--version', 'v22'])).stdout);
  assert.deepEqual(v22, []);
  const v25 = JSON.parse((await run(['codes', '--json', 'actionError', '--version', 'v25'])).stdout);
  assert.ok(v25.length > 0);
  assert.equal((await run(['codes', '--version', 'v99'])).code, 2);
});

test('codes prints a table and exits 1 when nothing matches', async () => {
  const r = await run(['codes', 'CONCURRENT_MODIFICATION']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /databaseError\.CONCURRENT_MODIFICATION\s+2\s+v22–v25/);
  assert.equal((await run(['codes', 'ZZZ_NOTHING_LIKE_THIS'])).code, 1);
});

test('explain: a bare code on standard input is explained', async () => {
  for (const stdin of ['CUSTOMER_NOT_FOUND\n', 'oauth.invalid_grant']) {
    const r = await run(['explain', '--json'], stdin);
    assert.equal(r.code, 0, stdin);
    const out = JSON.parse(r.stdout);
    assert.match(out.explanations[0].code, /CUSTOMER_NOT_FOUND|invalid_grant/);
    assert.equal(out.explanations[0].source === 'composed', false);
  }
});
