/**
 * Opteo's google-ads-api, unmodified, against the emulator. It has no endpoint option, so it
 * goes through the emulator's proxy under the real host names: `https_proxy` points at the
 * emulator, and the emulator's test CA is trusted for this child process only
 * (`NODE_EXTRA_CA_CERTS` for gaxios/axios, `GRPC_DEFAULT_SSL_ROOTS_FILE_PATH` for grpc-js).
 * OAuth refreshes, REST queries and gRPC mutates all reach the emulator; nothing leaves the
 * machine.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDS, startEmulator, TOKENS, type RunningEmulator } from '../../src/emulator/index.js';

let emu: RunningEmulator;
let dir: string;

before(async () => {
  emu = await startEmulator({
    seed: 8,
    scenario: { faults: [{ method: 'SearchStream', customerId: IDS.testClient, fault: 'quota-exhausted' }] },
  });
  dir = await mkdtemp(join(tmpdir(), 'emu-ca-'));
});
after(async () => {
  await emu.close();
  await rm(dir, { recursive: true });
});

const good = { customer_id: IDS.client, login_customer_id: IDS.manager, refresh_token: TOKENS.refresh };

async function runOpteo(steps: unknown[]): Promise<Map<string, Record<string, unknown>>> {
  const ca = join(dir, 'ca.pem');
  await writeFile(ca, emu.caCertificate);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./opteo-child.ts', import.meta.url)), JSON.stringify(steps)], {
    env: { ...process.env, https_proxy: emu.proxyUrl!, HTTPS_PROXY: emu.proxyUrl!, NO_PROXY: '', no_proxy: '', NODE_EXTRA_CA_CERTS: ca, GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: ca },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  const timer = setTimeout(() => child.kill(), 30_000);
  const code = await new Promise((r) => child.on('close', r));
  clearTimeout(timer);
  assert.equal(code, 0, err);
  return new Map(
    out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .map((x) => [x['step'] as string, x]),
  );
}

test('google-ads-api, unmodified, reaches the emulator through its proxy: queries, mutates, errors', async () => {
  const r = await runOpteo([
    { name: 'query', kind: 'query', customer: good, query: 'SELECT campaign.id, campaign.name FROM campaign ORDER BY campaign.id LIMIT 3' },
    { name: 'bad query', kind: 'query', customer: good, query: 'SELECT campaign.nme FROM campaign' },
    { name: 'create', kind: 'create', customer: good, campaign: { name: 'Made by google-ads-api' } },
    { name: 'create without name', kind: 'create', customer: good, campaign: { status: 3 } },
    { name: 'no login-customer-id', kind: 'create', customer: { customer_id: IDS.client, refresh_token: TOKENS.refresh }, campaign: { name: 'x' } },
    { name: 'revoked refresh token (REST)', kind: 'query', customer: { ...good, refresh_token: TOKENS.refreshRevoked }, query: 'SELECT customer.id FROM customer' },
    { name: 'revoked refresh token (gRPC)', kind: 'create', customer: { ...good, refresh_token: TOKENS.refreshRevoked }, campaign: { name: 'y' } },
    { name: 'daily quota', kind: 'query', customer: { ...good, customer_id: IDS.testClient }, query: 'SELECT customer.id FROM customer' },
  ]);
  if (process.env['EMU_DEBUG']) console.log([...r.values()].map((x) => `${x['step']}: ${x['ms']} ms`).join('\n'));
  const q = r.get('query')!;
  assert.equal(q['ok'], true);
  assert.equal((q['value'] as unknown[]).length, 3);
  const expectFail = (name: string, code: string) => {
    const x = r.get(name)!;
    assert.equal(x['ok'], false, name);
    assert.equal(x['code'], code, name);
    return x;
  };
  assert.equal(expectFail('bad query', 'queryError.UNRECOGNIZED_FIELD')['source'], 'google-ads-api');
  assert.equal(r.get('create')!['ok'], true);
  const noName = expectFail('create without name', 'fieldError.REQUIRED');
  assert.equal(typeof noName['requestId'], 'string');
  expectFail('no login-customer-id', 'authorizationError.USER_PERMISSION_DENIED');
  expectFail('revoked refresh token (REST)', 'oauth.invalid_grant');
  expectFail('revoked refresh token (gRPC)', 'oauth.invalid_grant');
  expectFail('daily quota', 'quotaError.RESOURCE_EXHAUSTED');
  // Every request id the client saw is one the emulator logged.
  const logged = new Set(emu.log.entries.map((e) => e.requestId));
  for (const x of r.values()) if (typeof x['requestId'] === 'string') assert.ok(logged.has(x['requestId']), `${x['step']}: ${x['requestId']}`);
  assert.ok(emu.log.entries.some((e) => e.transport === 'grpc' && e.method === 'CampaignService.MutateCampaigns' && e.code === 0));
  assert.ok(emu.log.entries.some((e) => e.method === 'OAuth.Token' && e.errors.includes('oauth.invalid_grant')));
});

test('the proxy refuses every host it does not stand in for', async () => {
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(new URL(emu.proxyUrl!).port), method: 'CONNECT', path: 'example.com:443' });
    req.on('connect', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
  assert.equal(status, 403);
});
