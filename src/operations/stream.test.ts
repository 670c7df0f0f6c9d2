import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Metadata } from '@grpc/grpc-js';
import { splitStream, looksLikeStreamBody } from './stream.js';

const row = (n: number) => ({ campaign: { resourceName: `customers/1/campaigns/${n}`, id: String(n) } });
const errorElement = (code: number, status: string, adsCode: Record<string, string>) => ({
  error: {
    code,
    status,
    message: 'stream broke',
    details: [{ '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure', errors: [{ errorCode: adsCode, message: 'x' }], requestId: 'err-req' }],
  },
});

test('REST body: rows before the error, the stream request id, and restart advice', () => {
  const body = [
    { results: [row(1), row(2)], fieldMask: 'campaign.id', requestId: 'stream-7' },
    { results: [row(3)], fieldMask: 'campaign.id', requestId: 'stream-7' },
    errorElement(500, 'INTERNAL', { internalError: 'INTERNAL_ERROR' }),
  ];
  const s = splitStream(JSON.stringify(body));
  assert.equal(s.rows.length, 3);
  assert.equal(s.messages, 2);
  assert.equal(s.requestId, 'stream-7');
  assert.equal(s.complete, false);
  assert.equal(s.error?.errors[0]?.code.key, 'internalError.INTERNAL_ERROR');
  assert.equal(s.restart?.safe, true);
  assert.equal(s.restart?.advisable, true);
  assert.equal(s.restart?.rowsWillRepeat, true);
  assert.match(s.restart!.advice, /3 row\(s\) already received will come again/);
});

test('a stream that ends with a permission error: safe to restart, not advisable', () => {
  const s = splitStream([{ results: [row(1)], requestId: 'r' }, errorElement(403, 'PERMISSION_DENIED', { authorizationError: 'USER_PERMISSION_DENIED' })]);
  assert.equal(s.restart?.advisable, false);
  assert.equal(s.restart?.safe, true);
});

test('a complete stream has no error and no advice', () => {
  const s = splitStream([{ results: [row(1)], requestId: 'r' }, { results: [row(2)], requestId: 'r' }]);
  assert.equal(s.complete, true);
  assert.equal(s.error, null);
  assert.equal(s.restart, null);
  assert.equal(s.rows.length, 2);
});

test('gRPC: messages received plus the ServiceError', () => {
  const md = new Metadata();
  md.set('request-id', 'grpc-stream-1');
  const error = Object.assign(new Error('14 UNAVAILABLE: connection reset'), { code: 14, details: 'connection reset', metadata: md });
  const s = splitStream({ messages: [{ results: [row(1), row(2)], request_id: 'grpc-stream-1' }], error });
  assert.equal(s.rows.length, 2);
  assert.equal(s.requestId, 'grpc-stream-1');
  assert.equal(s.error?.status?.name, 'UNAVAILABLE');
  assert.equal(s.restart?.advisable, true);
});

test('no rows yet: restarting repeats nothing', () => {
  const s = splitStream([errorElement(503, 'UNAVAILABLE', { internalError: 'TRANSIENT_ERROR' })]);
  assert.equal(s.rows.length, 0);
  assert.equal(s.restart?.rowsWillRepeat, false);
});

test('looksLikeStreamBody', () => {
  assert.equal(looksLikeStreamBody([{ results: [], requestId: 'x' }]), true);
  assert.equal(looksLikeStreamBody([errorElement(500, 'INTERNAL', { internalError: 'INTERNAL_ERROR' })]), true);
  assert.equal(looksLikeStreamBody([errorElement(500, 'INTERNAL', { internalError: 'INTERNAL_ERROR' }), { results: [] }]), false);
  assert.equal(looksLikeStreamBody([1, 2]), false);
});

test('a short rate limit: advisable after the server\'s delay', () => {
  const body = [
    { results: [row(1)], requestId: 'q' },
    {
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        message: 'Too many requests',
        details: [
          {
            '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
            errors: [{ errorCode: { quotaError: 'RESOURCE_EXHAUSTED' }, message: 'x', details: { quotaErrorDetails: { rateScope: 'ACCOUNT', rateName: 'Requests per minute', retryDelay: '30s' } } }],
          },
        ],
      },
    },
  ];
  const s = splitStream(body);
  assert.equal(s.restart?.advisable, true);
  assert.equal(s.restart?.delayMs, 30_000);
  assert.match(s.restart!.advice, /after 30 s/);
});
