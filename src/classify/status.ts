/**
 * The gRPC status codes as the Google Ads API uses them: number ↔ name ↔ HTTP status, which
 * side caused the failure, and whether sending the same request again can help.
 *
 * The table follows the API error guide (see shared/reference/grpc-status.md). Where the guide
 * is silent (CANCELLED, ALREADY_EXISTS, OUT_OF_RANGE) we treat the code as not retryable.
 */

export type GrpcStatusName =
  | 'OK'
  | 'CANCELLED'
  | 'UNKNOWN'
  | 'INVALID_ARGUMENT'
  | 'DEADLINE_EXCEEDED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'ABORTED'
  | 'OUT_OF_RANGE'
  | 'UNIMPLEMENTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DATA_LOSS'
  | 'UNAUTHENTICATED';

/** Who caused a failure: the caller (fix the request, state or credentials) or the service. */
export type Side = 'client' | 'server' | 'caller-cancelled' | 'none';

/**
 * What sending the same request again does:
 * - `never`: not until something is fixed;
 * - `backoff`: transient, retry with exponential backoff;
 * - `after-delay`: wait (the server's delay where it gives one), lower the rate, then retry.
 */
export type StatusRetry = 'never' | 'backoff' | 'after-delay' | 'n/a';

export interface StatusInfo {
  readonly code: number;
  readonly name: GrpcStatusName;
  readonly http: number;
  readonly side: Side;
  readonly retry: StatusRetry;
  /** True when the outcome of a mutate that failed this way is unknown (it may have been applied). */
  readonly outcomeUnknown: boolean;
}

const row = (
  code: number,
  name: GrpcStatusName,
  http: number,
  side: Side,
  retry: StatusRetry,
  outcomeUnknown = false,
): StatusInfo => Object.freeze({ code, name, http, side, retry, outcomeUnknown });

/** Indexed by code number, 0–16. */
export const GRPC_STATUSES: readonly StatusInfo[] = Object.freeze([
  row(0, 'OK', 200, 'none', 'n/a'),
  row(1, 'CANCELLED', 499, 'caller-cancelled', 'never', true),
  row(2, 'UNKNOWN', 500, 'server', 'backoff', true),
  row(3, 'INVALID_ARGUMENT', 400, 'client', 'never'),
  row(4, 'DEADLINE_EXCEEDED', 504, 'server', 'backoff', true),
  row(5, 'NOT_FOUND', 404, 'client', 'never'),
  row(6, 'ALREADY_EXISTS', 409, 'client', 'never'),
  row(7, 'PERMISSION_DENIED', 403, 'client', 'never'),
  row(8, 'RESOURCE_EXHAUSTED', 429, 'client', 'after-delay'),
  row(9, 'FAILED_PRECONDITION', 400, 'client', 'never'),
  row(10, 'ABORTED', 409, 'server', 'backoff'),
  row(11, 'OUT_OF_RANGE', 400, 'client', 'never'),
  row(12, 'UNIMPLEMENTED', 501, 'client', 'never'),
  row(13, 'INTERNAL', 500, 'server', 'backoff', true),
  row(14, 'UNAVAILABLE', 503, 'server', 'backoff'),
  row(15, 'DATA_LOSS', 500, 'server', 'never'),
  row(16, 'UNAUTHENTICATED', 401, 'client', 'never'),
]);

const BY_NAME = new Map<string, StatusInfo>(GRPC_STATUSES.map((s) => [s.name, s]));

/** The status with this number (0–16), or undefined. Never throws. */
export function statusByCode(code: unknown): StatusInfo | undefined {
  return typeof code === 'number' && Number.isInteger(code) ? GRPC_STATUSES[code] : undefined;
}

/** The status with this name (`"PERMISSION_DENIED"`, case-insensitive), or undefined. */
export function statusByName(name: unknown): StatusInfo | undefined {
  return typeof name === 'string' ? BY_NAME.get(name.trim().toUpperCase()) : undefined;
}

/**
 * The gRPC status most likely behind an HTTP status. Several gRPC codes share one HTTP status
 * (400 ← 3, 9, 11; 409 ← 6, 10; 500 ← 2, 13, 15); this returns the most common of them, so
 * prefer the body's own `status` or `code` where there is one.
 */
export function statusFromHttp(http: unknown): StatusInfo | undefined {
  if (typeof http !== 'number' || !Number.isInteger(http)) return undefined;
  switch (http) {
    case 200: return GRPC_STATUSES[0];
    case 400: return GRPC_STATUSES[3];
    case 401: return GRPC_STATUSES[16];
    case 403: return GRPC_STATUSES[7];
    case 404: return GRPC_STATUSES[5];
    case 409: return GRPC_STATUSES[10];
    case 412: return GRPC_STATUSES[9];
    case 416: return GRPC_STATUSES[11];
    case 429: return GRPC_STATUSES[8];
    case 499: return GRPC_STATUSES[1];
    case 500: return GRPC_STATUSES[13];
    case 501: return GRPC_STATUSES[12];
    case 503: return GRPC_STATUSES[14];
    case 504: return GRPC_STATUSES[4];
    default:
      if (http >= 200 && http < 300) return GRPC_STATUSES[0];
      if (http >= 400 && http < 500) return GRPC_STATUSES[9];
      if (http >= 500 && http < 600) return GRPC_STATUSES[2];
      return undefined;
  }
}
