import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitOperations } from './partial-failure.js';
import { mergeResults, retryableSubset } from './retry-subset.js';

const failure = (errors: { code: Record<string, string>; index?: number }[]) => ({
  code: 3,
  message: 'm',
  details: [
    {
      '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
      errors: errors.map((e) => ({ errorCode: e.code, message: `msg ${Object.values(e.code)[0]}`, ...(e.index !== undefined ? { location: { fieldPathElements: [{ fieldName: 'operations', index: e.index }, { fieldName: 'create' }] } } : {}) })),
    },
  ],
});

const ops = ['a', 'b', 'c', 'd', 'e'];
const first = splitOperations({
  results: [{ resourceName: 'r/a' }, {}, {}, { resourceName: 'r/d' }, {}],
  partialFailureError: failure([
    { code: { internalError: 'TRANSIENT_ERROR' }, index: 1 },
    { code: { fieldError: 'REQUIRED' }, index: 2 },
    { code: { databaseError: 'CONCURRENT_MODIFICATION' }, index: 4 },
  ]),
}, ops);

test('only transiently failed operations are resent, with their original indices', () => {
  const sub = retryableSubset(first, ops);
  assert.deepEqual(sub.operations, ['b', 'e']);
  assert.deepEqual(sub.originalIndex, [1, 4]);
  assert.deepEqual(sub.failedForGood.map((f) => f.index), [2]);
  assert.match(sub.failedForGood[0]!.explanation, /fieldError\.REQUIRED: msg REQUIRED/);
  assert.deepEqual(sub.unknown, []);
  assert.equal(sub.delayMs, null);
});

test('the longest server delay among the resent operations is passed on', () => {
  const s = splitOperations({
    results: [{}, {}],
    partialFailureError: {
      code: 8,
      message: 'm',
      details: [
        {
          '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
          errors: [0, 1].map((i) => ({
            errorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
            message: 'slow down',
            location: { fieldPathElements: [{ fieldName: 'operations', index: i }] },
            details: { quotaErrorDetails: { rateScope: 'ACCOUNT', rateName: 'Requests per minute', retryDelay: `${(i + 1) * 10}s` } },
          })),
        },
      ],
    },
  });
  const sub = retryableSubset(s);
  assert.deepEqual(sub.originalIndex, [0, 1]);
  assert.equal(sub.delayMs, 20_000);
});

test('a custom explanation is used for the failed-for-good list', () => {
  const sub = retryableSubset(first, ops, { explain: (e) => `title of ${e.code.name}` });
  assert.equal(sub.failedForGood[0]!.explanation, 'title of REQUIRED');
});

test('merge puts the retry outcome back at the original indices, paths included', () => {
  const sub = retryableSubset(first, ops);
  const retry = splitOperations({ results: [{ resourceName: 'r/b' }, {}], partialFailureError: failure([{ code: { fieldError: 'REQUIRED' }, index: 1 }]) }, sub.operations);
  const merged = mergeResults(first, retry, sub);
  assert.deepEqual(merged.operations.map((o) => o.index), [0, 1, 2, 3, 4]);
  assert.deepEqual(merged.operations.map((o) => o.status), ['ok', 'ok', 'failed', 'ok', 'failed']);
  assert.deepEqual(merged.operations[1]!.result, { resourceName: 'r/b' });
  assert.equal(merged.operations[4]!.errors[0]!.operationIndex, 4);
  assert.equal(merged.operations[4]!.errors[0]!.fieldPathText, 'operations[4].create');
  assert.equal(merged.operations[4]!.errors[0]!.code.key, 'fieldError.REQUIRED');
  assert.equal(merged.operations[0], first.operations[0]);
});

test('unknown operations are listed, and resent only when asked', () => {
  const s = splitOperations({ results: [{}, { resourceName: 'x' }], partialFailureError: failure([{ code: { internalError: 'TRANSIENT_ERROR' } }]) }, ['p', 'q']);
  assert.deepEqual(s.operations.map((o) => o.status), ['unknown', 'ok']);
  assert.deepEqual(retryableSubset(s, ['p', 'q']).operations, []);
  assert.deepEqual(retryableSubset(s, ['p', 'q']).unknown, [0]);
  assert.deepEqual(retryableSubset(s, ['p', 'q'], { includeUnknown: true }).operations, ['p']);
});

test('without the list sent, the subset is a list of original indices', () => {
  const sub = retryableSubset(first);
  assert.deepEqual(sub.operations, [1, 4]);
  assert.deepEqual(sub.originalIndex, [1, 4]);
});
