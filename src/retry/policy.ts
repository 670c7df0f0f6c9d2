/**
 * `AdsRetryPolicy`: runs a call, and runs it again when — and only when — the decoded failure
 * says a resend can succeed, on the schedule that failure calls for.
 */
import type { AdsError } from '../error/ads-error.js';
import { decodeAdsError, type ToAdsError } from './adapter.js';
import { exponentialBackoff, type Backoff } from './backoff.js';
import { TokenBucketBudget, type RetryBudget } from './budget.js';
import { realClock, type RetryClock } from './clock.js';
import { decideRetry, type RequestSafety, type RetryDecision } from './decide.js';
import { Emitter, type GiveUpEvent, type RetryEvent } from './events.js';
import { RetryGiveUpError, type GiveUpReason } from './give-up-error.js';
import { attemptTimeoutError } from './local-error.js';
import { RateGate } from './rate-gate.js';

export interface RetryPolicyOptions {
  /** Most attempts per call, the first included. Default 5. */
  readonly maxAttempts?: number;
  /** Longest a call may take, waits included, in ms. Default 600,000 (10 min). */
  readonly totalBudgetMs?: number;
  /** Longest one attempt may take before it is abandoned as DEADLINE_EXCEEDED; default none. */
  readonly attemptTimeoutMs?: number | null;
  /** Schedule for transient failures. Default 1 s, 2 s, 4 s … capped at 32 s, +0–20 % jitter. */
  readonly backoff?: Backoff;
  /** Extra wait added to a server delay, as a share of it (spreads a crowd; never shortens). Default 0.1, at most 1 s. */
  readonly serverDelayJitter?: number;
  /** Shared retry budget; null turns throttling off. Default a `TokenBucketBudget`. */
  readonly budget?: RetryBudget | null;
  /** Shared gate for server delays and pacing; null turns it off. Default a `RateGate`. */
  readonly gate?: RateGate | null;
  /** Time and chance. Default the real clock. */
  readonly clock?: RetryClock;
  /** Turns a thrown value into an AdsError (null: not an Ads failure, rethrow as is). Default `decodeAdsError`. */
  readonly toAdsError?: ToAdsError;
  /** CUSTOMER_NOT_FOUND on a new account: first wait and poll interval (seed: 5 min, 30 s). */
  readonly newAccountPoll?: { readonly firstWaitMs: number; readonly intervalMs: number };
  /** What a call is when `execute` is not told: `mutate` (the safe assumption) by default. */
  readonly defaultOperation?: 'read' | 'mutate';
}

export interface ExecuteOptions {
  readonly signal?: AbortSignal;
  /** `read` calls are resent after any transient failure; `mutate` not after outcome-unknown ones. */
  readonly operation?: 'read' | 'mutate';
  /** The caller vouches that sending this twice is harmless. */
  readonly idempotent?: boolean;
  /** A validate-only mutate changes nothing, so it is safe to resend. */
  readonly validateOnly?: boolean;
  /** The customer account was just created: poll through CUSTOMER_NOT_FOUND. */
  readonly newAccount?: boolean;
  /**
   * The customer id the call is for. A rate limit whose scope is ACCOUNT then holds only the
   * calls for that account; without it (or for DEVELOPER scope) it holds every call of the policy.
   */
  readonly account?: string;
}

/** What `fn` receives on each attempt. */
export interface AttemptContext {
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Aborts when the caller aborts or the attempt times out; pass it to the client call. */
  readonly signal: AbortSignal;
}

const NEVER_ABORTED = new AbortController().signal;
const NO_OPTIONS: ExecuteOptions = Object.freeze({});
const FIRST_ATTEMPT: AttemptContext = Object.freeze({ attempt: 1, signal: NEVER_ABORTED });

interface Resolved {
  readonly maxAttempts: number;
  readonly totalBudgetMs: number;
  readonly attemptTimeoutMs: number | null;
  readonly backoff: Backoff;
  readonly serverDelayJitter: number;
  readonly budget: RetryBudget | null;
  readonly gate: RateGate | null;
  readonly clock: RetryClock;
  readonly toAdsError: ToAdsError;
  readonly newAccountPoll: { readonly firstWaitMs: number; readonly intervalMs: number };
  readonly defaultOperation: 'read' | 'mutate';
}

/**
 * A retry policy for Google Ads calls. One instance is meant to be shared by many concurrent
 * calls: its retry budget and rate gate are what keep a crowd of clients polite.
 */
export class AdsRetryPolicy {
  readonly #o: Resolved;
  readonly #accountGates = new Map<string, RateGate>();
  readonly #onRetry = new Emitter<RetryEvent>();
  readonly #onGiveUp = new Emitter<GiveUpEvent>();
  /** Fires before each wait for a retry. */
  readonly onRetry = this.#onRetry.add;
  /** Fires when the policy stops after an Ads failure (the error it throws follows). */
  readonly onGiveUp = this.#onGiveUp.add;

  constructor(options: RetryPolicyOptions = {}) {
    this.#o = {
      maxAttempts: options.maxAttempts ?? 5,
      totalBudgetMs: options.totalBudgetMs ?? 600_000,
      attemptTimeoutMs: options.attemptTimeoutMs ?? null,
      backoff: options.backoff ?? exponentialBackoff(),
      serverDelayJitter: options.serverDelayJitter ?? 0.1,
      budget: options.budget === undefined ? new TokenBucketBudget() : options.budget,
      gate: options.gate === undefined ? new RateGate() : options.gate,
      clock: options.clock ?? realClock,
      toAdsError: options.toAdsError ?? decodeAdsError,
      newAccountPoll: options.newAccountPoll ?? { firstWaitMs: 5 * 60_000, intervalMs: 30_000 },
      defaultOperation: options.defaultOperation ?? 'mutate',
    };
  }

  /**
   * A policy with some options changed. The budget, gate and clock stay shared with this one
   * unless replaced, so derived policies still count against the same fleet budget. Event
   * listeners are not copied.
   */
  with(options: RetryPolicyOptions): AdsRetryPolicy {
    return new AdsRetryPolicy({ ...this.#o, ...options });
  }

  /** The shared retry budget (null when off). */
  get budget(): RetryBudget | null {
    return this.#o.budget;
  }

  /** The shared rate gate (null when off). */
  get gate(): RateGate | null {
    return this.#o.gate;
  }

  /**
   * Runs `fn` until it succeeds or the policy gives up. Resolves with `fn`'s value. Rejects with
   * a `RetryGiveUpError` (whose `cause` is the last AdsError) after a Google Ads failure; with
   * the thrown value untouched when it is not an Ads failure; with `signal.reason` on abort —
   * at once, even in the middle of a wait or an attempt.
   */
  execute<T>(fn: (context: AttemptContext) => T | PromiseLike<T>, options: ExecuteOptions = NO_OPTIONS): Promise<T> {
    const o = this.#o;
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const start = o.clock.now();
    // Fast path (no signal, no timeout, gates open): one clock read, no extra async frame.
    if (!signal && o.attemptTimeoutMs === null) {
      const gate = o.gate;
      const account = gate && options.account !== undefined ? this.#accountGate(options.account) : null;
      if (!gate || ((!gate.engaged || !gate.active(start)) && (!account || !account.engaged || !account.active(start)))) {
        let result: T | PromiseLike<T>;
        try {
          result = fn(FIRST_ATTEMPT);
        } catch (thrown) {
          return this.#loop(fn, options, 2, start, thrown);
        }
        return Promise.resolve(result).then(
          (value) => {
            o.budget?.recordSuccess();
            // The send time stands for the success time: close enough to measure a rate.
            gate?.succeededSampled(start);
            account?.succeededSampled(start);
            return value;
          },
          (thrown: unknown) => this.#loop(fn, options, 2, start, thrown),
        );
      }
    }
    return this.#loop(fn, options, 1, start, undefined);
  }

  async #loop<T>(
    fn: (context: AttemptContext) => T | PromiseLike<T>,
    options: ExecuteOptions,
    firstAttempt: number,
    start: number,
    firstThrown: unknown,
  ): Promise<T> {
    const o = this.#o;
    const clock = o.clock;
    const signal = options.signal;
    const deadline = start + o.totalBudgetMs;
    const safety: RequestSafety = {
      operation: options.operation ?? o.defaultOperation,
      idempotent: options.idempotent === true || options.validateOnly === true,
      newAccount: options.newAccount === true,
    };
    const account = o.gate && options.account !== undefined ? this.#accountGate(options.account) : null;
    let attempt = firstAttempt;
    let pending: { thrown: unknown } | null = firstAttempt === 1 ? null : { thrown: firstThrown };
    let polls = 0;

    for (;;) {
      if (pending === null) {
        // Make an attempt.
        if (o.gate) await o.gate.wait(clock, signal);
        if (account) await account.wait(clock, signal);
        try {
          const value = await this.#attempt(fn, attempt, signal);
          o.budget?.recordSuccess();
          const done = clock.now();
          o.gate?.succeeded(done);
          account?.succeeded(done);
          return value;
        } catch (thrown) {
          if (signal?.aborted) throw signal.reason;
          pending = { thrown };
        }
        attempt++;
      }
      const thrown = pending.thrown;
      pending = null;
      const made = attempt - 1;

      const error = o.toAdsError(thrown);
      if (!error) throw thrown;
      const decision = decideRetry(error, safety);
      const now = clock.now();

      // Only server trouble drains the budget: a client error or a quota says nothing of the server's health.
      const trouble = decision.retry ? decision.countsAgainstBudget : error.retryable && error.kind !== 'rate-limit' && error.kind !== 'quota';
      if (trouble) o.budget?.recordFailure();
      if (!decision.retry) {
        throw this.#giveUp(decision.reason, error, made, decision.reason === 'quota' ? at(now, decision.serverDelayMs) : null);
      }
      if (decision.schedule === 'server-delay' && decision.serverDelayMs != null) {
        const scope = error.quota?.rateScope ?? error.errors.find((e) => e.details?.quota)?.details?.quota?.rateScope;
        (scope === 'ACCOUNT' && account ? account : o.gate)?.throttled(now, decision.serverDelayMs);
      }

      const wait = this.#delay(decision, made, polls);
      if (decision.schedule === 'poll') polls++;
      const serverDelay = decision.serverDelayMs ?? 0;
      if (now + serverDelay > deadline) throw this.#giveUp('server-delay', error, made, at(now, serverDelay));
      if (decision.schedule !== 'poll' && made >= o.maxAttempts) throw this.#giveUp('attempts', error, made, null);
      if (now + wait > deadline) throw this.#giveUp('time-budget', error, made, null);
      if (decision.countsAgainstBudget && o.budget) {
        const allowed = await o.budget.allowRetry();
        if (!allowed) throw this.#giveUp('throttled', error, made, null);
      }

      if (this.#onRetry.size > 0) {
        this.#onRetry.emit({ attempt, delayMs: wait, error, requestId: error.requestId, schedule: decision.schedule });
      }
      await clock.sleep(wait, signal);
    }
  }

  /** The gate of one customer account, made on first use; the oldest are forgotten past 10,000. */
  #accountGate(id: string): RateGate {
    let g = this.#accountGates.get(id);
    if (!g) {
      g = this.#o.gate!.fork(64);
      if (this.#accountGates.size >= 10_000) this.#accountGates.delete(this.#accountGates.keys().next().value!);
      this.#accountGates.set(id, g);
    }
    return g;
  }

  #delay(decision: RetryDecision & { retry: true }, made: number, polls: number): number {
    const o = this.#o;
    const random = (): number => o.clock.random();
    if (decision.schedule === 'poll') return polls === 0 ? o.newAccountPoll.firstWaitMs : o.newAccountPoll.intervalMs;
    const server = decision.serverDelayMs;
    if (decision.schedule === 'server-delay' && server != null) {
      // Never earlier than asked; a little later, so that a crowd told the same delay spreads.
      return server + Math.min(1000, server * o.serverDelayJitter) * random();
    }
    const local = o.backoff(made, random);
    return server != null ? Math.max(local, server) : local;
  }

  async #attempt<T>(fn: (context: AttemptContext) => T | PromiseLike<T>, attempt: number, signal: AbortSignal | undefined): Promise<T> {
    const timeoutMs = this.#o.attemptTimeoutMs;
    if (timeoutMs === null) {
      if (!signal) return await fn({ attempt, signal: NEVER_ABORTED });
      return await raceAbort(fn({ attempt, signal }), signal);
    }
    // The attempt gets its own controller: aborted by the caller's signal or by the timer.
    const ctl = new AbortController();
    const onAbort = (): void => ctl.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timerCtl = new AbortController();
    const timedOut = this.#o.clock.sleep(timeoutMs, timerCtl.signal).then(
      () => {
        const err = attemptTimeoutError(timeoutMs);
        ctl.abort(err);
        throw err;
      },
      () => undefined as never,
    );
    try {
      const work = Promise.resolve(fn({ attempt, signal: ctl.signal }));
      return await raceAbort(Promise.race([work, timedOut]), ctl.signal);
    } finally {
      timerCtl.abort();
      signal?.removeEventListener('abort', onAbort);
    }
  }

  #giveUp(reason: GiveUpReason, error: AdsError, attempts: number, retryAt: Date | null): RetryGiveUpError {
    if (this.#onGiveUp.size > 0) this.#onGiveUp.emit({ attempts, reason, error, requestId: error.requestId, retryAt });
    return new RetryGiveUpError(reason, error, attempts, retryAt);
  }
}

function at(now: number, delayMs: number | null): Date | null {
  return delayMs == null ? null : new Date(now + delayMs);
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts. */
function raceAbort<T>(work: T | PromiseLike<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(work).then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** A retry policy with the defaults (or the given options). */
export function adsRetryPolicy(options: RetryPolicyOptions = {}): AdsRetryPolicy {
  return new AdsRetryPolicy(options);
}
