/**
 * `adsFetch`: fetch for the Google Ads REST interface, with failures as `AdsError`s, and a
 * `searchStream` reader that keeps the rows a broken stream delivered.
 */
import { decode, decodeResponse, type DecodeOptions } from '../decode/decode.js';
import type { AdsError } from '../error/ads-error.js';
import { splitStream } from '../operations/stream.js';
import type { StreamSplit } from '../operations/types.js';
import { decodeAdsError } from '../retry/adapter.js';
import { localAdsError } from '../retry/local-error.js';

/** The part of `fetch` used here; the global one, undici's, or node-fetch's fit. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface AdsFetchOptions {
  /** API version for numeric codes in bodies that do not name theirs (rare over REST). */
  readonly apiVersion?: string;
}

/** What `adsFetch` returns: a fetch function, plus `searchStream`. */
export interface AdsFetch {
  /**
   * Sends the request. Resolves with the Response when its status is 2xx; rejects with an
   * `AdsError` (decoded from status, headers and body, `cause` the Response) otherwise. A
   * network failure (no response at all) rejects with fetch's own error, untouched.
   */
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /**
   * Sends a `:searchStream` request and reads the whole answer. Never rejects for a failure of
   * the API or the network: resolves with every row received, and `error` set when the stream
   * failed — before the first row (an HTTP error), after some rows (the error as the array's
   * last element), or because the body was cut off. Rejects only with what is not a failure of
   * the call at all (e.g. a TypeError for an invalid URL), or with the signal's reason on abort.
   */
  searchStream(input: string | URL | Request, init?: RequestInit): Promise<StreamSplit>;
}

/**
 * Wraps `fetchImpl` (default: the global `fetch`). Takes nothing else from it; never patches
 * globals.
 */
export function adsFetch(fetchImpl?: FetchLike, options: AdsFetchOptions = {}): AdsFetch {
  const doFetch: FetchLike = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const decodeOptions: DecodeOptions = options.apiVersion ? { apiVersion: options.apiVersion } : {};

  const call = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const res = await doFetch(input, init);
    if (res.ok) return res;
    throw await decodeResponse(res, decodeOptions);
  };

  const searchStream = async (input: string | URL | Request, init?: RequestInit): Promise<StreamSplit> => {
    let res: Response;
    try {
      res = await doFetch(input, init);
    } catch (e) {
      if (init?.signal?.aborted) throw init.signal.reason;
      const error = decodeAdsError(e);
      if (!error) throw e;
      return splitStream({ messages: [], error }, decodeOptions);
    }
    if (!res.ok) return splitStream({ messages: [], error: await decodeResponse(res, decodeOptions) }, decodeOptions);
    const split = await readSearchStream(res, options);
    // A body cut by the caller's own abort is not a broken stream.
    if (init?.signal?.aborted) throw init.signal.reason;
    return split;
  };

  return Object.assign(call, { searchStream });
}

/**
 * Reads a 2xx `:searchStream` Response to its end and splits it: rows, messages, and the
 * failure in its last element, if any. A body that breaks off (connection cut, read error)
 * keeps every message that arrived whole and reports an UNAVAILABLE failure, which a query
 * may safely be sent again after. Never rejects.
 */
export async function readSearchStream(res: Response, options: AdsFetchOptions = {}): Promise<StreamSplit> {
  const decodeOptions: DecodeOptions = options.apiVersion ? { apiVersion: options.apiVersion } : {};
  const { text, readError } = await readAll(res);
  if (readError === null && !res.ok) {
    return splitStream({ messages: [], error: decode(text, { ...decodeOptions, headers: res.headers, httpStatus: res.status }) }, decodeOptions);
  }
  const { elements, complete } = splitJsonArray(text);
  const last = elements[elements.length - 1];
  const endsInError = last !== undefined && typeof last === 'object' && last !== null && 'error' in last;
  if (complete && readError === null) {
    // The whole array: let the stream reader pick out the rows, the error and the request id,
    // with the HTTP headers to hand in case the error element has no request id of its own.
    const split = splitStream(elements, decodeOptions);
    if (!split.error || split.error.requestId) return split;
    const withHeaders = decode(last, { ...decodeOptions, headers: res.headers, httpStatus: res.status });
    return splitStream({ messages: elements.slice(0, -1), error: withHeaders }, decodeOptions);
  }
  const messages = endsInError ? elements.slice(0, -1) : elements;
  let error: AdsError;
  if (endsInError) error = decode(last, { ...decodeOptions, headers: res.headers });
  else {
    const why = readError instanceof Error ? readError.message : readError === null ? 'the body ended early' : String(readError);
    error = localAdsError(
      'UNAVAILABLE',
      `The searchStream response broke off after ${messages.length} complete message(s) (${why}).`,
      'transient',
      true,
      readError ?? res,
    );
  }
  return splitStream({ messages, error }, decodeOptions);
}

/** The body as text, read chunk by chunk so that what arrived before a cut is kept. Never rejects. */
async function readAll(res: Response): Promise<{ text: string; readError: unknown }> {
  if (!res.body) return { text: '', readError: null };
  const decoder = new TextDecoder();
  let text = '';
  try {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    return { text: text + decoder.decode(), readError: null };
  } catch (e) {
    return { text: text + decoder.decode(), readError: e ?? new Error('the body could not be read') };
  }
}

/**
 * The top-level elements of a JSON array text, as far as they are complete. `complete` is true
 * when the closing bracket was reached. A string-aware scan: braces inside strings do not count.
 */
function splitJsonArray(text: string): { elements: unknown[]; complete: boolean } {
  const elements: unknown[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && /\s/.test(text[i]!)) i++;
  if (text[i] !== '[') return { elements, complete: false };
  i++;
  let depth = 0;
  let start = -1;
  let inString = false;
  for (; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      if (depth === 0) return { elements, complete: ch === 93 };
      depth--;
      if (depth === 0) {
        try {
          elements.push(JSON.parse(text.slice(start, i + 1)));
        } catch {
          return { elements, complete: false };
        }
        start = -1;
      }
    }
  }
  return { elements, complete: false };
}
