/**
 * The google-ads-api integration: with the package's own objects (GoogleAdsFailure from its
 * protobufjs classes), and with Opteo's client, unmodified, against the emulator through its
 * proxy in a child process (the client has no endpoint option; see test/emulator/opteo.test.ts).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errors, googleAdsVersion } from 'google-ads-api';
import { isAdsError, type AdsError } from '../../src/decode/index.js';
import { IDS, startEmulator, TOKENS, type RunningEmulator } from '../../src/emulator/index.js';
import { adsErrorHooks, decodeGoogleAdsApiError, installedGoogleAdsApiVersion, type LoggerLike } from '../../src/integrations/google-ads-api.js';

test("the installed google-ads-api's API version is found without loading it", () => {
  assert.equal(installedGoogleAdsApiVersion(), googleAdsVersion);
});

test('numeric enums of a GoogleAdsFailure are read with the pinned version', () => {
  // adGroupError 23 exists in v25 but not in v22: the same number means nothing there.
  const failure = errors.GoogleAdsFailure.fromObject({ errors: [{ error_code: { ad_group_error: 23 }, message: 'format setting' }], request_id: 'req-23' });
  const pinned = decodeGoogleAdsApiError(failure);
  assert.equal(pinned.apiVersion, googleAdsVersion);
  assert.equal(pinned.code, 'adGroupError.INVALID_VERTICAL_ADS_FORMAT_SETTING');
  assert.equal(pinned.errors[0]?.code.known, true);
  assert.equal(pinned.source, 'google-ads-api');
  assert.equal(pinned.requestId, 'req-23');
  assert.equal(pinned.cause, failure);
  const older = decodeGoogleAdsApiError(failure, { apiVersion: 'v22' });
  assert.equal(older.errors[0]?.code.known, false);
});

test('a quota failure keeps its delay and scope', () => {
  const failure = errors.GoogleAdsFailure.fromObject({
    errors: [{ error_code: { quota_error: 2 }, message: 'Too many requests. Retry in 30 seconds.', details: { quota_error_details: { rate_scope: 2, rate_name: 'Requests per account', retry_delay: { seconds: 30 } } } }],
    request_id: 'q1',
  });
  const e = decodeGoogleAdsApiError(failure, { apiVersion: googleAdsVersion });
  assert.equal(e.code, 'quotaError.RESOURCE_EXHAUSTED');
  assert.equal(e.retryDelayMs, 30_000);
  assert.equal(e.quota?.rateScope, 'ACCOUNT');
});

function sink(): LoggerLike & { lines: { level: string; record: Record<string, unknown>; msg: string | undefined }[] } {
  const lines: { level: string; record: Record<string, unknown>; msg: string | undefined }[] = [];
  return {
    lines,
    error: (record, msg) => lines.push({ level: 'error', record, msg }),
    warn: (record, msg) => lines.push({ level: 'warn', record, msg }),
  };
}

test('the error hooks replace the thrown failure with an AdsError, log it redacted, and chain your hooks', async () => {
  const log = sink();
  const order: string[] = [];
  const seen: AdsError[] = [];
  const hooks = adsErrorHooks({
    apiVersion: googleAdsVersion,
    logger: log,
    onError: (e, ctx) => {
      order.push(`ours:${ctx.hook}`);
      seen.push(e);
    },
    hooks: { onQueryError: () => void order.push('yours'), onQueryStart: () => void order.push('start') },
  });
  assert.equal(typeof hooks.onQueryStart, 'function', 'your other hooks are kept');
  const failure = errors.GoogleAdsFailure.fromObject({ errors: [{ error_code: { authorization_error: 2 }, message: 'User doesn\'t have permission (token ya29.a0AfH6SMBx7yQ-secret-looking-token-value).' }], request_id: 'p1' });
  const credentials = { customer_id: IDS.client, login_customer_id: IDS.manager };
  await assert.rejects(
    Promise.resolve(hooks.onQueryError!({ credentials, query: 'SELECT customer.id FROM customer', error: failure as never })),
    (e: unknown) => isAdsError(e) && e.code === 'authorizationError.USER_PERMISSION_DENIED' && e.cause === failure,
  );
  assert.deepEqual(order, ['yours', 'ours:onQueryError']);
  assert.equal(seen[0]?.requestId, 'p1');
  assert.equal(log.lines.length, 1);
  const line = log.lines[0]!;
  assert.equal(line.level, 'error');
  assert.equal(line.record['requestId'], 'p1');
  assert.equal(line.record['customerId'], IDS.client);
  assert.equal(line.record['hook'], 'onQueryError');
  assert.ok(!JSON.stringify(line).includes('secret-looking-token-value'), 'the token in the message is redacted');

  // Observe-only mode: the original error goes on as it was.
  const observe = adsErrorHooks({ throwAdsError: false, logger: log });
  await observe.onMutationError!({ credentials, method: 'GoogleAdsService.Mutate', mutations: [], isServiceCall: false, error: failure as never });
  assert.equal(log.lines.length, 2);
  assert.equal(log.lines[1]!.record['method'], 'GoogleAdsService.Mutate');

  // Something that is not a failure at all is never replaced.
  await observe.onServiceError!({ credentials, method: 'X.Y' as never, requestOptions: {}, error: new TypeError('bug in caller code') as never });
  const strict = adsErrorHooks();
  await strict.onServiceError!({ credentials, method: 'X.Y' as never, requestOptions: {}, error: new TypeError('bug in caller code') as never });
});

let emu: RunningEmulator;
let dir: string;
before(async () => {
  emu = await startEmulator({ seed: 31, scenario: { faults: [{ method: 'SearchStream', customerId: IDS.testClient, fault: 'rate-limit;delay=7s' }] } });
  dir = await mkdtemp(join(tmpdir(), 'integ-ca-'));
});
after(async () => {
  await emu?.close();
  if (dir) await rm(dir, { recursive: true });
});

async function runChild(steps: unknown[]): Promise<Record<string, unknown>[]> {
  assert.ok(emu.proxyUrl, 'the emulator serves its proxy');
  const ca = join(dir, 'ca.pem');
  await writeFile(ca, emu.caCertificate);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./opteo-hooks-child.ts', import.meta.url)), JSON.stringify(steps)], {
    env: { ...process.env, https_proxy: emu.proxyUrl, HTTPS_PROXY: emu.proxyUrl, NO_PROXY: '', no_proxy: '', NODE_EXTRA_CA_CERTS: ca, GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: ca },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise((r) => child.on('close', r));
  clearTimeout(timer);
  assert.equal(code, 0, err);
  return out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('google-ads-api, unmodified, with adsErrorHooks: its queries, mutations and service calls reject with AdsErrors', async () => {
  const good = { customer_id: IDS.client, login_customer_id: IDS.manager, refresh_token: TOKENS.refresh };
  const out = await runChild([
    { name: 'bad query (REST)', kind: 'query', customer: good, query: 'SELECT campaign.nme FROM campaign' },
    { name: 'create without name (gRPC mutate)', kind: 'create', customer: good, campaign: { status: 3 } },
    { name: 'unknown batch job (gRPC service)', kind: 'service', customer: good },
    { name: 'rate limited', kind: 'query', customer: { ...good, customer_id: IDS.testClient }, query: 'SELECT customer.id FROM customer' },
    { name: 'observe only', kind: 'create', customer: good, campaign: { status: 3 }, throwAdsError: false },
  ]);
  const step = (name: string) => out.find((x) => x['step'] === name)!;
  const logs = out.filter((x) => x['log']);

  const q = step('bad query (REST)');
  assert.equal(q['isAdsError'], true);
  assert.equal(q['code'], 'queryError.UNRECOGNIZED_FIELD');
  assert.equal(q['causeName'], errors.GoogleAdsFailure.name, "the original is the package's GoogleAdsFailure");

  const m = step('create without name (gRPC mutate)');
  assert.equal(m['isAdsError'], true);
  assert.equal(m['code'], 'fieldError.REQUIRED');
  assert.equal(m['apiVersion'], googleAdsVersion);

  const s = step('unknown batch job (gRPC service)');
  assert.equal(s['isAdsError'], true);
  assert.equal(typeof s['code'], 'string');

  const r = step('rate limited');
  assert.equal(r['code'], 'quotaError.RESOURCE_EXHAUSTED');

  const o = step('observe only');
  assert.equal(o['isAdsError'], false, 'throwAdsError: false leaves the original error');
  assert.equal(o['thrownName'], errors.GoogleAdsFailure.name);

  // One log record per failure, each with a request id the emulator really issued, none with a token.
  assert.equal(logs.length, 5);
  const logged = new Set(emu.log.entries.map((e) => e.requestId));
  for (const l of logs) {
    const rec = l['record'] as Record<string, unknown>;
    assert.ok(typeof rec['requestId'] === 'string' && logged.has(rec['requestId']), JSON.stringify(rec));
  }
  const rate = logs.find((l) => (l['record'] as Record<string, unknown>)['codes']?.toString().includes('quotaError'))!;
  assert.equal(rate['log'], 'warn', 'a retryable rate limit logs as warn');
  assert.equal((rate['record'] as Record<string, unknown>)['retryDelayMs'], 7000);
  const text = JSON.stringify(logs);
  for (const secret of [TOKENS.refresh, 'emulator-secret', 'emulator-dev-token']) assert.ok(!text.includes(secret), `${secret} leaked into a log`);
});
