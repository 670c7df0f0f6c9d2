/**
 * ads-errors: decode, classify and explain Google Ads API failures.
 * The core entry point; explanations, retries and integrations live behind their own subpaths.
 */
export { decode, decodeResponse, type DecodeOptions, type HeadersLike } from './decode/decode.js';
export { AdsError, isAdsError } from './error/ads-error.js';
export type * from './error/types.js';
export {
  GRPC_STATUSES,
  statusByCode,
  statusByName,
  statusFromHttp,
  type GrpcStatusName,
  type Side,
  type StatusInfo,
} from './classify/status.js';
export { classifyCode, classifyFailure, LONG_QUOTA_DELAY_MS, type CodeClass } from './classify/classify.js';
