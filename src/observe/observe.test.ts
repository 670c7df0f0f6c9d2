import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { toLogRecord, adsErrorSerializer } from './log.js';
import { otelAttributes, recordOnSpan, type AttributeValue } from './otel.js';

const body = readFileSync(new URL('../../examples/rest-field-errors.json', import.meta.url), 'utf8');

test('a log record carries the request id, codes, paths and the retry decision', () => {
  const r = toLogRecord(body);
  assert.equal(r.requestId, 'Xq3bE1n2Tz9k0aPqL4mW7Q');
  assert.deepEqual(r.codes, ['fieldError.REQUIRED', 'stringLengthError.TOO_SHORT']);
  assert.equal(r.errors[0]?.fieldPath, 'operations[2].create.name');
  assert.equal(r.level, 'error');
  assert.equal(r.retryable, false);
  assert.equal(r.status, 'INVALID_ARGUMENT');
});

test('the serializer redacts credentials even from errors that are not Ads failures', () => {
  const e = new Error('request failed: Authorization: Bearer ya29.FAKEfakeFAKEfake1234567890');
  const out = JSON.stringify(adsErrorSerializer(e));
  assert.ok(!out.includes('ya29.FAKEfake'));
});

test('OpenTelemetry attributes use the semantic conventions, and recordOnSpan sets status ERROR', () => {
  const a = otelAttributes(body);
  assert.equal(a['error.type'], 'fieldError.REQUIRED');
  assert.equal(a['http.response.status_code'], 400);
  assert.equal(a['rpc.grpc.status_code'], 3);
  assert.equal(a['google_ads.request_id'], 'Xq3bE1n2Tz9k0aPqL4mW7Q');
  assert.deepEqual(a['google_ads.error.operation_indexes'], ['2']);
  const calls: string[] = [];
  let status: { code: number } | undefined;
  let attrs: Record<string, AttributeValue> = {};
  recordOnSpan(
    {
      setAttributes: (x) => { attrs = x; calls.push('attrs'); },
      recordException: (x) => { calls.push(`exception ${x.name}`); },
      setStatus: (s) => { status = s; calls.push('status'); },
    },
    body,
  );
  assert.deepEqual(calls, ['attrs', 'exception fieldError.REQUIRED', 'status']);
  assert.equal(status?.code, 2);
  assert.equal(attrs['google_ads.error.retryable'], false);
});
