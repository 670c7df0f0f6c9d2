/** English: the 17 gRPC status codes, as a Google Ads API caller meets them. */
import type { Entry } from '../../types.js';

export const status: Readonly<Record<string, Entry>> = {
  OK: {
    title: 'No error (OK)',
    what: 'The call succeeded; status 0 means there is nothing to fix.',
    causes: ['A success was passed to the error tools, or a partial-failure response was read as a whole failure.'],
    steps: ['If you expected an error, look at partial_failure_error in the response: with partial failure on, the call returns OK and reports failed operations there.'],
    prevent: ['Check the status code (or the HTTP status) before treating a response as an error.'],
  },
  CANCELLED: {
    title: 'Call cancelled (CANCELLED)',
    what: 'The call stopped before it finished, almost always because the caller gave up on it: its deadline passed, an AbortSignal fired or the process shut down.',
    causes: [
      'The client-side deadline or timeout is shorter than the call needs (large reports, big mutates).',
      'The application cancelled the call, for example when a user navigated away or a job was stopped.',
      'A proxy or load balancer closed the connection.',
    ],
    steps: [
      'Find out what cancelled the call: look at your own timeout and abort settings first.',
      'For a mutate, check whether the change was applied (search for the resource) before sending it again; a cancelled mutate may have taken effect.',
      'Give long calls, such as SearchStream reports, a longer deadline.',
    ],
    prevent: ['Set deadlines that fit the size of the work, and split large mutates and reports into smaller pieces.'],
  },
  UNKNOWN: {
    title: 'Unknown server error (UNKNOWN)',
    what: 'The server failed without naming a more specific cause. Treat it as a temporary server problem.',
    causes: ['A temporary failure on the API side.', 'An error from another system that the API could not classify.'],
    steps: [
      'Resend the request after a short wait, with exponential backoff.',
      'For a mutate, check first whether it was applied; an UNKNOWN result may hide a change that went through.',
      'If it keeps happening, report it with the request ID.',
    ],
    prevent: ['Make mutates safe to repeat (check-then-create, or stable names), so that a retry after an unclear failure does no harm.'],
  },
  INVALID_ARGUMENT: {
    title: 'Invalid request (INVALID_ARGUMENT)',
    what: 'The API rejected the request as malformed: a value, a resource name or a field is wrong. The GoogleAdsFailure inside the error names the exact field and reason.',
    causes: [
      'A field has a value the API does not accept (wrong format, out of range, too long, missing).',
      'A resource name is malformed, for example customers/123-456-7890/campaigns/1 instead of customers/1234567890/campaigns/1.',
      'The query (GAQL) has a syntax error or selects fields that cannot be combined.',
    ],
    steps: [
      'Read the errors of the GoogleAdsFailure: each has an error code, a message and a field path that point at the value to change.',
      'Fix that value and send the request again; resending it unchanged will fail the same way.',
    ],
    prevent: ['Validate values before sending, and try new requests with validate_only set to true.'],
  },
  DEADLINE_EXCEEDED: {
    title: 'Deadline exceeded (DEADLINE_EXCEEDED)',
    what: 'The deadline of the call passed before the server finished the work.',
    causes: [
      'The request does a lot of work (a large report, many operations) and the deadline is short.',
      'The server was slow for a while.',
    ],
    steps: [
      'Resend with exponential backoff; for a mutate, check first whether it was applied.',
      'If it happens on every try, give the call a longer deadline or make the request smaller (fewer operations, a narrower date range, fewer fields).',
    ],
    prevent: ['Keep requests small (split mutates, page or stream large reports) and set deadlines that fit the work.'],
  },
  NOT_FOUND: {
    title: 'Not found (NOT_FOUND)',
    what: 'Something the request refers to does not exist: a customer, campaign, ad group or other resource.',
    causes: [
      'The ID or resource name has a typo or belongs to another customer account.',
      'The resource was removed.',
      'The account was created moments ago and is not ready yet.',
    ],
    steps: [
      'Check the IDs in the request: the customer ID must be 10 digits without hyphens, and each resource name must start with customers/{that ID}/.',
      'Search for the resource with a GAQL query to see whether it exists and which status it has.',
    ],
    prevent: ['Read IDs from the API (search results or mutate responses) instead of typing or caching them for a long time.'],
  },
  ALREADY_EXISTS: {
    title: 'Already exists (ALREADY_EXISTS)',
    what: 'The request tried to create something that is already there.',
    causes: ['An item with the same name or key exists, possibly created by an earlier attempt of the same request.'],
    steps: [
      'Search for the existing item and update it instead of creating a new one, or choose another name.',
      'If a retry after a timeout caused this, the first attempt probably succeeded: use its result.',
    ],
    prevent: ['Check before creating, and give items unique, stable names so that a repeated request is recognized.'],
  },
  PERMISSION_DENIED: {
    title: 'Permission denied (PERMISSION_DENIED)',
    what: 'The credentials are valid, but they do not allow this operation on this account.',
    causes: [
      'The signed-in user reaches the account through a manager account, and the request has no login-customer-id header (or the wrong one).',
      'The user\'s role on the account is too low (for example read-only for a mutate).',
      'The developer token is not approved for this kind of account or feature.',
    ],
    steps: [
      'Set the login-customer-id header to the 10-digit ID (no hyphens) of the manager account through which the user has access.',
      'Check in Google Ads, under Admin > Access and security, that the signed-in Google account has the role this operation needs.',
      'Read the error code inside the failure (authorizationError…): it names the exact reason.',
    ],
    prevent: ['Keep the customer ID, login-customer-id and OAuth user of each request together in one configuration, and check access when you onboard an account.'],
  },
  RESOURCE_EXHAUSTED: {
    title: 'Quota or rate limit reached (RESOURCE_EXHAUSTED)',
    what: 'A limit was reached: too many requests in a short time, or a daily quota of the developer token. The quota details in the error say which limit and how long to wait.',
    causes: [
      'Too many requests per second for the account or the developer token.',
      'The daily operations limit of a Basic-access developer token (15,000 operations per day) is used up.',
      'Queries that use a lot of server resources in a short time.',
    ],
    steps: [
      'Look for the retry delay in the error (quota details or RetryInfo) and wait at least that long.',
      'Lower the request rate and resend with exponential backoff.',
      'If the delay is hours long, it is a daily limit: stop for today, and apply for Standard access if you need more operations.',
    ],
    prevent: ['Batch operations (many operations per mutate request), cache report results, and spread requests evenly over time.'],
  },
  FAILED_PRECONDITION: {
    title: 'Failed precondition (FAILED_PRECONDITION)',
    what: 'The request is well formed, but the account or resource is not in the state it needs.',
    causes: [
      'A related resource is removed, paused or not set up yet.',
      'The account is not fully set up (billing, terms, status).',
      'A required field or setting is missing for this state.',
    ],
    steps: [
      'Read the error code and message of each error: they name the condition that failed.',
      'Change the state first (enable the resource, finish the setup), then send the request again.',
    ],
    prevent: ['Read the current state of the account and resources before mutating, especially after other people or tools have changed them.'],
  },
  ABORTED: {
    title: 'Aborted by a conflict (ABORTED)',
    what: 'The server stopped the operation because of a concurrency conflict, for example two changes to the same resource at the same time.',
    causes: ['Another request (from you or another tool) changed the same resource at the same moment.'],
    steps: [
      'Resend after a short wait with backoff; this usually succeeds.',
      'If it repeats, send changes to the same resource one after another instead of in parallel.',
    ],
    prevent: ['Do not send parallel mutates that touch the same resources; group them into one request.'],
  },
  OUT_OF_RANGE: {
    title: 'Out of range (OUT_OF_RANGE)',
    what: 'A value or position went past the range that is valid, for example a page past the end or a date outside what is allowed.',
    causes: ['A page token, offset or index past the end.', 'A date or number outside the permitted range.'],
    steps: ['Check the range named in the error message and change the value or position.'],
    prevent: ['Read limits and ranges from the API reference, and stop paging when no next page token comes back.'],
  },
  UNIMPLEMENTED: {
    title: 'Not implemented (UNIMPLEMENTED)',
    what: 'The method or feature is not offered by the service or API version you called.',
    causes: ['A method name or URL path that the API version does not have.', 'An API version that has been shut down.', 'A feature not offered for this account type.'],
    steps: ['Check the API version in the URL or library (for example v25) and the method name; upgrade to a supported version.'],
    prevent: ['Keep your client library and API version current; Google shuts old versions down on a published schedule.'],
  },
  INTERNAL: {
    title: 'Internal server error (INTERNAL)',
    what: 'Something failed inside the API. Usually temporary.',
    causes: ['A temporary fault on Google\'s side.'],
    steps: [
      'Resend with exponential backoff; for a mutate, check first whether it took effect.',
      'If it keeps failing, report it with the request ID.',
    ],
    prevent: ['Make your code retry transient errors with backoff and a cap, and log the request ID of every failure.'],
  },
  UNAVAILABLE: {
    title: 'Service unavailable (UNAVAILABLE)',
    what: 'The service could not be reached or was briefly down. The request did not run.',
    causes: ['A short outage or overload of the API.', 'A network problem between you and Google (DNS, proxy, dropped connection).'],
    steps: ['Resend with exponential backoff (1 s, 2 s, 4 s… with jitter).', 'If it lasts, check your network and the Google Ads API status.'],
    prevent: ['Retry transient errors with backoff, and keep long jobs resumable.'],
  },
  DATA_LOSS: {
    title: 'Data loss (DATA_LOSS)',
    what: 'The server reports that data was lost or corrupted. This is rare and serious.',
    causes: ['A fault on Google\'s side that damaged data for this request.'],
    steps: ['Do not resend blindly. Save the full error and request ID and report it to Google Ads API support.', 'Check the affected resources with a search query.'],
    prevent: ['Keep the request ID and full error of failures, so that rare faults can be investigated.'],
  },
  UNAUTHENTICATED: {
    title: 'Not authenticated (UNAUTHENTICATED)',
    what: 'The request had no valid credentials: the OAuth access token, the developer token or both are missing, wrong or expired.',
    causes: [
      'The Authorization: Bearer header is missing or carries an expired or revoked access token.',
      'The developer-token header is missing or wrong.',
      'A refresh token or an authorization code was sent where the access token belongs.',
    ],
    steps: [
      'Get a fresh access token from your refresh token and send it as Authorization: Bearer <token>.',
      'Send your developer token in the developer-token header.',
      'If refreshing fails with invalid_grant, the refresh token is dead: run the OAuth consent flow again.',
    ],
    prevent: ['Let a client library refresh access tokens for you, and reuse each access token until shortly before it expires.'],
  },
};
