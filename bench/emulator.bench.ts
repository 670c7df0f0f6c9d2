/**
 * Emulator load check: sustained requests per second over loopback, gRPC and REST, with
 * faults mixed in (about 10 % UNAVAILABLE, 5 % INTERNAL, 5 % rate limit, plus request
 * errors), then a strict tally by request id: every request sent got exactly one answer,
 * every answer has its own request id, and the request log holds exactly those ids with the
 * same status codes. Bounded in count and time; loopback only.
 *
 * Run: node --import tsx bench/emulator.bench.ts [--requests N] [--concurrency C] [--seconds S]
 */
import * as grpc from '@grpc/grpc-js';
import { grpcServiceDefinitions, IDS, startEmulator, TOKENS } from '../src/emulator/index.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const REQUESTS = arg('requests', 4000);
const CONCURRENCY = arg('concurrency', 32);
const MAX_SECONDS = arg('seconds', 30);

const FAULTS = 'unavailable;chance=0.1,internal;chance=0.05,rate-limit;chance=0.05';
const HEADERS: Record<string, string> = {
  authorization: `Bearer ${TOKENS.access}`,
  'developer-token': TOKENS.developer,
  'login-customer-id': IDS.manager,
  'x-emulator-fault': FAULTS,
  'x-emulator-key': 'bench',
};
const QUERY = 'SELECT campaign.id, campaign.name, metrics.clicks FROM campaign';

interface Answer {
  readonly n: number;
  readonly requestId: string | null;
  readonly code: number;
  readonly ms: number;
}

/** Request n: mostly good searches; every 20th has a GAQL mistake, every 25th no login-customer-id. */
function shape(n: number): { query: string; noLogin: boolean } {
  return { query: n % 20 === 0 ? 'SELECT campaign.nme FROM campaign' : QUERY, noLogin: n % 25 === 0 };
}

async function runPool(total: number, concurrency: number, one: (n: number) => Promise<Answer>, deadline: number): Promise<{ answers: Answer[]; sent: number; seconds: number }> {
  const answers: Answer[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < total && Date.now() < deadline) {
      const n = next++;
      answers.push(await one(n));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { answers, sent: next, seconds: (performance.now() - start) / 1000 };
}

function grpcCaller(address: string): { call: (n: number) => Promise<Answer>; close: () => void } {
  const def = grpcServiceDefinitions().get('GoogleAdsService')!;
  const Ctor = grpc.makeGenericClientConstructor(def, 'GoogleAdsService');
  const client = new Ctor(address, grpc.credentials.createInsecure()) as grpc.Client & Record<string, Function>;
  return {
    close: () => client.close(),
    call: (n) =>
      new Promise((resolve) => {
        const { query, noLogin } = shape(n);
        const md = new grpc.Metadata();
        for (const [k, v] of Object.entries(HEADERS)) if (!(noLogin && k === 'login-customer-id')) md.set(k, v);
        const t0 = performance.now();
        const c = client['Search']!({ customerId: IDS.client, query }, md, () => {}) as grpc.ClientUnaryCall;
        c.on('status', (s: grpc.StatusObject) => {
          const rid = s.metadata.get('request-id')[0];
          resolve({ n, requestId: typeof rid === 'string' ? rid : null, code: s.code, ms: performance.now() - t0 });
        });
      }),
  };
}

function restCaller(base: string): (n: number) => Promise<Answer> {
  return async (n) => {
    const { query, noLogin } = shape(n);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [k, v] of Object.entries(HEADERS)) if (!(noLogin && k === 'login-customer-id')) headers[k] = v;
    const t0 = performance.now();
    const res = await fetch(`${base}/v25/customers/${IDS.client}/googleAds:search`, { method: 'POST', headers, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { error?: { code: number } };
    return { n, requestId: res.headers.get('request-id'), code: body.error?.code ?? 0, ms: performance.now() - t0 };
  };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

const emu = await startEmulator({ seed: 2026 });
const deadline = Date.now() + MAX_SECONDS * 1000;
const g = grpcCaller(emu.grpcAddress!);
// Warm-up (JIT, connections), not counted and cleared from the log.
await runPool(200, CONCURRENCY, g.call, deadline);
await runPool(200, CONCURRENCY, restCaller(emu.httpUrl!), deadline);
emu.log.clear();

const results: { name: string; answers: Answer[]; sent: number; seconds: number }[] = [];
results.push({ name: 'gRPC Search', ...(await runPool(REQUESTS, CONCURRENCY, g.call, deadline)) });
results.push({ name: 'REST search', ...(await runPool(REQUESTS, CONCURRENCY, restCaller(emu.httpUrl!), deadline)) });
g.close();

let problems = 0;
const logById = new Map(emu.log.entries.map((e) => [e.requestId, e]));
const allIds = new Set<string>();
console.log(`emulator load check: ${REQUESTS} requests per transport, concurrency ${CONCURRENCY}, faults "${FAULTS}", loopback, node ${process.version}`);
console.log('transport      sent  answered  req/s   p50 ms  p99 ms  ok    14    13    8     3     7');
for (const r of results) {
  const codes = new Map<number, number>();
  for (const a of r.answers) codes.set(a.code, (codes.get(a.code) ?? 0) + 1);
  const ms = r.answers.map((a) => a.ms);
  const row = [
    r.name.padEnd(13),
    String(r.sent).padStart(5),
    String(r.answers.length).padStart(9),
    (r.answers.length / r.seconds).toFixed(0).padStart(6),
    pct(ms, 50).toFixed(2).padStart(8),
    pct(ms, 99).toFixed(2).padStart(7),
    ...[0, 14, 13, 8, 3, 7].map((c) => String(codes.get(c) ?? 0).padEnd(5)),
  ];
  console.log(row.join(' '));
  const seenN = new Set(r.answers.map((a) => a.n));
  if (seenN.size !== r.sent || r.answers.length !== r.sent) {
    problems++;
    console.log(`  ! ${r.name}: ${r.sent} sent, ${r.answers.length} answers for ${seenN.size} distinct requests`);
  }
  for (const a of r.answers) {
    if (!a.requestId) {
      problems++;
      console.log(`  ! ${r.name}: request ${a.n} answered without a request id`);
      continue;
    }
    if (allIds.has(a.requestId)) {
      problems++;
      console.log(`  ! request id ${a.requestId} answered twice`);
    }
    allIds.add(a.requestId);
    const logged = logById.get(a.requestId);
    if (!logged || logged.code !== a.code) {
      problems++;
      console.log(`  ! ${r.name}: request ${a.n} (${a.requestId}) got ${a.code}, log says ${logged ? logged.code : 'nothing'}`);
    }
  }
}
if (emu.log.entries.length !== allIds.size) {
  problems++;
  console.log(`  ! the log holds ${emu.log.entries.length} entries for ${allIds.size} answered requests`);
}
console.log(problems === 0 ? `tally: ${allIds.size} requests, each answered exactly once with its own request id, all in the log` : `tally: ${problems} problem(s)`);
await emu.close();
process.exitCode = problems === 0 ? 0 : 1;
