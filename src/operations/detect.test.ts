import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectOperationsResponse } from './detect.js';

const pfe = {
  code: 3,
  message: 'm',
  details: [{ '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure', errors: [{ errorCode: { fieldError: 'REQUIRED' }, message: 'x', location: { fieldPathElements: [{ fieldName: 'operations', index: 0 }] } }] }],
};

test('mutate responses, batch pages and stream bodies are detected', () => {
  assert.equal(detectOperationsResponse({ results: [{}], partialFailureError: pfe })?.kind, 'mutate');
  assert.equal(detectOperationsResponse(JSON.stringify({ results: [{}], partialFailureError: pfe }))?.kind, 'mutate');
  assert.equal(detectOperationsResponse({ mutateOperationResponses: [{ campaignResult: { resourceName: 'x' } }] })?.kind, 'mutate');
  assert.equal(detectOperationsResponse({ results: [{ operationIndex: '1', status: pfe }] })?.kind, 'batch');
  assert.equal(detectOperationsResponse([{ results: [{ operationIndex: '1', status: pfe }] }, { results: [{ mutateOperationResponse: {} }] }])?.kind, 'batch');
  assert.equal(detectOperationsResponse([{ results: [{ campaign: {} }], requestId: 'r' }, { error: { code: 500, message: 'x' } }])?.kind, 'stream');
});

test('anything else is not claimed', () => {
  for (const input of [
    { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'x', details: pfe.details } },
    pfe,
    { results: [{ campaign: { resourceName: 'x' } }], fieldMask: 'campaign.id' },
    'just some text',
    '{"not": "a response"',
    Buffer.from('0a0b', 'hex'),
    new Uint8Array([8, 3, 18, 1, 65]),
    null,
    42,
    [],
    [1, 2, 3],
  ]) {
    assert.equal(detectOperationsResponse(input), null, JSON.stringify(input));
  }
});
