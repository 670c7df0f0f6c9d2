/**
 * Retry budgets: how the engine stays polite when everything fails. A budget is shared by every
 * call that goes through one policy (and could be shared by a whole fleet through a store such
 * as Redis: the interface allows an asynchronous answer).
 */

/** What a retry budget must answer. Implementations must never throw. */
export interface RetryBudget {
  /** May one more retry be sent now? Asked only after a retryable failure was recorded. */
  allowRetry(): boolean | Promise<boolean>;
  /** An attempt failed in a way that a retry could fix (server trouble, not a client error). */
  recordFailure(): void;
  /** An attempt succeeded. */
  recordSuccess(): void;
}

export interface TokenBucketBudgetOptions {
  /** Most tokens the bucket holds, and what it starts with. Default 3. */
  readonly capacity?: number;
  /** Tokens a failed attempt takes (first attempts included). Default 1. */
  readonly failureCost?: number;
  /** Tokens a success gives back. Default 1. */
  readonly successCredit?: number;
}

/**
 * A token bucket that every retryable failure drains and every success refills; a retry is
 * allowed only while at least one failure's worth of tokens is left.
 *
 * Why this shape: it follows gRPC retry throttling (failures cost, successes earn), but first
 * attempts count too and the reserve is small, so that in a total outage a client sends only a
 * couple of retries in all and then one call per request, whatever the outage's length; while
 * with scattered failures (say one call in ten) the bucket refills far faster than it drains and
 * never gets in the way. Defaults: capacity 3, cost 1, credit 1 — our own choice, measured in
 * `bench/retry`.
 */
export class TokenBucketBudget implements RetryBudget {
  readonly capacity: number;
  readonly failureCost: number;
  readonly successCredit: number;
  #tokens: number;

  constructor(options: TokenBucketBudgetOptions = {}) {
    this.capacity = options.capacity ?? 3;
    this.failureCost = options.failureCost ?? 1;
    this.successCredit = options.successCredit ?? 1;
    this.#tokens = this.capacity;
  }

  /** Tokens left now. */
  get tokens(): number {
    return this.#tokens;
  }

  allowRetry(): boolean {
    return this.#tokens >= this.failureCost;
  }

  recordFailure(): void {
    this.#tokens = Math.max(0, this.#tokens - this.failureCost);
  }

  recordSuccess(): void {
    if (this.#tokens < this.capacity) this.#tokens = Math.min(this.capacity, this.#tokens + this.successCredit);
  }
}

/** A budget that never says no (for tests, or a caller who truly wants no throttling). */
export const unlimitedBudget: RetryBudget = Object.freeze({
  allowRetry: () => true,
  recordFailure: () => {},
  recordSuccess: () => {},
});
