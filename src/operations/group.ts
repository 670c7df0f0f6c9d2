/**
 * The one place where results and errors become one outcome per operation. Every form
 * (mutate responses in all transports, batch job pages) ends here, so the guarantees hold for
 * all of them: each index 0 … count-1 appears exactly once, and every error lands in exactly
 * one place (an operation, the request, or out of range).
 */
import { classifyFailure } from '../classify/classify.js';
import type { AdsError } from '../error/ads-error.js';
import type { AdsErrorEntry } from '../error/types.js';
import { placeError } from './locate.js';
import type { OperationOutcome, OperationsSource, OperationsSplit } from './types.js';

/** An error to place; `index` when the form says which operation (batch results), else read from the path. */
export interface PendingError {
  readonly entry: AdsErrorEntry;
  readonly index?: number;
  /** gRPC status the error came with, when it differs per operation (batch results). */
  readonly statusCode?: number | null;
}

export interface GroupInput {
  readonly kind: OperationsSource;
  /** Operation count from the caller, or null to infer it. */
  readonly count: number | null;
  /** Count the response itself implies (its result list length), or null. */
  readonly impliedCount: number | null;
  /** Results by operation index. */
  readonly results: ReadonlyMap<number, unknown>;
  readonly errors: readonly PendingError[];
  /** Each operation's own failure, when the form has one per operation (batch results). */
  readonly failures?: ReadonlyMap<number, AdsError>;
  readonly error: AdsError | null;
  /** gRPC status of the failure the errors came with, for classifying them. */
  readonly statusCode: number | null;
  readonly requestId: string | null;
  readonly issues: string[];
}

/** Upper bound on an inferred count, so a stray index of 2^31 cannot allocate a huge array. */
const MAX_INFERRED = 1_000_000;

export function groupOperations(input: GroupInput): OperationsSplit {
  const issues = input.issues;
  const notes = new Set<string>();
  const note = (line: string) => {
    if (!notes.has(line)) {
      notes.add(line);
      issues.push(line);
    }
  };

  let count = input.count;
  if (count === null) {
    if (input.impliedCount !== null) count = input.impliedCount;
    else {
      // No list of results and no count from the caller: the highest index any error or result names.
      let max = -1;
      for (const k of input.results.keys()) if (k > max && k < MAX_INFERRED) max = k;
      for (const p of input.errors) {
        const pl = p.index !== undefined ? p.index : placedIndex(p.entry);
        if (pl !== null && pl > max && pl < MAX_INFERRED) max = pl;
      }
      count = max + 1;
      if (count > 0) note(`the operation count was not given; ${count} was inferred from the highest index in the response`);
    }
  } else if (input.impliedCount !== null && input.impliedCount !== count) {
    note(`the response has ${input.impliedCount} result(s) for ${count} operation(s)`);
  }

  const errorsByOp: AdsErrorEntry[][] = Array.from({ length: count }, () => []);
  const statusByOp = new Map<number, number | null>();
  const requestErrors: AdsErrorEntry[] = [];
  const outOfRange: AdsErrorEntry[] = [];
  for (const p of input.errors) {
    if (p.index !== undefined) {
      if (Number.isInteger(p.index) && p.index >= 0 && p.index < count) {
        errorsByOp[p.index]!.push(p.entry);
        if (p.statusCode !== undefined && !statusByOp.has(p.index)) statusByOp.set(p.index, p.statusCode);
      } else {
        outOfRange.push(p.entry);
        note(`a result for operation ${p.index} is outside the ${count} operation(s)`);
      }
      continue;
    }
    const place = placeError(p.entry, count, note);
    if (place.kind === 'operation') errorsByOp[place.index]!.push(p.entry);
    else if (place.kind === 'request') requestErrors.push(p.entry);
    else {
      outOfRange.push(p.entry);
      note(place.reason);
    }
  }
  let beyond = 0;
  for (const k of input.results.keys()) if (k < 0 || k >= count) beyond++;
  if (beyond > 0) note(`${beyond} result(s) are outside the ${count} operation(s) and were left out`);

  // An empty result could be a failed operation whose error does not say which one it is.
  const unplaced = requestErrors.length + outOfRange.length > 0;
  const operations: OperationOutcome[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const errors = errorsByOp[i]!;
    const has = input.results.has(i);
    const result = input.results.get(i);
    if (errors.length > 0) {
      const cls = classifyFailure(errors, statusByOp.has(i) ? statusByOp.get(i)! : input.statusCode, null);
      const failure = input.failures?.get(i);
      const op: OperationOutcome = { index: i, status: 'failed', errors, retryable: cls.retryable, kind: cls.kind, ...(failure ? { failure } : {}) };
      operations[i] = has && !isEmptyResult(result) ? { ...op, result } : op;
    } else if (has && !(unplaced && isEmptyResult(result))) {
      operations[i] = { index: i, status: 'ok', result, errors, retryable: false, kind: null };
    } else {
      operations[i] = { index: i, status: 'unknown', errors, retryable: false, kind: null };
    }
  }
  return { kind: input.kind, operations, requestErrors, outOfRange, error: input.error, requestId: input.requestId, issues };
}

function placedIndex(e: AdsErrorEntry): number | null {
  const p = placeError(e, null);
  return p.kind === 'operation' ? p.index : null;
}

/**
 * True for the placeholder a failed operation gets in the result list: `{}` in JSON, a message
 * with every field at its default (protobuf-es, protobufjs), or zero bytes.
 */
export function isEmptyResult(v: unknown, depth = 0): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (v instanceof Uint8Array) return v.length === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'bigint') return v === 0n;
  if (typeof v !== 'object') return false;
  if (depth > 4) return false;
  let keys: string[];
  try {
    keys = Object.keys(v);
  } catch {
    return false;
  }
  for (const k of keys) {
    if (k === '$typeName' || k === 'case') continue;
    let val: unknown;
    try {
      val = (v as Record<string, unknown>)[k];
    } catch {
      return false;
    }
    if (!isEmptyResult(val, depth + 1)) return false;
  }
  return true;
}

/**
 * The operation count a caller gave (a number or the operations themselves), or null to infer
 * it; a count that is not a whole number is reported in `issues` and inferred instead.
 */
export function operationCount(operations: number | readonly unknown[] | undefined, issues: string[]): number | null {
  if (typeof operations === 'number') {
    if (Number.isInteger(operations) && operations >= 0) return operations;
    issues.push(`the operation count ${String(operations)} is not a whole number; it was inferred instead`);
    return null;
  }
  return Array.isArray(operations) ? operations.length : null;
}
