/**
 * The facts an explanation can weave in, taken from the actual error: field path, trigger value,
 * customer ids, delays, limits, policy names. All values are display strings.
 */
import type { AdsErrorEntry, FieldPathElement, TriggerValue } from '../error/types.js';
import type { LocalePack, RequestContext } from './types.js';
import { humanizeField } from './humanize.js';

export type Facts = Record<string, string>;

/** A trigger value as text (`"123-456-7890"` → `123-456-7890`). */
export function triggerText(t: TriggerValue | null | undefined): string | null {
  if (!t) return null;
  return String(t.value);
}

/** The 10-digit form of a customer id written with separators, or null when it is not one. */
export function customerIdDigits(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/** True for a customer id written the way the UI shows it (`123-456-7890`), not as 10 digits. */
export function isDashedCustomerId(value: string | null | undefined): boolean {
  return !!value && /^\s*\d{3}[-\s]\d{3}[-\s]\d{4}\s*$/.test(value);
}

/**
 * A duration for people, in the pack's units: `45 s`, `2 min`, `1 h 33 min`. Rounds up, so that
 * "wait N" is never shorter than the server asked for.
 */
export function formatDuration(ms: number, pack: LocalePack): string {
  const u = pack.ui.units;
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 120) return u.seconds.replace('{n}', String(s));
  const min = Math.ceil(s / 60);
  if (min < 120) return u.minutes.replace('{n}', String(min));
  const h = Math.floor(min / 60);
  const rest = min % 60;
  if (h >= 48) return u.days.replace('{n}', String(Math.ceil(h / 24)));
  return rest === 0 ? u.hours.replace('{n}', String(h)) : `${u.hours.replace('{n}', String(h))} ${u.minutes.replace('{n}', String(rest))}`;
}

/** `HH:MM` in UTC, rounded up to the next minute (advice says "after", never too early). */
export function utcClock(ms: number): string {
  const d = new Date(Math.ceil(ms / 60_000) * 60_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** The last named field of a path (`operations[2].create.name` → `name`). */
export function lastField(path: readonly FieldPathElement[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const f = path[i]!.fieldName;
    if (f && f !== 'create' && f !== 'update' && f !== 'remove' && f !== 'operations') return f;
  }
  return null;
}

/** The facts of one error entry (plus the request context), for the pack's placeholders. */
export function entryFacts(entry: AdsErrorEntry | null, pack: LocalePack, request?: RequestContext): Facts {
  const f: Facts = {};
  if (entry) {
    if (entry.fieldPathText) f.fieldPath = entry.fieldPathText;
    const field = lastField(entry.fieldPath);
    if (field) {
      f.fieldName = field;
      const words = humanizeField(field, pack);
      if (words) f.field = words;
    }
    const trig = triggerText(entry.trigger);
    if (trig !== null && trig !== '') f.trigger = trig;
    if (entry.trigger && trig === '') f.trigger = '""';
    if (entry.operationIndex != null) {
      f.operationIndex = String(entry.operationIndex);
      f.operation = String(entry.operationIndex + 1);
    }
    if (entry.message) f.message = entry.message;
    if (entry.location) f.location = entry.location;
    const d = entry.details;
    if (d?.resourceCount) {
      const rc = d.resourceCount;
      if (rc.limit != null) f.limit = String(rc.limit);
      if (rc.existingCount != null) f.existingCount = String(rc.existingCount);
      if (rc.enclosingResource) f.enclosingResource = rc.enclosingResource;
      if (rc.enclosingId) f.enclosingId = rc.enclosingId;
      if (rc.limitType) f.limitType = rc.limitType;
    }
    if (d?.policyViolation) {
      const pv = d.policyViolation;
      const name = pv.key?.policyName ?? pv.externalPolicyName;
      if (name) f.policyName = name;
      if (pv.key?.violatingText) f.violatingText = pv.key.violatingText;
      if (pv.externalPolicyDescription) f.policyDescription = pv.externalPolicyDescription;
    }
    if (d?.unpublishedErrorCode) f.unpublishedCode = d.unpublishedErrorCode;
  }
  const cid = request?.customerId ?? (f.trigger && /^[\d\s-]{10,14}$/.test(f.trigger) ? f.trigger : undefined);
  if (cid) f.customerId = cid;
  const digits = customerIdDigits(cid) ?? customerIdDigits(f.trigger);
  if (digits) f.digits = digits;
  if (request?.loginCustomerId) {
    f.loginCustomerId = request.loginCustomerId;
    const ld = customerIdDigits(request.loginCustomerId);
    if (ld) f.loginDigits = ld;
  }
  if (request?.linkedCustomerId) f.linkedCustomerId = request.linkedCustomerId;
  return f;
}
