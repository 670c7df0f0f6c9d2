/**
 * Faults on demand (x-emulator-fault header, gRPC metadata, scenario files) and recovery from
 * them by the project's own retry engine, end to end over real gRPC and HTTP.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from '../../src/decode/index.js';
import { AdsRetryPolicy, constantBackoff, isRetryGiveUpError, type RetryEvent } from '../../src/retry/index.js';
import { IDS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { ADMIN_HEADERS, GrpcClients, rest, withHeaders } from './clients.js';

const QUERY = 'SELECT campaign.id, campaign.name FROM campaign';
const search = { customerId: IDS.client, query: QUERY };

let emu: RunningEmulator;
let clients: GrpcClients;

before(async () => {
  emu = await startEmulator({ seed: 11, streamBatchRows: 1 });
  clients = new GrpcClients(emu.grpcAddress!);
});
after(async () => {
  clients.close();
  await emu.close();
});

const fault = (spec: string, key: string) => withHeaders({ 'x-emulator-fault': spec, 'x-emulator-key': key });
const policy = () => new AdsRetryPolicy({ backoff: constantBackoff(5), budget: null, gate: null, maxAttempts: 5 });
const codesOfKey = (method: string, n: number) =>
  emu.log.entries
    .filter((e) => e.method === method)
    .slice(-n)
    .map((e) => e.code);

describe('fail N times, then succeed', () => {
  test('gRPC: fail-times=2:unavailable is recovered by the retry engine on the third attempt', async () => {
    const retries: RetryEvent[] = [];
    const p = policy();
    p.onRetry((e) => retries.push(e));
    const headers = fault('fail-times=2:unavailable', 'grpc-ft');
    const res = await p.execute(
      async () => {
        const r = await clients.unary('GoogleAdsService.Search', search, headers);
        if (r.error) throw r.error;
        return r.response!;
      },
      { operation: 'read' },
    );
    assert.equal((res['results'] as unknown[]).length, 5);
    assert.deepEqual(retries.map((r) => r.error.status?.code), [14, 14]);
    assert.ok(retries.every((r) => r.requestId !== null && r.requestId.length === 22), 'request id survives into the retry events');
    assert.deepEqual(codesOfKey('GoogleAdsService.Search', 3), [14, 14, 0]);
  });

  test('REST: fail-times=1:internal is recovered; the failure decodes as a retryable INTERNAL', async () => {
    const headers = fault('fail-times=1:internal', 'rest-ft');
    const seen: string[] = [];
    const out = await policy().execute(
      async () => {
        const r = await rest(emu.httpUrl!, `/v25/customers/${IDS.client}/googleAds:search`, { query: QUERY }, headers);
        if (r.status !== 200) {
          const err = decode(r.body, { httpStatus: r.status, headers: r.response.headers });
          seen.push(`${err.code} ${err.retryable}`);
          throw err;
        }
        return r.body;
      },
      { operation: 'read' },
    );
    assert.equal(out.results.length, 5);
    assert.deepEqual(seen, ['internalError.INTERNAL_ERROR true']);
  });
});

describe('quota', () => {
  test('rate-limit carries the delay in quotaErrorDetails and the engine waits the server delay', async () => {
    const first = await clients.unary('GoogleAdsService.Search', search, fault('rate-limit;delay=2s', 'rl-probe'));
    const decoded = decode(first.error);
    assert.equal(first.error?.code, 8);
    assert.equal(decoded.code, 'quotaError.RESOURCE_EXHAUSTED');
    assert.equal(decoded.retryDelayMs, 2000);
    assert.equal(decoded.quota?.rateScope, 'ACCOUNT');
    assert.equal(decoded.kind, 'rate-limit');

    const retries: RetryEvent[] = [];
    const p = policy();
    p.onRetry((e) => retries.push(e));
    const headers = fault('fail-times=1:rate-limit;delay=1s', 'rl');
    await p.execute(
      async () => {
        const r = await clients.unary('GoogleAdsService.Search', search, headers);
        if (r.error) throw r.error;
        return r.response;
      },
      { operation: 'read' },
    );
    assert.equal(retries.length, 1);
    assert.equal(retries[0]!.schedule, 'server-delay');
    assert.ok(retries[0]!.delayMs >= 1000);
  });

  test('quota-exhausted is the daily form: hours of retryDelay, DEVELOPER scope; the engine gives up at once', async () => {
    const r = await rest(emu.httpUrl!, `/v25/customers/${IDS.client}/googleAds:search`, { query: QUERY }, fault('quota-exhausted', 'daily'));
    assert.equal(r.status, 429);
    const detail = r.body.error.details[0].errors[0];
    assert.deepEqual(detail.details.quotaErrorDetails, { rateScope: 'DEVELOPER', rateName: 'Number of operations for basic access', retryDelay: '40591s' });
    assert.equal(detail.message, 'Too many requests. Retry in 40591 seconds.');
    const decoded = decode(r.body, { httpStatus: r.status });
    assert.equal(decoded.retryDelayMs, 40_591_000);
    assert.equal(decoded.kind, 'quota');

    let attempts = 0;
    await assert.rejects(
      policy().execute(async () => {
        attempts++;
        const g = await clients.unary('GoogleAdsService.Search', search, fault('quota-exhausted', 'daily-grpc'));
        throw g.error;
      }),
      (e: unknown) => isRetryGiveUpError(e) && e.attempts === 1 && e.retryAt !== null,
    );
    assert.equal(attempts, 1);
  });
});

describe('other faults', () => {
  test('deadline really waits before DEADLINE_EXCEEDED, without a GoogleAdsFailure', async () => {
    const r = await clients.unary('GoogleAdsService.Search', search, fault('deadline;delay=300ms', 'dl'));
    assert.equal(r.error?.code, 4);
    assert.equal(r.error?.metadata.get('google.ads.googleads.v25.errors.googleadsfailure-bin').length, 0);
    const entry = emu.log.entries.at(-1)!;
    assert.equal(entry.code, 4);
    assert.ok(entry.durationMs >= 250, `took ${entry.durationMs} ms`);
    assert.equal(decode(r.error).retryable, true);
  });

  test('a client deadline shorter than the fault gives the client-side DEADLINE_EXCEEDED', async () => {
    const r = await clients.unary('GoogleAdsService.Search', search, fault('deadline;delay=2s', 'dl-client'), 100);
    assert.equal(r.error?.code, 4);
  });

  test('slow=MS answers late but normally', async () => {
    const r = await clients.unary('GoogleAdsService.Search', search, fault('slow=150', 'slow'));
    assert.equal(r.error, null);
    const entry = emu.log.entries.at(-1)!;
    assert.deepEqual(entry.faults, ['slow=150']);
    assert.ok(entry.durationMs >= 100);
  });

  test('error=<code> sends any catalog code with its status', async () => {
    const r = await clients.unary('GoogleAdsService.Search', search, fault('error=databaseError.CONCURRENT_MODIFICATION', 'any'));
    assert.equal(r.error?.code, 10);
    assert.equal(decode(r.error).code, 'databaseError.CONCURRENT_MODIFICATION');
  });

  test('a malformed fault header is an INVALID_ARGUMENT naming the problem', async () => {
    const r = await rest(emu.httpUrl!, `/v25/customers/${IDS.client}/googleAds:search`, { query: QUERY }, fault('explode', 'bad'));
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /unknown fault 'explode'/);
  });
});

describe('mid-stream failures', () => {
  test('gRPC: mid-stream=3 sends 3 rows, then fails with trailers that decode', async () => {
    const r = await clients.stream('GoogleAdsService.SearchStream', search, fault('mid-stream=3', 'ms-grpc'));
    assert.equal(r.messages.flatMap((m) => m['results'] as unknown[]).length, 3);
    assert.equal(r.error?.code, 13);
    const d = decode(r.error);
    assert.equal(d.code, 'internalError.INTERNAL_ERROR');
    assert.equal(d.requestId, r.messages[0]!['requestId']);
  });

  test('REST: mid-stream=2;code=unavailable is a 200 JSON array whose last element is the error', async () => {
    const r = await rest(emu.httpUrl!, `/v25/customers/${IDS.client}/googleAds:searchStream`, { query: QUERY }, fault('mid-stream=2;code=unavailable', 'ms-rest'));
    assert.equal(r.status, 200);
    assert.ok(Array.isArray(r.body));
    assert.equal(r.body.length, 3);
    assert.equal(r.body[2].error.code, 14);
    const d = decode(r.body);
    assert.equal(d.status?.name, 'UNAVAILABLE');
    assert.equal(d.requestId, r.body[0].requestId);
  });

  test('a stream that failed once is read whole on the retry', async () => {
    const headers = fault('fail-times=1:mid-stream=2', 'ms-retry');
    const rows = await policy().execute(
      async () => {
        const r = await clients.stream('GoogleAdsService.SearchStream', search, headers);
        if (r.error) throw r.error;
        return r.messages.flatMap((m) => m['results'] as unknown[]);
      },
      { operation: 'read' },
    );
    assert.equal(rows.length, 5);
  });

  test('a successful stream has request-id in trailers and messages, not in headers', async () => {
    const r = await clients.stream('GoogleAdsService.SearchStream', search, ADMIN_HEADERS);
    assert.equal(r.error, null);
    const rid = r.trailers?.get('request-id')[0];
    assert.equal(typeof rid, 'string');
    assert.ok(r.messages.every((m) => m['requestId'] === rid));
    assert.equal(r.headers?.get('request-id').length ?? 0, 0);
  });
});

describe('determinism and scenarios', () => {
  async function pattern(seed: number): Promise<number[]> {
    const e = await startEmulator({ seed, httpPort: null });
    const c = new GrpcClients(e.grpcAddress!);
    const codes: number[] = [];
    for (let i = 0; i < 16; i++) {
      const r = await c.unary('GoogleAdsService.Search', search, fault('unavailable;chance=0.5', 'dice'));
      codes.push(r.error?.code ?? 0);
    }
    const ids = e.log.entries.map((x) => x.requestId);
    c.close();
    await e.close();
    return [...codes, ids.length];
  }

  test('chance= draws and request ids repeat exactly for the same seed', async () => {
    const a = await pattern(5);
    const b = await pattern(5);
    const c = await pattern(6);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    assert.ok(a.includes(14) && a.includes(0));
  });

  test('same seed, same request ids', async () => {
    const ids = async () => {
      const e = await startEmulator({ seed: 99, grpcPort: null });
      await rest(e.httpUrl!, `/v25/customers/${IDS.client}/googleAds:search`, { query: QUERY });
      await rest(e.httpUrl!, `/v25/customers/${IDS.client}/googleAds:search`, { query: QUERY });
      const out = e.log.entries.map((x) => x.requestId);
      await e.close();
      return out;
    };
    assert.deepEqual(await ids(), await ids());
  });

  test('a scenario file scripts faults by method and customer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emu-'));
    const file = join(dir, 'scenario.json');
    await writeFile(file, JSON.stringify({ seed: 3, faults: [{ method: 'Search', customerId: IDS.client, fault: 'fail-times=1:internal' }] }));
    const e = await startEmulator({ scenario: file, grpcPort: null });
    try {
      const path = (cid: string) => `/v25/customers/${cid}/googleAds:search`;
      const a = await rest(e.httpUrl!, path(IDS.client), { query: QUERY });
      const b = await rest(e.httpUrl!, path(IDS.client), { query: QUERY });
      const other = await rest(e.httpUrl!, path(IDS.testClient), { query: QUERY });
      assert.deepEqual([a.status, b.status, other.status], [500, 200, 200]);
      assert.equal(e.seed, 3);
      assert.deepEqual(e.log.entries[0]!.faults, ['fail-times=1:internal']);
    } finally {
      await e.close();
      await rm(dir, { recursive: true });
    }
  });
});
