/**
 * Every JSON-shaped failure: REST error bodies (`{"error":{…}}`, the Ads form and the older
 * global-domain form), searchStream arrays, bare google.rpc.Status objects, bare
 * GoogleAdsFailure objects (including the ones google-ads-api throws), and OAuth bodies.
 */
import { versionIn } from '../../catalog/catalog.js';
import { statusByCode, statusByName, statusFromHttp } from '../../classify/status.js';
import type { AdsErrorEntry, RpcDetail, SourceForm } from '../../error/types.js';
import type { Found } from '../assemble.js';
import { makeEntry, ref } from '../entry.js';
import { looksLikeFailure, readFailureObject, readStatusDetails } from '../failure-object.js';
import { int, isObj, pick, prop, str, type Obj } from '../values.js';
import { escapeRawControls } from './json-repair.js';
import { oauthFromText, readOAuthBody } from './oauth.js';

export interface JsonContext {
  apiVersion: string | null;
  httpStatus: number | null;
  requestId: string | null;
  retryAfterMs: number | null;
}

const LIMIT_REASON = /limitexceeded|quotaexceeded|ratelimit|dailylimit|variableterm/i;

/** Decodes a parsed JSON value (or an object of the same shape); null when it is none of the forms. */
export function decodeJsonValue(v: unknown, ctx: JsonContext): Found | null {
  if (Array.isArray(v)) return decodeStreamArray(v, ctx);
  if (!isObj(v)) return null;
  const error = prop(v, 'error');
  if (typeof error === 'string') return decodeOAuthObject(v, ctx);
  if (isObj(error)) return decodeErrorObject(error, 'rest', ctx);
  if (looksLikeFailure(v)) return decodeFailureObject(v, ctx);
  if (looksLikeStatus(v)) return decodeErrorObject(v, 'rpc-status', ctx);
  // A mutate response with partial failure on: the failure rides in a field of a successful
  // (HTTP 200) response, and only the operations it names failed.
  const partial = pick(v, 'partialFailureError', 'partial_failure_error');
  if (isObj(partial) && looksLikeStatus(partial)) {
    const f = decodeErrorObject(partial, 'rpc-status', ctx);
    (f.issues ??= []).push('a partial failure: the operations it does not name succeeded');
    return f;
  }
  // A batch job result: `{ operationIndex, status }` for an operation that failed.
  const status = prop(v, 'status');
  const opIndex = pick(v, 'operationIndex', 'operation_index');
  if (isObj(status) && looksLikeStatus(status) && opIndex !== undefined) {
    const f = decodeErrorObject(status, 'rpc-status', ctx);
    (f.issues ??= []).push(`the batch job result of operation ${String(int(opIndex) ?? opIndex)}`);
    return f;
  }
  return null;
}

function looksLikeStatus(o: Obj): boolean {
  const code = prop(o, 'code');
  const hasCode = typeof code === 'number' || (typeof code === 'string' && /^\d+$/.test(code));
  return (hasCode && (Array.isArray(prop(o, 'details')) || typeof prop(o, 'message') === 'string')) ||
    (typeof prop(o, 'status') === 'string' && statusByName(prop(o, 'status')) !== undefined && typeof prop(o, 'message') === 'string');
}

/** A searchStream body: rows first, then an element whose `error` is the failure. */
function decodeStreamArray(arr: unknown[], ctx: JsonContext): Found | null {
  for (let i = arr.length - 1; i >= 0; i--) {
    const el = arr[i];
    const err = prop(el, 'error');
    if (!isObj(err)) continue;
    const found = decodeErrorObject(err, 'rest-stream', ctx);
    let rows = 0;
    let streamRequestId: string | null = null;
    for (let j = 0; j < i; j++) {
      const results = prop(arr[j], 'results');
      if (Array.isArray(results)) rows += results.length;
      streamRequestId ??= str(pick(arr[j], 'requestId', 'request_id'));
    }
    found.requestId ??= streamRequestId;
    if (i > 0) (found.issues ??= []).push(`stream failed after ${i} message(s) with ${rows} row(s)`);
    return found;
  }
  return null;
}

function decodeOAuthObject(o: Obj, ctx: JsonContext): Found | null {
  const entry = readOAuthBody(o);
  const issues: string[] = [];
  if (!entry) {
    // `{"error": "something"}` that is not an OAuth code: keep the text, say we did not know it.
    const text = str(prop(o, 'error')) ?? '';
    const fromText = oauthFromText(text);
    if (!fromText) {
      issues.push(`"error": ${JSON.stringify(text.slice(0, 80))} is not a known OAuth or Google API error`);
      return {
        recognized: false,
        source: 'unknown',
        httpStatus: ctx.httpStatus,
        statusCode: statusFromHttp(ctx.httpStatus)?.code ?? null,
        message: text,
        issues,
      };
    }
    return oauthFound(fromText, ctx, issues);
  }
  return oauthFound(entry, ctx, issues);
}

export function oauthFound(entry: AdsErrorEntry, ctx: Pick<JsonContext, 'httpStatus' | 'requestId'>, issues: string[]): Found {
  return {
    recognized: true,
    source: 'oauth',
    httpStatus: ctx.httpStatus,
    // The token endpoint answers 400/401; the gRPC counterpart is UNAUTHENTICATED either way,
    // except for its own transient answers.
    statusCode: entry.code.name === 'server_error' || entry.code.name === 'temporarily_unavailable' ? 14 : 16,
    message: `${entry.code.name}${entry.message ? `: ${entry.message}` : ''}`,
    requestId: ctx.requestId,
    entries: [entry],
    issues,
  };
}

/** A google.rpc.Status-like object, with the REST wrapper's `status` and the older `errors[]`. */
export function decodeErrorObject(e: Obj, source: SourceForm, ctx: JsonContext, depth = 0): Found {
  const issues: string[] = [];
  // Some clients wrap the server's body in their own error whose message is that body as a
  // string (`{"error":{"message":"{\n  \"error\": {…}}","code":429}}`): read the inner one.
  const inner = depth < 2 ? innerErrorBody(prop(e, 'message')) : null;
  if (inner) {
    const f = decodeErrorObject(inner, source, ctx, depth + 1);
    if (f.recognized) {
      const outerHttp = int(prop(e, 'code'));
      return { ...f, httpStatus: f.httpStatus ?? (outerHttp !== null && outerHttp >= 100 ? outerHttp : null) };
    }
  }
  const statusName = prop(e, 'status');
  const byName = statusByName(statusName);
  const rawCode = int(prop(e, 'code'));
  let statusCode: number | null = null;
  let httpStatus = ctx.httpStatus;
  if (byName) {
    statusCode = byName.code;
    if (rawCode !== null && rawCode >= 100) httpStatus ??= rawCode;
  } else if (rawCode !== null && rawCode >= 100) {
    httpStatus ??= rawCode;
    statusCode = statusFromHttp(rawCode)?.code ?? null;
  } else if (rawCode !== null && statusByCode(rawCode)) {
    statusCode = rawCode;
  } else if (rawCode !== null) {
    issues.push(`status code ${rawCode} is neither a gRPC nor an HTTP status`);
  }
  if (statusCode === null && httpStatus !== null) statusCode = statusFromHttp(httpStatus)?.code ?? null;
  if (typeof statusName === 'string' && !byName) issues.push(`status ${JSON.stringify(statusName)} is not a gRPC status name`);

  const message = str(prop(e, 'message'));
  const d = readStatusDetails(prop(e, 'details'), ctx.apiVersion, issues);
  const entries: AdsErrorEntry[] = [...d.entries];
  const rpcDetails: RpcDetail[] = d.rpcDetails;

  // The older global-domain list.
  const list = prop(e, 'errors');
  if (Array.isArray(list)) {
    for (const g of list) {
      if (!isObj(g)) continue;
      const reason = str(prop(g, 'reason'));
      if (!reason) continue;
      const domain = str(prop(g, 'domain')) ?? 'global';
      const locationType = str(prop(g, 'locationType'));
      const location = str(prop(g, 'location'));
      entries.push(
        makeEntry({
          code: ref(domain === 'global' || domain === 'usageLimits' ? 'global' : domain, reason),
          message: str(prop(g, 'message')) ?? message ?? '',
          location: location ? (locationType ? `${locationType} ${location}` : location) : null,
        }),
      );
    }
  }
  if (d.entries.length === 0) {
    for (const r of rpcDetails) {
      if (r.type === 'ErrorInfo' && r.reason) {
        entries.push(makeEntry({ code: ref('errorInfo', r.reason), message: message ?? '' }));
      }
    }
  }
  // An auth failure described only in the text ("…plugin failed with error: invalid_grant").
  if (entries.length === 0 && message) {
    const o = oauthFromText(message);
    if (o && /plugin|oauth|token|grant|credential/i.test(message)) entries.push(o);
  }
  // Older Google APIs answer rate and quota limits with HTTP 403, which alone reads as
  // PERMISSION_DENIED. When the body names no status and its reasons are limits, the gRPC
  // counterpart is RESOURCE_EXHAUSTED.
  if (!byName && statusCode === 7 && entries.length > 0 && entries.every((x) => x.code.category === 'global' && LIMIT_REASON.test(x.code.name))) {
    statusCode = 8;
  }
  const recognized = statusCode !== null || entries.length > 0;
  if (!recognized) issues.push('the error object has no status, code or known details');
  return {
    recognized,
    source: entries.some((x) => x.code.category === 'global') && d.entries.length === 0 && source === 'rest' ? 'google-api' : source,
    apiVersion: d.apiVersion ?? ctx.apiVersion,
    statusCode: entries.some((x) => x.code.category === 'oauth') && statusCode !== 14 ? 16 : statusCode,
    httpStatus,
    message,
    requestId: d.requestId ?? ctx.requestId,
    entries,
    rpcDetails,
    retryAfterMs: ctx.retryAfterMs,
    issues,
  };
}

/** The error object inside a message that is itself a JSON error body, or null. */
function innerErrorBody(message: unknown): Obj | null {
  if (typeof message !== 'string' || message.length > 1_000_000 || !/^\s*\{/.test(message)) return null;
  let v: unknown;
  try {
    // A pasted message may have been re-wrapped, with raw line breaks inside its strings.
    v = JSON.parse(escapeRawControls(message));
  } catch {
    return null;
  }
  const err = prop(v, 'error');
  if (isObj(err)) return err;
  return isObj(v) && looksLikeStatus(v) ? v : null;
}

/**
 * A bare GoogleAdsFailure object. google-ads-api throws these (a protobufjs message, not an
 * Error: snake_case, enums as numbers, no status); REST clients sometimes hand them out in
 * camelCase.
 */
function decodeFailureObject(o: Obj, ctx: JsonContext): Found {
  const issues: string[] = [];
  const typeUrl = str(prop(o, '@type')) ?? '';
  const version = versionIn(typeUrl) ?? ctx.apiVersion;
  const f = readFailureObject(o, version, issues);
  const ctor = (() => {
    try {
      return (Object.getPrototypeOf(o) as { constructor?: { name?: string } } | null)?.constructor?.name ?? '';
    } catch {
      return '';
    }
  })();
  const snake = prop(o, 'request_id') !== undefined || Array.isArray(prop(o, 'errors')) && isObj((prop(o, 'errors') as unknown[])[0]) && prop((prop(o, 'errors') as unknown[])[0], 'error_code') !== undefined;
  const source: SourceForm = ctor === 'GoogleAdsFailure' || snake ? 'google-ads-api' : 'failure';
  return {
    recognized: f.entries.length > 0,
    source,
    apiVersion: version,
    statusCode: null,
    httpStatus: ctx.httpStatus,
    message: f.entries[0]?.message ?? null,
    requestId: f.requestId ?? ctx.requestId,
    entries: f.entries,
    retryAfterMs: ctx.retryAfterMs,
    issues,
  };
}
