/**
 * Structured log records of failures: one flat, redacted object per failure, with the request
 * id up front (Google support asks for it, and it is what ties a log line to the server's side).
 */
import { decode } from '../decode/decode.js';
import { isAdsError, type AdsError } from '../error/ads-error.js';
import { redactValue } from './redact.js';

export interface AdsLogRecord {
  level: 'error' | 'warn';
  msg: string;
  requestId: string | null;
  status: string | null;
  grpcCode: number | null;
  httpStatus: number | null;
  apiVersion: string | null;
  codes: string[];
  kind: string;
  actor: string;
  retryable: boolean;
  retryDelayMs: number | null;
  source: string;
  errors: { code: string; message: string; fieldPath: string | null; operationIndex: number | null; trigger: string | null }[];
  issues: string[];
}

/**
 * A log record for any failure (decoded first when it is not an AdsError yet). Transient
 * failures that will be retried log as `warn`, the rest as `error`. Never throws; contains no
 * credentials.
 */
export function toLogRecord(failure: unknown): AdsLogRecord {
  const e: AdsError = isAdsError(failure) ? failure : decode(failure);
  return redactValue({
    level: e.retryable ? 'warn' : 'error',
    msg: e.message,
    requestId: e.requestId,
    status: e.status?.name ?? null,
    grpcCode: e.status?.code ?? null,
    httpStatus: e.httpStatus ?? e.status?.http ?? null,
    apiVersion: e.apiVersion,
    codes: e.errors.map((x) => x.code.key),
    kind: e.kind,
    actor: e.actor,
    retryable: e.retryable,
    retryDelayMs: e.retryDelayMs,
    source: e.source,
    errors: e.errors.map((x) => ({
      code: x.code.key,
      message: x.message,
      fieldPath: x.fieldPathText,
      operationIndex: x.operationIndex,
      trigger: x.trigger ? String(x.trigger.value) : null,
    })),
    issues: [...e.issues],
  }) as AdsLogRecord;
}

/**
 * A pino (or any logger's) serializer for the `err` key: `pino({ serializers: { err:
 * adsErrorSerializer } })`. Non-Ads errors still come out redacted, with their message.
 */
export function adsErrorSerializer(err: unknown): Record<string, unknown> {
  const rec = toLogRecord(err);
  if (!rec.codes.length && !rec.status && err instanceof Error) {
    return redactValue({ type: err.name, message: err.message, stack: err.stack }) as Record<string, unknown>;
  }
  return rec as unknown as Record<string, unknown>;
}
