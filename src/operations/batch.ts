/**
 * `splitBatchResults`: the pages of `ListBatchJobResults` become one outcome per operation.
 */
import { decode } from '../decode/decode.js';
import type { AdsError } from '../error/ads-error.js';
import { int, int64String, isObj, pick, prop } from '../decode/values.js';
import { WireReader } from '../decode/wire.js';
import { groupOperations, isEmptyResult, type PendingError, operationCount } from './group.js';
import type { OperationsSplit } from './types.js';

export interface BatchOptions {
  /** API version for numeric enum codes when a payload does not name one. */
  readonly apiVersion?: string;
}

/** One BatchJobResult, whatever form it came in. */
interface RawResult {
  index: number | null;
  /** The index as the payload spelled it, for messages. */
  indexText: string;
  response: unknown;
  status: unknown;
  statusIsBytes: boolean;
}

/** Does this look like a ListBatchJobResults page (`results` whose items are BatchJobResults)? */
export function looksLikeBatchPage(o: unknown): boolean {
  if (!isObj(o)) return false;
  const results = prop(o, 'results');
  if (!Array.isArray(results)) return false;
  if (results.length === 0) return prop(o, 'nextPageToken') !== undefined || prop(o, 'next_page_token') !== undefined;
  return results.every(looksLikeBatchResult);
}

function looksLikeBatchResult(r: unknown): boolean {
  if (!isObj(r)) return false;
  const keys = Object.keys(r).filter((k) => k !== '$typeName');
  if (keys.length === 0) return false;
  return keys.every((k) =>
    ['operationIndex', 'operation_index', 'mutateOperationResponse', 'mutate_operation_response', 'status'].includes(k),
  );
}

/**
 * Reads one or more `ListBatchJobResults` pages into one outcome per operation of the batch job.
 *
 * A page can be a REST JSON body (string or object; `operationIndex` is an int64 string there),
 * a gRPC response object (protobuf-es, or google-ads-node/-api with snake_case and Longs), or the
 * response's protobuf bytes. Pass every page (an array) to cover the whole job: results are
 * merged by `operation_index`. Each failed result's `status` is decoded like any failure, and all
 * its errors belong to that result's operation, whatever their field paths say.
 *
 * `operations` (the operations added to the job, or their number) fixes the count; without it the
 * count is the highest index seen + 1, and operations absent from every page are `unknown`.
 * A result whose `operationIndex` is missing is operation 0, as proto3 omits a zero int64.
 * Never throws.
 */
export function splitBatchResults(pages: unknown, operations?: number | readonly unknown[], options: BatchOptions = {}): OperationsSplit {
  const issues: string[] = [];
  const count = operationCount(operations, issues);
  const raws: RawResult[] = [];
  try {
    for (const page of pageList(pages)) readPage(page, raws, issues);
  } catch (e) {
    issues.push(`internal error while reading the pages: ${e instanceof Error ? e.message : String(e)}`);
  }
  const results = new Map<number, unknown>();
  const errors: PendingError[] = [];
  const failures = new Map<number, AdsError>();
  let requestId: string | null = null;
  let missingIndex = 0;
  const decodeOptions = options.apiVersion ? { apiVersion: options.apiVersion } : {};
  for (const raw of raws) {
    let index = raw.index;
    if (index === null) {
      index = 0;
      missingIndex++;
    }
    if (raw.response !== undefined && raw.response !== null) {
      if (results.has(index)) issues.push(`operation ${index} has more than one result; the first was kept`);
      else results.set(index, raw.response);
    }
    if (raw.status === undefined || raw.status === null) continue;
    const err = decode(raw.status, raw.statusIsBytes ? { ...decodeOptions, bytesAre: 'status' } : decodeOptions);
    if (err.errors.length === 0) continue; // an OK status
    requestId ??= err.requestId;
    if (!failures.has(index)) failures.set(index, err);
    for (const i of err.issues) issues.push(`operation ${raw.indexText}: ${i}`);
    for (const entry of err.errors) errors.push({ entry, index, statusCode: err.status?.code ?? null });
  }
  if (missingIndex > 1) issues.push(`${missingIndex} results have no operation index; each was read as operation 0`);
  // A result that carries a failure has no operation response worth keeping.
  for (const p of errors) if (results.has(p.index!) && isEmptyResult(results.get(p.index!))) results.delete(p.index!);
  return groupOperations({ kind: 'batch', count, impliedCount: null, results, errors, failures, error: null, statusCode: null, requestId, issues });
}

function* pageList(pages: unknown): Generator<unknown> {
  if (Array.isArray(pages) && !pages.every((p) => isObj(p) && looksLikeBatchResult(p))) {
    for (const p of pages) yield p;
    return;
  }
  yield pages;
}

function readPage(page: unknown, out: RawResult[], issues: string[]): void {
  let p = page;
  if (p instanceof ArrayBuffer) p = new Uint8Array(p);
  if (p instanceof Uint8Array) {
    const first = p.find((c) => c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09);
    if (first === 0x7b || first === 0x5b) p = Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('utf8');
    else return readPageBytes(p, out, issues);
  }
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p);
    } catch {
      issues.push('a page is neither JSON nor protobuf bytes; it was skipped');
      return;
    }
  }
  // A bare list of results (one page's `results`).
  const list = Array.isArray(p) ? p : prop(p, 'results');
  if (!Array.isArray(list)) {
    issues.push('a page has no results list; it was skipped');
    return;
  }
  list.forEach((r, i) => {
    if (!isObj(r)) {
      issues.push(`results[${i}] of a page is not an object; skipped`);
      return;
    }
    const rawIndex = pick(r, 'operationIndex', 'operation_index');
    const index = rawIndex === undefined ? null : int(rawIndex);
    const indexText = rawIndex === undefined ? '0' : int64String(rawIndex) ?? String(rawIndex);
    const bad = rawIndex !== undefined && (index === null || !Number.isSafeInteger(index));
    // Kept with an impossible index, so its errors are reported out of range, not lost.
    if (bad) issues.push(`results[${i}].operationIndex ${JSON.stringify(String(rawIndex))} is not an index`);
    const status = prop(r, 'status');
    out.push({
      index: bad ? Number.NaN : index,
      indexText,
      response: pick(r, 'mutateOperationResponse', 'mutate_operation_response'),
      status,
      statusIsBytes: status instanceof Uint8Array,
    });
  });
}

/** ListBatchJobResultsResponse bytes: results 1 (BatchJobResult), next_page_token 2. */
function readPageBytes(buf: Uint8Array, out: RawResult[], issues: string[]): void {
  const r = new WireReader(buf);
  while (r.more()) {
    const t = r.tag();
    if (t === 10) {
      const s = r.sub();
      let index: number | null = null;
      let indexText = '0';
      let response: unknown;
      let status: unknown;
      while (s.more()) {
        const ft = s.tag();
        if (ft === 8) {
          indexText = s.int64String();
          index = Number(indexText);
        } else if (ft === 18) response = s.bytes();
        else if (ft === 26) status = s.bytes();
        else if (ft > 0) s.skip(ft & 7);
      }
      r.absorb(s);
      if (index !== null && (!Number.isSafeInteger(index) || index < 0)) {
        issues.push(`a result has operation index ${indexText}, which is not a valid index`);
      }
      out.push({ index: index !== null && Number.isSafeInteger(index) ? index : index === null ? null : -1, indexText, response, status, statusIsBytes: true });
    } else if (t > 0) r.skip(t & 7);
  }
  if (r.error) issues.push(`a page's bytes are malformed: ${r.error}`);
}
