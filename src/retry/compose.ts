/**
 * Composition: policies nest like cockatiel's `wrap`, the first one outermost. Anything with an
 * `execute(fn, options)` of our shape takes part; `fromCockatiel` adapts a cockatiel policy
 * (circuit breaker, bulkhead, timeout…) without this package depending on cockatiel.
 */
import type { AttemptContext, ExecuteOptions } from './policy.js';

/** What can run a function under some policy. */
export interface Executable {
  execute<T>(fn: (context: AttemptContext) => T | PromiseLike<T>, options?: ExecuteOptions): Promise<T>;
}

const NEVER_ABORTED = new AbortController().signal;

/**
 * Nests `policies`: `wrap(a, b).execute(fn)` is `a.execute(() => b.execute(fn))`, each inner
 * policy getting the signal of the attempt around it (so an outer timeout or abort reaches the
 * innermost call). Options other than the signal go to every policy unchanged.
 */
export function wrap(...policies: readonly Executable[]): Executable {
  return {
    execute<T>(fn: (context: AttemptContext) => T | PromiseLike<T>, options: ExecuteOptions = {}): Promise<T> {
      const step = (i: number, opts: ExecuteOptions): Promise<T> =>
        policies[i]!.execute((ctx) => (i === policies.length - 1 ? fn(ctx) : step(i + 1, { ...opts, signal: ctx.signal })), opts);
      if (policies.length === 0) return Promise.resolve().then(() => fn({ attempt: 1, signal: options.signal ?? NEVER_ABORTED }));
      return step(0, options);
    },
  };
}

/** The shape of a cockatiel policy's `execute` (v3/v4): `(fn({ signal }), signal?)`. */
export interface CockatielLike {
  execute<T>(fn: (context: { signal: AbortSignal }) => PromiseLike<T> | T, signal?: AbortSignal): Promise<T>;
}

/** Lets a cockatiel policy take part in `wrap`. */
export function fromCockatiel(policy: CockatielLike): Executable {
  return {
    execute<T>(fn: (context: AttemptContext) => T | PromiseLike<T>, options: ExecuteOptions = {}): Promise<T> {
      let attempt = 0;
      return policy.execute(({ signal }) => fn({ attempt: ++attempt, signal }), options.signal);
    },
  };
}
