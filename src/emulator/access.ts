/**
 * The checks the live API makes on every request before it does any work: credentials,
 * developer token, customer id, account state and the access path through a manager. Each
 * refusal is the Ads error the live API answers with, so clients meet the real codes.
 */
import { adsError, type EmulatorFailure } from './failure.js';
import type { CustomerRecord, UserRecord, World } from './world.js';

/** Request headers (or gRPC metadata), keys in lower case. */
export type RequestHeaders = Readonly<Record<string, string | undefined>>;

export interface AccessGrant {
  readonly user: UserRecord;
  readonly customer: CustomerRecord | null;
}

/**
 * Checks the bearer token, returning the user or the failure. Order and codes:
 * - no `authorization: Bearer …` → `authenticationError.OAUTH_TOKEN_HEADER_INVALID`;
 * - a refresh token (`1//…`) or an authorization code (`4/…`) sent as the access token →
 *   `OAUTH_TOKEN_INVALID` (the mix-up the error guide warns about);
 * - expired / revoked / disabled tokens → `OAUTH_TOKEN_EXPIRED` / `_REVOKED` / `_DISABLED`;
 * - a token invalidated by the account (password change, sign-out) → `GOOGLE_ACCOUNT_COOKIE_INVALID`;
 * - a Google account without Google Ads → `NOT_ADS_USER`.
 */
export function checkCredentials(world: World, headers: RequestHeaders, now: number): UserRecord | EmulatorFailure {
  const auth = headers['authorization'];
  const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (!m) {
    return adsError('authenticationError.OAUTH_TOKEN_HEADER_INVALID', 'The Authorization header is missing or is not of the form "Bearer <access token>".');
  }
  const token = m[1]!;
  let state = world.accessTokens.get(token);
  if (!state) {
    if (/^(1\/\/|4\/)/.test(token)) {
      return adsError('authenticationError.OAUTH_TOKEN_INVALID', 'The bearer token is not an access token (it looks like a refresh token or an authorization code).');
    }
    if (token.startsWith('ya29.') && world.defaultUser) state = { kind: 'valid', user: world.defaultUser, expiresAt: null };
    else return adsError('authenticationError.OAUTH_TOKEN_INVALID', 'The OAuth access token is not valid.');
  }
  switch (state.kind) {
    case 'expired':
      return adsError('authenticationError.OAUTH_TOKEN_EXPIRED', 'The OAuth access token has expired.');
    case 'revoked':
      return adsError('authenticationError.OAUTH_TOKEN_REVOKED', 'The OAuth access token was revoked.');
    case 'disabled':
      return adsError('authenticationError.OAUTH_TOKEN_DISABLED', 'The OAuth access token was disabled.');
    case 'invalidated':
      return adsError('authenticationError.GOOGLE_ACCOUNT_COOKIE_INVALID', 'The access token is no longer valid for this Google account; get a new one.');
    case 'valid':
      break;
  }
  if (state.expiresAt !== null && state.expiresAt <= now) {
    return adsError('authenticationError.OAUTH_TOKEN_EXPIRED', 'The OAuth access token has expired.');
  }
  const user = world.users.get(state.user);
  if (!user || !user.adsUser) {
    return adsError('authenticationError.NOT_ADS_USER', `The Google account ${state.user} is not associated with any Google Ads account.`);
  }
  return user;
}

/**
 * Checks the `developer-token` header. Missing → `requestError.DEVELOPER_TOKEN_PARAMETER_MISSING`;
 * an unknown value is taken as a Basic-access token, so made-up tokens work.
 */
export function checkDeveloperToken(world: World, headers: RequestHeaders): 'basic' | 'standard' | 'test-only' | EmulatorFailure {
  const token = headers['developer-token']?.trim();
  if (!token) {
    return adsError('requestError.DEVELOPER_TOKEN_PARAMETER_MISSING', 'The developer-token header is required.');
  }
  const state = world.developerTokens.get(token) ?? 'basic';
  switch (state) {
    case 'invalid':
      return adsError('authenticationError.DEVELOPER_TOKEN_INVALID', 'The developer token is not valid.');
    case 'prohibited':
      return adsError('authorizationError.DEVELOPER_TOKEN_PROHIBITED', 'This developer token is tied to another Google Cloud project and may not be used from this one.');
    default:
      return state;
  }
}

/**
 * Checks a customer id as it arrives in a request. Empty → `requestError.INVALID_CUSTOMER_ID`
 * (what the current API sends for a missing id, "Invalid customer ID ''."; the older
 * CLIENT_CUSTOMER_ID_IS_REQUIRED is not in v22–v25). Anything but digits, dashes included →
 * `authenticationError.CLIENT_CUSTOMER_ID_INVALID`.
 */
export function checkCustomerIdFormat(id: string): EmulatorFailure | null {
  if (id === '') {
    return adsError('requestError.INVALID_CUSTOMER_ID', "Invalid customer ID ''.", { path: ['customer_id'] });
  }
  if (!/^\d{1,20}$/.test(id)) {
    return adsError('authenticationError.CLIENT_CUSTOMER_ID_INVALID', `The customer ID '${id}' is not a number; send the 10 digits without dashes.`, { trigger: id });
  }
  return null;
}

/**
 * Full check of a call on one customer. Runs after the credentials and the developer token.
 * Order: id format, `login-customer-id` format, account exists and is set up
 * (`CUSTOMER_NOT_FOUND`), test-only developer token on a production account
 * (`DEVELOPER_TOKEN_NOT_APPROVED`), access path (`USER_PERMISSION_DENIED`, typically a missing
 * `login-customer-id`), account enabled (`CUSTOMER_NOT_ENABLED`).
 */
export function checkCustomerAccess(
  world: World,
  headers: RequestHeaders,
  user: UserRecord,
  tokenLevel: 'basic' | 'standard' | 'test-only',
  customerId: string,
  now: number,
): CustomerRecord | EmulatorFailure {
  const bad = checkCustomerIdFormat(customerId);
  if (bad) return bad;
  const login = headers['login-customer-id']?.trim() || null;
  if (login !== null && !/^\d{1,20}$/.test(login)) {
    return adsError('headerError.INVALID_LOGIN_CUSTOMER_ID', `The login-customer-id '${login}' is not valid; send the manager's 10 digits without dashes.`, { trigger: login });
  }
  const customer = world.customers.get(customerId);
  if (!customer || (customer.readyAt !== null && customer.readyAt > now)) {
    return adsError('authenticationError.CUSTOMER_NOT_FOUND', `There is no account with customer id ${customerId} (a new account can take a few minutes to appear).`);
  }
  if (tokenLevel === 'test-only' && !customer.testAccount) {
    return adsError('authorizationError.DEVELOPER_TOKEN_NOT_APPROVED', 'The developer token is only approved for test accounts, and this is not a test account.');
  }
  const direct = user.access.includes(customerId);
  if (!direct) {
    if (login === null) {
      return adsError('authorizationError.USER_PERMISSION_DENIED', `The signed-in user has no access to customer ${customerId}. To reach a client account through a manager, send the manager's id in login-customer-id.`);
    }
    const viaLogin = user.access.some((a) => world.manages(a, login)) && world.manages(login, customerId);
    if (!viaLogin) {
      return adsError('authorizationError.USER_PERMISSION_DENIED', `The signed-in user cannot reach customer ${customerId} through login-customer-id ${login}.`);
    }
  }
  if (customer.status !== 'ENABLED') {
    return adsError('authorizationError.CUSTOMER_NOT_ENABLED', `Customer ${customerId} is not enabled (status ${customer.status}): signup was not finished or the account was deactivated.`);
  }
  return customer;
}
