import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBatchResults, looksLikeBatchPage } from './batch.js';

const failedStatus = (code: Record<string, string>, index?: number) => ({
  code: 3,
  message: 'failed',
  details: [
    {
      '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
      errors: [{ errorCode: code, message: 'x', ...(index !== undefined ? { location: { fieldPathElements: [{ fieldName: 'mutate_operations', index }] } } : {}) }],
      requestId: 'batch-1',
    },
  ],
});
const ok = (name: string) => ({ campaignResult: { resourceName: name } });

test('REST pages: operationIndex is an int64 string, and a missing one is operation 0', () => {
  const page1 = { results: [{ mutateOperationResponse: ok('c/0') }, { operationIndex: '1', status: failedStatus({ fieldError: 'REQUIRED' }, 1) }], nextPageToken: 't' };
  const page2 = JSON.stringify({ results: [{ operationIndex: '2', mutateOperationResponse: ok('c/2') }, { operationIndex: '3', status: failedStatus({ internalError: 'TRANSIENT_ERROR' }) }] });
  const s = splitBatchResults([page1, page2]);
  assert.equal(s.kind, 'batch');
  assert.deepEqual(s.operations.map((o) => o.status), ['ok', 'failed', 'ok', 'failed']);
  assert.deepEqual(s.operations[0]!.result, ok('c/0'));
  assert.equal(s.operations[1]!.errors[0]!.code.key, 'fieldError.REQUIRED');
  assert.equal(s.operations[1]!.retryable, false);
  assert.equal(s.operations[3]!.retryable, true);
  assert.equal(s.operations[3]!.failure?.status?.name, 'INVALID_ARGUMENT');
  assert.equal(s.operations[0]!.failure, undefined);
  assert.equal(s.requestId, 'batch-1');
});

test('errors belong to the result they came with, even without an index in their path', () => {
  const s = splitBatchResults({ results: [{ operationIndex: '4', status: failedStatus({ fieldError: 'REQUIRED' }) }] }, 6);
  assert.equal(s.operations.length, 6);
  assert.equal(s.operations[4]!.status, 'failed');
  assert.equal(s.requestErrors.length, 0);
  assert.deepEqual(s.operations.filter((o) => o.status === 'unknown').map((o) => o.index), [0, 1, 2, 3, 5]);
});

test('snake_case objects with Long indices (google-ads-node)', () => {
  const s = splitBatchResults({ results: [{ operation_index: { low: 1, high: 0, unsigned: false }, mutate_operation_response: { campaign_result: { resource_name: 'c/1' } } }] });
  assert.equal(s.operations.length, 2);
  assert.equal(s.operations[1]!.status, 'ok');
  assert.equal(s.operations[0]!.status, 'unknown');
});

test('a bad or impossible index is reported out of range; duplicates keep the first result', () => {
  const s = splitBatchResults(
    {
      results: [
        { operationIndex: 'abc', status: failedStatus({ fieldError: 'REQUIRED' }) },
        { operationIndex: '9', status: failedStatus({ fieldError: 'REQUIRED' }) },
        { operationIndex: '1', mutateOperationResponse: ok('first') },
        { operationIndex: '1', mutateOperationResponse: ok('second') },
      ],
    },
    2,
  );
  assert.equal(s.outOfRange.length, 2);
  assert.deepEqual(s.operations[1]!.result, ok('first'));
  assert.ok(s.issues.some((i) => /more than one result/.test(i)));
  assert.ok(s.issues.some((i) => /not an index/.test(i)));
});

test('looksLikeBatchPage accepts batch pages only', () => {
  assert.equal(looksLikeBatchPage({ results: [{ operationIndex: '1', status: {} }] }), true);
  assert.equal(looksLikeBatchPage({ results: [{ campaign: { resourceName: 'x' } }] }), false);
  assert.equal(looksLikeBatchPage({ results: [{ resourceName: 'x' }] }), false);
});
