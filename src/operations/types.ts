/**
 * The per-operation view of a mutate response with partial failure, a batch job's results and
 * a broken search stream. Plain data, apart from the `AdsError` of the whole failure.
 */
import type { AdsError } from '../error/ads-error.js';
import type { AdsErrorEntry, ErrorKind } from '../error/types.js';

/**
 * What happened to one operation:
 * - `ok`: the response holds its result and no error names it;
 * - `failed`: at least one error names it;
 * - `unknown`: neither a result nor an error, and the response cannot tell which it was.
 */
export type OperationStatus = 'ok' | 'failed' | 'unknown';

export interface OperationOutcome {
  /** Position of the operation in the request (0-based). */
  readonly index: number;
  readonly status: OperationStatus;
  /** The operation's result as the response carried it (object, or protobuf bytes for binary forms). */
  readonly result?: unknown;
  /** Every error that names this operation, in response order. */
  readonly errors: readonly AdsErrorEntry[];
  /** True when the operation failed and every one of its errors is transient: resend it as it is. */
  readonly retryable: boolean;
  /** Kind of the operation's most blocking error, or null when it did not fail. */
  readonly kind: ErrorKind | null;
  /**
   * The operation's own decoded failure, when the form gives each operation one (a batch job
   * result's `status`): its gRPC status, rpc details and retry delay.
   */
  readonly failure?: AdsError;
}

/** Where the per-operation view came from. */
export type OperationsSource = 'mutate' | 'batch';

export interface OperationsSplit {
  readonly kind: OperationsSource;
  /** One entry per operation, index 0 … count-1, in order: every index exactly once. */
  readonly operations: readonly OperationOutcome[];
  /** Errors that name no operation: about the request as a whole. */
  readonly requestErrors: readonly AdsErrorEntry[];
  /**
   * Errors that name an operation that cannot exist: a negative index, or one at or beyond the
   * operation count. Kept here, never dropped and never moved onto a real operation.
   */
  readonly outOfRange: readonly AdsErrorEntry[];
  /** The decoded failure the errors came from (the partial failure status), or null when there was none. */
  readonly error: AdsError | null;
  readonly requestId: string | null;
  /** Anything odd about the input, in words (unreadable parts, duplicate batch results, …). */
  readonly issues: readonly string[];
}

/** What to do about a search stream that broke. */
export interface StreamRestartAdvice {
  /** Resending a query changes nothing on the account: always safe. */
  readonly safe: true;
  /** Worth doing now: the error is transient. False for errors that will repeat. */
  readonly advisable: boolean;
  /** The server's requested wait before restarting, in ms, or null. */
  readonly delayMs: number | null;
  /** Rows already received will arrive again when the whole query is restarted. */
  readonly rowsWillRepeat: boolean;
  /** The advice in words. */
  readonly advice: string;
}

export interface StreamSplit {
  readonly kind: 'stream';
  /** Every row received before the stream broke (or all rows, when it did not). */
  readonly rows: readonly unknown[];
  /** How many stream messages (batches of rows) arrived. */
  readonly messages: number;
  /** The failure that ended the stream, or null when it ended normally. */
  readonly error: AdsError | null;
  /** The stream's request id (from its messages, else from the failure). */
  readonly requestId: string | null;
  /** True when the stream ended without an error. */
  readonly complete: boolean;
  /** Null when the stream completed. */
  readonly restart: StreamRestartAdvice | null;
  readonly issues: readonly string[];
}

/** What `detectOperationsResponse` finds. */
export type DetectedResponse = OperationsSplit | StreamSplit;
