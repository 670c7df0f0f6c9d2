/**
 * Classification of a decoded failure: what kind of problem it is, who has to act, and whether
 * sending the same request again can succeed. Decided from the most specific facts first (the
 * error codes), then the gRPC status.
 */
import type { Actor, AdsErrorEntry, ErrorCodeRef, ErrorKind, QuotaDetails } from '../error/types.js';
import { statusByCode, type Side, type StatusInfo } from './status.js';

export interface CodeClass {
  readonly kind: ErrorKind;
  readonly actor: Actor;
  /** Safe to resend unchanged once the wait is over. */
  readonly retryable: boolean;
  readonly side: Side;
}

/**
 * A server retry delay at or above this is not a short rate limit but a long quota window (the
 * daily operations limit of a Basic-access token answers with delays of hours).
 */
export const LONG_QUOTA_DELAY_MS = 15 * 60_000;

const c = (kind: ErrorKind, actor: Actor, retryable: boolean, side: Side = 'client'): CodeClass =>
  Object.freeze({ kind, actor, retryable, side });

const TRANSIENT = c('transient', 'nobody', true, 'server');
const RATE = c('rate-limit', 'nobody', true, 'client');
const QUOTA = c('quota', 'admin', false, 'client');
const AUTHN_DEV = c('authentication', 'developer', false);
const AUTHN_USER = c('authentication', 'end-user', false);
const AUTHN_ADMIN = c('authentication', 'admin', false);
const AUTHZ_DEV = c('authorization', 'developer', false);
const AUTHZ_ADMIN = c('authorization', 'admin', false);
const INVALID = c('invalid-request', 'developer', false);

/** Specific codes whose class differs from their category's. Key: `category.NAME`. */
const BY_CODE: Readonly<Record<string, CodeClass>> = {
  'authenticationError.CUSTOMER_NOT_FOUND': c('not-found', 'nobody', false),
  'authenticationError.CLIENT_CUSTOMER_ID_INVALID': INVALID,
  'authenticationError.CLIENT_CUSTOMER_ID_IS_REQUIRED': INVALID,
  // An expired or invalidated access token: a client can refresh it and resend once by itself.
  'authenticationError.GOOGLE_ACCOUNT_COOKIE_INVALID': c('authentication', 'nobody', false),
  'authenticationError.OAUTH_TOKEN_EXPIRED': c('authentication', 'nobody', false),
  'authenticationError.NOT_ADS_USER': AUTHN_USER,
  'authenticationError.GOOGLE_ACCOUNT_DELETED': AUTHN_USER,
  'authenticationError.GOOGLE_ACCOUNT_USER_AND_ADS_USER_MISMATCH': AUTHN_USER,
  'authenticationError.TWO_STEP_VERIFICATION_NOT_ENROLLED': AUTHN_USER,
  'authenticationError.ADVANCED_PROTECTION_NOT_ENROLLED': AUTHN_USER,
  'authenticationError.ORGANIZATION_NOT_RECOGNIZED': AUTHN_ADMIN,
  'authenticationError.ORGANIZATION_NOT_APPROVED': AUTHN_ADMIN,
  'authenticationError.ORGANIZATION_NOT_ASSOCIATED_WITH_DEVELOPER_TOKEN': AUTHN_ADMIN,
  'authorizationError.USER_PERMISSION_DENIED': AUTHZ_DEV,
  'authorizationError.DEVELOPER_TOKEN_PROHIBITED': AUTHZ_DEV,
  'authorizationError.INVALID_LOGIN_CUSTOMER_ID_SERVING_CUSTOMER_ID_COMBINATION': AUTHZ_DEV,
  'internalError.INTERNAL_ERROR': TRANSIENT,
  'internalError.TRANSIENT_ERROR': TRANSIENT,
  'internalError.DEADLINE_EXCEEDED': TRANSIENT,
  'internalError.ERROR_CODE_NOT_PUBLISHED': c('unknown', 'developer', false, 'server'),
  'databaseError.CONCURRENT_MODIFICATION': c('conflict', 'nobody', true, 'server'),
  'databaseError.REQUEST_TOO_LARGE': INVALID,
  'quotaError.RESOURCE_EXHAUSTED': RATE,
  'quotaError.RESOURCE_TEMPORARILY_EXHAUSTED': RATE,
  'quotaError.EXCESSIVE_SHORT_TERM_QUERY_RESOURCE_CONSUMPTION': RATE,
  'quotaError.EXCESSIVE_LONG_TERM_QUERY_RESOURCE_CONSUMPTION': QUOTA,
  'quotaError.ACCESS_PROHIBITED': AUTHZ_ADMIN,
  'quotaError.PAYMENTS_PROFILE_ACTIVATION_RATE_LIMIT_EXCEEDED': QUOTA,
  // The query asks for more rows than one response may hold: a request to change, not a limit to raise.
  'resourceCountLimitExceededError.RESPONSE_ROW_LIMIT_EXCEEDED': INVALID,
  'requestError.RESOURCE_NOT_FOUND': c('not-found', 'developer', false),
  'requestError.EXPIRED_PAGE_TOKEN': INVALID,
  'requestError.RPC_DEADLINE_TOO_SHORT': INVALID,
  'mutateError.RESOURCE_NOT_FOUND': c('not-found', 'developer', false),
  'mutateError.RESOURCE_ALREADY_EXISTS': c('conflict', 'developer', false),
  // OAuth token endpoint (RFC 6749 §5.2, plus Google's own).
  'oauth.invalid_grant': AUTHN_USER,
  'oauth.invalid_client': AUTHN_DEV,
  'oauth.unauthorized_client': AUTHN_DEV,
  'oauth.invalid_request': AUTHN_DEV,
  'oauth.unsupported_grant_type': AUTHN_DEV,
  'oauth.invalid_scope': AUTHN_DEV,
  'oauth.access_denied': AUTHN_USER,
  'oauth.invalid_token': AUTHN_DEV,
  'oauth.deleted_client': AUTHN_DEV,
  'oauth.disabled_client': AUTHN_ADMIN,
  'oauth.org_internal': AUTHN_ADMIN,
  'oauth.admin_policy_enforced': AUTHN_ADMIN,
  'oauth.server_error': TRANSIENT,
  'oauth.temporarily_unavailable': TRANSIENT,
  // google.rpc.ErrorInfo reasons seen from Google APIs.
  'errorInfo.SERVICE_DISABLED': AUTHZ_ADMIN,
  'errorInfo.API_KEY_INVALID': AUTHN_DEV,
  'errorInfo.API_KEY_SERVICE_BLOCKED': AUTHZ_ADMIN,
  'errorInfo.ACCESS_TOKEN_EXPIRED': c('authentication', 'nobody', false),
  'errorInfo.ACCESS_TOKEN_SCOPE_INSUFFICIENT': AUTHN_DEV,
  'errorInfo.ACCESS_TOKEN_TYPE_UNSUPPORTED': AUTHN_DEV,
  'errorInfo.CREDENTIALS_MISSING': AUTHN_DEV,
  'errorInfo.USER_PROJECT_DENIED': AUTHZ_ADMIN,
  'errorInfo.CONSUMER_INVALID': AUTHZ_ADMIN,
  'errorInfo.BILLING_DISABLED': AUTHZ_ADMIN,
  'errorInfo.RATE_LIMIT_EXCEEDED': RATE,
  'errorInfo.RESOURCE_EXHAUSTED': RATE,
};

/** Google Ads categories with a class of their own; the rest default from the status. */
const BY_CATEGORY: Readonly<Record<string, CodeClass>> = {
  authenticationError: AUTHN_DEV,
  authorizationError: AUTHZ_ADMIN,
  notAllowlistedError: AUTHZ_ADMIN,
  operationAccessDeniedError: AUTHZ_DEV,
  resourceAccessDeniedError: AUTHZ_DEV,
  headerError: INVALID,
  internalError: TRANSIENT,
  quotaError: RATE,
  resourceCountLimitExceededError: c('precondition', 'admin', false),
  oauth: AUTHN_DEV,
};

/** Older Google API reasons (global domain), by reason. */
const GLOBAL: Readonly<Record<string, CodeClass>> = (() => {
  const map: Record<string, CodeClass> = {};
  const put = (cls: CodeClass, ...reasons: string[]) => reasons.forEach((r) => (map[r] = cls));
  put(c('redirect', 'developer', false, 'none'), 'movedPermanently', 'seeOther', 'mediaDownloadRedirect', 'temporaryRedirect', 'notModified');
  put(AUTHN_DEV, 'keyExpired', 'keyInvalid', 'lockedDomainCreationFailure', 'unauthorized', 'authError', 'lockedDomainExpired', 'unknownAuth');
  put(c('authentication', 'nobody', false), 'expired');
  put(AUTHN_USER, 'accountDeleted', 'accountDisabled', 'accountUnverified');
  put(QUOTA, 'dailyLimitExceeded402', 'quotaExceeded402', 'user402', 'dailyLimitExceeded', 'dailyLimitExceededUnreg',
    'quotaExceeded', 'variableTermExpiredDailyExceeded', 'variableTermLimitExceeded');
  put(RATE, 'concurrentLimitExceeded', 'limitExceeded', 'rateLimitExceeded', 'servingLimitExceeded', 'userRateLimitExceeded');
  put(c('rate-limit', 'developer', false), 'rateLimitExceededUnreg', 'userRateLimitExceededUnreg');
  put(AUTHZ_ADMIN, 'accessNotConfigured', 'forbidden', 'insufficientAudience', 'insufficientAuthorizedParty');
  put(AUTHZ_DEV, 'insufficientPermissions');
  put(c('not-found', 'developer', false), 'notFound', 'deleted');
  put(c('conflict', 'developer', false), 'conflict', 'duplicate');
  put(c('precondition', 'developer', false), 'conditionNotMet', 'preconditionRequired');
  put(TRANSIENT, 'internalError', 'backendError', 'backendNotConnected', 'notReady');
  put(c('unsupported', 'developer', false), 'notImplemented', 'unsupportedMethod', 'unsupportedProtocol', 'httpMethodNotAllowed');
  return map;
})();

const STATUS_CLASS: Readonly<Record<string, CodeClass>> = {
  CANCELLED: c('cancelled', 'developer', false, 'caller-cancelled'),
  UNKNOWN: c('transient', 'nobody', true, 'server'),
  INVALID_ARGUMENT: INVALID,
  DEADLINE_EXCEEDED: c('transient', 'nobody', true, 'server'),
  NOT_FOUND: c('not-found', 'developer', false),
  ALREADY_EXISTS: c('conflict', 'developer', false),
  PERMISSION_DENIED: AUTHZ_DEV,
  RESOURCE_EXHAUSTED: RATE,
  FAILED_PRECONDITION: c('precondition', 'developer', false),
  ABORTED: c('conflict', 'nobody', true, 'server'),
  OUT_OF_RANGE: INVALID,
  UNIMPLEMENTED: c('unsupported', 'developer', false),
  INTERNAL: TRANSIENT,
  UNAVAILABLE: TRANSIENT,
  DATA_LOSS: c('unknown', 'developer', false, 'server'),
  UNAUTHENTICATED: AUTHN_DEV,
};

const UNKNOWN_CLASS = c('unknown', 'developer', false, 'client');

/** The class of one code (any family), given the status it came with. */
export function classifyCode(code: ErrorCodeRef, status?: StatusInfo | null, quota?: QuotaDetails | null): CodeClass {
  if (code.category === 'quotaError' || code.category === 'errorInfo' || code.category === 'global') {
    const long = quota?.retryDelayMs != null && quota.retryDelayMs >= LONG_QUOTA_DELAY_MS;
    const daily = /basic access|per day|daily/i.test(quota?.rateName ?? '');
    const base = BY_CODE[code.key] ?? (code.category === 'global' ? GLOBAL[code.name] : undefined);
    if (base?.kind === 'rate-limit' && (long || daily)) return QUOTA;
    if (base) return base;
  }
  const exact = BY_CODE[code.key];
  if (exact) return exact;
  if (code.category === 'oauth') return AUTHN_DEV;
  if (code.category === 'status') return (status && STATUS_CLASS[status.name]) || UNKNOWN_CLASS;
  const byCat = BY_CATEGORY[code.category];
  if (byCat) return byCat;
  if (GLOBAL[code.name] && code.category !== 'errorInfo') return GLOBAL[code.name]!;
  if (status) {
    const s = STATUS_CLASS[status.name];
    // An Ads error code carried by a server-side status is still a request problem unless the
    // category said otherwise: the code is the more specific fact.
    if (s && !(s.retryable && code.category.endsWith('Error'))) return s;
  }
  return code.category.endsWith('Error') ? INVALID : UNKNOWN_CLASS;
}

export interface FailureClass extends CodeClass {}

const KIND_RANK: Readonly<Record<ErrorKind, number>> = {
  authentication: 0,
  authorization: 1,
  quota: 2,
  'invalid-request': 3,
  precondition: 4,
  'not-found': 5,
  conflict: 6,
  unsupported: 7,
  redirect: 8,
  'rate-limit': 9,
  transient: 10,
  cancelled: 11,
  unknown: 12,
};

/**
 * The class of a whole failure. A failure is retryable only when every one of its errors is;
 * its kind is that of its most blocking error (authentication before a field error before a
 * transient one).
 */
export function classifyFailure(
  entries: readonly AdsErrorEntry[],
  statusCode: number | null,
  quota: QuotaDetails | null,
): FailureClass {
  const status = statusCode == null ? undefined : statusByCode(statusCode);
  if (entries.length === 0) {
    if (!status) return UNKNOWN_CLASS;
    if (status.code === 0) return c('unknown', 'nobody', false, 'none');
    const s = STATUS_CLASS[status.name] ?? UNKNOWN_CLASS;
    if (s.kind === 'rate-limit' && quota?.retryDelayMs != null && quota.retryDelayMs >= LONG_QUOTA_DELAY_MS) return QUOTA;
    return s;
  }
  let worst: CodeClass | undefined;
  let retryable = true;
  for (const e of entries) {
    const cls = classifyCode(e.code, status, e.details?.quota ?? quota);
    if (!cls.retryable) retryable = false;
    if (!worst || KIND_RANK[cls.kind] < KIND_RANK[worst.kind]) worst = cls;
  }
  const w = worst ?? UNKNOWN_CLASS;
  return { kind: w.kind, actor: w.actor, side: w.side, retryable: retryable && w.retryable };
}
