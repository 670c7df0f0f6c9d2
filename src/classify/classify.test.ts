import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyCode, classifyFailure, LONG_QUOTA_DELAY_MS } from './classify.js';
import { statusByCode } from './status.js';
import { makeEntry, ref } from '../decode/entry.js';

const code = (k: string) => {
  const [c, n] = k.split('.') as [string, string];
  return ref(c, n);
};

test('transient server failures are retryable; client errors never are', () => {
  for (const n of [2, 4, 10, 13, 14]) assert.equal(classifyFailure([], n, null).retryable, true, `status ${n}`);
  for (const n of [1, 3, 5, 6, 7, 9, 11, 12, 15, 16]) assert.equal(classifyFailure([], n, null).retryable, false, `status ${n}`);
  assert.equal(classifyCode(code('internalError.TRANSIENT_ERROR')).retryable, true);
  assert.equal(classifyCode(code('databaseError.CONCURRENT_MODIFICATION')).retryable, true);
  assert.equal(classifyCode(code('fieldError.REQUIRED'), statusByCode(3)).retryable, false);
  assert.equal(classifyCode(code('authorizationError.USER_PERMISSION_DENIED'), statusByCode(7)).kind, 'authorization');
});

test('a rate limit with a short delay is retryable; the daily quota (a delay of hours) is not', () => {
  const short = { rateScope: 'ACCOUNT', rateName: 'x', retryDelayMs: 30_000 };
  const daily = { rateScope: 'DEVELOPER', rateName: 'Number of operations for basic access', retryDelayMs: 40_591_000 };
  assert.equal(classifyCode(code('quotaError.RESOURCE_EXHAUSTED'), statusByCode(8), short).kind, 'rate-limit');
  assert.equal(classifyCode(code('quotaError.RESOURCE_EXHAUSTED'), statusByCode(8), short).retryable, true);
  assert.equal(classifyCode(code('quotaError.RESOURCE_EXHAUSTED'), statusByCode(8), daily).kind, 'quota');
  assert.equal(classifyCode(code('quotaError.RESOURCE_EXHAUSTED'), statusByCode(8), daily).retryable, false);
  const longButUnnamed = { rateScope: null, rateName: null, retryDelayMs: LONG_QUOTA_DELAY_MS };
  assert.equal(classifyCode(code('quotaError.RESOURCE_EXHAUSTED'), statusByCode(8), longButUnnamed).retryable, false);
  assert.equal(classifyCode(code('quotaError.ACCESS_PROHIBITED'), statusByCode(8)).retryable, false);
});

test('OAuth failures are authentication problems whatever status they came with', () => {
  for (const s of [3, 7, 13, 14, 16]) {
    const cls = classifyFailure([makeEntry({ code: ref('oauth', 'invalid_grant') })], s, null);
    assert.equal(cls.kind, 'authentication');
    assert.equal(cls.retryable, false);
  }
});

test('a failure is retryable only when every error is', () => {
  const mixed = [makeEntry({ code: code('internalError.TRANSIENT_ERROR') }), makeEntry({ code: code('fieldError.REQUIRED') })];
  const cls = classifyFailure(mixed, 3, null);
  assert.equal(cls.retryable, false);
  assert.equal(cls.kind, 'invalid-request');
});

test('global-domain reasons: rate limits retry, daily limits and auth do not', () => {
  assert.equal(classifyCode(ref('global', 'rateLimitExceeded')).retryable, true);
  assert.equal(classifyCode(ref('global', 'userRateLimitExceeded')).retryable, true);
  assert.equal(classifyCode(ref('global', 'dailyLimitExceeded')).retryable, false);
  assert.equal(classifyCode(ref('global', 'backendError')).retryable, true);
  assert.equal(classifyCode(ref('global', 'authError')).kind, 'authentication');
});
