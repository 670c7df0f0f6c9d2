/**
 * Partial failures, batch jobs and streams: one outcome per operation, nothing lost or doubled.
 */
export { splitOperations, looksLikeMutateResponse, type SplitOptions } from './partial-failure.js';
export { splitBatchResults, looksLikeBatchPage, type BatchOptions } from './batch.js';
export { splitStream, restartAdvice, looksLikeStreamBody, type StreamInput, type StreamOptions } from './stream.js';
export { retryableSubset, mergeResults, type RetrySubset, type RetrySubsetOptions, type FailedForGood } from './retry-subset.js';
export { formatOperationsTable, toOperationsJson, type TableOptions } from './table.js';
export { detectOperationsResponse, type DetectOptions } from './detect.js';
export { placeError, rebaseEntry, OPERATION_LIST_FIELDS, type Placement } from './locate.js';
export { readMutateResponseBytes, type MutateBytes } from './mutate-binary.js';
export type * from './types.js';
