/**
 * Backoff schedules: plain functions from the retry number to a wait, drawing chance from the
 * clock so that a seeded clock gives the same waits every run.
 */

/** Gives the wait before retry number `retry` (1 for the first retry). */
export type Backoff = (retry: number, random: () => number) => number;

export interface ExponentialBackoffOptions {
  /** Wait before the first retry, before jitter. Default 1000 ms (the guide's 1 s, 2 s, 4 s…). */
  readonly initialMs?: number;
  /** Growth per retry. Default 2. */
  readonly multiplier?: number;
  /** Cap on the wait before jitter. Default 32,000 ms. */
  readonly maxMs?: number;
  /**
   * Share of the wait that is random. Default 0.2: the wait is drawn from
   * [base, base × 1.2) — the guide asks for a small random amount added to 1 s, 2 s, 4 s…, so
   * the schedule never waits less than the nominal step.
   */
  readonly jitter?: number;
}

/**
 * Exponential backoff with additive jitter: `min(maxMs, initialMs × multiplier^(retry−1))`, plus
 * up to `jitter` of that. The guide gives only the 1 s, 2 s, 4 s example and no cap; the 32 s cap
 * is ours (it echoes Google Cloud's usual truncated-exponential ceiling).
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): Backoff {
  const initial = options.initialMs ?? 1000;
  const multiplier = options.multiplier ?? 2;
  const max = options.maxMs ?? 32_000;
  const jitter = options.jitter ?? 0.2;
  return (retry, random) => {
    const base = Math.min(max, initial * multiplier ** Math.max(0, retry - 1));
    return base + base * jitter * random();
  };
}

/** The same wait every time (used for fixed-interval polling). */
export function constantBackoff(ms: number): Backoff {
  return () => ms;
}
