/**
 * How the emulator describes a failure before it goes on the wire, and how that description
 * becomes the real payloads: the binary GoogleAdsFailure of the trailer, the google.rpc.Status
 * of `grpc-status-details-bin` and of `partial_failure_error`, and the REST JSON body.
 */
import { create, createRegistry, toBinary, toJson, type JsonObject } from '@bufbuild/protobuf';
import { anyPack, DurationSchema } from '@bufbuild/protobuf/wkt';
import { findCode } from '../catalog/catalog.js';
import { statusByCode } from '../classify/status.js';
import {
  ErrorCodeSchema,
  GoogleAdsErrorSchema,
  GoogleAdsFailureSchema,
  QuotaErrorDetails_QuotaRateScope,
  type GoogleAdsFailure,
} from '../gen/newest-errors.js';
import { ValueSchema } from '../gen/newest-errors.js';
import { StatusSchema, type Status } from '../gen/pb/google/rpc/status_pb.js';
import { ADS_PACKAGE } from './descriptors.js';

/** One element of a field path: a name, or a name with the index inside a repeated field. */
export type PathElement = string | readonly [name: string, index: number];

/** One GoogleAdsError, in the emulator's terms. */
export interface ErrorSpec {
  /** Catalog key: `authorizationError.USER_PERMISSION_DENIED`. */
  readonly code: string;
  readonly message: string;
  readonly trigger?: string | number | boolean;
  readonly path?: readonly PathElement[];
  readonly quota?: {
    readonly scope: 'ACCOUNT' | 'DEVELOPER';
    readonly rateName: string;
    readonly retryDelaySeconds: number;
  };
}

/** Type URL of the failure in `details` and in partial-failure statuses. */
export const FAILURE_TYPE_URL = `type.googleapis.com/${ADS_PACKAGE}.errors.GoogleAdsFailure`;
/** Binary trailer key that the official client libraries read. */
export const FAILURE_TRAILER_KEY = `${ADS_PACKAGE}.errors.googleadsfailure-bin`;

/**
 * A failed call, thrown by the handlers and rendered by each transport. `errors` is empty for
 * failures the real API sends without a GoogleAdsFailure (UNAVAILABLE, DEADLINE_EXCEEDED).
 */
export class EmulatorFailure extends Error {
  override readonly name = 'EmulatorFailure';
  constructor(
    /** gRPC status code, 1–16. */
    readonly grpcCode: number,
    message: string,
    readonly errors: readonly ErrorSpec[] = [],
    /** Set when the failure was scripted (`x-emulator-fault` or a scenario), for the log. */
    readonly fault: string | null = null,
  ) {
    super(message);
  }
}

/**
 * The gRPC status that goes with an Ads error code, as the live API pairs them.
 * Authentication errors are UNAUTHENTICATED, CUSTOMER_NOT_FOUND included: it is an
 * `authenticationError` and public reports show it with HTTP 401. Authorization errors are
 * PERMISSION_DENIED, quota errors RESOURCE_EXHAUSTED, internal errors INTERNAL (but the two
 * internal codes named after other statuses keep them), everything else INVALID_ARGUMENT.
 */
export function grpcCodeFor(codeKey: string): number {
  const [category, name] = codeKey.split('.');
  switch (category) {
    case 'authenticationError':
      return 16;
    case 'authorizationError':
      return 7;
    case 'quotaError':
      return 8;
    case 'internalError':
      return name === 'TRANSIENT_ERROR' ? 14 : name === 'DEADLINE_EXCEEDED' ? 4 : 13;
    case 'databaseError':
      // Concurrent modification and friends: the request can be resent.
      return 10;
    default:
      return 3;
  }
}

/** Our own top-level message for each status, as a reader would want it. */
export function statusMessage(grpcCode: number): string {
  switch (grpcCode) {
    case 3: return 'The request has an invalid argument.';
    case 4: return 'The deadline passed before the request finished.';
    case 7: return 'The caller may not perform this request.';
    case 8: return 'A quota or rate limit was exceeded.';
    case 10: return 'The request was aborted by a concurrent change.';
    case 13: return 'The server hit an internal error.';
    case 14: return 'The service is unavailable right now.';
    case 16: return 'The request does not carry valid authentication credentials.';
    default: return statusByCode(grpcCode)?.name ?? 'Request failed.';
  }
}

/** A failure carrying Ads errors, with the status that the first error implies. */
export function adsFailure(errors: readonly ErrorSpec[], fault: string | null = null): EmulatorFailure {
  const first = errors[0];
  const code = first ? grpcCodeFor(first.code) : 2;
  return new EmulatorFailure(code, statusMessage(code), errors, fault);
}

/** Shorthand for a one-error failure. */
export function adsError(code: string, message: string, more: Omit<ErrorSpec, 'code' | 'message'> = {}): EmulatorFailure {
  return adsFailure([{ code, message, ...more }]);
}

function errorCodeOf(key: string) {
  const code = findCode(key);
  if (!code) throw new Error(`emulator: unknown error code ${key}`);
  // The generated oneof is a union of one member per category; the catalog has checked the pair.
  return create(ErrorCodeSchema, { errorCode: { case: code.category, value: code.number } as never });
}

function triggerOf(v: string | number | boolean) {
  if (typeof v === 'string') return create(ValueSchema, { value: { case: 'stringValue', value: v } });
  if (typeof v === 'boolean') return create(ValueSchema, { value: { case: 'booleanValue', value: v } });
  return Number.isInteger(v)
    ? create(ValueSchema, { value: { case: 'int64Value', value: BigInt(v) } })
    : create(ValueSchema, { value: { case: 'doubleValue', value: v } });
}

/** The GoogleAdsFailure message for these errors. Throws on a code the catalog does not know. */
export function failureMessage(errors: readonly ErrorSpec[], requestId: string): GoogleAdsFailure {
  return create(GoogleAdsFailureSchema, {
    requestId,
    errors: errors.map((e) =>
      create(GoogleAdsErrorSchema, {
        errorCode: errorCodeOf(e.code),
        message: e.message,
        ...(e.trigger !== undefined ? { trigger: triggerOf(e.trigger) } : {}),
        ...(e.path && e.path.length
          ? {
              location: {
                fieldPathElements: e.path.map((p) =>
                  typeof p === 'string' ? { fieldName: p } : { fieldName: p[0], index: p[1] },
                ),
              },
            }
          : {}),
        ...(e.quota
          ? {
              details: {
                quotaErrorDetails: {
                  rateScope: QuotaErrorDetails_QuotaRateScope[e.quota.scope],
                  rateName: e.quota.rateName,
                  retryDelay: create(DurationSchema, { seconds: BigInt(e.quota.retryDelaySeconds) }),
                },
              },
            }
          : {}),
      }),
    ),
  });
}

/** The google.rpc.Status for a failure; its details hold the GoogleAdsFailure when there are errors. */
export function statusMessageOf(f: EmulatorFailure, requestId: string): Status {
  return create(StatusSchema, {
    code: f.grpcCode,
    message: f.message,
    details: f.errors.length ? [anyPack(GoogleAdsFailureSchema, failureMessage(f.errors, requestId))] : [],
  });
}

/** Binary GoogleAdsFailure (the `…googleadsfailure-bin` trailer), or null when there are no errors. */
export function failureBytes(f: EmulatorFailure, requestId: string): Uint8Array | null {
  return f.errors.length ? toBinary(GoogleAdsFailureSchema, failureMessage(f.errors, requestId)) : null;
}

/** Binary google.rpc.Status (the `grpc-status-details-bin` trailer). */
export function statusBytes(f: EmulatorFailure, requestId: string): Uint8Array {
  return toBinary(StatusSchema, statusMessageOf(f, requestId));
}

const jsonRegistry = createRegistry(GoogleAdsFailureSchema);

/**
 * The REST error body: `{"error": {code, message, status, details}}`, proto3 JSON with the
 * status name added, as Google's REST front end writes it.
 */
export function restErrorBody(f: EmulatorFailure, requestId: string): JsonObject {
  const status = toJson(StatusSchema, statusMessageOf(f, requestId), { registry: jsonRegistry }) as JsonObject;
  const name = statusByCode(f.grpcCode)?.name ?? 'UNKNOWN';
  return { error: { code: f.grpcCode, message: f.message, status: name, ...(status.details ? { details: typeFirst(status.details) } : {}) } };
}

/** HTTP status that goes with a gRPC code. */
export function httpStatusFor(grpcCode: number): number {
  return statusByCode(grpcCode)?.http ?? 500;
}

/**
 * A google.rpc.Status in proto JSON, for a response field such as `partialFailureError` or a
 * batch job result's `status`: INVALID_ARGUMENT with the failure inside.
 */
export function statusJsonOf(errors: readonly ErrorSpec[], requestId: string): JsonObject {
  const f = new EmulatorFailure(3, errors.map((e) => e.message).join(' '), errors);
  const json = toJson(StatusSchema, statusMessageOf(f, requestId), { registry: jsonRegistry }) as JsonObject;
  return json.details ? { ...json, details: typeFirst(json.details) } : json;
}

/** Puts `@type` first in each Any, where Google's servers write it (readers should not care, people do). */
function typeFirst(details: unknown): JsonObject[] {
  return (details as JsonObject[]).map(({ '@type': t, ...rest }) => ({ '@type': t ?? null, ...rest }));
}
