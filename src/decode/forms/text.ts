/**
 * Text a user pastes: what the Python, Java, PHP, Ruby and .NET clients print when a call fails
 * (text-format GoogleAdsFailures, "Request with ID … failed with status …" summaries, gRPC
 * status lines), log lines with JSON inside, and bare code names. Best effort, linear time,
 * never throws.
 */
import { codesNamed, findCategory, versionIn } from '../../catalog/catalog.js';
import { statusByCode, statusByName, statusFromHttp } from '../../classify/status.js';
import type { AdsErrorEntry, FieldPathElement } from '../../error/types.js';
import type { Found } from '../assemble.js';
import { adsCodeRef, makeEntry, ref } from '../entry.js';
import { decodeFailureBytes } from '../failure-binary.js';
import { looksLikeFailure, readFailureObject, toBytes } from '../failure-object.js';
import { camel, isObj, prop, type Obj } from '../values.js';
import { decodeBytes } from './binary.js';
import { decodeJsonValue, oauthFound } from './json.js';
import { decodeGrpcError, looksLikeGrpcError, metadataMap } from './grpc.js';
import { firstErrorFromCutBytes, isCutBytes, parseInspect } from './inspect.js';
import { closeTruncatedJson, escapeRawControls } from './json-repair.js';
import { oauthFromText } from './oauth.js';
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
  if (entries.length === 0 && jsonFound && (jsonFound.entries?.length ?? 0) > 0) {
    return {
      ...jsonFound,
      source: jsonFound.source === 'oauth' ? 'oauth' : 'text',
      apiVersion: jsonFound.apiVersion ?? version,
      statusCode: jsonFound.statusCode ?? statusCode,
      httpStatus: jsonFound.httpStatus ?? httpStatus,
      requestId: jsonFound.requestId ?? requestId,
      retryAfterMs: jsonFound.retryAfterMs ?? retryAfterMs,
      issues: [...(jsonFound.issues ?? []), ...issues],
    };
  }
  if (entries.length === 0) entries = pythonSummary(text, statusCode);
  if (entries.length === 0) entries = qualifiedCodes(text, version, issues);
  if (entries.length === 0) {
    const o = oauthFromText(text);
    if (o) return { ...oauthFound(o, { httpStatus, requestId }, issues), source: 'oauth' };
  }
  if (entries.length === 0 && jsonFound) {
    return {
      ...jsonFound,
      source: 'text',
      apiVersion: jsonFound.apiVersion ?? version,
      statusCode: jsonFound.statusCode ?? statusCode,
      httpStatus: jsonFound.httpStatus ?? httpStatus,
      requestId: jsonFound.requestId ?? requestId,
      retryAfterMs: jsonFound.retryAfterMs ?? retryAfterMs,
      issues: [...(jsonFound.issues ?? []), ...issues],
    };
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

/**
 * Undoes what pasting did to a text: browser consoles copy line breaks inside logged strings as
 * '↵'; logs rendered as HTML carry `<br/>` and entities (`&lt;`, `&quot;`).
 */
function normalizePasted(s: string): string {
  let t = s.includes('\u21b5') ? s.replace(/\u21b5/g, '\n') : s;
  if (/<br\s*\/?>/i.test(t)) t = t.replace(/<br\s*\/?>/gi, '\n');
  if (/&(?:lt|gt|quot|amp|#39|#34);/.test(t)) {
    t = t.replace(/&(lt|gt|quot|amp|#39|#34);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'", '#34': '"' })[e] ?? '');
  }
  return t;
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
 * The text's own headline as the message: its first line that is not a stack frame or a
 * traceback header (an exception's summary line), when it is short enough to be one.
 */
function singleLine(text: string): string | null {
  let from = 0;
  for (let k = 0; k < 50 && from < text.length; k++) {
    const nl = text.indexOf('\n', from);
    const line = text.slice(from, nl < 0 ? text.length : nl).trim();
    from = nl < 0 ? text.length : nl + 1;
    if (!line || /^(?:at |from |File "|Traceback \(|\^|node:internal)/.test(line)) continue;
    return line.length <= 300 ? line : null;
  }
  return null;
}

/** google-gax's message when its retries ran out of time. */
const GAX_GAVE_UP = /Total timeout of API \S+ exceeded (\d+) milliseconds (?:before any response was received|retrying error Error: (\d+) ([A-Z_]+))?/;

/**
 * Text that says a Google Ads call failed without naming why: the client libraries' exception
 * classes, and their request logs' fault flag (`IsFault: 1`, `IsFault: True`).
 */
const FAILED_CALL = /\bGoogleAds(?:Exception|Error|Failure|ServerFault)\b|\bIsFault:\s*(?:1|[Tt]rue|yes)\b/;

function versionFromText(text: string): string | null {
  const m = /\bGoogleAds(?:\.|::|\\)V(\d+)\b|\/v(\d+)\/customers\b/.exec(text);
  return m ? `v${m[1] ?? m[2]}` : null;
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
  const m = /\berrors\s*\{|\berror_code\s*\{/.exec(text);
  return m ? m.index : -1;
}

/** Text format of a single error (no `errors {}` wrapper) becomes a one-error failure. */
function normalizeTextFormat(o: Obj): Obj {
  if (Array.isArray(o.errors)) return o;
  if (isObj(o.error_code)) return { errors: [o], request_id: o.request_id };
  return o;
}

/**
 * How the clients print a gRPC status, by name or number. Tried in order; the first that names
 * a real status wins. PascalCase names (.NET, Go, Ruby class names) are converted.
 */
const STATUS_PATTERNS: RegExp[] = [
  /StatusCode\.([A-Z_]{5,})\b/, //                     Python: status = StatusCode.INTERNAL
  /\bfailed with status "([A-Z_]{5,})"/, //             Python: Request with ID … failed with status "…"
  /\bstatus(?:_code|Code)?["']?\s*[:=]\s*"?([A-Z][A-Z_]{4,})"?/, // JSON/PHP: "status": "PERMISSION_DENIED"
  /\bStatus\{code=([A-Z_]{5,})/, //                     Java: Status{code=UNAVAILABLE, …}
  /StatusRuntimeException: ([A-Z_]{5,})\b/, //          Java
  /\bResponseCode:\s*([A-Z_]{5,})\b/, //                Java request summary log
  /^\s*(?:Error: )?\d{1,2} ([A-Z_]{5,}):/m, //          Node grpc-js: Error: 3 INVALID_ARGUMENT: …
  /^\s*(?:[\w.$]+(?:Exception|Error): )?([A-Z][A-Z_]{4,}): \S/m, // Java: RESOURCE_EXHAUSTED: Quota exceeded …
  /StatusCode="?([A-Za-z]+)"?/, //                      .NET: Status(StatusCode="InvalidArgument", …)
  /\brpc error: code = ([A-Za-z]+)/, //                  Go: rpc error: code = InvalidArgument desc = …
  /\bGRPC::([A-Z][A-Za-z]+)\b/, //                       Ruby: GRPC::InvalidArgument
  /\b(?:caused by |Cause: '|GRPC::[A-Za-z]+ \()(\d{1,2}):/, // Ruby: caused by 5:Requested entity …
  /\bgrpc-status:\s*(\d{1,2})\b/,
  /"?grpc_status"?\s*:\s*(\d{1,2})\b/, //                   debug_error_string of the C core
  /(?:^|[\s{(,"'])(?:[Ss]tatus[ _]?[Cc]ode|[Cc]ode)["']?\s*[:=]\s*(\d{1,2})(?![\d.])/m, // Status code: 7 / code: 3 / "code": 13
];

/** The loosest pattern (a bare `code: 3`) counts only in text that reads like a failure. */
const LOOSE_CODE = STATUS_PATTERNS[STATUS_PATTERNS.length - 1]!;
const FAILURE_WORDS = /error|exception|fail|fault|status|grpc|details|denied|invalid|rpc/i;

export function statusFromText(text: string): number | null {
  for (const re of STATUS_PATTERNS) {
    if (re === LOOSE_CODE && !FAILURE_WORDS.test(text)) continue;
    const m = re.exec(text);
    if (!m) continue;
    const v = m[1]!;
    if (/^\d+$/.test(v)) {
      const s = statusByCode(Number(v));
      if (s) return s.code;
      continue;
    }
    // .NET, Go and Ruby print PascalCase names ("InvalidArgument").
    const name = /[a-z]/.test(v) ? v.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() : v;
    const s = statusByName(name);
    if (s && s.code !== 0) return s.code;
  }
  const http = httpStatusFromText(text);
  if (http !== null && http >= 400) return statusFromHttp(http)?.code ?? null;
  return null;
}

/**
 * The HTTP status a piece of text reports: `HTTP/1.1 403`, `status code 429`, Guzzle's
 * "resulted in a `401 Unauthorized` response", Go's `googleapi: Error 403:`, Python's
 * `<HttpError 503 …>`, requests' `404 Client Error`, google-api-core's `ResourceExhausted: 429 …`,
 * .NET's `returned an error: (404)`, and Google's own HTML error pages.
 */
export function httpStatusFromText(text: string): number | null {
  const m =
    /\bHTTP\/[\d.]+\s+([1-5]\d\d)\b/.exec(text) ??
    /resulted in a `([1-5]\d\d) /.exec(text) ??
    /\b(?:HTTP status|status code)\s*[:=]?\s*([1-5]\d\d)\b/i.exec(text) ??
    /\bgoogleapi: Error ([1-5]\d\d)\b/.exec(text) ??
    /<HttpError ([1-5]\d\d)\b/.exec(text) ??
    /\b(?:GoogleJsonResponseException|ApiException|HttpException|ClientException|ServerException): ([1-5]\d\d)\b/.exec(text) ??
    /\b([45]\d\d) (?:Client|Server) Error\b/.exec(text) ?? //                  Python requests
    /returned an error: \(([1-5]\d\d)\)/.exec(text) ?? //                     .NET WebException
    /<(?:title|h[12])>Error ([1-5]\d\d)\b/i.exec(text) ?? //                   Google's HTML error pages
    /\b(?:[A-Z][a-z]+){2,}: ([45]\d\d) [A-Z]/.exec(text);
  return m ? Number(m[1]) : null;
}

/** A retry hint written out in text: `retryAfterSeconds=30`, `Retry-After: 120`. */
function retryAfterFromText(text: string): number | null {
  const m = /\bretry[_-]?after(?:[_-]?seconds)?["']?\s*[:=]\s*["']?(\d{1,7})\b/i.exec(text);
  return m ? Number(m[1]) * 1000 : null;
}

export function requestIdFromText(text: string): string | null {
  const m =
    /Request with ID "([^"\s]{4,100})"/.exec(text) ??
    /\bRequest ID:?\s+"?([A-Za-z0-9_-]{10,100})"?\s+failed\b/.exec(text) ??
    /\brequest[_-]?id["']?\s*(?:=>|[:=])\s*\[?\s*["']?(?!(?:null|None|nil|undefined)\b)([A-Za-z0-9_-]{6,100})/i.exec(text) ??
    /"@type":\s*"request-id",\s*"data":\s*"([A-Za-z0-9_-]{6,100})"/.exec(text);
  return m ? m[1]! : null;
}

/**
 * The server's own words in a printed failure, as each client puts them: Python's
 * `details = "…"`, text format `message: "…"`, .NET `Detail="…"`, Go `desc = …`, Node and Java
 * `3 INVALID_ARGUMENT: …` / `INVALID_ARGUMENT: …`, Ruby `(3:…)`, Java `description=…`, the
 * Python HTTP clients' `returned "…"` and `ResourceExhausted: 429 …`.
 */
function messageFromText(text: string): string | null {
  const m =
    /\bdetails\s*=\s*"([^"]{1,500})"/.exec(text) ??
    /\bmessage:\s*"([^"]{1,500})"/.exec(text) ??
    /Error with message "([^"]{1,500})"/.exec(text) ??
    /\bFaultMessage:\s*"\[?"?(.{1,500}?)"?\]?"\s*$/m.exec(text) ??
    /\bDetail="([^"]{1,500})"/.exec(text) ??
    /\bStatus(?:Runtime)?Exception: [A-Z_]{5,}: (.{1,500}?)\s*$/m.exec(text) ??
    /\bFault:\s*(.{1,300}?)\s*$/m.exec(text) ??
    /\bdesc = (.{1,500}?)\s*$/m.exec(text) ??
    /(?:^|\bError: )\d{1,2} [A-Z_]{5,}: (.{1,500}?)\s*$/m.exec(text) ??
    /\b(?:caused by |GRPC::[A-Za-z]+ \()\d{1,2}:(.{1,500}?)\)?['"]?\s*$/m.exec(text) ??
    /\bStatus\{code=[A-Z_]+, description=([^,}]{1,300})/.exec(text) ??
    /\breturned "([^"]{1,500})"/.exec(text) ??
    /\b(?:[A-Z][a-z]+){2,}: [45]\d\d (.{1,500}?)\s*$/m.exec(text) ??
    /^\s*(?:[\w.$]+(?:Exception|Error): )?[A-Z][A-Z_]{4,}: (\S.{0,499}?)\s*$/m.exec(text) ??
    /"message"\s*:\s*"((?:[^"\\]|\\.){1,500})"/.exec(text);
  return m ? m[1]! : null;
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
  const re = /\b([A-Za-z][A-Za-z_]*?(?:Error|_error))(?:Enum)?(?:\.|::|["']?\s*:\s*:?["']?|\s*=\s*)([A-Z][A-Z0-9_]{2,})\b/g;
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

/**
 * A GoogleAdsFailure inside an Any that was printed with its bytes as an escaped string: text
 * format (`type_url: "…GoogleAdsFailure" value: "\n\003\350…"`, octal escapes) or Ruby inspect
 * (`type_url: "…", value: "\n<\n\x03…"`, hex escapes). Line breaks that a terminal or issue
 * tracker inserted into the string are not part of it.
 */
function failureFromPrintedAny(text: string, version: string | null, issues: string[]): { entries: AdsErrorEntry[]; requestId: string | null } | null {
  const m = /type_url:\s*"[^"]*googleads\.(v\d+)\.errors\.GoogleAdsFailure",?\s*value:\s*"/.exec(text);
  if (!m) return null;
  const bytes = unescapeBytes(text, m.index + m[0].length);
  if (bytes.length === 0) return null;
  const local: string[] = [];
  const f = decodeFailureBytes(bytes, m[1] ?? version, local);
  if (f.entries.length === 0 || local.some((i) => i.includes('malformed'))) {
    // Cut off (a log line limit, a paste): the first error still begins the bytes.
    const first = firstErrorFromCutBytes(bytes, m[1] ?? version);
    if (!first) {
      issues.push('a printed GoogleAdsFailure Any was found, but its bytes are cut off or damaged');
      return null;
    }
    issues.push('the printed GoogleAdsFailure bytes are cut off; only the first error was read');
    return { entries: [makeEntry({ code: ref(first.category, first.name, first.number), message: first.message })], requestId: null };
  }
  issues.push(...local);
  return f;
}

/** C-style escaped bytes from `from` up to the closing quote (\n, \", \xHH, \NNN octal, …). */
function unescapeBytes(s: string, from: number): Uint8Array {
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, e: 27, '0': 0 };
  let i = from;
  while (i < s.length && out.length < 1_000_000) {
    const c = s[i]!;
    if (c === '"') break;
    if (c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c !== '\\') {
      const code = c.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else for (const b of Buffer.from(c, 'utf8')) out.push(b);
      i++;
      continue;
    }
    const e = s[i + 1] ?? '';
    if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      out.push(parseInt(s.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (/[0-7]/.test(e)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))![0];
      out.push(parseInt(oct, 8) & 0xff);
      i += 1 + oct.length;
    } else if (e in simple) {
      out.push(simple[e]!);
      i += 2;
    } else {
      out.push(e.charCodeAt(0) & 0xff);
      i += 2;
    }
  }
  return Uint8Array.from(out);
}
