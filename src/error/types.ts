/**
 * The data model of a decoded failure. Everything here is plain data (JSON-serializable but for
 * `cause`), so that it can be logged, compared and sent over a wire.
 */
import type { GrpcStatusName, Side } from '../classify/status.js';

/** The form the failure arrived in. */
export type SourceForm =
  | 'grpc' //            grpc-js ServiceError (status, details, metadata trailers)
  | 'gax' //             google-gax GoogleError (possibly with the trailers stripped)
  | 'rest' //            REST error body {"error": {...}}
  | 'rest-stream' //     REST searchStream array whose last element carries the error
  | 'google-ads-api' //  Opteo's google-ads-api thrown GoogleAdsFailure object
  | 'oauth' //           OAuth token endpoint error, or an error wrapping one
  | 'google-api' //      older Google API error body (error.errors[].domain/reason)
  | 'rpc-status' //      a google.rpc.Status object (not wrapped in {"error"})
  | 'failure' //         a bare GoogleAdsFailure object
  | 'binary' //          protobuf bytes (GoogleAdsFailure or google.rpc.Status)
  | 'text' //            pasted text: printed client failures, logs
  | 'unknown';

/** A code of any family, as category + name. */
export interface ErrorCodeRef {
  /**
   * Family of the code:
   * - a Google Ads ErrorCode member in JSON case (`authorizationError`, `quotaError`, …);
   * - `oauth` for OAuth token errors (`invalid_grant`);
   * - `global` (or the body's own domain) for older Google API reasons (`rateLimitExceeded`);
   * - `errorInfo` for google.rpc.ErrorInfo reasons (`SERVICE_DISABLED`);
   * - `status` when nothing more specific than the gRPC status is known.
   */
  readonly category: string;
  readonly name: string;
  /** Enum number where the family has numbers (Ads codes), else null. */
  readonly number: number | null;
  /** `category.name`, e.g. `authorizationError.USER_PERMISSION_DENIED`, `oauth.invalid_grant`. */
  readonly key: string;
  /** False when the catalog of the payload's API version does not have this code. */
  readonly known: boolean;
}

/** The value that triggered an error (common.Value). int64 values are kept as decimal strings. */
export type TriggerValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'int64'; readonly value: string }
  | { readonly kind: 'double'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean };

export interface FieldPathElement {
  readonly fieldName: string;
  /** Position inside a repeated field; null when absent (absent is not 0). */
  readonly index: number | null;
}

export type QuotaRateScope = 'UNSPECIFIED' | 'UNKNOWN' | 'ACCOUNT' | 'DEVELOPER' | (string & {});

export interface QuotaDetails {
  readonly rateScope: QuotaRateScope | null;
  readonly rateName: string | null;
  /** The server's requested wait, in milliseconds, or null. */
  readonly retryDelayMs: number | null;
}

export interface ResourceCountDetails {
  readonly enclosingId: string | null;
  readonly enclosingResource: string | null;
  readonly limit: number | null;
  readonly limitType: string | null;
  readonly existingCount: number | null;
}

export interface PolicyViolationDetails {
  readonly externalPolicyName: string | null;
  readonly externalPolicyDescription: string | null;
  readonly isExemptible: boolean | null;
  readonly key: { readonly policyName: string | null; readonly violatingText: string | null } | null;
}

export interface AdsErrorDetails {
  readonly unpublishedErrorCode: string | null;
  readonly quota: QuotaDetails | null;
  readonly resourceCount: ResourceCountDetails | null;
  readonly policyViolation: PolicyViolationDetails | null;
  /** Policy topic entries as found (shape varies with the version); kept, not interpreted. */
  readonly policyFinding: unknown;
  readonly budgetPerDayMinimum: unknown;
  readonly reservation: unknown;
  readonly incompatibleCloGoals: unknown;
}

/** One error of a failure: a GoogleAdsError, or its counterpart in another family. */
export interface AdsErrorEntry {
  readonly code: ErrorCodeRef;
  readonly message: string;
  readonly trigger: TriggerValue | null;
  readonly fieldPath: readonly FieldPathElement[];
  /** `operations[2].create.name`, or null when there is no path. */
  readonly fieldPathText: string | null;
  /** Index of the operation this error belongs to, from the path; null when the path has none. */
  readonly operationIndex: number | null;
  readonly details: AdsErrorDetails | null;
  /** Free-form location (older Google API bodies: `locationType` + `location`). */
  readonly location: string | null;
}

/** A google.rpc error detail, decoded. */
export type RpcDetail =
  | { readonly type: 'ErrorInfo'; readonly reason: string; readonly domain: string; readonly metadata: Readonly<Record<string, string>> }
  | { readonly type: 'RetryInfo'; readonly retryDelayMs: number | null }
  | {
      readonly type: 'QuotaFailure';
      readonly violations: readonly {
        readonly subject: string;
        readonly description: string;
        readonly quotaMetric: string | null;
        readonly quotaId: string | null;
        readonly quotaValue: string | null;
      }[];
    }
  | { readonly type: 'BadRequest'; readonly fieldViolations: readonly { readonly field: string; readonly description: string; readonly reason: string | null }[] }
  | { readonly type: 'PreconditionFailure'; readonly violations: readonly { readonly type: string; readonly subject: string; readonly description: string }[] }
  | { readonly type: 'Help'; readonly links: readonly { readonly description: string; readonly url: string }[] }
  | { readonly type: 'LocalizedMessage'; readonly locale: string; readonly message: string }
  | { readonly type: 'RequestInfo'; readonly requestId: string; readonly servingData: string }
  | { readonly type: 'ResourceInfo'; readonly resourceType: string; readonly resourceName: string; readonly owner: string; readonly description: string }
  | { readonly type: 'DebugInfo'; readonly detail: string; readonly stackEntries: readonly string[] }
  | { readonly type: 'GoogleAdsFailure'; readonly apiVersion: string | null; readonly errorCount: number }
  | { readonly type: 'unknown'; readonly typeUrl: string };

/** What a failure means for the program: how it can recover, in one word. */
export type ErrorKind =
  | 'authentication' //  credentials missing, invalid, expired or revoked
  | 'authorization' //   credentials fine, access not allowed
  | 'quota' //           a long or daily quota used up: come back later
  | 'rate-limit' //      a short-term rate limit: wait the delay, resend
  | 'invalid-request' // fix the request
  | 'not-found'
  | 'conflict' //        already exists, concurrent modification
  | 'precondition' //    account or resource state must change first
  | 'transient' //       server trouble, resend with backoff
  | 'unsupported'
  | 'cancelled'
  | 'redirect'
  | 'unknown';

/** Who must act for the request to succeed. */
export type Actor = 'developer' | 'admin' | 'end-user' | 'nobody';

/** Where the server's retry delay came from. */
export type RetryDelaySource = 'quotaErrorDetails' | 'retryInfo' | 'retry-after' | 'message';

export interface StatusRef {
  readonly code: number;
  readonly name: GrpcStatusName;
  /** The HTTP status this gRPC code maps to. */
  readonly http: number;
}

/** Plain-data form of a decoded failure (what `AdsError.toJSON()` returns). */
export interface AdsErrorData {
  /** True when the input was recognized as a failure of a known form. */
  readonly recognized: boolean;
  readonly source: SourceForm;
  /** `v25`, from the payload's type URL or metadata key; null when it does not say. */
  readonly apiVersion: string | null;
  readonly status: StatusRef | null;
  /** The HTTP status actually seen (a REST response, an OAuth error), when there was one. */
  readonly httpStatus: number | null;
  readonly message: string;
  readonly requestId: string | null;
  readonly errors: readonly AdsErrorEntry[];
  readonly rpcDetails: readonly RpcDetail[];
  /** The server's requested wait in ms (longest of its hints), or null. */
  readonly retryDelayMs: number | null;
  readonly retryDelaySource: RetryDelaySource | null;
  readonly quota: QuotaDetails | null;
  readonly side: Side | null;
  readonly kind: ErrorKind;
  readonly actor: Actor;
  /** True only for transient failures that are safe to send again as they are. */
  readonly retryable: boolean;
  /** What could not be recognized or was dropped as malformed, in words. */
  readonly issues: readonly string[];
}
