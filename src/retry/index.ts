/**
 * The recovery engine: safe retries for Google Ads calls.
 */
export { AdsRetryPolicy, adsRetryPolicy } from './policy.js';
export { fromCockatiel, wrap } from './compose.js';
export type { CockatielLike, Executable } from './compose.js';
export type { AttemptContext, ExecuteOptions, RetryPolicyOptions } from './policy.js';
export { decideRetry } from './decide.js';
export type { RequestSafety, RetryDecision } from './decide.js';
export { RetryGiveUpError, isRetryGiveUpError } from './give-up-error.js';
export type { GiveUpReason } from './give-up-error.js';
export type { Disposable, GiveUpEvent, RetryEvent } from './events.js';
export { TokenBucketBudget, unlimitedBudget } from './budget.js';
export type { RetryBudget, TokenBucketBudgetOptions } from './budget.js';
export { RateGate } from './rate-gate.js';
export type { RateGateOptions } from './rate-gate.js';
export { constantBackoff, exponentialBackoff } from './backoff.js';
export type { Backoff, ExponentialBackoffOptions } from './backoff.js';
export { realClock } from './clock.js';
export type { RetryClock } from './clock.js';
export { VirtualClock, seededRandom } from './virtual-clock.js';
export { decodeAdsError, passThroughAdsError } from './adapter.js';
export type { ToAdsError } from './adapter.js';
export { attemptTimeoutError, localAdsError } from './local-error.js';
