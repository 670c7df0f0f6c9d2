/**
 * The explain engine: given a failure, one of its errors or a code, and a loaded locale pack,
 * builds a structured explanation — what happened, causes, steps, prevention, retry advice and
 * who has to act — with the facts of the actual error woven in.
 */
import { classifyCode, LONG_QUOTA_DELAY_MS, type CodeClass } from '../classify/classify.js';
import { statusByCode, statusByName, statusFromHttp, type StatusInfo } from '../classify/status.js';
import { isAdsError } from '../error/ads-error.js';
import type { AdsErrorData, AdsErrorEntry, ErrorCodeRef, QuotaDetails } from '../error/types.js';
import { parseCode } from './code-ref.js';
import { entryFacts, formatDuration, isDashedCustomerId, utcClock, type Facts } from './facts.js';
import { humanizeName } from './humanize.js';
import { loadLocale } from './locales.js';
import { capitalize, fill, fillList, fillOr } from './template.js';
import type {
  Entry,
  ExplainOptions,
  Explanation,
  ExplanationSource,
  LocalePack,
  RetryAdvice,
  RetryExplanation,
} from './types.js';

/** One thing to explain: a code, and what is known about the error that carried it. */
export interface Target {
  readonly code: ErrorCodeRef;
  readonly entry: AdsErrorEntry | null;
  readonly failure: AdsErrorData | null;
  /** HTTP status, where it tells meanings apart (`401.required` vs `400.required`). */
  readonly http: number | null;
}

/**
 * Fixed retry schedules the source documents give for specific codes (first wait, then interval).
 * A newly created account is not found until the backend has set it up: wait 5 minutes, then
 * try every 30 seconds.
 */
const SCHEDULES: Readonly<Record<string, { readonly firstMs: number; readonly everyMs: number }>> = {
  'authenticationError.CUSTOMER_NOT_FOUND': { firstMs: 5 * 60_000, everyMs: 30_000 },
};

/** Codes where the manager-account header decides; the hint says whether it was sent. */
const LOGIN_CODES = new Set([
  'authorizationError.USER_PERMISSION_DENIED',
  'authorizationError.INVALID_LOGIN_CUSTOMER_ID_SERVING_CUSTOMER_ID_COMBINATION',
  'requestError.LOGIN_CUSTOMER_ID_PARAMETER_MISSING',
  'headerError.INVALID_LOGIN_CUSTOMER_ID',
  'status.PERMISSION_DENIED',
]);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function looksLikeFailure(x: unknown): x is AdsErrorData {
  return isAdsError(x) || (isObject(x) && Array.isArray(x.errors) && typeof x.kind === 'string' && 'status' in x);
}

function looksLikeEntry(x: unknown): x is AdsErrorEntry {
  return isObject(x) && isObject(x.code) && typeof (x.code as Record<string, unknown>).key === 'string' && Array.isArray(x.fieldPath);
}

function looksLikeCodeRef(x: unknown): x is ErrorCodeRef {
  return isObject(x) && typeof x.category === 'string' && typeof x.name === 'string' && !('fieldPath' in x);
}

const statusRef = (st: StatusInfo): ErrorCodeRef => ({ category: 'status', name: st.name, number: st.code, key: `status.${st.name}`, known: true });

/** The targets of a failure: one per error, or the status alone when it has no errors. */
export function targetsOfFailure(f: AdsErrorData): Target[] {
  if (f.errors.length > 0) return f.errors.map((e) => ({ code: e.code, entry: e, failure: f, http: f.httpStatus }));
  const st = (f.status && statusByCode(f.status.code)) ?? statusFromHttp(f.httpStatus) ?? statusByName('UNKNOWN')!;
  return [{ code: statusRef(st), entry: null, failure: f, http: f.httpStatus }];
}

/**
 * What can be explained without decoding: an AdsError (or its plain data), one of its errors, a
 * code reference, a code string, a gRPC status number or `{ code, name }`, an OAuth body
 * `{ error: 'invalid_grant' }`. Null for anything else (the caller may decode it first).
 */
export function targetsOf(input: unknown): Target[] | null {
  if (looksLikeFailure(input)) return targetsOfFailure(input);
  if (looksLikeEntry(input)) return [{ code: input.code, entry: input, failure: null, http: null }];
  if (typeof input === 'string') {
    const p = parseCode(input);
    return p ? [{ code: p.code, entry: null, failure: null, http: p.http }] : null;
  }
  if (typeof input === 'number') {
    const st = statusByCode(input) ?? statusFromHttp(input);
    return st ? [{ code: statusRef(st), entry: null, failure: null, http: null }] : null;
  }
  if (looksLikeCodeRef(input)) {
    const key = typeof input.key === 'string' ? input.key : `${input.category}.${input.name}`;
    return [{ code: { ...input, key, number: input.number ?? null, known: input.known ?? true }, entry: null, failure: null, http: null }];
  }
  if (isObject(input)) {
    const keys = Object.keys(input);
    // A bare status `{ code: 7 }` or `{ code: 7, name: 'PERMISSION_DENIED', http: 403 }`.
    if (typeof input.code === 'number' && keys.every((k) => k === 'code' || k === 'name' || k === 'http')) {
      const st = statusByCode(input.code);
      if (st) return [{ code: statusRef(st), entry: null, failure: null, http: null }];
    }
    // An OAuth token endpoint body.
    if (typeof input.error === 'string' && /^[a-z_]+$/.test(input.error)) {
      return [{ code: { category: 'oauth', name: input.error, number: null, key: `oauth.${input.error}`, known: true }, entry: null, failure: null, http: null }];
    }
  }
  return null;
}

/** The hand-written entry for a code, and which part of the pack it came from. */
function lookup(pack: LocalePack, t: Target): { entry: Entry; source: ExplanationSource } | null {
  const { category, name, key } = t.code;
  let e: Entry | undefined;
  let source: ExplanationSource = 'code';
  if (category === 'status') {
    e = pack.status[name];
    source = 'status';
  } else if (category === 'oauth') {
    e = pack.oauth[name];
    source = 'oauth';
  } else if (category === 'errorInfo') {
    e = pack.errorInfo[name];
    source = 'errorInfo';
  } else if (category === 'global' || (!category.endsWith('Error') && category !== 'unknown')) {
    const http = t.http ?? t.failure?.httpStatus ?? null;
    e = (http != null ? pack.global[`${http}.${name}`] : undefined) ?? pack.global[name];
    source = 'global';
  } else {
    e = pack.codes[key];
  }
  return e ? { entry: e, source } : null;
}

function statusOf(t: Target): StatusInfo | undefined {
  const f = t.failure;
  if (f?.status) return statusByCode(f.status.code);
  if (t.code.category === 'status') return statusByName(t.code.name);
  if (t.http != null) return statusFromHttp(t.http);
  return undefined;
}

function quotaOf(t: Target): QuotaDetails | null {
  return t.entry?.details?.quota ?? t.failure?.quota ?? null;
}

function delayOf(t: Target): number | null {
  return quotaOf(t)?.retryDelayMs ?? t.failure?.retryDelayMs ?? null;
}

/** How and when to resend, from the classification and the server's delay. */
function retryOf(pack: LocalePack, t: Target, cls: CodeClass, facts: Facts, now: number): RetryExplanation {
  const r = pack.ui.retry;
  const schedule = SCHEDULES[t.code.key];
  const delayMs = delayOf(t);
  const say = (tpl: string | undefined, f: Facts = facts) => fillOr(tpl ?? '', f, pack.ui.unknownFact);
  if (schedule) {
    const text = say(r.schedule, { ...facts, first: formatDuration(schedule.firstMs, pack), every: formatDuration(schedule.everyMs, pack) });
    return { advice: 'after-delay', text, delayMs: schedule.firstMs, notBefore: new Date(now + schedule.firstMs).toISOString() };
  }
  if (cls.kind === 'rate-limit' || cls.kind === 'quota') {
    if (delayMs != null) {
      const notBefore = new Date(now + delayMs).toISOString();
      const long = cls.kind === 'quota' || delayMs >= LONG_QUOTA_DELAY_MS;
      return { advice: 'after-delay', text: say(long ? r.comeBack : r.afterDelay), delayMs, notBefore };
    }
    return { advice: 'after-delay', text: say(cls.kind === 'quota' ? r.quotaNoDelay : r.afterDelayUnknown), delayMs: null, notBefore: null };
  }
  let advice: RetryAdvice;
  if (cls.retryable) advice = 'backoff';
  else if (cls.kind === 'unsupported' || (cls.kind === 'unknown' && cls.side === 'server')) advice = 'never';
  else if (cls.actor === 'admin' || cls.actor === 'end-user' || cls.kind === 'precondition') advice = 'after-outside-fix';
  else if (cls.actor === 'nobody' && !cls.retryable) advice = 'after-outside-fix';
  else advice = 'after-fixing-request';
  const textKey = { never: 'never', 'after-fixing-request': 'afterFixingRequest', 'after-outside-fix': 'afterOutsideFix', backoff: 'backoff', 'after-delay': 'afterDelay' }[advice];
  return { advice, text: say(r[textKey]), delayMs: advice === 'backoff' ? delayMs : null, notBefore: null };
}

/** Facts of the failure as a whole, plus the code's own names. */
function failureFacts(pack: LocalePack, t: Target, now: number): Facts {
  const f: Facts = { code: t.code.key, codeName: t.code.name, category: t.code.category };
  const fail = t.failure;
  if (fail?.requestId) f.requestId = fail.requestId;
  const http = t.http ?? fail?.httpStatus ?? null;
  if (http != null) f.httpStatus = String(http);
  const st = statusOf(t);
  if (st) f.status = st.name;
  const delay = delayOf(t);
  if (delay != null) {
    f.delay = formatDuration(delay, pack);
    f.delaySeconds = String(Math.ceil(delay / 1000));
    f.retryAt = utcClock(now + delay);
  }
  const q = quotaOf(t);
  if (q?.rateName) f.rateName = q.rateName;
  if (q?.rateScope) f.rateScope = q.rateScope;
  return f;
}

/** Context-aware advice that fits this error, already filled; most specific first. */
function hintsFor(pack: LocalePack, t: Target, cls: CodeClass, facts: Facts, options: ExplainOptions): string[] {
  const h = pack.ui.hints;
  const keys: string[] = [];
  const req = options.request;
  const aboutTheRequest = cls.kind !== 'transient' && cls.kind !== 'rate-limit' && cls.kind !== 'quota' && cls.kind !== 'cancelled';
  if (aboutTheRequest && facts.digits && (isDashedCustomerId(facts.customerId) || isDashedCustomerId(facts.trigger))) keys.push('customerIdDashes');
  if (req?.loginCustomerId && isDashedCustomerId(req.loginCustomerId) && facts.loginDigits) keys.push('loginCustomerIdDashes');
  if (LOGIN_CODES.has(t.code.key) && req) keys.push(req.loginCustomerId ? 'loginCustomerIdSet' : 'loginCustomerIdMissing');
  if (facts.fieldPath && (cls.kind === 'invalid-request' || cls.kind === 'precondition' || cls.kind === 'conflict' || cls.kind === 'not-found')) {
    keys.push(facts.trigger !== undefined ? 'fieldWithTrigger' : 'field');
  }
  if (facts.limit) keys.push(facts.existingCount ? 'resourceCountExisting' : 'resourceCount');
  if (facts.policyName) keys.push(facts.violatingText ? 'policyWithText' : 'policy');
  if (t.entry?.details?.policyViolation?.isExemptible) keys.push('policyExemptible');
  const delay = delayOf(t);
  if (cls.kind === 'quota' && delay != null) keys.push(facts.rateName ? 'dailyQuotaNamed' : 'dailyQuota');
  else if (cls.kind === 'quota') keys.push('quotaNoDelay');
  else if (cls.kind === 'rate-limit' && !SCHEDULES[t.code.key]) keys.push(delay != null ? 'waitDelay' : 'noDelay');
  if (t.code.category === 'quotaError' || cls.kind === 'quota') keys.push('basicAccess');
  if (facts.unpublishedCode) keys.push('unpublished');
  if (facts.requestId && (cls.kind === 'transient' || cls.kind === 'unknown')) keys.push('requestId');
  const out: string[] = [];
  for (const k of keys) {
    const tpl = h[k];
    if (!tpl) continue;
    const s = fill(tpl, facts);
    if (s !== null && !out.includes(s)) out.push(s);
  }
  return out;
}

/** Tokens of a camelCase or snake_case reason as an UPPER_SNAKE name (`rateLimitExceeded` → `RATE_LIMIT_EXCEEDED`). */
function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

/** An explanation made of the category's guidance, the code's name and its classification. */
function compose(pack: LocalePack, t: Target, cls: CodeClass, facts: Facts): Entry {
  const c = pack.ui.composed;
  const { category, name } = t.code;
  const guidance = pack.categories[category];
  const st = statusOf(t);
  const statusEntry = st ? pack.status[st.name] : undefined;
  const f: Facts = { ...facts };
  if (guidance) {
    f.about = guidance.about;
    f.resource = guidance.resource;
  }
  const placeholderName = name === 'UNSPECIFIED' || name === 'UNKNOWN';
  const human = humanizeName(upperSnake(name), pack);
  f.problem = human.complete ? human.text : fillOr(c.rawProblem ?? '{codeName}', f, name);
  f.Problem = capitalize(f.problem);
  const say = (key: string) => fillOr(c[key] ?? '', f, pack.ui.unknownFact);
  // Sentences are joined like words: with a space, or with nothing in Chinese.
  const sep = pack.names.joiner;
  const about = guidance ? `${sep}${say('about')}` : statusEntry ? `${sep}${statusEntry.what}` : '';
  let title: string;
  let what: string;
  let causes: string[];
  const steps: string[] = [pack.ui.kindStep[cls.kind]];
  if (placeholderName && category.endsWith('Error')) {
    const which = name === 'UNKNOWN' ? 'unknown' : 'unspecified';
    title = say(`${which}Title`);
    what = say(`${which}What`) + about;
    causes = [say(`${which}Cause`)];
    steps.unshift(say('placeholderStep'));
  } else {
    title = human.complete ? capitalize(human.text) : say('rawTitle');
    what = say('what') + about;
    causes = [say('cause'), pack.ui.kindCause[cls.kind]];
  }
  if (guidance) steps.push(...guidance.steps);
  else if (statusEntry) steps.push(...statusEntry.steps);
  else steps.push(say('unknownCategoryStep'));
  const prevent = guidance ? [...guidance.prevent] : statusEntry ? [...statusEntry.prevent] : [];
  if (prevent.length === 0) prevent.push(say('prevent'));
  return { title, what, causes, steps, prevent };
}

/** Explains one target with a loaded pack. Never throws. */
export function explainTarget(pack: LocalePack, t: Target, options: ExplainOptions = {}): Explanation {
  const now = options.now ?? Date.now();
  const st = statusOf(t);
  const cls = t.code.category === 'unknown' && st ? classifyCode({ ...t.code, category: 'status', name: st.name, key: `status.${st.name}` }, st) : classifyCode(t.code, st ?? null, quotaOf(t));
  const facts: Facts = { ...entryFacts(t.entry, pack, options.request), ...failureFacts(pack, t, now) };
  const found = lookup(pack, t);
  const base = found ? found.entry : compose(pack, t, cls, facts);
  const title = fillOr(base.title, facts, pack.ui.unknownFact);
  const what = fillOr(base.what, facts, pack.ui.unknownFact);
  const hints = hintsFor(pack, t, cls, facts, options);
  const steps = [...hints, ...fillList(base.steps, facts).filter((s) => !hints.includes(s))];
  const out: Explanation = {
    locale: pack.locale,
    code: t.code.key,
    source: found ? found.source : 'composed',
    title,
    what,
    causes: fillList(base.causes, facts),
    steps,
    prevent: fillList(base.prevent, facts),
    retry: retryOf(pack, t, cls, facts, now),
    actor: cls.actor,
    actorText: pack.ui.actors[cls.actor],
    kind: cls.kind,
    facts,
    operationIndex: t.entry?.operationIndex ?? null,
  };
  return out;
}

/**
 * Explains every error of the input with an already loaded pack (synchronous). Takes what
 * `targetsOf` takes; anything else is explained as a failure of unknown kind. Never throws.
 */
export function explainWith(pack: LocalePack, input: unknown, options: ExplainOptions = {}): Explanation[] {
  const unknown: Target = { code: statusRef(statusByName('UNKNOWN')!), entry: null, failure: null, http: null };
  try {
    return (targetsOf(input) ?? [unknown]).map((t) => explainTarget(pack, t, options));
  } catch {
    // Hostile input (throwing getters, proxies): explain it as an unknown failure.
    return [explainTarget(pack, unknown, options)];
  }
}

async function targetsDecoding(input: unknown): Promise<Target[]> {
  const direct = targetsOf(input);
  if (direct) return direct;
  try {
    // The decoder is loaded only when the input needs it (a raw thrown error, a body, bytes).
    const { decode } = await import('../decode/index.js');
    return targetsOfFailure(decode(input));
  } catch {
    // The decoder never throws; a failed import leaves the input unexplained.
  }
  return [{ code: statusRef(statusByName('UNKNOWN')!), entry: null, failure: null, http: null }];
}

/**
 * Explains an error or a code in one locale: an `AdsError` (its first error; see `explainAll`),
 * one of its errors, a code string (`authorizationError.USER_PERMISSION_DENIED`,
 * `PERMISSION_DENIED`, `invalid_grant`, `403.rateLimitExceeded`), a gRPC status number, or any
 * raw failure `decode()` understands. Loads the locale pack on first use. Never rejects.
 */
export async function explain(input: unknown, options: ExplainOptions = {}): Promise<Explanation> {
  const all = await explainAll(input, options);
  return all[0]!;
}

/** Like `explain`, but one explanation per error of the failure, in order. Never rejects. */
export async function explainAll(input: unknown, options: ExplainOptions = {}): Promise<Explanation[]> {
  const pack = await loadLocale(options.locale ?? 'en');
  const unknown: Target = { code: statusRef(statusByName('UNKNOWN')!), entry: null, failure: null, http: null };
  try {
    return (await targetsDecoding(input)).map((t) => explainTarget(pack, t, options));
  } catch {
    return [explainTarget(pack, unknown, options)];
  }
}
