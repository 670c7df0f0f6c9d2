import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closeTruncatedJson, escapeRawControls } from './json-repair.js';

test('a cut JSON text is closed where it was cut', () => {
  assert.equal(closeTruncatedJson('{"a": 1, "b'), '{"a": 1}');
  assert.equal(closeTruncatedJson('{"m": "hello wor'), '{"m": "hello wor"}');
  assert.equal(closeTruncatedJson('{"d": [{"t": "x", "metadata": { "service'), '{"d": [{"t": "x", "metadata": {}}]}');
  assert.equal(closeTruncatedJson('{"a":"b"}'), '{"a":"b"}');
  assert.equal(closeTruncatedJson('no json here'), null);
});

test('a cut inside an escape leaves no broken escape behind', () => {
  assert.equal(closeTruncatedJson('{"m": "a\\'), '{"m": "a"}');
  assert.equal(closeTruncatedJson('{"m": "a\\\\'), '{"m": "a\\\\"}');
  assert.equal(closeTruncatedJson('{"m": "a\\u00'), '{"m": "a"}');
});

test('every prefix of any JSON closes to valid JSON', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), (value, cutAt) => {
      const text = JSON.stringify({ error: value });
      JSON.parse(closeTruncatedJson(text.slice(0, 1 + (cutAt % text.length)))!);
    }),
    { numRuns: 300 },
  );
});

test('raw line breaks inside strings are escaped, those between tokens are kept', () => {
  assert.equal(escapeRawControls('{"a": "x\ny",\n"b": 1}'), '{"a": "x\\ny",\n"b": 1}');
  assert.deepEqual(JSON.parse(escapeRawControls('{"a": "x\ty"}')), { a: 'x\ty' });
});
