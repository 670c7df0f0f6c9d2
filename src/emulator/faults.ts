/**
 * Scripted failures. A fault spec comes from the `x-emulator-fault` request header (the same
 * key as gRPC metadata) or from a scenario rule, and reads:
 *
 * ```
 * spec    := clause ("," clause)*
 * clause  := ["fail-times=" N ":"] fault (";" param)*
 * fault   := "unavailable"            UNAVAILABLE, no GoogleAdsFailure (as the live API sends it)
 *          | "deadline"               waits `delay` (default 1s), then DEADLINE_EXCEEDED
 *          | "internal"               INTERNAL with internalError.INTERNAL_ERROR
 *          | "rate-limit"             RESOURCE_EXHAUSTED, quotaError.RESOURCE_EXHAUSTED with
 *                                     quotaErrorDetails{scope ACCOUNT, retryDelay `delay` (default 3s)}
 *          | "quota-exhausted"        the daily Basic-access limit: same code, scope DEVELOPER,
 *                                     rate name "Number of operations for basic access",
 *                                     retryDelay `delay` (default 40591s, hours until the reset)
 *          | "error=" CODE_KEY         any catalog code, e.g. error=databaseError.CONCURRENT_MODIFICATION
 *          | "mid-stream=" K          SearchStream sends K rows, then fails with `code` (default internal)
 *          | "slow=" MS               answers MS milliseconds late (then goes on normally)
 * param   := "delay=" DURATION        DURATION = N ("ms" | "s" | "m" | "h"); a bare number is ms
 *          | "scope=" ("ACCOUNT" | "DEVELOPER")
 *          | "chance=" P              fire with probability P (0–1), drawn from the seed
 *          | "code=" FAULT            the failure of mid-stream (unavailable | internal | deadline | rate-limit | …)
 * ```
 *
 * `fail-times=N:` makes a clause fire on the first N calls of one key and never after, so a
 * retrying client fails N times and then succeeds. The key is the `x-emulator-key` header when
 * given, else method + customer id. Chance draws depend only on (seed, key, clause, call
 * number), so a run is reproducible from its seed.
 */
import { findCode } from '../catalog/catalog.js';
import { adsError, EmulatorFailure, statusMessage } from './failure.js';
import { unitDraw } from './random.js';

export type FaultName = 'unavailable' | 'deadline' | 'internal' | 'rate-limit' | 'quota-exhausted' | 'error' | 'mid-stream' | 'slow';

export interface FaultClause {
  /** The clause as written, for the log and as a counter key. */
  readonly text: string;
  readonly name: FaultName;
  /** mid-stream rows, slow milliseconds, error code key. */
  readonly arg: string | null;
  readonly times: number | null;
  readonly delayMs: number | null;
  readonly scope: 'ACCOUNT' | 'DEVELOPER' | null;
  readonly chance: number | null;
  /** Failure used by mid-stream. */
  readonly code: FaultClause | null;
}

/** Thrown by `parseFaultSpec` for a spec it cannot read. */
export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

/** Parses `1500`, `1500ms`, `3s`, `2m`, `1h` into milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? 'ms';
  return Math.round(n * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1));
}

function parseClause(text: string): FaultClause {
  let rest = text.trim();
  let times: number | null = null;
  const ft = /^fail-times=(\d+):(.*)$/.exec(rest);
  if (ft) {
    times = Number(ft[1]);
    rest = ft[2]!;
  }
  const [head = '', ...params] = rest.split(';').map((s) => s.trim());
  const eq = head.indexOf('=');
  const name = (eq < 0 ? head : head.slice(0, eq)) as FaultName;
  const arg = eq < 0 ? null : head.slice(eq + 1);
  const known: FaultName[] = ['unavailable', 'deadline', 'internal', 'rate-limit', 'quota-exhausted', 'error', 'mid-stream', 'slow'];
  if (!known.includes(name)) throw new FaultSpecError(`unknown fault '${head}' in '${text}'`);
  if ((name === 'mid-stream' || name === 'slow') && (arg === null || !/^\d+$/.test(arg))) {
    throw new FaultSpecError(`${name} needs a whole number: '${text}'`);
  }
  if (name === 'error' && !findCode(arg)) throw new FaultSpecError(`error needs a known code key such as quotaError.RESOURCE_EXHAUSTED: '${text}'`);
  let delayMs: number | null = null;
  let scope: 'ACCOUNT' | 'DEVELOPER' | null = null;
  let chance: number | null = null;
  let code: FaultClause | null = null;
  for (const p of params) {
    const [k, v = ''] = p.split('=');
    if (k === 'delay') {
      delayMs = parseDuration(v);
      if (delayMs === null) throw new FaultSpecError(`bad delay '${v}' in '${text}'`);
    } else if (k === 'scope' && (v === 'ACCOUNT' || v === 'DEVELOPER')) scope = v;
    else if (k === 'chance' && Number(v) >= 0 && Number(v) <= 1) chance = Number(v);
    else if (k === 'code') code = parseClause(v);
    else throw new FaultSpecError(`unknown parameter '${p}' in '${text}'`);
  }
  return { text: text.trim(), name, arg, times, delayMs, scope, chance, code };
}

/** Parses a whole spec (clauses joined by commas). Throws FaultSpecError when malformed. */
export function parseFaultSpec(spec: string): FaultClause[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseClause);
}

/** What the scripted faults do to one call. */
export interface FaultPlan {
  /** Wait this long before answering. */
  readonly slowMs: number;
  /** Wait this long, then fail (the deadline fault); 0 otherwise. */
  readonly failAfterMs: number;
  readonly failure: EmulatorFailure | null;
  /** SearchStream only: send this many rows, then fail. */
  readonly midStream: { readonly afterRows: number; readonly failure: EmulatorFailure } | null;
  /** The clauses that fired, for the log. */
  readonly fired: readonly string[];
}

export const NO_FAULT: FaultPlan = Object.freeze({ slowMs: 0, failAfterMs: 0, failure: null, midStream: null, fired: [] });

/** The failure a clause stands for (slow and mid-stream excluded). */
export function faultFailure(c: FaultClause): EmulatorFailure {
  const tag = c.text;
  switch (c.name) {
    case 'unavailable':
      return new EmulatorFailure(14, statusMessage(14), [], tag);
    case 'deadline':
      return new EmulatorFailure(4, statusMessage(4), [], tag);
    case 'internal':
      return withFault(adsError('internalError.INTERNAL_ERROR', 'An internal error occurred; the request may be sent again.'), tag);
    case 'rate-limit':
    case 'quota-exhausted': {
      const daily = c.name === 'quota-exhausted';
      const seconds = Math.max(1, Math.round((c.delayMs ?? (daily ? 40_591_000 : 3000)) / 1000));
      return withFault(
        adsError('quotaError.RESOURCE_EXHAUSTED', `Too many requests. Retry in ${seconds} seconds.`, {
          quota: {
            scope: c.scope ?? (daily ? 'DEVELOPER' : 'ACCOUNT'),
            rateName: daily ? 'Number of operations for basic access' : 'Requests per account per minute',
            retryDelaySeconds: seconds,
          },
        }),
        tag,
      );
    }
    case 'error':
      return withFault(adsError(c.arg!, `Scripted error ${c.arg}.`), tag);
    default:
      return new EmulatorFailure(13, statusMessage(13), [], tag);
  }
}

function withFault(f: EmulatorFailure, tag: string): EmulatorFailure {
  return new EmulatorFailure(f.grpcCode, f.message, f.errors, tag);
}

/**
 * Decides what the clauses do to one call. `counters` holds the per-key call counts (the
 * state behind fail-times); `key` identifies the caller. Never throws.
 */
export function planFaults(clauses: readonly FaultClause[], key: string, seed: number, counters: Map<string, number>, isStream: boolean): FaultPlan {
  if (clauses.length === 0) return NO_FAULT;
  let slowMs = 0;
  let failAfterMs = 0;
  let failure: EmulatorFailure | null = null;
  let midStream: FaultPlan['midStream'] = null;
  const fired: string[] = [];
  for (const c of clauses) {
    const ck = `${key}|${c.text}`;
    const n = (counters.get(ck) ?? 0) + 1;
    counters.set(ck, n);
    if (c.times !== null && n > c.times) continue;
    if (c.chance !== null && unitDraw(seed, ck, n) >= c.chance) continue;
    if (c.name === 'slow') {
      slowMs += Number(c.arg);
      fired.push(c.text);
      continue;
    }
    if (c.name === 'mid-stream') {
      if (!isStream || midStream || failure) continue;
      midStream = { afterRows: Number(c.arg), failure: withFault(faultFailure(c.code ?? parseClause('internal')), c.text) };
      fired.push(c.text);
      continue;
    }
    if (failure) continue;
    failure = faultFailure(c);
    if (c.name === 'deadline') failAfterMs = c.delayMs ?? 1000;
    fired.push(c.text);
  }
  return { slowMs, failAfterMs, failure, midStream, fired };
}
