import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../decode/index.js';
import { explain, explainAll, explainWith } from './explain.js';
import en from './locales/en/index.js';

/** A REST error body as the API sends it, with one GoogleAdsFailure. */
function rest(status: string, code: number, errors: unknown[], extra: { requestId?: string } = {}) {
  return {
    error: {
      code: { INVALID_ARGUMENT: 400, PERMISSION_DENIED: 403, UNAUTHENTICATED: 401, RESOURCE_EXHAUSTED: 429, INTERNAL: 500 }[status] ?? 400,
      message: 'failure',
      status,
      details: [
        {
          '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
          errors,
          requestId: extra.requestId ?? 'req-123',
        },
      ],
    },
    _grpc: code,
  };
}

test('a customer ID sent with hyphens gets its 10-digit form back', async () => {
  const err = decode(
    rest('UNAUTHENTICATED', 16, [
      { errorCode: { authenticationError: 'CLIENT_CUSTOMER_ID_INVALID' }, message: 'bad id', trigger: { stringValue: '123-456-7890' } },
    ]),
  );
  const e = await explain(err);
  assert.equal(e.code, 'authenticationError.CLIENT_CUSTOMER_ID_INVALID');
  assert.equal(e.source, 'code');
  assert.match(e.steps[0]!, /1234567890/);
  assert.match(e.steps[0]!, /123-456-7890/);
});

test('USER_PERMISSION_DENIED without login-customer-id says to set it; with one, it does not', async () => {
  const code = 'authorizationError.USER_PERMISSION_DENIED';
  const missing = await explain(code, { request: { customerId: '1234567890' } });
  assert.ok(missing.steps.some((s) => /had no login-customer-id/.test(s)));
  const set = await explain(code, { request: { customerId: '1234567890', loginCustomerId: '9876543210' } });
  assert.ok(!set.steps.some((s) => /had no login-customer-id/.test(s)));
  assert.ok(set.steps.some((s) => s.includes('9876543210')));
  assert.equal(missing.actor, 'developer');
  assert.equal(missing.retry.advice, 'after-fixing-request');
});

test('invalid_grant names the 7-day expiry of refresh tokens in Testing status', async () => {
  const e = await explain({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
  assert.equal(e.code, 'oauth.invalid_grant');
  assert.ok(e.causes.some((c) => /7 days/.test(c) && /Testing/.test(c)));
  assert.ok(e.steps.some((s) => /In production/.test(s)));
});

test('CUSTOMER_NOT_FOUND: wait 5 minutes, then every 30 seconds', async () => {
  const e = await explain('authenticationError.CUSTOMER_NOT_FOUND', { now: 0 });
  assert.equal(e.retry.advice, 'after-delay');
  assert.equal(e.retry.delayMs, 300_000);
  assert.match(e.retry.text, /5 min/);
  assert.match(e.retry.text, /30 s/);
  assert.equal(e.actor, 'nobody');
});

test('a short quota delay says how long to wait', async () => {
  const err = decode(
    rest('RESOURCE_EXHAUSTED', 8, [
      {
        errorCode: { quotaError: 'RESOURCE_TEMPORARILY_EXHAUSTED' },
        message: 'Too many requests.',
        details: { quotaErrorDetails: { rateScope: 'ACCOUNT', rateName: 'Requests per account', retryDelay: '30s' } },
      },
    ]),
  );
  const e = await explain(err, { now: Date.UTC(2026, 0, 1, 12, 0, 0) });
  assert.equal(e.retry.advice, 'after-delay');
  assert.equal(e.retry.delayMs, 30_000);
  assert.match(e.retry.text, /30 s/);
  assert.equal(e.retry.notBefore, '2026-01-01T12:00:30.000Z');
  assert.ok(e.steps.some((s) => /wait 30 s/.test(s)));
});

test('the daily quota says when to come back and mentions Basic and Standard access', async () => {
  const err = decode(
    rest('RESOURCE_EXHAUSTED', 8, [
      {
        errorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
        message: 'Too many requests. Retry in 5603 seconds.',
        details: { quotaErrorDetails: { rateScope: 'DEVELOPER', rateName: 'Number of operations for basic access', retryDelay: '5603s' } },
      },
    ]),
  );
  const e = await explain(err, { now: Date.UTC(2026, 0, 1, 22, 0, 0) });
  assert.equal(e.kind, 'quota');
  assert.match(e.retry.text, /23:34 UTC/);
  assert.match(e.retry.text, /94 min/);
  const all = e.steps.join('\n');
  assert.match(all, /15,000 operations per day/);
  assert.match(all, /Standard access/);
});

test('field path, trigger and operation of the actual error are woven in', async () => {
  const err = decode(
    rest('INVALID_ARGUMENT', 3, [
      {
        errorCode: { stringLengthError: 'TOO_LONG' },
        message: 'Too long.',
        trigger: { stringValue: 'x'.repeat(300) },
        location: { fieldPathElements: [{ fieldName: 'operations', index: 4 }, { fieldName: 'create' }, { fieldName: 'name' }] },
      },
      { errorCode: { fieldError: 'REQUIRED' }, location: { fieldPathElements: [{ fieldName: 'operations', index: 5 }, { fieldName: 'create' }, { fieldName: 'name' }] } },
    ]),
  );
  const all = await explainAll(err);
  assert.equal(all.length, 2);
  assert.equal(all[0]!.operationIndex, 4);
  assert.equal(all[0]!.facts.fieldPath, 'operations[4].create.name');
  assert.ok(all[0]!.steps[0]!.includes('operations[4].create.name'));
  assert.ok(all[0]!.steps[0]!.includes('x'.repeat(300)));
  assert.equal(all[1]!.code, 'fieldError.REQUIRED');
  assert.equal(all[1]!.operationIndex, 5);
});

test('transient errors ask to retry with backoff and quote the request ID', async () => {
  const err = decode(rest('INTERNAL', 13, [{ errorCode: { internalError: 'INTERNAL_ERROR' }, message: 'oops' }], { requestId: 'abc-req' }));
  const e = await explain(err);
  assert.equal(e.retry.advice, 'backoff');
  assert.equal(e.actor, 'nobody');
  assert.ok(e.steps.some((s) => s.includes('abc-req')));
});

test('gRPC statuses, global reasons and ErrorInfo reasons are explained from their own entries', () => {
  const [s] = explainWith(en, 14);
  assert.equal(s!.code, 'status.UNAVAILABLE');
  assert.equal(s!.source, 'status');
  assert.equal(s!.retry.advice, 'backoff');
  const [g401] = explainWith(en, '401.required');
  const [g400] = explainWith(en, '400.required');
  assert.notEqual(g401!.title, g400!.title);
  assert.equal(g401!.source, 'global');
  const [info] = explainWith(en, 'errorInfo.SERVICE_DISABLED');
  assert.equal(info!.source, 'errorInfo');
  assert.ok(info!.steps.some((x) => /Enable/.test(x)));
});

test('a code without an entry is composed from its category, name and class', () => {
  const [e] = explainWith(en, 'campaignBudgetError.CAMPAIGN_BUDGET_PERIOD_NOT_AVAILABLE');
  assert.equal(e!.source, 'composed');
  assert.match(e!.title, /campaign budget period is not available/i);
  assert.match(e!.what, /CampaignBudgetService/);
  assert.ok(e!.steps.length >= 2);
});

test('a resource count error names its limit', async () => {
  const err = decode(
    rest('INVALID_ARGUMENT', 3, [
      {
        errorCode: { resourceCountLimitExceededError: 'CAMPAIGN_LIMIT' },
        message: 'limit',
        details: { resourceCountDetails: { enclosingId: '1234567890', limit: 10000, limitType: 'CAMPAIGNS_PER_CUSTOMER', existingCount: 10000 } },
      },
    ]),
  );
  const e = await explain(err);
  assert.ok(e.steps.some((s) => /10000/.test(s)));
});

test('anything unrecognizable is still explained, never thrown', async () => {
  for (const x of [undefined, null, 42.5, {}, [], 'not a code at all !!', Symbol('x')]) {
    const e = await explain(x);
    assert.ok(e.title.length > 0);
    assert.ok(e.steps.length > 0);
  }
});

test('a raw grpc-js style error is decoded on the way in', async () => {
  const raw = Object.assign(new Error('14 UNAVAILABLE: Connection dropped'), { code: 14, details: 'Connection dropped' });
  const e = await explain(raw);
  assert.equal(e.code, 'status.UNAVAILABLE');
  assert.equal(e.retry.advice, 'backoff');
});

test('a locale without a pack falls back to English; explainAll keeps the order of errors', async () => {
  const e = await explain('UNAVAILABLE', { locale: 'fr-FR' });
  assert.equal(e.locale, 'en');
  const all = await explainAll({
    recognized: true, source: 'rest', apiVersion: 'v25', status: { code: 3, name: 'INVALID_ARGUMENT', http: 400 }, httpStatus: 400,
    message: 'x', requestId: null, rpcDetails: [], retryDelayMs: null, retryDelaySource: null, quota: null, side: 'client',
    kind: 'invalid-request', actor: 'developer', retryable: false, issues: [],
    errors: ['rangeError.TOO_LOW', 'rangeError.TOO_HIGH', 'fieldError.REQUIRED'].map((key) => {
      const [category, name] = key.split('.') as [string, string];
      return { code: { category, name, number: null, key, known: true }, message: '', trigger: null, fieldPath: [], fieldPathText: null, operationIndex: null, details: null, location: null };
    }),
  });
  assert.deepEqual(all.map((x) => x.code), ['rangeError.TOO_LOW', 'rangeError.TOO_HIGH', 'fieldError.REQUIRED']);
});

test('an unknown OAuth error or global reason is still composed into specific advice', () => {
  const [o] = explainWith(en, 'oauth.some_new_error');
  assert.equal(o!.source, 'composed');
  assert.match(o!.what, /oauth\.some_new_error/);
  assert.ok(o!.steps.length > 0);
  const [g] = explainWith(en, '403.somethingUnheardOf');
  assert.match(g!.title, /something unheard of/i);
});

test('explainWith never throws and always gives steps, whatever the input', async () => {
  const fc = (await import('fast-check')).default;
  fc.assert(
    fc.property(fc.anything(), (x) => {
      const all = explainWith(en, x);
      assert.ok(all.length > 0);
      for (const e of all) assert.ok(e.steps.length > 0 && e.title.length > 0);
    }),
    { numRuns: 300 },
  );
});
