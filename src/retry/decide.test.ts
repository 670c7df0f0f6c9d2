import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRetry, type RequestSafety } from './decide.js';
import { adsError } from '../../test/retry/fixtures.js';

const READ: RequestSafety = { operation: 'read', idempotent: false, newAccount: false };
const MUTATE: RequestSafety = { operation: 'mutate', idempotent: false, newAccount: false };

test('a short rate limit with a delay waits the delay and does not drain the budget', () => {
  const d = decideRetry(adsError({ status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.RESOURCE_EXHAUSTED'], retryDelayMs: 30_000 }), MUTATE);
  assert.deepEqual(d, { retry: true, schedule: 'server-delay', serverDelayMs: 30_000, countsAgainstBudget: false });
});

test('a long delay means the daily quota: give up with the delay', () => {
  const d = decideRetry(adsError({ status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.RESOURCE_EXHAUSTED'], retryDelayMs: 40_591_000 }), READ);
  assert.deepEqual(d, { retry: false, reason: 'quota', serverDelayMs: 40_591_000 });
});

test('transient server trouble backs off and counts against the budget', () => {
  const d = decideRetry(adsError({ status: 'UNAVAILABLE' }), MUTATE);
  assert.deepEqual(d, { retry: true, schedule: 'backoff', serverDelayMs: null, countsAgainstBudget: true });
});

test('outcome-unknown statuses stop a mutate but not a read', () => {
  const e = adsError({ status: 'DEADLINE_EXCEEDED' });
  assert.equal(decideRetry(e, MUTATE).retry, false);
  assert.equal(decideRetry(e, { ...MUTATE, idempotent: true }).retry, true);
  assert.equal(decideRetry(e, READ).retry, true);
});

test('CUSTOMER_NOT_FOUND polls only for an account the caller says is new', () => {
  const e = adsError({ status: 'UNAUTHENTICATED', codes: ['authenticationError.CUSTOMER_NOT_FOUND'] });
  assert.deepEqual(decideRetry(e, READ), { retry: false, reason: 'not-retryable', serverDelayMs: null });
  assert.equal((decideRetry(e, { ...READ, newAccount: true }) as { schedule?: string }).schedule, 'poll');
});
