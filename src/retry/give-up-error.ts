/**
 * `RetryGiveUpError`: what a policy throws when it stops trying after a Google Ads failure.
 */
import type { AdsError } from '../error/ads-error.js';

const BRAND = Symbol.for('ads-errors.RetryGiveUpError');

/**
 * Why the policy stopped:
 * - `not-retryable`: the failure cannot be fixed by sending the same request again;
 * - `outcome-unknown`: a mutate may have been applied; sending it again could apply it twice;
 * - `attempts`: the maximum number of attempts was used;
 * - `time-budget`: the next wait would end after the total time budget;
 * - `server-delay`: the server asked for a wait longer than the time left (see `retryAt`);
 * - `quota`: a long (daily) quota is used up (see `retryAt`);
 * - `throttled`: the retry budget is empty: too many failures lately to add more load.
 */
export type GiveUpReason = 'not-retryable' | 'outcome-unknown' | 'attempts' | 'time-budget' | 'server-delay' | 'quota' | 'throttled';

const REASON_TEXT: Readonly<Record<GiveUpReason, string>> = {
  'not-retryable': 'the failure is not one that a retry can fix',
  'outcome-unknown': 'the mutate may already have been applied, so it was not sent again',
  attempts: 'no attempts left',
  'time-budget': 'the next wait would go past the time budget',
  'server-delay': 'the server asked for a longer wait than the time left',
  quota: 'the quota is used up',
  throttled: 'the retry budget is empty (too many failures lately)',
};

/**
 * The policy gave up. `cause` is the last failure, decoded; `retryAt` says when to come back
 * when the server said so (a quota or rate delay), else null.
 */
export class RetryGiveUpError extends Error {
  override readonly name = 'RetryGiveUpError' as const;
  readonly reason: GiveUpReason;
  /** Attempts made, the first one included. */
  readonly attempts: number;
  readonly retryAt: Date | null;
  /** Request id of the last failure, when the server sent one. */
  readonly requestId: string | null;
  declare readonly cause: AdsError;

  constructor(reason: GiveUpReason, cause: AdsError, attempts: number, retryAt: Date | null) {
    const when = retryAt ? `; come back at ${retryAt.toISOString()}` : '';
    const code = cause.code ? ` (${cause.code})` : '';
    super(`Gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${REASON_TEXT[reason]}${when}. Last failure${code}: ${cause.message}`, { cause });
    Object.defineProperty(this, BRAND, { value: true });
    this.reason = reason;
    this.attempts = attempts;
    this.retryAt = retryAt;
    this.requestId = cause.requestId;
  }
}

/** True for a `RetryGiveUpError`, including one from another copy of this package. */
export function isRetryGiveUpError(value: unknown): value is RetryGiveUpError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
