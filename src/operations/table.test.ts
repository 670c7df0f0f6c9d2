import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitOperations } from './partial-failure.js';
import { splitStream } from './stream.js';
import { formatOperationsTable, toOperationsJson } from './table.js';

const failure = (errors: { code: Record<string, string>; index?: number }[]) => ({
  code: 3,
  message: 'm',
  details: [
    {
      '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
      errors: errors.map((e) => ({ errorCode: e.code, message: `text for ${Object.values(e.code)[0]}`, ...(e.index !== undefined ? { location: { fieldPathElements: [{ fieldName: 'operations', index: e.index }, { fieldName: 'create' }, { fieldName: 'name' }] } } : {}) })),
      requestId: 'tbl-req',
    },
  ],
});

const split = splitOperations({
  results: [{ resourceName: 'a' }, {}, { resourceName: 'c' }, { resourceName: 'd' }, { resourceName: 'e' }, { resourceName: 'f' }, { resourceName: 'g' }],
  partialFailureError: failure([
    { code: { fieldError: 'REQUIRED' }, index: 1 },
    { code: { stringLengthError: 'TOO_SHORT' }, index: 1 },
    { code: { requestError: 'INVALID_CUSTOMER_ID' } },
    { code: { fieldError: 'REQUIRED' }, index: 12 },
  ]),
});

test('one block per failed operation, its errors on consecutive lines', () => {
  const lines = formatOperationsTable(split).split('\n');
  assert.match(lines[0]!, /^Operations: 7 \(6 ok, 1 failed\) \[request-id tbl-req\]$/);
  const i = lines.findIndex((l) => /^\s*1\s+failed\s+no\s+fieldError\.REQUIRED\s+operations\[1\]\.create\.name\s+text for REQUIRED$/.test(l));
  assert.ok(i > 0, lines.join('\n'));
  assert.match(lines[i + 1]!, /^\s+stringLengthError\.TOO_SHORT\s+operations\[1\]\.create\.name\s+text for TOO_SHORT$/);
  assert.ok(lines.some((l) => /^Errors about the request as a whole \(1\):$/.test(l)));
  assert.ok(lines.some((l) => /requestError\.INVALID_CUSTOMER_ID/.test(l)));
  assert.ok(lines.some((l) => /^Errors naming no operation that was sent \(1\):$/.test(l)));
});

test('long runs of ok operations collapse into one line, unless told not to', () => {
  const collapsed = formatOperationsTable(split);
  assert.match(collapsed, /\n\s*2-6\s+ok\s+\(5 operations\)/);
  const full = formatOperationsTable(split, { collapseOkRuns: Infinity });
  for (const n of [2, 3, 4, 5, 6]) assert.match(full, new RegExp(`\\n\\s*${n}\\s+ok\\n|\\n\\s*${n}\\s+ok$`));
});

test('explanation titles come from the caller when given', () => {
  const out = formatOperationsTable(split, { explainTitle: (e) => `Title: ${e.code.name}` });
  assert.match(out, /Title: REQUIRED/);
  assert.doesNotMatch(out, /text for REQUIRED/);
  // A failing title function falls back to the message.
  const safe = formatOperationsTable(split, { explainTitle: () => { throw new Error('boom'); } });
  assert.match(safe, /text for REQUIRED/);
});

test('a stream is shown with its rows, failure and advice', () => {
  const s = splitStream([{ results: [{}, {}], requestId: 'sr' }, { error: { code: 503, status: 'UNAVAILABLE', message: 'down' } }]);
  const out = formatOperationsTable(s);
  assert.match(out, /^Search stream: 1 message\(s\), 2 row\(s\) received, then failed \[request-id sr\]/);
  assert.match(out, /Restart: advisable \(safe\)/);
});

test('toOperationsJson lists each operation with its errors', () => {
  const json = toOperationsJson(split) as { index: number; status: string; errors: { code: string; fieldPath: string | null }[] }[];
  assert.equal(json.length, 7);
  assert.deepEqual(json[1]!.errors.map((e) => e.code), ['fieldError.REQUIRED', 'stringLengthError.TOO_SHORT']);
  assert.equal(json[1]!.errors[0]!.fieldPath, 'operations[1].create.name');
});
