/**
 * Which operation an error belongs to, read from its field path.
 */
import type { AdsErrorEntry, FieldPathElement } from '../error/types.js';
import { fieldPathText } from '../decode/entry.js';

/**
 * The repeated request fields that hold the operations of a call that can fail partially
 * (every `*Request` with a `partial_failure` flag in v25 has one of these). An index on any of
 * them is the operation's position in the request.
 */
export const OPERATION_LIST_FIELDS: readonly string[] = Object.freeze(['operations', 'mutate_operations', 'conversions', 'conversion_adjustments']);

const LIST_NAMES = new Set(OPERATION_LIST_FIELDS);

/** Where an error belongs. */
export type Placement =
  | { readonly kind: 'operation'; readonly index: number }
  | { readonly kind: 'request' }
  | { readonly kind: 'out-of-range'; readonly index: number; readonly reason: string };

/** `mutateOperations` and `mutate_operations` name the same field. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function isListName(name: unknown): boolean {
  return typeof name === 'string' && LIST_NAMES.has(snake(name));
}

/** Position in `path` of the element that says which operation, or -1. */
function operationElementAt(path: readonly FieldPathElement[]): number {
  const at = path.findIndex((e) => isListName(e?.fieldName));
  if (at >= 0) return at;
  return path.length > 0 && path[0]?.index !== null && path[0]?.index !== undefined ? 0 : -1;
}

/**
 * Places one error: on an operation, on the request as a whole, or outside the operations.
 *
 * The index comes from the first path element that names an operation list; when no element
 * names one, from the first element if it carries an index (the first element is always a field
 * of the request, and the only repeated one of a mutate is its operation list). An error without
 * an index is a request-level error, never operation 0. A negative index, or one at or past
 * `count` (when known), is out of range. `note` receives a line for anything unusual. Never throws.
 */
export function placeError(entry: AdsErrorEntry, count: number | null, note?: (line: string) => void): Placement {
  const path: readonly FieldPathElement[] = Array.isArray(entry.fieldPath) ? entry.fieldPath : [];
  const at = operationElementAt(path);
  const el = path[at];
  if (!el) return { kind: 'request' };
  if (!isListName(el.fieldName) && el.index !== null && el.index !== undefined) {
    note?.(`field "${el.fieldName}" is not a known operation list; its index ${String(el.index)} was read as the operation's position`);
  }
  const index = el.index;
  if (index === null || index === undefined) return { kind: 'request' };
  if (typeof index !== 'number' || !Number.isInteger(index)) {
    return { kind: 'out-of-range', index: Number.NaN, reason: `the index ${String(index)} of ${el.fieldName} is not an integer` };
  }
  if (index < 0) return { kind: 'out-of-range', index, reason: `the index ${index} of ${el.fieldName} is negative` };
  if (count !== null && index >= count) {
    return { kind: 'out-of-range', index, reason: `${el.fieldName}[${index}] is past the last of the ${count} operation(s)` };
  }
  return { kind: 'operation', index };
}

/**
 * The same error with its operation index moved (`operations[1]` of a resent subset back to
 * `operations[7]` of the original request). Entries without an operation index come back as they are.
 */
export function rebaseEntry(entry: AdsErrorEntry, from: number, to: number): AdsErrorEntry {
  if (from === to) return entry;
  const at = operationElementAt(entry.fieldPath);
  if (at < 0 || entry.fieldPath[at]!.index !== from) return entry;
  const fieldPath = entry.fieldPath.map((e, i) => (i === at ? { fieldName: e.fieldName, index: to } : e));
  return { ...entry, fieldPath, fieldPathText: fieldPathText(fieldPath), operationIndex: to };
}
