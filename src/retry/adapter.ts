/**
 * How a thrown value becomes an AdsError for the retry decision.
 */
import { isAdsError, type AdsError } from '../error/ads-error.js';

/**
 * Turns whatever `fn` threw into an AdsError, or null when it is not a Google Ads failure at all
 * (a TypeError from the caller's own code): such values are rethrown untouched, never retried.
 */
export type ToAdsError = (thrown: unknown) => AdsError | null;

/**
 * The default adapter: AdsErrors pass through; a decoded value that was not recognized as a
 * failure counts as "not an Ads failure". (Switch to the full decoder once `src/decode` lands.)
 */
export const passThroughAdsError: ToAdsError = (thrown) => (isAdsError(thrown) && thrown.recognized ? thrown : null);
