/**
 * Resending what is worth resending after a partial failure, and putting the answers back in
 * the original order.
 */
import type { AdsErrorEntry, ErrorKind } from '../error/types.js';
import { rebaseEntry } from './locate.js';
import type { OperationOutcome, OperationsSplit } from './types.js';

export interface FailedForGood {
  readonly index: number;
  readonly kind: ErrorKind | null;
  readonly errors: readonly AdsErrorEntry[];
  /** Why resending it unchanged would fail again, one line per error. */
  readonly explanation: string;
}

export interface RetrySubset<T> {
  /** The operations to send again, in their original relative order. */
  readonly operations: T[];
  /** `originalIndex[j]` is the index in the original request of `operations[j]`. */
  readonly originalIndex: number[];
  /** Failed operations that would fail the same way again: fix them first. */
  readonly failedForGood: FailedForGood[];
  /** Operations the response says nothing about; not resent unless asked, as they may have been applied. */
  readonly unknown: number[];
  /** Wait at least this long before resending: the longest server delay among the resent operations' errors, or null. */
  readonly delayMs: number | null;
}

export interface RetrySubsetOptions {
  /** Also resend operations whose outcome is unknown (only safe when applying twice does no harm). */
  readonly includeUnknown?: boolean;
  /** One line of explanation per error (e.g. an `explain` title); defaults to code and message. */
  readonly explain?: (entry: AdsErrorEntry) => string;
}

/**
 * The operations worth sending again: those that failed with transient errors only (per the
 * classifier: internal errors, concurrent modification, short rate limits). Every other failed
 * operation is listed in `failedForGood` with its explanation. `operations` is the list sent
 * the first time; without it, `operations` of the subset holds the original indices.
 * Never throws.
 */
export function retryableSubset(split: OperationsSplit, operations?: undefined, options?: RetrySubsetOptions): RetrySubset<number>;
export function retryableSubset<T>(split: OperationsSplit, operations: readonly T[], options?: RetrySubsetOptions): RetrySubset<T>;
export function retryableSubset<T>(split: OperationsSplit, operations?: readonly T[], options: RetrySubsetOptions = {}): RetrySubset<T | number> {
  // Without the list sent, the subset is given as original indices.
  const sent: readonly (T | number)[] = operations ?? split.operations.map((o) => o.index);
  const explain = options.explain ?? ((e: AdsErrorEntry) => `${e.code.key}${e.message ? `: ${e.message}` : ''}`);
  const out: { -readonly [K in keyof RetrySubset<T | number>]: RetrySubset<T | number>[K] } = { operations: [], originalIndex: [], failedForGood: [], unknown: [], delayMs: null };
  for (const op of split.operations) {
    const resend = (op.status === 'failed' && op.retryable) || (op.status === 'unknown' && options.includeUnknown === true);
    if (op.status === 'unknown') out.unknown.push(op.index);
    if (resend) {
      if (op.index < sent.length) {
        out.operations.push(sent[op.index]!);
        out.originalIndex.push(op.index);
        for (const ms of [op.failure?.retryDelayMs, ...op.errors.map((e) => e.details?.quota?.retryDelayMs)]) {
          if (typeof ms === 'number' && Number.isFinite(ms) && ms > (out.delayMs ?? -1)) out.delayMs = ms;
        }
      }
      continue;
    }
    if (op.status === 'failed') {
      out.failedForGood.push({ index: op.index, kind: op.kind, errors: op.errors, explanation: op.errors.map(explain).join('\n') });
    }
  }
  return out;
}

/**
 * Puts the outcome of a resent subset back into the first outcome: operation `j` of `retry` is
 * operation `subset.originalIndex[j]` of the original request, and its errors' paths are moved
 * to that index. The result has exactly the first split's operations, one per original index.
 * Errors of the retry that name no resent operation are kept (request-level or out of range).
 */
export function mergeResults(first: OperationsSplit, retry: OperationsSplit, subset: Pick<RetrySubset<unknown>, 'originalIndex'>): OperationsSplit {
  const operations: OperationOutcome[] = first.operations.slice();
  const issues = [...first.issues, ...retry.issues.map((i) => `retry: ${i}`)];
  const outOfRange = [...first.outOfRange];
  const requestErrors = [...first.requestErrors, ...retry.requestErrors];
  for (const e of retry.outOfRange) outOfRange.push(e);
  for (const op of retry.operations) {
    const orig = subset.originalIndex[op.index];
    if (orig === undefined || orig < 0 || orig >= operations.length) {
      issues.push(`retry operation ${op.index} maps to no original operation; its errors are kept out of range`);
      outOfRange.push(...op.errors);
      continue;
    }
    operations[orig] = { ...op, index: orig, errors: op.errors.map((e) => rebaseEntry(e, op.index, orig)) };
  }
  if (retry.operations.length < subset.originalIndex.length) {
    issues.push(`the retry answered ${retry.operations.length} of ${subset.originalIndex.length} resent operation(s); the others keep their first outcome`);
  }
  return {
    kind: first.kind,
    operations,
    requestErrors,
    outOfRange,
    error: retry.error ?? first.error,
    requestId: retry.requestId ?? first.requestId,
    issues,
  };
}
