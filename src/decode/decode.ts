/**
 * `decode(anything)`: one entry point for every form a Google Ads API failure arrives in.
 */
import { statusByCode, statusFromHttp } from '../classify/status.js';
import { AdsError, isAdsError } from '../error/ads-error.js';
import { assemble, type Found } from './assemble.js';
import { looksLikeFailure } from './failure-object.js';
import { decodeBytes } from './forms/binary.js';
import { decodeGrpcError, looksLikeGrpcError, metadataMap } from './forms/grpc.js';
import { decodeJsonValue, oauthFound, type JsonContext } from './forms/json.js';
import { readOAuthBody } from './forms/oauth.js';
import { decodeText } from './forms/text.js';
import { int, isObj, pick, prop, retryAfterMs, str } from './values.js';

export interface DecodeOptions {
  /**
   * API version to read numeric enum values with, when the payload does not name its own
   * (bare bytes, google-ads-api objects). Defaults to the newest version that has the number.
   */
  apiVersion?: string;
  /** HTTP response headers that came with a body (for `request-id` and `Retry-After`). */
  headers?: HeadersLike;
  /** HTTP status that came with a body. */
  httpStatus?: number;
  /** What `bytes` are, when known: a GoogleAdsFailure or a google.rpc.Status. */
  bytesAre?: 'failure' | 'status';
  /** Clock for relative `Retry-After` dates (ms since epoch). */
  now?: number;
}

export type HeadersLike =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Wrappers are followed this deep (`error.cause.response.data`…). */
const MAX_UNWRAP = 4;

/**
 * Decodes a failure in any form into an `AdsError`:
 * a grpc-js ServiceError or google-gax error; a REST error body (string, object, or bytes of
 * JSON); a searchStream array; an object thrown by google-ads-api; an OAuth token-endpoint body
 * or a GaxiosError/axios error wrapping one; an older Google API body; protobuf bytes or base64
 * of a GoogleAdsFailure or google.rpc.Status; or pasted text (client printouts, logs).
 *
 * Never throws. An input it cannot make sense of comes back with `recognized: false` and the
 * reasons in `issues`. The input itself is always kept as `cause`. An `AdsError` is returned
 * as it is.
 */
export function decode(input: unknown, options: DecodeOptions = {}): AdsError {
  try {
    if (isAdsError(input)) return input;
    const found = decodeAny(input, options, 0);
    return assemble(found, input);
  } catch (e) {
    // A bug of ours must not become the caller's crash: report it as an unrecognized input.
    return assemble(
      { recognized: false, source: 'unknown', issues: [`internal decoder error: ${e instanceof Error ? e.message : String(e)}`] },
      input,
    );
  }
}

/**
 * Reads a fetch `Response` (status, headers, body) and decodes it. Never rejects; a body that
 * cannot be read is reported in `issues`.
 */
export async function decodeResponse(res: Response, options: DecodeOptions = {}): Promise<AdsError> {
  let body = '';
  const issues: string[] = [];
  try {
    body = await res.text();
  } catch (e) {
    issues.push(`the response body could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const err = decode(body, { ...options, headers: res.headers, httpStatus: res.status });
  if (issues.length === 0 && err.cause === res) return err;
  return new AdsError({ ...err.toJSON(), issues: [...err.issues, ...issues] }, res);
}

function header(headers: HeadersLike | undefined, name: string): string | null {
  if (!headers) return null;
  try {
    const get = (headers as { get?: unknown }).get;
    if (typeof get === 'function') return str(get.call(headers, name));
    for (const k of Object.keys(headers)) {
      if (k.toLowerCase() === name) {
        const v = (headers as Record<string, unknown>)[k];
        return str(Array.isArray(v) ? v[0] : v);
      }
    }
  } catch {
    return null;
  }
  return null;
}

function ctxFrom(options: DecodeOptions, httpStatus: number | null, headers: HeadersLike | undefined): JsonContext {
  return {
    apiVersion: options.apiVersion ?? null,
    httpStatus: httpStatus ?? options.httpStatus ?? null,
    requestId: header(headers, 'request-id') ?? header(headers, 'x-request-id'),
    retryAfterMs: retryAfterMs(header(headers, 'retry-after'), options.now),
  };
}

function decodeAny(input: unknown, options: DecodeOptions, depth: number): Found {
  const apiVersion = options.apiVersion ?? null;
  if (input === undefined || input === null) {
    return { recognized: false, source: 'unknown', issues: [`the input is ${String(input)}`] };
  }
  if (typeof input === 'string') return decodeString(input, options, ctxFrom(options, null, options.headers), depth);
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    // JSON and pasted text are text; protobuf almost always has control bytes early on (a
    // length byte can look like '[' or '{', so the first character alone proves nothing).
    if (looksLikeText(bytes)) {
      return decodeString(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), options, ctxFrom(options, null, options.headers), depth);
    }
    return decodeBytes(bytes, apiVersion, options.bytesAre);
  }
  if (typeof input !== 'object') {
    return { recognized: false, source: 'unknown', issues: [`a ${typeof input} is not a failure`] };
  }
  if (isResponse(input)) {
    const r = input as Response;
    const st = statusFromHttp(r.status);
    return {
      recognized: r.status >= 400,
      source: 'rest',
      httpStatus: r.status,
      statusCode: r.status >= 400 ? st?.code ?? null : null,
      requestId: header(r.headers, 'request-id'),
      retryAfterMs: retryAfterMs(header(r.headers, 'retry-after'), options.now),
      issues: ['a fetch Response body can only be read asynchronously: use decodeResponse(response) to decode its body'],
    };
  }
  if (looksLikeGrpcError(input)) {
    const f = decodeGrpcError(input, apiVersion);
    if (f.recognized) return f;
  }
  // An HTTP client error (axios, gaxios): the body is in response.data, headers beside it.
  const response = prop(input, 'response');
  if (isObj(response) && depth < MAX_UNWRAP && (prop(response, 'data') !== undefined || prop(response, 'status') !== undefined)) {
    const status = int(prop(response, 'status'));
    const headers = (prop(response, 'headers') ?? undefined) as HeadersLike | undefined;
    const data = prop(response, 'data');
    const ctx = ctxFrom(options, status, headers);
    const oauth = readOAuthBody(data);
    if (oauth) return oauthFound(oauth, ctx, []);
    const f = typeof data === 'string' ? decodeString(data, options, ctx, depth + 1) : decodeJsonValue(data, ctx);
    if (f?.recognized) return { ...f, httpStatus: f.httpStatus ?? status, requestId: f.requestId ?? ctx.requestId };
    if (status !== null && status >= 400) {
      return {
        recognized: true,
        source: 'rest',
        httpStatus: status,
        statusCode: statusFromHttp(status)?.code ?? null,
        message: str(prop(input, 'message')),
        requestId: ctx.requestId,
        retryAfterMs: ctx.retryAfterMs,
        issues: ['the HTTP response carried no error body we know'],
      };
    }
  }
  const ctx = ctxFrom(options, null, options.headers);
  const json = decodeJsonValue(input, ctx);
  if (json?.recognized) return json;
  // Wrappers: Error.cause (google-ads-api's stream path), AggregateError.errors, `{ error }`.
  if (depth < MAX_UNWRAP) {
    // `err` is where structured loggers (pino, bunyan) put a logged error.
    for (const key of ['cause', 'error', 'err', 'data', 'body', 'originalError', 'exception']) {
      const inner = prop(input, key);
      if (inner === undefined || inner === null || inner === input) continue;
      const f = decodeAny(inner, options, depth + 1);
      if (f.recognized) {
        const msg = str(prop(input, 'message'));
        return { ...f, message: f.message ?? msg };
      }
    }
    const errs = prop(input, 'errors');
    if (Array.isArray(errs) && !looksLikeFailure(input)) {
      for (const inner of errs.slice(0, 10)) {
        const f = decodeAny(inner, options, depth + 1);
        if (f.recognized) return f;
      }
    }
  }
  // An Error whose text is all there is (e.g. google-gax's "Total timeout" GoogleError).
  const message = str(prop(input, 'message'));
  if (message) {
    const f = decodeText(message, apiVersion);
    const code = prop(input, 'code');
    if (typeof code === 'number' && statusByCode(code) && f.statusCode == null) f.statusCode = code;
    if (f.recognized || typeof code === 'number') {
      return { ...f, recognized: f.recognized || statusByCode(code) !== undefined, source: f.source === 'text' ? (prop(input, 'note') !== undefined ? 'gax' : 'text') : f.source };
    }
    return f;
  }
  if (json) return json;
  return { recognized: false, source: 'unknown', issues: ['the object has none of the shapes of a Google Ads, Google API or OAuth failure'] };
}

function decodeString(s: string, options: DecodeOptions, ctx: JsonContext, depth = 0): Found {
  const t = s.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    let v: unknown;
    let parsed = false;
    try {
      v = JSON.parse(t);
      parsed = true;
    } catch {
      parsed = false;
    }
    if (parsed) {
      const f = decodeJsonValue(v, ctx);
      if (f?.recognized) return f;
      // JSON of something else that holds a failure: a serialized grpc-js error (its metadata
      // as plain arrays), a structured log line with the error under `err`, an axios error.
      if (depth < MAX_UNWRAP && typeof v === 'object' && v !== null) {
        const g = decodeAny(v, options, depth + 1);
        if (g.recognized) return { ...g, httpStatus: g.httpStatus ?? ctx.httpStatus, requestId: g.requestId ?? ctx.requestId };
      }
      if (f) return f;
      return {
        recognized: false,
        source: 'unknown',
        httpStatus: ctx.httpStatus,
        statusCode: ctx.httpStatus !== null && ctx.httpStatus >= 400 ? statusFromHttp(ctx.httpStatus)?.code ?? null : null,
        requestId: ctx.requestId,
        issues: ['the JSON is valid but holds no error we know'],
      };
    }
    // Invalid or truncated JSON: read it as text, which recovers what it can.
    const f = decodeText(s, options.apiVersion ?? null);
    // A log line that opens with "[2023-04-18T08:31:24]" is text, not broken JSON.
    if (/^[{[]\s*["{[\]}]/.test(t)) (f.issues ??= []).unshift('the JSON is invalid or truncated; read as text');
    return { ...f, httpStatus: f.httpStatus ?? ctx.httpStatus, requestId: f.requestId ?? ctx.requestId };
  }
  const f = decodeText(s, options.apiVersion ?? null);
  if (!f.recognized && ctx.httpStatus !== null && ctx.httpStatus >= 400) {
    return { ...f, recognized: true, source: 'rest', httpStatus: ctx.httpStatus, statusCode: statusFromHttp(ctx.httpStatus)?.code ?? null, requestId: ctx.requestId };
  }
  return { ...f, httpStatus: f.httpStatus ?? ctx.httpStatus, requestId: f.requestId ?? ctx.requestId, retryAfterMs: f.retryAfterMs ?? ctx.retryAfterMs };
}

/** Text, not protobuf: no control bytes but tab, CR and LF in the first 512 bytes. */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return true;
  for (let i = 0; i < b.length && i < 512; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    if (c === 0x7f) return false;
  }
  return true;
}

function isResponse(x: object): boolean {
  return typeof Response !== 'undefined' && x instanceof Response;
}

export { metadataMap };
