/**
 * Whatever mix of requests and faults arrives, concurrently and over both transports, every
 * request gets exactly one answer with its own request id, the log holds exactly those ids
 * with the codes that were sent, and a fault that always fires decides the code.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IDS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { GrpcClients, rest, withHeaders } from './clients.js';

let emu: RunningEmulator;
let clients: GrpcClients;

before(async () => {
  emu = await startEmulator({ seed: 17, streamBatchRows: 2 });
  clients = new GrpcClients(emu.grpcAddress!);
});
after(async () => {
  clients.close();
  await emu.close();
});

// Fault → the gRPC code it must produce (null: the request's own outcome decides).
const FAULTS: readonly (readonly [string | null, number | null])[] = [
  [null, null],
  ['unavailable', 14],
  ['internal', 13],
  ['rate-limit;delay=1s', 8],
  ['quota-exhausted', 8],
  ['error=headerError.INVALID_LOGIN_CUSTOMER_ID', 3],
  ['slow=5', null],
  ['unavailable;chance=0.5', null],
  ['fail-times=1:internal', null],
  ['mid-stream=1', null],
];

const requestArb = fc.record({
  transport: fc.constantFrom('grpc' as const, 'rest' as const),
  method: fc.constantFrom('Search' as const, 'SearchStream' as const),
  fault: fc.integer({ min: 0, max: FAULTS.length - 1 }),
  login: fc.boolean(),
  badQuery: fc.boolean(),
});

test('one answer per request, unique request ids, the log agrees', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(requestArb, { minLength: 1, maxLength: 12 }), async (reqs) => {
      emu.log.clear();
      const answers = await Promise.all(
        reqs.map(async (r, i) => {
          const [spec, forced] = FAULTS[r.fault]!;
          const headers = withHeaders({ 'x-emulator-fault': spec ?? undefined, 'x-emulator-key': `k${i}`, 'login-customer-id': r.login ? IDS.manager : undefined });
          const body = { customerId: IDS.client, query: r.badQuery ? 'SELECT campaign.nme FROM campaign' : 'SELECT campaign.id FROM campaign' };
          let code: number;
          let requestId: string | null;
          if (r.transport === 'grpc') {
            if (r.method === 'Search') {
              const g = await clients.unary('GoogleAdsService.Search', body, headers);
              code = g.error?.code ?? 0;
              requestId = String((g.error ? g.error.metadata : g.trailers!).get('request-id')[0]);
            } else {
              const s = await clients.stream('GoogleAdsService.SearchStream', body, headers);
              code = s.error?.code ?? 0;
              requestId = String(s.trailers!.get('request-id')[0]);
            }
          } else {
            const x = await rest(emu.httpUrl!, `/v25/customers/${IDS.client}/googleAds:${r.method === 'Search' ? 'search' : 'searchStream'}`, { query: body.query }, headers);
            const err = Array.isArray(x.body) ? x.body.find((m: { error?: unknown }) => m.error)?.error : x.body.error;
            code = err?.code ?? 0;
            requestId = x.requestId ?? (Array.isArray(x.body) ? x.body[0]?.requestId ?? null : null);
          }
          return { code, requestId, forced };
        }),
      );
      const ids = answers.map((a) => a.requestId);
      assert.ok(ids.every((id) => typeof id === 'string' && id.length === 22), JSON.stringify(ids));
      assert.equal(new Set(ids).size, ids.length);
      assert.equal(emu.log.entries.length, reqs.length);
      const byId = new Map(emu.log.entries.map((e) => [e.requestId, e.code]));
      for (const a of answers) {
        assert.equal(byId.get(a.requestId!), a.code);
        if (a.forced !== null) assert.equal(a.code, a.forced);
      }
    }),
    { numRuns: 25 },
  );
});
