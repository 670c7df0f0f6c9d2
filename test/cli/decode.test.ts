import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli, spawnCli, repoRoot } from './helpers.js';

const example = (name: string) => readFileSync(`${repoRoot}/examples/${name}`, 'utf8');

test('decode --json prints exactly one object with the documented keys', async () => {
  const r = await runCli(['decode', '--json', `${repoRoot}/examples/rest-permission-denied.json`]);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.equal(out.recognized, true);
  assert.equal(out.source, 'rest');
  assert.equal(out.apiVersion, 'v25');
  assert.deepEqual(out.status, { code: 7, name: 'PERMISSION_DENIED', http: 403 });
  assert.equal(out.requestId, 'pD7s0bVw1kq2mJ9Xc3nR5A');
  assert.equal(out.retryable, false);
  assert.equal(out.retryDelayMs, null);
  assert.equal(out.errors[0].code, 'authorizationError.USER_PERMISSION_DENIED');
  assert.equal(out.errors[0].category, 'authorizationError');
  assert.equal(out.errors[0].name, 'USER_PERMISSION_DENIED');
  assert.equal(out.errors[0].fieldPath, null);
  assert.equal(out.errors[0].operationIndex, null);
});

test('decode reads standard input, and names field paths and operations', async () => {
  const r = await runCli(['decode', '--json', '-'], example('rest-field-errors.json'));
  const out = JSON.parse(r.stdout);
  assert.equal(out.errors.length, 2);
  assert.equal(out.errors[0].fieldPath, 'operations[2].create.name');
  assert.equal(out.errors[0].operationIndex, 2);
  assert.equal(out.errors[1].code, 'stringLengthError.TOO_SHORT');
});

test('OAuth and global-domain codes use their own families', async () => {
  const oauth = JSON.parse((await runCli(['decode', '--json'], example('oauth-invalid-grant.json'))).stdout);
  assert.equal(oauth.errors[0].code, 'oauth.invalid_grant');
  assert.equal(oauth.retryable, false);
  const global = JSON.parse((await runCli(['decode', '--json'], example('google-api-rate-limit.json'))).stdout);
  assert.equal(global.errors[0].code, 'global.rateLimitExceeded');
});

test('the daily quota carries its long delay and is not retryable', async () => {
  const out = JSON.parse((await runCli(['decode', '--json'], example('rest-daily-quota.json'))).stdout);
  assert.equal(out.retryDelayMs, 40_591_000);
  assert.equal(out.retryable, false);
  assert.equal(out.kind, 'quota');
});

test('human output names the status, code, request id and retry advice', async () => {
  const r = await runCli(['decode', `${repoRoot}/examples/grpc-status-details-bin.b64`]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /RESOURCE_EXHAUSTED \(gRPC 8, HTTP 429\)/);
  assert.match(r.stdout, /quotaError\.RESOURCE_EXHAUSTED/);
  assert.match(r.stdout, /request-id: gR9pc0Qz2Xv8Lk1Jm3Nb4A/);
  assert.match(r.stdout, /after 30 s/);
});

test('exit 1 for input that is not a failure, still printing what was found', async () => {
  const r = await runCli(['decode', '--json'], 'hello world, nothing failed here');
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.recognized, false);
  assert.ok(out.issues.length > 0);
  const empty = await runCli(['decode'], '');
  assert.equal(empty.code, 1);
  assert.match(empty.stdout, /empty/);
});

test('exit 2 on usage errors, with a message saying what was wrong', async () => {
  const r1 = await runCli(['decode', '--bogus']);
  assert.equal(r1.code, 2);
  assert.match(r1.stderr, /unknown option '--bogus'/);
  const r2 = await runCli(['decode', '/no/such/file.json']);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /no such file: \/no\/such\/file\.json/);
  const r3 = await runCli(['decode', 'a', 'b']);
  assert.equal(r3.code, 2);
  const r4 = await runCli(['nonsense']);
  assert.equal(r4.code, 2);
  const r5 = await runCli(['decode', '--api-version', 'latest', '-']);
  assert.equal(r5.code, 2);
});

test('as a real process: stdin pipe, binary garbage and exit codes', async () => {
  const ok = await spawnCli(['decode', '--json', '-'], example('python-client.txt'));
  assert.equal(ok.code, 0, ok.stderr);
  const out = JSON.parse(ok.stdout);
  assert.equal(out.errors[0].code, 'authenticationError.CLIENT_CUSTOMER_ID_INVALID');
  assert.equal(out.requestId, 'Jh5k2LmN8pQr1StUv0WxYz');
  const garbage = await spawnCli(['decode', '-'], Buffer.from([0, 1, 2, 255, 254, 7, 0x0a, 0x80]));
  assert.equal(garbage.code, 1);
  assert.equal(garbage.stderr, '');
});
