/** Observability: redaction, structured log records, OpenTelemetry attributes. */
export { redactText, redactValue, isSecretName } from './redact.js';
export { toLogRecord, adsErrorSerializer, type AdsLogRecord } from './log.js';
export { otelAttributes, recordOnSpan, type SpanLike, type AttributeValue } from './otel.js';
