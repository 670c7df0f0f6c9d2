/**
 * `splitStream`: what a broken `searchStream` delivered, what broke it, and whether to restart.
 */
import { decode } from '../decode/decode.js';
import { isObj, pick, prop, str } from '../decode/values.js';
import { WireReader } from '../decode/wire.js';
import type { AdsError } from '../error/ads-error.js';
import { isAdsError } from '../error/ads-error.js';
import type { StreamRestartAdvice, StreamSplit } from './types.js';

export interface StreamInput {
  /**
   * The stream messages received (SearchGoogleAdsStreamResponse objects in any case style, or
   * their protobuf bytes). Give `rows` instead when you only kept the rows.
   */
  readonly messages?: readonly unknown[];
  readonly rows?: readonly unknown[];
  /** What the stream failed with (a grpc-js ServiceError, a google-gax error, an AdsError …), if it failed. */
  readonly error?: unknown;
}

export interface StreamOptions {
  readonly apiVersion?: string;
}

/** Is this a searchStream REST body: a JSON array of `{results, fieldMask, requestId}` messages, maybe ending in `{error}`? */
export function looksLikeStreamBody(v: unknown): v is unknown[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  return v.every((el, i) => {
    if (!isObj(el)) return false;
    if (isObj(prop(el, 'error'))) return i === v.length - 1;
    return Array.isArray(prop(el, 'results')) || pick(el, 'requestId', 'request_id', 'fieldMask', 'field_mask') !== undefined;
  });
}

/**
 * Reads a search stream that ended, normally or not. Takes a REST `:searchStream` body (the JSON
 * array, as text, bytes or parsed), or for gRPC `{ messages | rows, error }`: what the caller
 * received before the failure and the error the stream emitted.
 *
 * Returns every row received, the decoded failure, the stream's request id, and restart advice:
 * a query is always safe to send again; it is advisable only when the failure is transient, and
 * the rows already received will then arrive a second time. Never throws.
 */
export function splitStream(input: unknown, options: StreamOptions = {}): StreamSplit {
  const issues: string[] = [];
  const decodeOptions = options.apiVersion ? { apiVersion: options.apiVersion } : {};
  let value = input;
  try {
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) value = Buffer.from(value instanceof ArrayBuffer ? new Uint8Array(value) : value).toString('utf8');
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        issues.push('the stream body is not valid JSON (cut off?); only the failure could be read');
        return finish([], 0, null, decode(value, decodeOptions), issues);
      }
    }
    if (Array.isArray(value)) {
      const arr: unknown[] = value;
      const rows: unknown[] = [];
      let messages = 0;
      let requestId: string | null = null;
      let failed: unknown = undefined;
      arr.forEach((el, i) => {
        if (isObj(el) && isObj(prop(el, 'error'))) {
          if (i !== arr.length - 1) issues.push(`an error appears at position ${i}, before the end of the stream`);
          failed ??= el;
          return;
        }
        messages++;
        readMessage(el, rows, issues, (id) => (requestId ??= id));
      });
      // The decoder reads the whole array: it knows the stream's own request id.
      const error = failed === undefined ? null : decode(arr, decodeOptions);
      return finish(rows, messages, requestId, error, issues);
    }
    if (isObj(value) && (prop(value, 'messages') !== undefined || prop(value, 'rows') !== undefined || prop(value, 'error') !== undefined)) {
      const rows: unknown[] = [];
      let requestId: string | null = null;
      const msgs = prop(value, 'messages');
      const plain = prop(value, 'rows');
      let messages = 0;
      if (Array.isArray(msgs)) {
        messages = msgs.length;
        for (const m of msgs) readMessage(m, rows, issues, (id) => (requestId ??= id));
      }
      if (Array.isArray(plain)) rows.push(...plain);
      const e = prop(value, 'error');
      const error = e === undefined || e === null ? null : isAdsError(e) ? e : decode(e, decodeOptions);
      return finish(rows, messages, requestId, error, issues);
    }
    issues.push('the input is neither a searchStream body nor { messages, error }');
    return finish([], 0, null, null, issues);
  } catch (e) {
    issues.push(`internal error while reading the stream: ${e instanceof Error ? e.message : String(e)}`);
    return finish([], 0, null, null, issues);
  }
}

function readMessage(m: unknown, rows: unknown[], issues: string[], id: (id: string) => void): void {
  if (m instanceof Uint8Array) {
    // SearchGoogleAdsStreamResponse: results 1 (GoogleAdsRow), request_id 4.
    const r = new WireReader(m);
    while (r.more()) {
      const t = r.tag();
      if (t === 10) rows.push(r.bytes());
      else if (t === 34) id(r.string());
      else if (t > 0) r.skip(t & 7);
    }
    if (r.error) issues.push(`a stream message's bytes are malformed: ${r.error}`);
    return;
  }
  if (!isObj(m)) {
    issues.push('a stream message is not an object; skipped');
    return;
  }
  const results = prop(m, 'results');
  if (Array.isArray(results)) rows.push(...results);
  const rid = str(pick(m, 'requestId', 'request_id'));
  if (rid) id(rid);
}

function finish(rows: unknown[], messages: number, streamRequestId: string | null, error: AdsError | null, issues: string[]): StreamSplit {
  const err = error && error.recognized ? error : null;
  if (error && !error.recognized) issues.push('the stream ended with something that is not a recognized failure', ...error.issues);
  return {
    kind: 'stream',
    rows,
    messages,
    error: err,
    requestId: streamRequestId ?? err?.requestId ?? null,
    complete: err === null,
    restart: err ? restartAdvice(err, rows.length) : null,
    issues,
  };
}

/** Restart advice for a stream that failed after `received` rows. */
export function restartAdvice(err: AdsError, received: number): StreamRestartAdvice {
  const advisable = err.retryable;
  const delayMs = err.retryDelayMs;
  const rowsWillRepeat = received > 0;
  const wait = delayMs !== null && delayMs > 0 ? ` after ${Math.ceil(delayMs / 1000)} s` : '';
  const repeat = rowsWillRepeat
    ? ` The ${received} row(s) already received will come again: drop duplicates by resource name, or resume with a WHERE condition past the last row received when the query has a stable ORDER BY.`
    : '';
  const advice = advisable
    ? `Restart the query${wait}: the failure is transient, and a query changes nothing on the account.${repeat}`
    : `Restarting is safe (a query changes nothing) but not advisable: the failure (${err.code ?? err.kind}, ${err.kind}) will repeat until its cause is fixed.${repeat}`;
  return { safe: true, advisable, delayMs, rowsWillRepeat, advice };
}
