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
import { looksLikeFailure, readFailureObject, toBytes } from '../failure-object.js';
import { isObj, type Obj } from '../values.js';
import { decodeBytes } from './binary.js';
import { decodeJsonValue, oauthFound } from './json.js';
import { oauthFromText } from './oauth.js';
import { parseTextFormat } from './textformat.js';

/** At most this many JSON candidates are parsed, so a log full of braces stays linear. */
const MAX_JSON_CANDIDATES = 20;

export function decodeText(text: string, apiVersionOption: string | null): Found {
  const issues: string[] = [];
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
    let v: unknown;
    try {
      v = JSON.parse(cand);
    } catch {
      continue;
    }
    const f = decodeJsonValue(v, { apiVersion: version, httpStatus: null, requestId: null, retryAfterMs: null });
    if (f?.recognized) {
      if (!jsonFound || (f.entries?.length ?? 0) > (jsonFound.entries?.length ?? 0)) jsonFound = f;
      if ((f.entries?.length ?? 0) > 0 && f.entries![0]!.code.category !== 'status') break;
    }
  }

  const statusCode = statusFromText(text);
  const requestId = requestIdFromText(text);

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
  if (entries.length === 0 && jsonFound && (jsonFound.entries?.length ?? 0) > 0) {
    return {
      ...jsonFound,
      source: jsonFound.source === 'oauth' ? 'oauth' : 'text',
      statusCode: jsonFound.statusCode ?? statusCode,
      requestId: jsonFound.requestId ?? requestId,
      issues: [...(jsonFound.issues ?? []), ...issues],
    };
  }
  if (entries.length === 0) entries = pythonSummary(text, statusCode);
  if (entries.length === 0) entries = qualifiedCodes(text, version, issues);
  if (entries.length === 0) {
    const o = oauthFromText(text);
    if (o) return { ...oauthFound(o, { httpStatus: null, requestId }, issues), source: 'oauth' };
  }
  if (entries.length === 0 && jsonFound) {
    return { ...jsonFound, source: 'text', requestId: jsonFound.requestId ?? requestId, issues: [...(jsonFound.issues ?? []), ...issues] };
  }
  const recognized = entries.length > 0 || statusCode !== null;
  if (!recognized) issues.push('no Google Ads error, gRPC status, OAuth error or JSON error body was found in the text');
  return {
    recognized,
    source: 'text',
    apiVersion: version,
    statusCode,
    message: messageFromText(text) ?? entries[0]?.message ?? null,
    requestId: tfRequestId ?? requestId,
    entries,
    issues,
  };
}

function versionFromText(text: string): string | null {
  const m = /\bGoogleAds(?:\.|::|\\)V(\d+)\b|\/v(\d+)\/customers\b/.exec(text);
  return m ? `v${m[1] ?? m[2]}` : null;
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
      if (c === '"') inStr = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    count++;
    if (j >= n) {
      // Unbalanced (truncated): try what there is, once.
      yield text.slice(startAt);
      return;
    }
    yield text.slice(startAt, j + 1);
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

const STATUS_PATTERNS: RegExp[] = [
  /StatusCode\.([A-Z_]{5,})\b/,
  /\bfailed with status "([A-Z_]{5,})"/,
  /\bstatus(?:_code|Code)?\s*[:=]\s*"?([A-Z][A-Z_]{4,})"?/,
  /\bStatus\{code=([A-Z_]{5,})/,
  /StatusRuntimeException: ([A-Z_]{5,})\b/,
  /^\s*(?:Error: )?\d{1,2} ([A-Z_]{5,}):/m,
  /StatusCode="([A-Za-z]+)"/,
  /\bgrpc-status:\s*(\d{1,2})\b/,
];

export function statusFromText(text: string): number | null {
  for (const re of STATUS_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const v = m[1]!;
    if (/^\d+$/.test(v)) {
      const s = statusByCode(Number(v));
      if (s) return s.code;
      continue;
    }
    // .NET prints PascalCase names ("InvalidArgument").
    const name = /[a-z]/.test(v) ? v.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() : v;
    const s = statusByName(name);
    if (s) return s.code;
  }
  const http = /\b(?:HTTP\/[\d.]+|status code|HTTP status)\s*:?\s*(\d{3})\b/i.exec(text);
  if (http) return statusFromHttp(Number(http[1]))?.code ?? null;
  return null;
}

export function requestIdFromText(text: string): string | null {
  const m =
    /Request with ID "([^"\s]{4,100})"/.exec(text) ??
    /\brequest[_-]?id["']?\s*[:=]\s*["']?([A-Za-z0-9_-]{6,100})/i.exec(text);
  return m ? m[1]! : null;
}

function messageFromText(text: string): string | null {
  const m = /\bdetails\s*=\s*"([^"]{1,500})"/.exec(text) ?? /\bmessage:\s*"([^"]{1,500})"/.exec(text) ?? /Error with message "([^"]{1,500})"/.exec(text);
  return m ? m[1]! : null;
}

/** The Python client's own summary: `Error with message "…".` and `On field: …` lines. */
function pythonSummary(text: string, statusCode: number | null): AdsErrorEntry[] {
  const out: AdsErrorEntry[] = [];
  const re = /Error with message "([^"\n]*)"\.?((?:\s*On field: [A-Za-z0-9_]+)*)/g;
  const name = statusCode !== null ? statusByCode(statusCode)?.name ?? 'UNKNOWN' : 'UNKNOWN';
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && out.length < 1000) {
    const path: FieldPathElement[] = [...m[2]!.matchAll(/On field: ([A-Za-z0-9_]+)/g)].map((x) => ({ fieldName: x[1]!, index: null }));
    out.push(makeEntry({ code: ref('status', name, statusCode, statusCode !== null), message: m[1]!, fieldPath: path }));
  }
  return out;
}

/** `AuthorizationError.USER_PERMISSION_DENIED`, `authorization_error: USER_PERMISSION_DENIED`, or a name only one category has. */
function qualifiedCodes(text: string, version: string | null, issues: string[]): AdsErrorEntry[] {
  const out: AdsErrorEntry[] = [];
  const seen = new Set<string>();
  const re = /\b([A-Za-z]+(?:Error|_error))(?:Enum)?(?:\.|::|:\s*|\s*=\s*)([A-Z][A-Z0-9_]{2,})\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && out.length < 100) {
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
