/**
 * `splitOperations`: a mutate response with partial failure, in any transport form, becomes
 * one outcome per operation.
 */
import { decode } from '../decode/decode.js';
import { isObj, pick, prop } from '../decode/values.js';
import type { AdsError } from '../error/ads-error.js';
import { isAdsError } from '../error/ads-error.js';
import { groupOperations, type PendingError, operationCount } from './group.js';
import { readMutateResponseBytes } from './mutate-binary.js';
import type { OperationsSplit } from './types.js';

export interface SplitOptions {
  /** API version for numeric enum codes when the payload does not name one (google-ads-api objects, bytes). */
  readonly apiVersion?: string;
  /** For binary responses: the field number of `partial_failure_error`, when known (else 1–3 are tried). */
  readonly partialFailureField?: number;
  /** The call's request id (from the `request-id` header or trailer), used when the failure has none. */
  readonly requestId?: string;
}

/** The keys a mutate response's result list goes by, in every spelling. */
const RESULT_KEYS = ['results', 'mutateOperationResponses', 'mutate_operation_responses'] as const;
const FAILURE_KEYS = ['partialFailureError', 'partial_failure_error'] as const;

/** Is this object shaped like a mutate response (a partial failure field or a result list)? */
export function looksLikeMutateResponse(o: unknown): boolean {
  if (!isObj(o)) return false;
  if (FAILURE_KEYS.some((k) => prop(o, k) !== undefined)) return true;
  return Array.isArray(pick(o, 'mutateOperationResponses', 'mutate_operation_responses'));
}

/**
 * Splits a mutate response sent with `partial_failure: true` into one outcome per operation.
 *
 * Takes the response as: a REST JSON body (string, bytes of JSON, or parsed object, with
 * `partialFailureError`); a gRPC response object (protobuf-es, google-gax / google-ads-node with
 * `partial_failure_error` as a Status whose details are Any bytes, or google-ads-api's with the
 * failure already decoded, numeric enums included); or the response's protobuf bytes. Given
 * anything else (a thrown error, an `AdsError`), it places that failure's errors on the
 * operations, for a call made without partial failure.
 *
 * `operations` (the list sent, or its length) fixes the operation count; without it the count
 * is the length of the result list. Every index 0 … count-1 appears exactly once; errors without
 * an operation index go to `requestErrors`, errors naming an impossible index to `outOfRange`.
 * Never throws.
 */
export function splitOperations(response: unknown, operations?: number | readonly unknown[], options: SplitOptions = {}): OperationsSplit {
  const issues: string[] = [];
  const count = operationCount(operations, issues);
  try {
    return splitAny(response, count, options, issues);
  } catch (e) {
    // A bug of ours must not take the caller's results away: report it, keep the count.
    issues.push(`internal error while splitting: ${e instanceof Error ? e.message : String(e)}`);
    return groupOperations({ kind: 'mutate', count: count ?? 0, impliedCount: null, results: new Map(), errors: [], error: null, statusCode: null, requestId: options.requestId ?? null, issues });
  }
}

function splitAny(response: unknown, count: number | null, options: SplitOptions, issues: string[]): OperationsSplit {
  let value = response;
  if (value instanceof ArrayBuffer) value = new Uint8Array(value);
  if (value instanceof Uint8Array) {
    const text = jsonText(value);
    if (text === null) return splitBinary(value, count, options, issues);
    value = text;
  }
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      issues.push('the text is not JSON; it was read as a failure');
      return fromFailure(decode(value, decodeOptions(options)), new Map(), null, count, options, issues);
    }
  }
  // The caller says this is a mutate response, so a bare result list is enough here.
  if (looksLikeMutateResponse(value) || (isObj(value) && Array.isArray(pick(value, ...RESULT_KEYS)))) {
    const results = new Map<number, unknown>();
    let implied: number | null = null;
    const list = pick(value, ...RESULT_KEYS);
    if (Array.isArray(list)) {
      implied = list.length;
      list.forEach((r, i) => results.set(i, r));
    } else if (list !== undefined) issues.push('the result list is not a list; it was ignored');
    const pfe = pick(value, ...FAILURE_KEYS);
    const err = pfe === undefined ? null : decodeFailureField(pfe, options);
    return fromFailure(err, results, implied, count, options, issues);
  }
  // Not a response: the failure of the whole call (an atomic mutate that was refused).
  const err = isAdsError(value) ? value : decode(value, decodeOptions(options));
  if (!err.recognized) issues.push('the input is neither a mutate response nor a recognized failure');
  else issues.push('the input is a failure, not a mutate response: operations without an error have no result');
  return fromFailure(err, new Map(), null, count, options, issues);
}

function decodeOptions(options: SplitOptions): { apiVersion?: string } {
  return options.apiVersion ? { apiVersion: options.apiVersion } : {};
}

/** The partial failure field: a Status (object or bytes) or an already decoded GoogleAdsFailure. */
function decodeFailureField(pfe: unknown, options: SplitOptions): AdsError {
  if (pfe instanceof Uint8Array) return decode(pfe, { ...decodeOptions(options), bytesAre: 'status' });
  return decode(pfe, decodeOptions(options));
}

function splitBinary(buf: Uint8Array, count: number | null, options: SplitOptions, issues: string[]): OperationsSplit {
  const m = readMutateResponseBytes(buf, options.partialFailureField);
  issues.push(...m.issues);
  const results = new Map<number, unknown>();
  m.results.forEach((r, i) => results.set(i, r));
  const err = m.statusBytes ? decode(m.statusBytes, { ...decodeOptions(options), bytesAre: 'status' }) : null;
  return fromFailure(err, results, m.resultField !== null ? m.results.length : null, count, options, issues);
}

function fromFailure(
  err: AdsError | null,
  results: Map<number, unknown>,
  impliedCount: number | null,
  count: number | null,
  options: SplitOptions,
  issues: string[],
): OperationsSplit {
  // An unset or OK status (code 0, no errors) is no failure at all.
  const real = err !== null && err.errors.length > 0 ? err : null;
  if (real) for (const i of real.issues) issues.push(i);
  const errors: PendingError[] = (real?.errors ?? []).map((entry) => ({ entry }));
  return groupOperations({
    kind: 'mutate',
    count,
    impliedCount,
    results,
    errors,
    error: real,
    statusCode: real?.status?.code ?? null,
    requestId: real?.requestId ?? options.requestId ?? null,
    issues,
  });
}

/** The bytes as text when they hold JSON, else null. */
function jsonText(b: Uint8Array): string | null {
  for (let i = 0; i < b.length && i < 64; i++) {
    const c = b[i]!;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    return c === 0x7b || c === 0x5b ? Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8') : null;
  }
  return null;
}
