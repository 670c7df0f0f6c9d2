/**
 * Retry strategies raced in the simulator: ours (the real `AdsRetryPolicy`, run on the virtual
 * clock) and models of other libraries' published defaults. Each model is written from the
 * library's own source or documentation (noted on each), drawing chance from the same seeded
 * clock so that a run is repeatable.
 */
import type { AdsError } from '../../src/error/ads-error.js';
import { AdsRetryPolicy } from '../../src/retry/policy.js';
import type { VirtualClock } from '../../src/retry/virtual-clock.js';

/** One attempt: resolves on success, rejects with an AdsError on failure. */
export type Call = () => Promise<void>;

/** A client of the simulated service: sends one logical request, with its retries. */
export interface Client {
  /** Resolves true when the request finally succeeded, false when the client gave up. */
  run(call: Call): Promise<boolean>;
}

export interface Strategy {
  readonly name: string;
  /** A fresh client (one per process in the fleet scenarios; one shared in the quota scenario). */
  client(clock: VirtualClock): Client;
}

/** Ours: the real policy with its defaults; the calls are reads (search). */
export const ours: Strategy = {
  name: 'ours',
  client(clock) {
    const policy = new AdsRetryPolicy({ clock });
    return { run: (call) => policy.execute(call, { operation: 'read' }).then(() => true, () => false) };
  },
};

/** The shape shared by the peer models: a loop with a retry test, a delay and optional throttling. */
abstract class LoopClient implements Client {
  constructor(protected readonly clock: VirtualClock) {}
  protected abstract readonly maxAttempts: number;
  /** Total time a request may take, from its start. */
  protected readonly totalMs: number = Number.POSITIVE_INFINITY;
  protected abstract retryable(error: AdsError): boolean;
  /** Wait before retry number `retry` (1 = first retry). */
  protected abstract delay(retry: number): number;
  /** Asked before each retry (throttling); may take tokens. */
  protected allowRetry(_error: AdsError): boolean {
    return true;
  }
  protected recordSuccess(_retried: boolean): void {}
  protected recordFailure(_error: AdsError): void {}

  async run(call: Call): Promise<boolean> {
    const start = this.clock.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await call();
        this.recordSuccess(attempt > 1);
        return true;
      } catch (e) {
        const error = e as AdsError;
        this.recordFailure(error);
        if (!this.retryable(error) || attempt >= this.maxAttempts) return false;
        const wait = this.delay(attempt);
        if (this.clock.now() + wait >= start + this.totalMs) return false;
        if (!this.allowRetry(error)) return false;
        await this.clock.sleep(wait);
      }
    }
  }
}

const statusOf = (e: AdsError): string => e.status?.name ?? 'UNKNOWN';

/**
 * google-ads-node (via google-gax) as configured for GoogleAdsService Search/SearchStream/Mutate
 * in google_ads_service_client_config.json: retry UNAVAILABLE and DEADLINE_EXCEEDED only; the
 * delay starts at 5,000 ms, grows ×1.3 up to 60,000 ms, and each sleep is a uniform draw below
 * the current delay (gax retries.js: `Math.random() * delay`); no attempt cap, a total timeout
 * of 600,000 ms.
 */
class GaxClient extends LoopClient {
  protected readonly maxAttempts = Number.POSITIVE_INFINITY;
  protected override readonly totalMs = 600_000;
  protected retryable(e: AdsError): boolean {
    const s = statusOf(e);
    return s === 'UNAVAILABLE' || s === 'DEADLINE_EXCEEDED';
  }
  protected delay(retry: number): number {
    const current = Math.min(5000 * 1.3 ** (retry - 1), 60_000);
    return this.clock.random() * current;
  }
}

/**
 * AWS SDK standard retry mode (botocore retries/standard.py, the SDKs' reference guide): 3
 * attempts; transient (HTTP 500/502/503/504) and throttling (429) errors; sleep a uniform draw
 * below min(2^(attempt−1) s, 20 s); a retry quota of 500 tokens per client, 5 taken per retry
 * (10 for timeouts, which this simulation does not produce); a success gives back what its own
 * retry took, or 1 token when it needed no retry.
 */
class AwsStandardClient extends LoopClient {
  protected readonly maxAttempts = 3;
  #tokens = 500;
  #taken = 0;
  protected retryable(e: AdsError): boolean {
    return [429, 500, 502, 503, 504].includes(e.status?.http ?? 0);
  }
  protected delay(retry: number): number {
    return this.clock.random() * Math.min(1000 * 2 ** (retry - 1), 20_000);
  }
  protected override allowRetry(): boolean {
    if (this.#tokens < 5) return false;
    this.#tokens -= 5;
    this.#taken = 5;
    return true;
  }
  protected override recordSuccess(): void {
    this.#tokens = Math.min(500, this.#tokens + (this.#taken || 1));
    this.#taken = 0;
  }
  override async run(call: Call): Promise<boolean> {
    this.#taken = 0;
    return super.run(call);
  }
}

/**
 * Marc Brooker's "Full Jitter" (AWS Architecture Blog, Exponential Backoff and Jitter):
 * sleep = random(0, min(cap, base × 2^attempt)). The post fixes no numbers; we give it the same
 * base (1 s), cap (32 s) and attempts (5) as ours so that only the schedule differs. Every
 * failure is retried (the post does not sort errors).
 */
class FullJitterClient extends LoopClient {
  protected readonly maxAttempts = 5;
  protected retryable(): boolean {
    return true;
  }
  protected delay(retry: number): number {
    return this.clock.random() * Math.min(32_000, 1000 * 2 ** (retry - 1));
  }
}

/**
 * Brooker's "Decorrelated Jitter": sleep = min(cap, random(base, previous sleep × 3)), starting
 * from base. Same base, cap and attempts as above.
 */
class DecorrelatedJitterClient extends LoopClient {
  protected readonly maxAttempts = 5;
  #sleep = 1000;
  protected retryable(): boolean {
    return true;
  }
  protected delay(retry: number): number {
    if (retry === 1) this.#sleep = 1000;
    this.#sleep = Math.min(32_000, 1000 + this.clock.random() * (this.#sleep * 3 - 1000));
    return this.#sleep;
  }
}

/**
 * gRPC retries with retry throttling (gRFC A6): the proposal's example policy — 4 attempts,
 * backoff a uniform draw below min(0.1 s × 2^(n−1), 1 s), retry UNAVAILABLE — and its example
 * throttling — maxTokens 10, tokenRatio 0.1: each failure with a retryable status takes 1 token,
 * each success gives 0.1, and retries are allowed only while more than half the tokens are left.
 */
class GrpcThrottlingClient extends LoopClient {
  protected readonly maxAttempts = 4;
  #tokens = 10;
  protected retryable(e: AdsError): boolean {
    return statusOf(e) === 'UNAVAILABLE';
  }
  protected delay(retry: number): number {
    return this.clock.random() * Math.min(100 * 2 ** (retry - 1), 1000);
  }
  protected override recordFailure(e: AdsError): void {
    if (this.retryable(e)) this.#tokens = Math.max(0, this.#tokens - 1);
  }
  protected override recordSuccess(): void {
    this.#tokens = Math.min(10, this.#tokens + 0.1);
  }
  protected override allowRetry(): boolean {
    return this.#tokens > 5;
  }
}

/**
 * p-retry 9 defaults (its index.js): retries 10 (11 attempts), factor 2, minTimeout 1,000 ms,
 * maxTimeout Infinity, randomize false → waits of 1 s, 2 s, 4 s … 512 s; every error is retried
 * except a TypeError that is not a network error.
 */
class PRetryClient extends LoopClient {
  protected readonly maxAttempts = 11;
  protected retryable(): boolean {
    return true;
  }
  protected delay(retry: number): number {
    return 1000 * 2 ** (retry - 1);
  }
}

/**
 * cockatiel 4 as its README's first example sets it up:
 * `retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() })` — every error, 3
 * retries, and ExponentialBackoff's defaults: the decorrelated-jitter generator (from Polly),
 * initialDelay 128 ms, maxDelay 30 s, exponent 2.
 */
class CockatielClient extends LoopClient {
  protected readonly maxAttempts = 4;
  #state: [number, number] = [0, 0];
  protected retryable(): boolean {
    return true;
  }
  protected delay(retry: number): number {
    if (retry === 1) this.#state = [0, 0];
    const [attempt, prev] = this.#state;
    const t = attempt + this.clock.random();
    const next = 2 ** t * Math.tanh(Math.sqrt(4 * t));
    const intrinsic = Number.isFinite(next) ? Math.max(0, next - prev) : Number.POSITIVE_INFINITY;
    this.#state = [attempt + 1, next];
    return Math.min((intrinsic / 1.4) * 128, 30_000);
  }
}

/** A client that never retries: the baseline for recovery. */
class NoRetryClient extends LoopClient {
  protected readonly maxAttempts = 1;
  protected retryable(): boolean {
    return false;
  }
  protected delay(): number {
    return 0;
  }
}

const peer = (name: string, make: new (clock: VirtualClock) => LoopClient): Strategy => ({ name, client: (clock) => new make(clock) });

export const STRATEGIES: readonly Strategy[] = [
  ours,
  peer('google-ads-gax', GaxClient),
  peer('aws-standard', AwsStandardClient),
  peer('full-jitter', FullJitterClient),
  peer('decorrelated-jitter', DecorrelatedJitterClient),
  peer('grpc-throttling', GrpcThrottlingClient),
  peer('p-retry', PRetryClient),
  peer('cockatiel', CockatielClient),
  peer('no-retry', NoRetryClient),
];
