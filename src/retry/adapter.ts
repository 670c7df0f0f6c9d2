/**
 * How a thrown value becomes an AdsError for the retry decision.
 */
import { isAdsError, type AdsError } from '../error/ads-error.js';
import { decode } from '../decode/index.js';
import { localAdsError } from './local-error.js';

/**
 * Turns whatever `fn` threw into an AdsError, or null when it is not a Google Ads failure at all
 * (a TypeError from the caller's own code): such values are rethrown untouched, never retried.
 */
export type ToAdsError = (thrown: unknown) => AdsError | null;

/** AdsErrors pass through; anything else counts as "not an Ads failure". For tests. */
export const passThroughAdsError: ToAdsError = (thrown) => (isAdsError(thrown) && thrown.recognized ? thrown : null);

// Socket errors seen before any answer. Refused or unresolved: the request never left, so it is
// plainly UNAVAILABLE. Reset or timed out: it may have been processed, so its outcome is unknown.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const MAYBE_SENT = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

function networkError(thrown: unknown): AdsError | null {
  const code = typeof thrown === 'object' && thrown !== null ? (thrown as { code?: unknown; cause?: { code?: unknown } }).code ?? (thrown as { cause?: { code?: unknown } }).cause?.code : undefined;
  if (typeof code !== 'string') return null;
  if (NOT_SENT.has(code)) return localAdsError('UNAVAILABLE', `Network error before the request was sent (${code}).`, 'transient', true, thrown);
  if (MAYBE_SENT.has(code)) return localAdsError('UNKNOWN', `Network error after the request may have been sent (${code}).`, 'transient', true, thrown);
  return null;
}

/**
 * The default adapter: the project's decoder (gRPC, REST, client objects, text…), then Node
 * socket errors; whatever neither recognizes is not an Ads failure. Never throws.
 */
export const decodeAdsError: ToAdsError = (thrown) => {
  if (isAdsError(thrown)) return thrown.recognized ? thrown : null;
  const decoded = decode(thrown);
  if (decoded.recognized) return decoded;
  return networkError(thrown);
};
