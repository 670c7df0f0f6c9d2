import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstErrorFromCutBytes, isCutBytes, parseInspect } from './inspect.js';

test('inspect output becomes plain data: class prefixes, Maps, Buffers, joined strings, placeholders', () => {
  const text = `{
  code: 3,
  details: 'Request contains ' +
    'an invalid argument.',
  metadata: Metadata {
    internalRepr: Map(2) {
      'request-id' => [ 'abc123' ],
      'x-bin' => [ <Buffer 0a 02 ... 8 more bytes> ]
    },
    options: {}
  },
  hidden: [Object],
  big: 12n,
  list: [ 1, 2, ... 3 more items ]
}`;
  const { value } = parseInspect(text, 0);
  const v = value as Record<string, any>;
  assert.equal(v.code, 3);
  assert.equal(v.details, 'Request contains an invalid argument.');
  assert.deepEqual(v.metadata.internalRepr['request-id'], ['abc123']);
  assert.ok(isCutBytes(v.metadata.internalRepr['x-bin'][0]));
  assert.equal(v.hidden, null);
  assert.equal(v.big, 12n);
  assert.deepEqual(v.list, [1, 2]);
});

test("escaped quotes in single-quoted strings, and google-ads-api's minified class names", () => {
  const { value } = parseInspect("Am { errors: [ Pm { error_code: _ { query_error: 45 }, message: 'Invalid customer ID \\'\\'.' } ], request_id: 'r1' }", 3);
  assert.deepEqual(value, { errors: [{ error_code: { query_error: 45 }, message: "Invalid customer ID ''." }], request_id: 'r1' });
});

test('the first error code is read from the start of cut GoogleAdsFailure bytes', () => {
  // errors { error_code { field_error (61): REQUIRED (2) } message: "The required…" (cut) }
  const bytes = Uint8Array.from([0x0a, 0x65, 0x0a, 0x03, 0xe8, 0x03, 0x02, 0x12, 0x23, ...Buffer.from('The required')]);
  const first = firstErrorFromCutBytes(bytes, 'v25');
  assert.deepEqual(first, { category: 'fieldError', name: 'REQUIRED', number: 2, message: 'The required…' });
  assert.equal(firstErrorFromCutBytes(Uint8Array.from([0x12, 0x01, 0x41]), 'v25'), null);
});
