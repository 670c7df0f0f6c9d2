import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitOperations } from './partial-failure.js';
import { isEmptyResult } from './group.js';

const failure = (errors: unknown[], requestId = 'r-9') => ({
  code: 3,
  message: 'Multiple errors',
  details: [{ '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure', errors, requestId }],
});
const err = (code: Record<string, string>, path?: { fieldName: string; index?: number }[]) => ({
  errorCode: code,
  message: `failed ${JSON.stringify(code)}`,
  ...(path ? { location: { fieldPathElements: path } } : {}),
});

test('REST JSON: results and errors become one outcome per operation', () => {
  const body = {
    results: [{ resourceName: 'customers/1/campaigns/1' }, {}, {}],
    partialFailureError: failure([
      err({ fieldError: 'REQUIRED' }, [{ fieldName: 'operations', index: 1 }, { fieldName: 'create' }, { fieldName: 'name' }]),
      err({ stringLengthError: 'TOO_SHORT' }, [{ fieldName: 'operations', index: 1 }, { fieldName: 'create' }, { fieldName: 'description' }]),
      err({ internalError: 'INTERNAL_ERROR' }, [{ fieldName: 'operations', index: 2 }]),
    ]),
  };
  const s = splitOperations(JSON.stringify(body));
  assert.equal(s.kind, 'mutate');
  assert.deepEqual(s.operations.map((o) => o.status), ['ok', 'failed', 'failed']);
  assert.deepEqual(s.operations[0]!.result, { resourceName: 'customers/1/campaigns/1' });
  assert.deepEqual(s.operations[1]!.errors.map((e) => e.code.key), ['fieldError.REQUIRED', 'stringLengthError.TOO_SHORT']);
  assert.equal(s.operations[1]!.retryable, false);
  assert.equal(s.operations[1]!.kind, 'invalid-request');
  assert.equal(s.operations[2]!.retryable, true);
  assert.equal(s.requestId, 'r-9');
  assert.equal(s.error?.errors.length, 3);
  assert.equal(s.requestErrors.length, 0);
});

test('an error without an index is about the request, and does not land on operation 0', () => {
  const body = {
    results: [{ resourceName: 'a' }, { resourceName: 'b' }],
    partialFailureError: failure([err({ requestError: 'INVALID_CUSTOMER_ID' }), err({ fieldError: 'REQUIRED' }, [{ fieldName: 'operations' }])]),
  };
  const s = splitOperations(body);
  assert.equal(s.requestErrors.length, 2);
  assert.deepEqual(s.operations.map((o) => o.status), ['ok', 'ok']);
  assert.equal(s.operations[0]!.errors.length, 0);
});

test('the count given by the caller wins; errors past it are reported out of range', () => {
  const body = {
    results: [{ resourceName: 'a' }, {}],
    partialFailureError: failure([err({ fieldError: 'REQUIRED' }, [{ fieldName: 'operations', index: 5 }]), err({ fieldError: 'REQUIRED' }, [{ fieldName: 'operations', index: -2 }])]),
  };
  const s = splitOperations(body, ['op0', 'op1', 'op2']);
  assert.equal(s.operations.length, 3);
  assert.equal(s.operations[2]!.status, 'unknown');
  assert.equal(s.outOfRange.length, 2);
  assert.ok(s.issues.some((i) => /2 result\(s\) for 3 operation/.test(i)));
});

test('an empty placeholder next to unplaced errors is unknown, not ok', () => {
  const body = { results: [{ resourceName: 'a' }, {}], partialFailureError: failure([err({ fieldError: 'REQUIRED' })]) };
  const s = splitOperations(body);
  assert.deepEqual(s.operations.map((o) => o.status), ['ok', 'unknown']);
});

test('a response without partial failure is all ok; an OK status is no failure', () => {
  const s = splitOperations({ results: [{ resourceName: 'a' }], partialFailureError: { code: 0, message: '' } });
  assert.deepEqual(s.operations.map((o) => o.status), ['ok']);
  assert.equal(s.error, null);
  const g = splitOperations({ mutate_operation_responses: [{ campaign_result: { resource_name: 'x' } }, {}] });
  assert.deepEqual(g.operations.map((o) => o.status), ['ok', 'ok']);
});

test('a thrown failure of an atomic mutate places its errors; the other operations are unknown', () => {
  const thrown = { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'bad', details: failure([err({ fieldError: 'REQUIRED' }, [{ fieldName: 'operations', index: 1 }])]).details } };
  const s = splitOperations(thrown, 3);
  assert.deepEqual(s.operations.map((o) => o.status), ['unknown', 'failed', 'unknown']);
  assert.ok(s.error?.recognized);
});

test('without a count or results, the count is the highest index named', () => {
  const s = splitOperations({ partialFailureError: failure([err({ fieldError: 'REQUIRED' }, [{ fieldName: 'operations', index: 3 }])]) });
  assert.equal(s.operations.length, 4);
  assert.equal(s.operations[3]!.status, 'failed');
  assert.ok(s.issues.some((i) => /inferred/.test(i)));
});

test('a bad count is reported, not trusted', () => {
  const s = splitOperations({ results: [{ resourceName: 'a' }] }, -4);
  assert.equal(s.operations.length, 1);
  assert.ok(s.issues.some((i) => /not a whole number/.test(i)));
});

test('isEmptyResult knows the placeholder in every form', () => {
  assert.equal(isEmptyResult({}), true);
  assert.equal(isEmptyResult(new Uint8Array(0)), true);
  assert.equal(isEmptyResult({ $typeName: 'x.MutateCampaignResult', resourceName: '' }), true);
  assert.equal(isEmptyResult({ response: { case: undefined } }), true);
  assert.equal(isEmptyResult({ resourceName: 'customers/1/campaigns/2' }), false);
  assert.equal(isEmptyResult(new Uint8Array([10, 1, 65])), false);
});
