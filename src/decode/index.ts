/**
 * The decoder: any failure in, one `AdsError` out.
 */
export { decode, decodeResponse, type DecodeOptions, type HeadersLike } from './decode.js';
export { AdsError, isAdsError } from '../error/ads-error.js';
export type * from '../error/types.js';
