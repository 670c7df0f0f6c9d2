/**
 * OpenTelemetry: span attributes for a failure, and recording it on a span. Works with any
 * object shaped like an OpenTelemetry `Span` (no dependency on @opentelemetry/api).
 */
import { decode } from '../decode/decode.js';
import { isAdsError, type AdsError } from '../error/ads-error.js';

export type AttributeValue = string | number | boolean | string[];

/**
 * Attributes following OpenTelemetry's semantic conventions where one exists (`error.type`,
 * `rpc.system`, `rpc.grpc.status_code`, `http.response.status_code`), and `google_ads.*` for
 * the rest. Absent facts are left out, as the conventions ask.
 */
export function otelAttributes(failure: unknown): Record<string, AttributeValue> {
  const e: AdsError = isAdsError(failure) ? failure : decode(failure);
  const a: Record<string, AttributeValue> = {};
  a['error.type'] = e.errors[0]?.code.key ?? (e.status ? e.status.name : 'unknown');
  if (e.source === 'grpc' || e.source === 'gax') a['rpc.system'] = 'grpc';
  if (e.status) a['rpc.grpc.status_code'] = e.status.code;
  if (e.httpStatus !== null) a['http.response.status_code'] = e.httpStatus;
  if (e.requestId) a['google_ads.request_id'] = e.requestId;
  if (e.apiVersion) a['google_ads.api_version'] = e.apiVersion;
  if (e.errors.length) a['google_ads.error.codes'] = e.errors.map((x) => x.code.key);
  a['google_ads.error.kind'] = e.kind;
  a['google_ads.error.actor'] = e.actor;
  a['google_ads.error.retryable'] = e.retryable;
  if (e.retryDelayMs !== null) a['google_ads.retry_delay_ms'] = e.retryDelayMs;
  const ops = e.errors.map((x) => x.operationIndex).filter((x): x is number => x !== null);
  if (ops.length) a['google_ads.error.operation_indexes'] = [...new Set(ops)].map(String);
  return a;
}

/** The parts of an OpenTelemetry Span this module uses. */
export interface SpanLike {
  setAttributes(attributes: Record<string, AttributeValue>): unknown;
  recordException(exception: { name: string; message: string; stack?: string }): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
}

/** SpanStatusCode.ERROR in @opentelemetry/api. */
const SPAN_STATUS_ERROR = 2;

/** Records a failure on a span: its attributes, an exception event, and status ERROR. Returns the AdsError. */
export function recordOnSpan(span: SpanLike, failure: unknown): AdsError {
  const e = isAdsError(failure) ? failure : decode(failure);
  span.setAttributes(otelAttributes(e));
  span.recordException({ name: e.errors[0]?.code.key ?? 'AdsError', message: e.message });
  span.setStatus({ code: SPAN_STATUS_ERROR, message: e.message });
  return e;
}
