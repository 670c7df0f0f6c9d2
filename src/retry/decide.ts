/**
 * The retry decision: from one decoded failure (and what the caller said about the request),
 * whether to send it again and on which schedule. Pure: no clock, no state.
 */
import type { AdsError } from '../error/ads-error.js';
import { statusByCode } from '../classify/status.js';
import type { GiveUpReason } from './give-up-error.js';

/** What kind of request is being sent, as far as resending it is concerned. */
export interface RequestSafety {
  /** `read` (search, searchStream, get) or `mutate`. */
  readonly operation: 'read' | 'mutate';
  /** The caller vouches that sending it twice is harmless (its own idempotency, `validateOnly`). */
  readonly idempotent: boolean;
  /** The account was just created: `CUSTOMER_NOT_FOUND` means "not ready yet", so poll. */
  readonly newAccount: boolean;
}

export type RetryDecision =
  | {
      readonly retry: true;
      /** `backoff`: exponential; `server-delay`: at least the server's delay; `poll`: fixed interval. */
      readonly schedule: 'backoff' | 'server-delay' | 'poll';
      /** The server's delay (never wait less), or null. */
      readonly serverDelayMs: number | null;
      /** True for server trouble that the retry budget should count; false for rate limits. */
      readonly countsAgainstBudget: boolean;
    }
  | { readonly retry: false; readonly reason: GiveUpReason; readonly serverDelayMs: number | null };

const CUSTOMER_NOT_FOUND = 'authenticationError.CUSTOMER_NOT_FOUND';

const no = (reason: GiveUpReason, serverDelayMs: number | null = null): RetryDecision => ({ retry: false, reason, serverDelayMs });

/**
 * Decides from the decoded failure, never from a raw code alone:
 * - transient server trouble (`kind` transient or conflict with `retryable`: UNAVAILABLE,
 *   INTERNAL, UNKNOWN, DEADLINE_EXCEEDED, ABORTED, internalError.*, CONCURRENT_MODIFICATION) →
 *   exponential backoff, but never sooner than a server delay if one came with it;
 * - a short rate limit → wait the server's delay, or back off when it gave none;
 * - a long/daily quota → give up with the time to come back;
 * - `CUSTOMER_NOT_FOUND` on an account the caller says is new → fixed-interval polling;
 * - everything else (invalid argument, permission, authentication, not found…) → give up;
 * - a mutate whose outcome is unknown (the status says it may have been applied) → give up,
 *   unless the caller marked it idempotent.
 */
export function decideRetry(error: AdsError, safety: RequestSafety): RetryDecision {
  const delay = error.retryDelayMs ?? error.quota?.retryDelayMs ?? null;
  if (error.kind === 'quota') return no('quota', delay);

  if (error.errors.length > 0 && error.errors.every((e) => e.code.key === CUSTOMER_NOT_FOUND)) {
    return safety.newAccount ? { retry: true, schedule: 'poll', serverDelayMs: null, countsAgainstBudget: false } : no('not-retryable');
  }

  if (!error.retryable) return no('not-retryable', delay);

  const status = error.status ? statusByCode(error.status.code) : undefined;
  if (status?.outcomeUnknown && safety.operation === 'mutate' && !safety.idempotent) return no('outcome-unknown', delay);

  if (error.kind === 'rate-limit') {
    return delay != null
      ? { retry: true, schedule: 'server-delay', serverDelayMs: delay, countsAgainstBudget: false }
      : { retry: true, schedule: 'backoff', serverDelayMs: null, countsAgainstBudget: true };
  }
  return { retry: true, schedule: 'backoff', serverDelayMs: delay, countsAgainstBudget: true };
}
