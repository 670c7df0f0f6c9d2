/**
 * Recognizes, in whatever a user hands over, a response that has a per-operation (or per-row)
 * story to tell: a mutate response with partial failure, ListBatchJobResults pages, or a
 * searchStream body.
 */
import { isObj } from '../decode/values.js';
import { WireReader } from '../decode/wire.js';
import { looksLikeBatchPage, splitBatchResults } from './batch.js';
import { isFailureStatus, readMutateResponseBytes } from './mutate-binary.js';
import { looksLikeMutateResponse, splitOperations } from './partial-failure.js';
import { looksLikeStreamBody, splitStream } from './stream.js';
import type { DetectedResponse } from './types.js';

export interface DetectOptions {
  readonly apiVersion?: string;
}

/**
 * The per-operation view of `input` when it is a mutate response (with a partial failure field
 * or a `mutateOperationResponses` list), one or more ListBatchJobResults pages, or a REST
 * searchStream array; null for anything else (a plain error body, a search page, text). Takes
 * parsed JSON, JSON text, or protobuf bytes of a mutate response or batch results page.
 * Never throws.
 */
export function detectOperationsResponse(input: unknown, options: DetectOptions = {}): DetectedResponse | null {
  try {
    return detect(input, options);
  } catch {
    return null;
  }
}

function detect(input: unknown, options: DetectOptions): DetectedResponse | null {
  const opts = options.apiVersion ? { apiVersion: options.apiVersion } : {};
  let v = input;
  if (v instanceof ArrayBuffer) v = new Uint8Array(v);
  if (v instanceof Uint8Array) {
    const first = v.find((c) => c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09);
    if (first === 0x7b || first === 0x5b) v = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8');
    else return detectBytes(v, opts);
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (!t.startsWith('{') && !t.startsWith('[')) return null;
    try {
      v = JSON.parse(t);
    } catch {
      return null;
    }
  }
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every(looksLikeBatchPage)) return splitBatchResults(v, undefined, opts);
    if (looksLikeStreamBody(v)) return splitStream(v, opts);
    return null;
  }
  if (!isObj(v)) return null;
  if (looksLikeBatchPage(v)) return splitBatchResults(v, undefined, opts);
  if (looksLikeMutateResponse(v)) return splitOperations(v, undefined, opts);
  return null;
}

function detectBytes(b: Uint8Array, opts: { apiVersion?: string }): DetectedResponse | null {
  const m = readMutateResponseBytes(b);
  if (m.statusField !== null && m.issues.length === 0) return splitOperations(b, undefined, opts);
  if (looksLikeBatchBytes(b)) return splitBatchResults(b, undefined, opts);
  return null;
}

/**
 * ListBatchJobResultsResponse bytes: only results (1) and next_page_token (2), each result made
 * of operation_index (1, varint), mutate_operation_response (2) and status (3), and at least one
 * result that shows an index or a failure status (a result of operation 0 that succeeded has
 * neither, and looks like too many other messages to be claimed).
 */
function looksLikeBatchBytes(b: Uint8Array): boolean {
  const r = new WireReader(b);
  let telling = 0;
  let results = 0;
  while (r.more()) {
    const t = r.tag();
    if (t === 18) {
      r.skip(2);
      continue;
    }
    if (t !== 10) return false;
    const s = r.sub();
    results++;
    while (s.more()) {
      const ft = s.tag();
      if (ft === 8) {
        s.int64String();
        telling++;
      } else if (ft === 18) s.skip(2);
      else if (ft === 26) {
        if (isFailureStatus(s.bytes())) telling++;
      } else return false;
    }
    if (s.error) return false;
  }
  return r.error === null && results > 0 && telling > 0;
}
