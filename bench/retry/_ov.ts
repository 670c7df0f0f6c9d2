import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
import { AdsRetryPolicy } from '../../src/retry/policy.js';
const N = 300_000;
async function perCall(run: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await run();
  return Number(process.hrtime.bigint() - t0) / N / 1000;
}
const fn = async () => 1;
const subjects: [string, () => Promise<unknown>][] = [
  ['bare', () => fn()],
  ['ours', ((p) => () => p.execute(fn, { operation: 'read' }))(new AdsRetryPolicy())],
  ['ours-nogate', ((p) => () => p.execute(fn, { operation: 'read' }))(new AdsRetryPolicy({ gate: null }))],
  ['ours-nothing', ((p) => () => p.execute(fn, { operation: 'read' }))(new AdsRetryPolicy({ gate: null, budget: null }))],
  ['ours-noopts', ((p) => () => p.execute(fn))(new AdsRetryPolicy({ gate: null, budget: null }))],
  ['cockatiel', ((p) => () => p.execute(fn))(retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }))],
];
for (const [, r] of subjects) await perCall(r);
const best = new Map<string, number>();
for (let k = 0; k < 5; k++) for (const [n, r] of subjects) best.set(n, Math.min(best.get(n) ?? 1e9, await perCall(r)));
for (const [n, v] of best) console.log(n, (v - best.get('bare')!).toFixed(3));
