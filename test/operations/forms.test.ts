/**
 * Real v25 responses in every transport form give the same per-operation outcome.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectOperationsResponse, splitBatchResults, splitOperations, splitStream, type OperationsSplit } from '../../src/operations/index.js';
import * as fx from './fixtures.js';

const specs: fx.ErrorSpec[] = [
  { key: 'fieldError.REQUIRED', path: [['operations', 1], ['create'], ['name']] },
  { key: 'stringLengthError.TOO_SHORT', path: [['operations', 1], ['create'], ['description']] },
  { key: 'internalError.TRANSIENT_ERROR', path: [['operations', 3]] },
  { key: 'requestError.INVALID_CUSTOMER_ID', path: [['customer_id']] },
  { key: 'fieldError.REQUIRED', path: [['operations', 7], ['create']] },
];
const results = ['customers/1/x/0', null, 'customers/1/x/2', null];

/** What every form must agree on. */
function shape(s: OperationsSplit) {
  return {
    ops: s.operations.map((o) => [o.index, o.status, o.retryable, o.errors.map((e) => `${e.code.key}@${e.fieldPathText}`)]),
    request: s.requestErrors.map((e) => e.code.key),
    outOfRange: s.outOfRange.map((e) => e.fieldPathText),
    requestId: s.requestId,
  };
}

const expected = {
  ops: [
    [0, 'ok', false, []],
    [1, 'failed', false, ['fieldError.REQUIRED@operations[1].create.name', 'stringLengthError.TOO_SHORT@operations[1].create.description']],
    [2, 'ok', false, []],
    [3, 'failed', true, ['internalError.TRANSIENT_ERROR@operations[3]']],
  ],
  request: ['requestError.INVALID_CUSTOMER_ID'],
  outOfRange: ['operations[7].create'],
  requestId: 'req-1',
};

// Responses whose partial_failure_error sits at field 3, 1 and 2 (results at 2, 2 and 1).
for (const name of ['MutateCampaignsResponse', 'MutateAdGroupAssetsResponse', 'MutateAssetGroupsResponse']) {
  test(`${name}: binary, REST JSON, protobuf-es, google-ads-node and google-ads-api forms agree`, () => {
    const r = fx.mutateResponse(name, results, specs);
    const forms: Record<string, unknown> = {
      binary: fx.asBinary(r),
      'rest text': fx.asRestJson(r),
      'rest object': JSON.parse(fx.asRestJson(r)),
      'protobuf-es': r.msg,
      'google-ads-node': fx.asGoogleAdsNode(r),
      'google-ads-api': fx.asGoogleAdsApi(r),
      // google-ads-api's object after JSON.stringify: Buffers become {type, data}.
      'google-ads-node as JSON': JSON.parse(JSON.stringify(fx.asGoogleAdsNode(r))),
    };
    for (const [form, input] of Object.entries(forms)) {
      assert.deepEqual(shape(splitOperations(input, 4, { apiVersion: 'v25' })), expected, form);
      assert.deepEqual(shape(splitOperations(input, undefined, { apiVersion: 'v25' })), expected, `${form} (count from results)`);
    }
  });
}

test('MutateGoogleAdsResponse: mutate_operations paths, results in mutate_operation_responses', () => {
  const r = fx.mutateResponse('MutateGoogleAdsResponse', ['c/0', null, 'c/2'], [
    { key: 'fieldError.REQUIRED', path: [['mutate_operations', 1], ['campaign_operation'], ['create'], ['name']] },
  ]);
  for (const input of [fx.asBinary(r), fx.asRestJson(r), fx.asGoogleAdsApi(r)]) {
    const s = splitOperations(input, undefined, { apiVersion: 'v25' });
    assert.deepEqual(s.operations.map((o) => o.status), ['ok', 'failed', 'ok']);
    assert.equal(s.operations[1]!.errors[0]!.fieldPathText, 'mutate_operations[1].campaign_operation.create.name');
  }
  const bin = fx.asBinary(r);
  const s = splitOperations(bin);
  assert.ok(s.operations[0]!.result instanceof Uint8Array);
});

test('a protobufjs path element without an index is not read as index 0', () => {
  const r = fx.mutateResponse('MutateCampaignsResponse', ['a', 'b'], [{ key: 'requestError.INVALID_CUSTOMER_ID', path: [['operations'], ['create']] }]);
  for (const input of [fx.asGoogleAdsNode(r), fx.asGoogleAdsApi(r)]) {
    const s = splitOperations(input);
    assert.equal(s.requestErrors.length, 1);
    assert.equal(s.operations[0]!.errors.length, 0);
  }
});

test('binary: the partial failure field can be named instead of found', () => {
  const r = fx.mutateResponse('MutateAdGroupAssetsResponse', ['a', null], [{ key: 'fieldError.REQUIRED', path: [['operations', 1]] }]);
  const s = splitOperations(fx.asBinary(r), 2, { partialFailureField: 1 });
  assert.deepEqual(s.operations.map((o) => o.status), ['ok', 'failed']);
});

test('batch job pages in REST, binary and google-ads-node forms, across pages', () => {
  const p1 = fx.batchPage([
    { index: 0, resourceName: 'c/0' },
    { index: 1, errors: [{ key: 'fieldError.REQUIRED', path: [['mutate_operations', 1], ['campaign_operation']] }] },
  ], 'next');
  const p2 = fx.batchPage([
    { index: 2, errors: [{ key: 'internalError.INTERNAL_ERROR' }], statusCode: 13 },
    { index: 3, resourceName: 'c/3' },
  ]);
  const node = (p: typeof p1) => fx.googleAdsNodeDecode('ListBatchJobResultsResponse', fx.asBinary(p));
  const forms: Record<string, unknown[]> = {
    rest: [fx.asRestJson(p1), JSON.parse(fx.asRestJson(p2))],
    binary: [fx.asBinary(p1), fx.asBinary(p2)],
    'protobuf-es': [p1.msg, p2.msg],
    'google-ads-node': [node(p1), node(p2)],
  };
  for (const [form, pages] of Object.entries(forms)) {
    const s = splitBatchResults(pages, undefined, { apiVersion: 'v25' });
    assert.deepEqual(s.operations.map((o) => o.status), ['ok', 'failed', 'failed', 'ok'], form);
    assert.equal(s.operations[1]!.retryable, false, form);
    assert.equal(s.operations[2]!.retryable, true, form);
    assert.equal(s.operations[2]!.errors[0]!.code.key, 'internalError.INTERNAL_ERROR', form);
    assert.equal(s.requestErrors.length + s.outOfRange.length, 0, form);
  }
  assert.equal(detectOperationsResponse(fx.asBinary(p1))?.kind, 'batch');
  assert.equal(detectOperationsResponse(fx.asRestJson(p2))?.kind, 'batch');
});

test('search stream: the REST body from real messages', () => {
  const body = fx.streamBody([3, 2], { specs: [{ key: 'quotaError.RESOURCE_EXHAUSTED', retryDelaySeconds: 20 }], code: 8, status: 'RESOURCE_EXHAUSTED' });
  const s = splitStream(JSON.stringify(body));
  assert.equal(s.rows.length, 5);
  assert.equal(s.requestId, 'stream-req');
  assert.equal(s.restart?.advisable, true);
  assert.equal(s.restart?.delayMs, 20_000);
  const names = s.rows.map((r) => (r as { campaign: { resourceName: string } }).campaign.resourceName);
  assert.equal(new Set(names).size, 5);
  assert.equal(detectOperationsResponse(body)?.kind, 'stream');
});

test('detection of real mutate responses in bytes and JSON', () => {
  const r = fx.mutateResponse('MutateCampaignsResponse', results, specs);
  assert.equal(detectOperationsResponse(fx.asBinary(r))?.kind, 'mutate');
  assert.equal(detectOperationsResponse(fx.asRestJson(r))?.kind, 'mutate');
  // A failure's own bytes are not a mutate response.
  assert.equal(detectOperationsResponse(fx.statusBytes(specs)), null);
});
