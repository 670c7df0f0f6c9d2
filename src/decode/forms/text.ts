/**
 * Text a user pastes: what the Python, Java, PHP, Ruby, Go and .NET clients print when a call
 * fails (text-format GoogleAdsFailures, "Request with ID … failed with status …" summaries, gRPC
 * status lines), what Node prints for a logged error, log lines with JSON inside (whole, cut
 * short or escaped), and bare code names. This file decides which reading wins; the clues
 * themselves are read by text-clues.ts. Best effort, linear time, never throws.
 */
import { codesNamed, findCategory, versionIn } from '../../catalog/catalog.js';
import { statusByCode, statusByName, statusFromHttp } from '../../classify/status.js';
import type { AdsErrorEntry, FieldPathElement } from '../../error/types.js';
import type { Found } from '../assemble.js';
import { adsCodeRef, makeEntry, ref } from '../entry.js';
import { looksLikeFailure, readFailureObject, toBytes } from '../failure-object.js';
import { camel, isObj, prop, type Obj } from '../values.js';
import { decodeBytes } from './binary.js';
import { decodeJsonValue, oauthFound } from './json.js';
import { decodeGrpcError, looksLikeGrpcError, metadataMap } from './grpc.js';
import { firstErrorFromCutBytes, isCutBytes, parseInspect } from './inspect.js';
import { closeTruncatedJson, escapeRawControls } from './json-repair.js';
import { oauthFromText } from './oauth.js';
import { failureFromPrintedAny } from './printed-bytes.js';
import {
  FAILED_CALL,
  GAX_GAVE_UP,
  httpStatusFromText,
  messageFromText,
  normalizePasted,
  requestIdFromText,
  retryAfterFromText,
  singleLine,
  statusFromText,
  versionFromText,
} from './text-clues.js';
import { parseTextFormat } from './textformat.js';

/** At most this many JSON candidates are parsed, so a log full of braces stays linear. */
const MAX_JSON_CANDIDATES = 20;

export function decodeText(input: string, apiVersionOption: string | null): Found {
  const issues: string[] = [];
  const text = normalizePasted(input);
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return { recognized: false, source: 'text', issues: ['the input is empty'] };
  }
  const version = apiVersionOption ?? versionIn(text) ?? versionFromText(text);

  // Whole input is base64 of protobuf bytes.
  if (trimmed.length >= 8 && !/\s/.test(trimmed) && /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const bytes = toBytes(trimmed);
    if (bytes) {
      const f = decodeBytes(bytes, version);
      if (f.recognized) return f;
    }
  }

  // JSON somewhere in the text (a whole body, or inside a log line).
  let jsonFound: Found | null = null;
  for (const cand of jsonCandidates(text)) {
    const v = parseJsonLoosely(cand);
    if (v === undefined) continue;
    const f = decodeJsonValue(v, { apiVersion: version, httpStatus: null, requestId: null, retryAfterMs: null });
    if (f?.recognized) {
      if (!jsonFound || (f.entries?.length ?? 0) > (jsonFound.entries?.length ?? 0)) jsonFound = f;
      if ((f.entries?.length ?? 0) > 0 && f.entries![0]!.code.category !== 'status') break;
    }
  }

  // What Node printed for a logged error object (console.log / util.inspect).
  const inspected = jsonFound && (jsonFound.entries?.length ?? 0) > 0 ? null : decodeInspected(text, version);
  if (inspected && (inspected.entries?.length ?? 0) > 0 && inspected.entries![0]!.code.category !== 'status') {
    return {
      ...inspected,
      apiVersion: inspected.apiVersion ?? version,
      requestId: inspected.requestId ?? requestIdFromText(text),
      statusCode: inspected.statusCode ?? statusFromText(text),
      httpStatus: inspected.httpStatus ?? httpStatusFromText(text),
    };
  }

  const statusCode = statusFromText(text);
  const requestId = requestIdFromText(text);
  const httpStatus = httpStatusFromText(text);
  const retryAfterMs = retryAfterFromText(text);

  // Text-format failure.
  let entries: AdsErrorEntry[] = [];
  let tfRequestId: string | null = null;
  const start = findTextFormatStart(text);
  if (start >= 0) {
    const parsed = parseTextFormat(text, start);
    const obj = normalizeTextFormat(parsed.value);
    if (looksLikeFailure(obj)) {
      const f = readFailureObject(obj, version, issues);
      entries = f.entries;
      tfRequestId = f.requestId;
    }
  }
  // A failure packed in an Any and printed as an escaped byte string (text format, Ruby inspect).
  if (entries.length === 0) {
    const f = failureFromPrintedAny(text, version, issues);
    if (f) {
      entries = f.entries;
      tfRequestId ??= f.requestId;
    }
  }
  // The JSON reading wins; what it lacks comes from the clues in the surrounding text.
  const withClues = (found: Found, source: Found['source']): Found => ({
    ...found,
    source,
    apiVersion: found.apiVersion ?? version,
    statusCode: found.statusCode ?? statusCode,
    httpStatus: found.httpStatus ?? httpStatus,
    requestId: found.requestId ?? requestId,
    retryAfterMs: found.retryAfterMs ?? retryAfterMs,
    issues: [...(found.issues ?? []), ...issues],
  });
  if (entries.length === 0 && jsonFound && (jsonFound.entries?.length ?? 0) > 0) {
    return withClues(jsonFound, jsonFound.source === 'oauth' ? 'oauth' : 'text');
  }
  if (entries.length === 0) entries = pythonSummary(text, statusCode);
  if (entries.length === 0) entries = qualifiedCodes(text, version, issues);
  if (entries.length === 0) {
    const o = oauthFromText(text);
    if (o) return { ...oauthFound(o, { httpStatus, requestId }, issues), source: 'oauth' };
  }
  if (entries.length === 0 && jsonFound) {
    return withClues(jsonFound, 'text');
  }
  if (entries.length === 0 && inspected?.recognized) {
    return { ...inspected, apiVersion: inspected.apiVersion ?? version, statusCode: inspected.statusCode ?? statusCode, httpStatus: inspected.httpStatus ?? httpStatus, requestId: inspected.requestId ?? requestId };
  }
  if (entries.length === 0) entries = googleApiClientErrors(text);
  if (entries.length === 0) entries = legacyAdWordsErrors(text);
  // google-gax gave up retrying: the outer status is its own DEADLINE_EXCEEDED; what kept
  // failing is only in the text.
  const gaveUp = GAX_GAVE_UP.exec(text);
  if (gaveUp) {
    const what = gaveUp[2] ? `retrying ${gaveUp[2]} ${gaveUp[3]}` : 'waiting for a first response';
    issues.push(`google-gax gave up after ${gaveUp[1]} ms of ${what}; its trailers and request id were dropped`);
  }
  // A client exception or log line that says a call failed, even when it names no code.
  const failedCall = FAILED_CALL.test(text);
  const recognized = entries.length > 0 || statusCode !== null || failedCall || gaveUp !== null;
  if (!recognized) issues.push('no Google Ads error, gRPC status, OAuth error or JSON error body was found in the text');
  return {
    recognized,
    source: gaveUp ? 'gax' : 'text',
    apiVersion: version,
    statusCode: gaveUp ? 4 : statusCode ?? (httpStatus !== null && httpStatus >= 400 ? statusFromHttp(httpStatus)?.code ?? null : null),
    httpStatus,
    message: messageFromText(text) ?? (entries[0]?.message || null) ?? singleLine(text),
    requestId: tfRequestId ?? requestId,
    entries,
    retryAfterMs,
    issues,
  };
}

/** At most this many inspected objects are tried, so a log full of braces stays linear. */
const MAX_INSPECT_CANDIDATES = 20;

/**
 * The first object in the text that Node's inspect printed and that is a failure: a grpc-js or
 * google-gax error (`code`, `details`, `metadata: Metadata { internalRepr: Map(…) {…} }`) or a
 * GoogleAdsFailure thrown by google-ads-api. Null when there is none.
 */
function decodeInspected(text: string, version: string | null): Found | null {
  let from = 0;
  for (let k = 0; k < MAX_INSPECT_CANDIDATES; k++) {
    const open = text.indexOf('{', from);
    if (open < 0) return null;
    const r = parseInspect(text, open);
    from = Math.max(r.end, open + 1);
    const v = r.value;
    if (!isObj(v) || Object.keys(v).length === 0) continue;
    if (looksLikeGrpcError(v)) {
      const f = decodeGrpcError(v, version);
      if ((f.entries?.length ?? 0) === 0 && f.requestId == null && metadataMap(prop(v, 'metadata')).size > 0) {
        f.issues = [
          ...(f.issues ?? []).filter((i) => !i.endsWith('is not binary')),
          "the error was printed at inspect's default depth, which hides the trailers (request id, failure): decode the error object itself, or print it with util.inspect(err, { depth: null })",
        ];
      }
      if ((f.entries?.length ?? 0) === 0) {
        const cut = cutFailureEntry(v, f.apiVersion ?? version);
        if (cut) {
          f.entries = [cut.entry];
          f.apiVersion ??= cut.version;
          f.issues = [...(f.issues ?? []).filter((i) => !i.endsWith('is not binary')), 'the failure trailer was printed cut short; only its first error was read'];
          f.recognized = true;
        }
      }
      if (f.recognized) return f;
      continue;
    }
    // google-ads-api's failure printed at inspect's default depth shows `error_code: [_]`.
    const errs = prop(v, 'errors');
    if (Array.isArray(errs) && isObj(errs[0]) && 'error_code' in errs[0] && 'message' in errs[0]) {
      for (const e of errs) if (isObj(e) && !isObj(e['error_code'])) e['error_code'] = {};
    }
    const f = decodeJsonValue(v, { apiVersion: version, httpStatus: null, requestId: null, retryAfterMs: null });
    if (f?.recognized) return f;
    // One entry of an older Google API `errors` list, as Python prints it:
    // [{'message': 'Insufficient Permission', 'domain': 'global', 'reason': 'insufficientPermissions'}]
    const reason = prop(v, 'reason');
    const domain = prop(v, 'domain');
    if (typeof reason === 'string' && typeof domain === 'string' && /^[a-z][A-Za-z0-9]{2,60}$/.test(reason)) {
      const message = prop(v, 'message');
      return {
        recognized: true,
        source: 'google-api',
        entries: [makeEntry({ code: ref(domain === 'global' || domain === 'usageLimits' ? 'global' : domain, reason), message: typeof message === 'string' ? message : '' })],
        issues: [],
      };
    }
  }
  return null;
}

/** The first error from failure trailer bytes that inspect printed only in part. */
function cutFailureEntry(err: Obj, version: string | null): { entry: AdsErrorEntry; version: string | null } | null {
  for (const [key, value] of metadataMap(prop(err, 'metadata'))) {
    const m = /^google\.ads\.googleads\.(v\d+)\.errors\.googleadsfailure-bin$/.exec(key);
    if (!m || !isCutBytes(value)) continue;
    const first = firstErrorFromCutBytes(value.cutBytes, m[1] ?? version);
    if (!first) return null;
    return { entry: makeEntry({ code: ref(first.category, first.name, first.number), message: first.message }), version: m[1] ?? version };
  }
  return null;
}

/**
 * JSON.parse, and when that fails, once more after undoing one level of escaping: a body
 * printed as a string literal (`"{\"error\":{…}}"`, Python's `b'{\n  "error": …}'`) has its
 * quotes and line breaks escaped. Undefined when neither parses.
 */
function parseJsonLoosely(cand: string): unknown {
  try {
    return JSON.parse(cand);
  } catch {
    // fall through
  }
  if (!/\\["'nrt]/.test(cand)) return undefined;
  const once = cand.replace(/\\(["'\\/nrt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
  try {
    return JSON.parse(escapeRawControls(once));
  } catch {
    return undefined;
  }
}

/** Top-level balanced `{…}` (and `[{…}]`) spans, scanning once. */
function* jsonCandidates(text: string): Generator<string> {
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n && count < MAX_JSON_CANDIDATES) {
    const open = text.indexOf('{', i);
    if (open < 0) return;
    let startAt = open;
    // include an enclosing '[' directly before (searchStream arrays)
    let k = open - 1;
    while (k >= 0 && /\s/.test(text[k]!)) k--;
    if (k >= 0 && text[k] === '[') startAt = k;
    let depth = 0;
    let inStr = false;
    let j = startAt;
    for (; j < n; j++) {
      const c = text[j];
      if (inStr) {
        if (c === '\\') j++;
        else if (c === '"') inStr = false;
        continue;
      }
      // Outside a string a backslash can only be escaping (a body printed as a string
      // literal, `{\"error\": …}`): it and what it escapes are not structure.
      if (c === '\\') j++;
      else if (c === '"') inStr = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    count++;
    if (j >= n) {
      // Unbalanced (truncated): close what is open and try that, once.
      const closed = closeTruncatedJson(escapeRawControls(text.slice(startAt)));
      if (closed) yield closed;
      return;
    }
    yield escapeRawControls(text.slice(startAt, j + 1));
    i = j + 1;
  }
}

function findTextFormatStart(text: string): number {
  // `errors {` as most clients print it, `errors:{` as Go's prototext does.
  const m = /\berrors\s*:?\s*\{|\berror_code\s*:?\s*\{/.exec(text);
  return m ? m.index : -1;
}

/** Text format of a single error (no `errors {}` wrapper) becomes a one-error failure. */
function normalizeTextFormat(o: Obj): Obj {
  if (Array.isArray(o.errors)) return o;
  if (isObj(o.error_code)) return { errors: [o], request_id: o.request_id };
  return o;
}

/** The Python client's own summary: `Error with message "…".` and `On field: …` lines. */
function pythonSummary(text: string, statusCode: number | null): AdsErrorEntry[] {
  const out: AdsErrorEntry[] = [];
  const re = /Error with message "([^"\n]*)"\.?((?:\s*On field: [A-Za-z0-9_]+)*)/g;
  // Without a status the summary names no code at all; say so rather than claim UNKNOWN (a real status).
  const name = statusCode !== null ? statusByCode(statusCode)?.name ?? 'UNKNOWN_ERROR_CODE' : 'UNKNOWN_ERROR_CODE';
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && out.length < 1000) {
    const path: FieldPathElement[] = [...m[2]!.matchAll(/On field: ([A-Za-z0-9_]+)/g)].map((x) => ({ fieldName: x[1]!, index: null }));
    out.push(makeEntry({ code: ref('status', name, statusCode, statusCode !== null), message: m[1]!, fieldPath: path }));
  }
  return out;
}

/**
 * `AuthorizationError.USER_PERMISSION_DENIED`, `authorization_error: USER_PERMISSION_DENIED`,
 * Ruby's `campaign_budget_error: :DUPLICATE_NAME`, or a name only one category has. Ruby prints
 * every member of the ErrorCode oneof, the unset ones as `:UNSPECIFIED`; those are skipped.
 */
function qualifiedCodes(text: string, version: string | null, issues: string[]): AdsErrorEntry[] {
  const out: AdsErrorEntry[] = [];
  const seen = new Set<string>();
  const re = /\b([A-Za-z][A-Za-z_]*?(?:Error|_error))(?:Enum)?(?:\.|::|["']?\s*:\s*:?["']?|\s*=>\s*:?|\s*=\s*)([A-Z][A-Z0-9_]{2,})\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && out.length < 100) {
    if (m[2] === 'UNSPECIFIED') continue;
    const cat = findCategory(m[1]!);
    if (!cat) continue;
    const code = adsCodeRef(cat.category, m[2]!, version, issues);
    if (seen.has(code.key)) continue;
    seen.add(code.key);
    out.push(makeEntry({ code, message: '' }));
  }
  if (out.length === 0) {
    for (const w of text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){1,}\b/g)) {
      const hits = codesNamed(w[0]);
      const cats = new Set(hits.map((h) => h.category));
      if (cats.size === 1 && !statusByName(w[0])) {
        const h = hits[0]!;
        if (seen.has(h.key)) continue;
        seen.add(h.key);
        out.push(makeEntry({ code: ref(h.category, h.name, h.number), message: '' }));
        if (out.length >= 20) break;
      }
    }
  }
  return out;
}

/**
 * Google API client errors printed on one line, older global-domain reasons included: Go's
 * `googleapi: Error 403: User rate limit exceeded, userRateLimitExceeded`.
 */
function googleApiClientErrors(text: string): AdsErrorEntry[] {
  const m = /\bgoogleapi: Error [1-5]\d\d: (.{0,300}?), ([a-z][A-Za-z0-9]{2,60})\b/.exec(text);
  if (!m) return [];
  return [makeEntry({ code: ref('global', m[2]!), message: m[1]! })];
}

/**
 * The retired AdWords API's printed errors, `[RateExceededError.RATE_EXCEEDED @ path]` or
 * `[RateExceededError <rateName=…>]`. Their categories are not in today's catalog, so they are
 * kept as unknown codes rather than dropped.
 */
function legacyAdWordsErrors(text: string): AdsErrorEntry[] {
  const out: AdsErrorEntry[] = [];
  const re = /(?:\[|errorString: |, )([A-Z][A-Za-z]+Error)(?:\.([A-Z][A-Z0-9_]{2,})|\s+<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && out.length < 20) {
    const category = camel(m[1]![0]!.toLowerCase() + m[1]!.slice(1));
    out.push(makeEntry({ code: ref(category, m[2] ?? 'UNKNOWN', null, false), message: '' }));
  }
  return out;
}
