/**
 * AdsErrors made by the retry engine itself, for failures that never reached a decoder: an
 * attempt that ran past its own timeout.
 */
import { AdsError } from '../error/ads-error.js';
import { statusByName, type GrpcStatusName } from '../classify/status.js';
import type { ErrorKind } from '../error/types.js';

/** An AdsError for a failure seen on this side of the wire (no server payload). */
export function localAdsError(statusName: GrpcStatusName, message: string, kind: ErrorKind, retryable: boolean, cause?: unknown): AdsError {
  const s = statusByName(statusName)!;
  return new AdsError(
    {
      recognized: true,
      source: 'unknown',
      apiVersion: null,
      status: { code: s.code, name: s.name, http: s.http },
      httpStatus: null,
      message,
      requestId: null,
      errors: [],
      rpcDetails: [],
      retryDelayMs: null,
      retryDelaySource: null,
      quota: null,
      side: s.side,
      kind,
      actor: 'nobody',
      retryable,
      issues: [],
    },
    cause,
  );
}

/** The error an attempt gets when it runs past the per-attempt timeout. */
export function attemptTimeoutError(ms: number): AdsError {
  return localAdsError('DEADLINE_EXCEEDED', `The attempt did not finish within ${ms} ms (per-attempt timeout).`, 'transient', true);
}
