/**
 * Real (not simulated) cost of a policy around a call that succeeds at once: ours, cockatiel and
 * p-retry in the same process, each minus the cost of awaiting the bare call (best of 15
 * interleaved rounds of 100,000 calls).
 */
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
import pRetry from 'p-retry';
import { AdsRetryPolicy } from '../../src/retry/policy.js';
import type { Row } from './scenarios.js';

const N = 100_000;
const ROUNDS = 15;

async function perCall(run: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await run();
  return Number(process.hrtime.bigint() - t0) / N / 1000; // µs
}

export async function overhead(): Promise<Row[]> {
  const fn = async (): Promise<number> => 1;
  const ours = new AdsRetryPolicy();
  const cockatiel = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
  const subjects: [string, () => Promise<unknown>][] = [
    ['bare', () => fn()],
    ['ours', () => ours.execute(fn, { operation: 'read' })],
    ['cockatiel', () => cockatiel.execute(fn)],
    ['p-retry', () => pRetry(fn)],
  ];
  // Warm up, then take the best of many short interleaved rounds: on a shared machine the
  // minimum is the figure least disturbed by other work.
  for (const [, run] of subjects) await perCall(run);
  const best = new Map<string, number>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of subjects) {
      const us = await perCall(run);
      best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, us));
    }
  }
  const bare = best.get('bare')!;
  return subjects
    .filter(([name]) => name !== 'bare')
    .map(([name]) => ({
      scenario: 'overhead',
      strategy: name,
      callsPerRequest: null,
      successRate: null,
      makespanS: null,
      recoveryLagS: null,
      earlyCalls: null,
      overheadUs: Math.max(0, best.get(name)! - bare),
    }));
}
