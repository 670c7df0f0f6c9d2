/**
 * The clues a printed failure leaves in text, whichever client printed it: the gRPC status (by
 * name or number, in each client's spelling), the HTTP status, the request id, the server's own
 * message, a retry hint, the API version. Each reader is a handful of anchored patterns, linear
 * in the text; none throws.
 */
import { statusByCode, statusByName, statusFromHttp } from '../../classify/status.js';

/**
 * Undoes what pasting did to a text: browser consoles copy line breaks inside logged strings as
 * '↵'; logs rendered as HTML carry `<br/>` and entities (`&lt;`, `&quot;`).
 */
export function normalizePasted(s: string): string {
  let t = s.includes('\u21b5') ? s.replace(/\u21b5/g, '\n') : s;
  if (/<br\s*\/?>/i.test(t)) t = t.replace(/<br\s*\/?>/gi, '\n');
  if (/&(?:lt|gt|quot|amp|#39|#34);/.test(t)) {
    t = t.replace(/&(lt|gt|quot|amp|#39|#34);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'", '#34': '"' })[e] ?? '');
  }
  return t;
}

/**
 * The text's own headline as the message: its first line that is not a stack frame or a
 * traceback header (an exception's summary line), when it is short enough to be one.
 */
export function singleLine(text: string): string | null {
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
export const GAX_GAVE_UP = /Total timeout of API \S+ exceeded (\d+) milliseconds (?:before any response was received|retrying error Error: (\d+) ([A-Z_]+))?/;

/**
 * Text that says a Google Ads call failed without naming why: the client libraries' exception
 * classes, and their request logs' fault flag (`IsFault: 1`, `IsFault: True`).
 */
export const FAILED_CALL = /\bGoogleAds(?:Exception|Error|Failure|ServerFault)\b|\bIsFault:\s*(?:1|[Tt]rue|yes)\b/;

/** The API version a client printout names (`GoogleAds::V6::`, `Google.Ads.GoogleAds.V17`, `/v17/customers`), or null. */
export function versionFromText(text: string): string | null {
  const m = /\bGoogleAds(?:\.|::|\\)V(\d+)\b|\/v(\d+)\/customers\b/.exec(text);
  return m ? `v${m[1] ?? m[2]}` : null;
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

/** The gRPC status number a printout names, by name, number or HTTP status; null when none. */
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
export function retryAfterFromText(text: string): number | null {
  const m = /\bretry[_-]?after(?:[_-]?seconds)?["']?\s*[:=]\s*["']?(\d{1,7})\b/i.exec(text);
  return m ? Number(m[1]) * 1000 : null;
}

/** The request id a printout or log carries (never the literal `null`/`None` some logs write), or null. */
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
export function messageFromText(text: string): string | null {
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

