import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeEntry, ref } from '../decode/entry.js';
import type { FieldPathElement } from '../error/types.js';
import { placeError, rebaseEntry } from './locate.js';

const entry = (...path: [string, number?][]) =>
  makeEntry({ code: ref('fieldError', 'REQUIRED', 2), message: 'm', fieldPath: path.map(([fieldName, index]): FieldPathElement => ({ fieldName, index: index ?? null })) });

test('the index on the operation list is the operation', () => {
  assert.deepEqual(placeError(entry(['operations', 2], ['create'], ['name']), 5), { kind: 'operation', index: 2 });
  assert.deepEqual(placeError(entry(['mutate_operations', 0], ['campaign_operation']), 1), { kind: 'operation', index: 0 });
  assert.deepEqual(placeError(entry(['mutateOperations', 3]), 4), { kind: 'operation', index: 3 });
  assert.deepEqual(placeError(entry(['conversions', 1], ['gclid']), 2), { kind: 'operation', index: 1 });
  assert.deepEqual(placeError(entry(['conversion_adjustments', 4]), null), { kind: 'operation', index: 4 });
});

test('no index, no path, or a request field: the request as a whole, never operation 0', () => {
  assert.deepEqual(placeError(entry(), 3), { kind: 'request' });
  assert.deepEqual(placeError(entry(['operations']), 3), { kind: 'request' });
  assert.deepEqual(placeError(entry(['customer_id']), 3), { kind: 'request' });
  assert.deepEqual(placeError(entry(['partial_failure']), 3), { kind: 'request' });
});

test('the first element naming an operation list wins over a later index', () => {
  assert.deepEqual(placeError(entry(['operations', 1], ['update'], ['final_urls', 0]), 3), { kind: 'operation', index: 1 });
});

test('negative indices and indices past the count are out of range, with a reason', () => {
  const neg = placeError(entry(['operations', -1]), 3);
  assert.equal(neg.kind, 'out-of-range');
  const past = placeError(entry(['operations', 3]), 3);
  assert.equal(past.kind, 'out-of-range');
  assert.match(past.kind === 'out-of-range' ? past.reason : '', /past the last of the 3/);
  assert.deepEqual(placeError(entry(['operations', 3]), null), { kind: 'operation', index: 3 });
});

test('an index on a field that is not a known list is still read, and said so', () => {
  const notes: string[] = [];
  assert.deepEqual(placeError(entry(['user_identifiers', 2]), 5, (l) => notes.push(l)), { kind: 'operation', index: 2 });
  assert.equal(notes.length, 1);
  assert.match(notes[0]!, /user_identifiers/);
});

test('rebaseEntry moves the operation index and the path text together', () => {
  const e = entry(['operations', 1], ['create'], ['name']);
  const moved = rebaseEntry(e, 1, 7);
  assert.equal(moved.operationIndex, 7);
  assert.equal(moved.fieldPathText, 'operations[7].create.name');
  assert.deepEqual(placeError(moved, 8), { kind: 'operation', index: 7 });
  const req = entry(['customer_id']);
  assert.equal(rebaseEntry(req, 1, 7), req);
});
