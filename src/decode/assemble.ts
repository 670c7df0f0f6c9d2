/**
 * Turns what a form-specific decoder found into an `AdsError`: merges the retry hints, picks the
 * request id, classifies, and writes the summary message.
 */
import { classifyFailure } from '../classify/classify.js';
import { statusByCode } from '../classify/status.js';
import { AdsError } from '../error/ads-error.js';
import type { AdsErrorEntry, QuotaDetails, RetryDelaySource, RpcDetail, SourceForm, StatusRef } from '../error/types.js';
import { ref, makeEntry } from './entry.js';
import { redactText } from '../observe/redact.js';

export interface Found {
  recognized: boolean;
  source: SourceForm;
  apiVersion?: string | null;
  /** gRPC status number, when known. */
  statusCode?: number | null;
  httpStatus?: number | null;
  /** Top-level text (Status.message, error.message, ServiceError.details). */
  message?: string | null;
  requestId?: string | null;
  entries?: AdsErrorEntry[];
  rpcDetails?: RpcDetail[];
  retryAfterMs?: number | null;
  issues?: string[];
}

/** "Retry in 40591 seconds." and the like, as a last-resort delay hint. */
const RETRY_IN = /\bretry (?:in|after) (\d{1,9}(?:\.\d+)?) ?(s|sec|secs|seconds?|ms|milliseconds?|m|min|minutes?)\b/i;

export function assemble(f: Found, cause: unknown): AdsError {
  // Nothing a caller gave us is printed with secrets in it: texts are redacted here, once, so
  // that every consumer (logs, CLI, explanations) gets clean strings. The input stays in `cause`.
  const entries = (f.entries ?? []).map(redactEntry);
  const rpcDetails = f.rpcDetails ?? [];
  const issues = (f.issues ?? []).map(redactText);
  const status = f.statusCode == null ? undefined : statusByCode(f.statusCode);
  const statusRef: StatusRef | null = status ? { code: status.code, name: status.name, http: status.http } : null;

  let quota: QuotaDetails | null = null;
  for (const e of entries) {
    if (e.details?.quota) {
      quota = e.details.quota;
      break;
    }
  }
  let retryDelayMs: number | null = null;
  let retryDelaySource: RetryDelaySource | null = null;
  const consider = (ms: number | null | undefined, src: RetryDelaySource) => {
    if (ms == null || !Number.isFinite(ms) || ms < 0) return;
    if (retryDelayMs === null || ms > retryDelayMs) {
      retryDelayMs = ms;
      retryDelaySource = src;
    }
  };
  for (const e of entries) consider(e.details?.quota?.retryDelayMs, 'quotaErrorDetails');
  for (const d of rpcDetails) if (d.type === 'RetryInfo') consider(d.retryDelayMs, 'retryInfo');
  consider(f.retryAfterMs, 'retry-after');
  if (retryDelayMs === null && (status?.code === 8 || entries.some((e) => e.code.category === 'quotaError'))) {
    const text = [f.message ?? '', ...entries.map((e) => e.message)].join(' ');
    const m = RETRY_IN.exec(text);
    if (m) {
      const n = Number(m[1]);
      const unit = m[2]!.toLowerCase();
      consider(unit.startsWith('ms') || unit.startsWith('milli') ? n : unit.startsWith('m') && !unit.startsWith('ms') ? n * 60_000 : n * 1000, 'message');
    }
  }
  // When the only delay came from the message, let the classifier see it as the quota hint too.
  const quotaForClass: QuotaDetails | null =
    quota ?? (retryDelayMs !== null ? { rateScope: null, rateName: null, retryDelayMs } : null);

  // A failure with a status but no specific error still gets one entry, so every consumer can
  // iterate `errors` and find at least the status.
  let allEntries = entries;
  if (allEntries.length === 0 && status && status.code !== 0) {
    allEntries = [makeEntry({ code: ref('status', status.name, status.code), message: redactText(f.message ?? '') })];
  }
  const cls = classifyFailure(allEntries, status?.code ?? null, quotaForClass);
  const requestId = f.requestId || requestIdFromDetails(rpcDetails) || null;

  return new AdsError(
    {
      recognized: f.recognized,
      source: f.source,
      apiVersion: f.apiVersion ?? null,
      status: statusRef,
      httpStatus: f.httpStatus ?? null,
      message: summary(statusRef, f.message == null ? null : redactText(f.message), allEntries, requestId, f.recognized),
      requestId,
      errors: allEntries,
      rpcDetails,
      retryDelayMs,
      retryDelaySource,
      quota,
      side: status ? (cls.side === 'none' ? status.side : cls.side) : allEntries.length ? cls.side : null,
      kind: cls.kind,
      actor: cls.actor,
      retryable: f.recognized && cls.retryable,
      issues,
    },
    cause,
  );
}

function redactEntry(e: AdsErrorEntry): AdsErrorEntry {
  const message = redactText(e.message);
  const trigger = e.trigger?.kind === 'string' ? redactText(e.trigger.value) : null;
  const location = e.location === null ? null : redactText(e.location);
  if (message === e.message && location === e.location && (trigger === null || trigger === (e.trigger as { value: string }).value)) return e;
  return { ...e, message, location, trigger: trigger === null ? e.trigger : { kind: 'string', value: trigger } };
}

function requestIdFromDetails(details: readonly RpcDetail[]): string | null {
  for (const d of details) if (d.type === 'RequestInfo' && d.requestId) return d.requestId;
  return null;
}

function summary(status: StatusRef | null, message: string | null, entries: readonly AdsErrorEntry[], requestId: string | null, recognized: boolean): string {
  if (!recognized) return message ? `Unrecognized failure: ${clip(message)}` : 'Unrecognized failure';
  const parts: string[] = [];
  if (status) parts.push(status.name);
  const first = entries[0];
  if (first && first.code.category !== 'status') {
    parts.push(first.code.key);
    const text = first.message || message;
    if (text) parts.push(clip(text));
  } else if (message) parts.push(clip(message));
  let s = parts.join(': ') || 'Google Ads API failure';
  if (entries.length > 1) s += ` (+${entries.length - 1} more)`;
  if (requestId) s += ` [request-id ${requestId}]`;
  return s;
}

function clip(s: string): string {
  if (s.length <= 300 && s.indexOf('\n') < 0 && s.indexOf('  ') < 0) return s.trim();
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 300 ? `${one.slice(0, 297)}...` : one;
}
