/**
 * `AdsError`: the one error type every decoded failure becomes.
 */
import type {
  Actor,
  AdsErrorData,
  AdsErrorEntry,
  ErrorKind,
  QuotaDetails,
  RetryDelaySource,
  RpcDetail,
  SourceForm,
  StatusRef,
} from './types.js';
import type { Side } from '../classify/status.js';

const BRAND = Symbol.for('ads-errors.AdsError');

/**
 * A Google Ads API (or OAuth, or Google API) failure, decoded. The original input is kept in
 * `cause`; `toJSON()` gives the plain data without it.
 */
export class AdsError extends Error implements AdsErrorData {
  override readonly name = 'AdsError' as const;
  readonly recognized: boolean;
  readonly source: SourceForm;
  readonly apiVersion: string | null;
  readonly status: StatusRef | null;
  readonly httpStatus: number | null;
  readonly requestId: string | null;
  readonly errors: readonly AdsErrorEntry[];
  readonly rpcDetails: readonly RpcDetail[];
  readonly retryDelayMs: number | null;
  readonly retryDelaySource: RetryDelaySource | null;
  readonly quota: QuotaDetails | null;
  readonly side: Side | null;
  readonly kind: ErrorKind;
  readonly actor: Actor;
  readonly retryable: boolean;
  readonly issues: readonly string[];
  declare readonly cause: unknown;

  constructor(data: AdsErrorData, cause?: unknown) {
    // An AdsError describes a failure that happened elsewhere; where decode() was called is of
    // little use, and capturing it costs more than the whole decode. The original error, with
    // its own stack, is kept in `cause`.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      // Passing `cause` always (even undefined) makes it an own property: "the original input"
      // is there to look at whatever it was.
      super(data.message, { cause });
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.recognized = data.recognized;
    this.source = data.source;
    this.apiVersion = data.apiVersion;
    this.status = data.status;
    this.httpStatus = data.httpStatus;
    this.requestId = data.requestId;
    this.errors = data.errors;
    this.rpcDetails = data.rpcDetails;
    this.retryDelayMs = data.retryDelayMs;
    this.retryDelaySource = data.retryDelaySource;
    this.quota = data.quota;
    this.side = data.side;
    this.kind = data.kind;
    this.actor = data.actor;
    this.retryable = data.retryable;
    this.issues = data.issues;
  }

  /** The first error's code key (`authorizationError.USER_PERMISSION_DENIED`), or the status name. */
  get code(): string | null {
    return this.errors[0]?.code.key ?? (this.status ? `status.${this.status.name}` : null);
  }

  /** Plain data: everything but `cause`. Safe to log (the decoders never copy secrets in). */
  static {
    // The brand lives on the prototype: one definition, not one per instance.
    Object.defineProperty(AdsError.prototype, BRAND, { value: true });
  }

  toJSON(): AdsErrorData {
    return {
      recognized: this.recognized,
      source: this.source,
      apiVersion: this.apiVersion,
      status: this.status,
      httpStatus: this.httpStatus,
      message: this.message,
      requestId: this.requestId,
      errors: this.errors,
      rpcDetails: this.rpcDetails,
      retryDelayMs: this.retryDelayMs,
      retryDelaySource: this.retryDelaySource,
      quota: this.quota,
      side: this.side,
      kind: this.kind,
      actor: this.actor,
      retryable: this.retryable,
      issues: this.issues,
    };
  }
}

/**
 * True for an `AdsError`, including one made by another copy of this package (the check uses a
 * global symbol, not `instanceof`).
 */
export function isAdsError(value: unknown): value is AdsError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
