/**
 * AdsErrors for the retry tests, classified by the project's real classifier (so the tests
 * exercise the same kinds and retryable flags the decoder will produce).
 */
import { AdsError } from '../../src/error/ads-error.js';
import type { AdsErrorEntry, QuotaDetails } from '../../src/error/types.js';
import { classifyFailure } from '../../src/classify/classify.js';
import { statusByName, type GrpcStatusName } from '../../src/classify/status.js';

export interface ErrorSpec {
  readonly status: GrpcStatusName;
  /** Codes as `category.NAME`. */
  readonly codes?: readonly string[];
  /** Server delay in ms (sent as quotaErrorDetails.retry_delay). */
  readonly retryDelayMs?: number;
  readonly rateName?: string;
  readonly requestId?: string;
}

export function adsError(spec: ErrorSpec): AdsError {
  const s = statusByName(spec.status)!;
  const quota: QuotaDetails | null =
    spec.retryDelayMs != null ? { rateScope: 'ACCOUNT', rateName: spec.rateName ?? 'Requests per account', retryDelayMs: spec.retryDelayMs } : null;
  const errors: AdsErrorEntry[] = (spec.codes ?? []).map((key) => {
    const [category, name] = key.split('.') as [string, string];
    return {
      code: { category, name, number: null, key, known: true },
      message: `${name} happened`,
      trigger: null,
      fieldPath: [],
      fieldPathText: null,
      operationIndex: null,
      details: quota ? { unpublishedErrorCode: null, quota, resourceCount: null, policyViolation: null, policyFinding: null, budgetPerDayMinimum: null, reservation: null, incompatibleCloGoals: null } : null,
      location: null,
    };
  });
  const cls = classifyFailure(errors, s.code, quota);
  return new AdsError({
    recognized: true,
    source: 'grpc',
    apiVersion: 'v25',
    status: { code: s.code, name: s.name, http: s.http },
    httpStatus: null,
    message: `${spec.status}: ${spec.codes?.join(', ') ?? 'failure'}`,
    requestId: spec.requestId ?? 'req-1',
    errors,
    rpcDetails: [],
    retryDelayMs: spec.retryDelayMs ?? null,
    retryDelaySource: spec.retryDelayMs != null ? 'quotaErrorDetails' : null,
    quota,
    side: cls.side,
    kind: cls.kind,
    actor: cls.actor,
    retryable: cls.retryable,
    issues: [],
  });
}
