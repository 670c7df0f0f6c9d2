/**
 * How a decoded failure is shown: the human report and the `--json` object of `decode`.
 */
import type { AdsError } from '../error/ads-error.js';
import type { AdsErrorEntry, TriggerValue } from '../error/types.js';

/** The `decode --json` object: the documented keys first, then the rest of the facts. */
export function toDecodeJson(err: AdsError): Record<string, unknown> {
  return {
    recognized: err.recognized,
    source: err.source,
    apiVersion: err.apiVersion,
    status: err.status ? { code: err.status.code, name: err.status.name, http: err.status.http } : null,
    httpStatus: err.httpStatus,
    requestId: err.requestId,
    retryable: err.retryable,
    retryDelayMs: err.retryDelayMs,
    retryDelaySource: err.retryDelaySource,
    kind: err.kind,
    actor: err.actor,
    side: err.side,
    message: err.message,
    errors: err.errors.map((e) => ({
      code: e.code.key,
      category: e.code.category,
      name: e.code.name,
      number: e.code.number,
      known: e.code.known,
      message: e.message,
      trigger: e.trigger ? e.trigger.value : null,
      fieldPath: e.fieldPathText,
      operationIndex: e.operationIndex,
      location: e.location,
      quota: e.details?.quota ?? null,
      resourceCount: e.details?.resourceCount ?? null,
      policyViolation: e.details?.policyViolation ?? null,
    })),
    quota: err.quota,
    rpcDetails: err.rpcDetails,
    issues: err.issues,
  };
}

const SOURCE_NAMES: Record<string, string> = {
  grpc: 'gRPC error (trailers)',
  gax: 'google-gax error',
  rest: 'REST error body',
  'rest-stream': 'REST searchStream body',
  'google-ads-api': 'google-ads-api error object',
  oauth: 'OAuth token error',
  'google-api': 'Google API error body (global domain)',
  'rpc-status': 'google.rpc.Status',
  failure: 'GoogleAdsFailure',
  binary: 'protobuf bytes',
  text: 'pasted text',
  unknown: 'unknown input',
};

/** Milliseconds as "40 s", "2 h 15 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

function trigger(t: TriggerValue): string {
  return t.kind === 'string' ? JSON.stringify(t.value) : String(t.value);
}

/** The human report of one decoded failure. */
export function formatDecoded(err: AdsError, color = false): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  const head = err.status
    ? `${err.status.name} (gRPC ${err.status.code}, HTTP ${err.httpStatus ?? err.status.http})`
    : err.httpStatus
      ? `HTTP ${err.httpStatus}`
      : 'no status';
  lines.push(
    `${err.recognized ? paint('31', '✗') : paint('33', '?')} ${paint('1', head)} — ${SOURCE_NAMES[err.source] ?? err.source}${err.apiVersion ? `, API ${err.apiVersion}` : ''}`,
  );
  if (!err.recognized) lines.push('  Not recognized as a Google Ads, Google API or OAuth failure.');
  lines.push(`  request-id: ${err.requestId ?? '(none in the input)'}`);
  const retry = err.retryable
    ? err.retryDelayMs !== null
      ? `yes, after ${formatDuration(err.retryDelayMs)} (the server's delay)`
      : 'yes, with backoff'
    : err.kind === 'quota' && err.retryDelayMs !== null
      ? `not now: come back in ${formatDuration(err.retryDelayMs)} (${new Date(Date.now() + err.retryDelayMs).toISOString().slice(0, 16)}Z)`
      : 'no — something has to change first';
  lines.push(`  kind: ${err.kind}; who acts: ${err.actor}; retry: ${retry}`);
  if (err.errors.length > 0) {
    lines.push(`  errors (${err.errors.length}):`);
    err.errors.forEach((e, i) => lines.push(...formatEntry(e, i, paint)));
  }
  if (err.quota) {
    const q = err.quota;
    lines.push(`  quota: scope ${q.rateScope ?? '?'}${q.rateName ? `, "${q.rateName}"` : ''}${q.retryDelayMs !== null ? `, retry delay ${formatDuration(q.retryDelayMs)}` : ''}`);
  }
  for (const d of err.rpcDetails) {
    if (d.type === 'ErrorInfo') lines.push(`  ErrorInfo: ${d.reason} (${d.domain})${Object.keys(d.metadata).length ? ` ${JSON.stringify(d.metadata)}` : ''}`);
    else if (d.type === 'Help') for (const l of d.links) lines.push(`  help: ${l.description} ${l.url}`);
    else if (d.type === 'BadRequest') for (const v of d.fieldViolations) lines.push(`  bad field: ${v.field}: ${v.description}`);
    else if (d.type === 'LocalizedMessage') lines.push(`  message (${d.locale}): ${d.message}`);
    else if (d.type === 'QuotaFailure') for (const v of d.violations) lines.push(`  quota violation: ${v.subject} ${v.description}`);
    else if (d.type === 'RetryInfo' && d.retryDelayMs !== null) lines.push(`  RetryInfo: retry after ${formatDuration(d.retryDelayMs)}`);
  }
  if (err.issues.length > 0) {
    lines.push('  notes:');
    for (const i of err.issues) lines.push(`    - ${i}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatEntry(e: AdsErrorEntry, i: number, paint: (c: string, s: string) => string): string[] {
  const out = [`   ${i + 1}. ${paint('1', e.code.key)}${e.code.known ? '' : ' (not in the catalog)'}`];
  if (e.message) out.push(`      message: ${e.message}`);
  if (e.fieldPathText) out.push(`      field:   ${e.fieldPathText}${e.operationIndex !== null ? `  (operation ${e.operationIndex})` : ''}`);
  if (e.trigger) out.push(`      trigger: ${trigger(e.trigger)}`);
  if (e.location) out.push(`      location: ${e.location}`);
  if (e.details?.resourceCount) {
    const rc = e.details.resourceCount;
    out.push(`      limit:   ${rc.existingCount ?? '?'} of ${rc.limit ?? '?'} (${rc.limitType ?? 'limit'})${rc.enclosingResource ? ` in ${rc.enclosingResource}` : ''}`);
  }
  if (e.details?.policyViolation) {
    const p = e.details.policyViolation;
    out.push(`      policy:  ${p.externalPolicyName ?? p.key?.policyName ?? '?'}${p.isExemptible ? ' (exemptible)' : ''}${p.key?.violatingText ? `, text "${p.key.violatingText}"` : ''}`);
  }
  return out;
}
