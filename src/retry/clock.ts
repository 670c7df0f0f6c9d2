/**
 * The one door through which time and chance enter the retry engine. Everything that waits,
 * reads the time or draws a random number goes through a `RetryClock`, so that tests and the
 * simulator can run the real policy on virtual time, deterministically.
 */

export interface RetryClock {
  /** Milliseconds on a monotonic-enough scale; only differences are used, except for `retryAt`. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds. When `signal` aborts, rejects at once with `signal.reason`
   * (and if it is already aborted, rejects without waiting).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

/**
 * The real clock: `Date.now`, `setTimeout` and `Math.random`. Deliberately not
 * `AbortSignal.timeout()` nor crypto randomness: neither could be replaced by a fake clock.
 */
export const realClock: RetryClock = Object.freeze({
  now: () => Date.now(),
  random: () => Math.random(),
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (ms <= 0 && !signal) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
});
