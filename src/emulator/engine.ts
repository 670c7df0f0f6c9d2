/**
 * The emulator's core, shared by both transports: for each call it applies the scripted
 * faults, makes the live API's request checks, runs the method on the world and writes the
 * request log. Transports only translate bytes and JSON to and from it.
 */
import { statusByCode } from '../classify/status.js';
import { checkCredentials, checkCustomerAccess, checkDeveloperToken, type RequestHeaders } from './access.js';
import type { BatchJobRecord, MethodSpec, StreamRows } from './api.js';
import { EmulatorFailure, statusMessage } from './failure.js';
import { FaultSpecError, parseFaultSpec, planFaults, type FaultClause } from './faults.js';
import { RequestLog } from './log.js';
import { requestIdFor } from './random.js';
import { World, type WorldSeed } from './world.js';

type Json = Record<string, unknown>;

/** A scenario rule: a fault spec for the calls it matches (every field optional). */
export interface ScenarioRule {
  /** `GoogleAdsService.Search` or just `Search`. */
  readonly method?: string;
  readonly customerId?: string;
  readonly transport?: 'grpc' | 'rest';
  /** A fault spec, same grammar as the `x-emulator-fault` header. */
  readonly fault: string;
}

/** What a scenario file holds (JSON). */
export interface Scenario {
  readonly seed?: number;
  readonly faults?: readonly ScenarioRule[];
  /** Replaces the default world entirely. */
  readonly world?: WorldSeed;
}

export interface EngineOptions {
  readonly seed?: number;
  readonly scenario?: Scenario;
  readonly world?: WorldSeed;
  /** Rows per SearchStream message (the live API sends up to 10,000). */
  readonly streamBatchRows?: number;
  /** Lifetime of access tokens issued by `/token`, in ms (the real one: 3599 s). */
  readonly accessTokenLifetimeMs?: number;
  readonly now?: () => number;
}

export type CallOutcome =
  | { readonly kind: 'unary'; readonly requestId: string; readonly response: Json }
  | { readonly kind: 'stream'; readonly requestId: string; readonly messages: Json[]; readonly tail: EmulatorFailure | null }
  | { readonly kind: 'failure'; readonly requestId: string; readonly failure: EmulatorFailure };

/** Waits `ms`, or less when the signal aborts (a cancelled call stops waiting). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

interface CompiledRule {
  readonly rule: ScenarioRule;
  readonly clauses: FaultClause[];
}

/**
 * One emulator's state and rules: the world, the seed, the scenario's fault rules, the
 * fail-times counters, the batch jobs and the request log. Both transports call `call()`.
 */
export class Engine {
  readonly world: World;
  readonly log = new RequestLog();
  readonly seed: number;
  readonly batchJobs = new Map<string, BatchJobRecord>();
  private readonly rules: CompiledRule[];
  private readonly counters = new Map<string, number>();
  private readonly headerSpecs = new Map<string, FaultClause[] | FaultSpecError>();
  private readonly streamBatchRows: number;
  private readonly tokenLifetimeMs: number;
  private readonly now: () => number;
  private seq = 0;

  /** Throws FaultSpecError when a scenario rule's spec is malformed. */
  constructor(options: EngineOptions = {}) {
    this.seed = options.seed ?? options.scenario?.seed ?? 1;
    this.world = new World(options.world ?? options.scenario?.world);
    this.rules = (options.scenario?.faults ?? []).map((rule) => ({ rule, clauses: parseFaultSpec(rule.fault) }));
    this.streamBatchRows = Math.max(1, options.streamBatchRows ?? 10_000);
    this.tokenLifetimeMs = options.accessTokenLifetimeMs ?? 3_599_000;
    this.now = options.now ?? Date.now;
  }

  /** The next request id (and log sequence number). */
  private nextRequest(): { seq: number; requestId: string } {
    const seq = ++this.seq;
    return { seq, requestId: requestIdFor(this.seed, seq) };
  }

  private clausesFor(spec: MethodSpec, transport: 'grpc' | 'rest', headers: RequestHeaders, customerId: string | null): FaultClause[] | FaultSpecError {
    const out: FaultClause[] = [];
    const header = headers['x-emulator-fault']?.trim();
    if (header) {
      let parsed = this.headerSpecs.get(header);
      if (!parsed) {
        try {
          parsed = parseFaultSpec(header);
        } catch (e) {
          parsed = e instanceof FaultSpecError ? e : new FaultSpecError(String(e));
        }
        if (this.headerSpecs.size < 1000) this.headerSpecs.set(header, parsed);
      }
      if (parsed instanceof FaultSpecError) return parsed;
      out.push(...parsed);
    }
    for (const { rule, clauses } of this.rules) {
      if (rule.method && rule.method !== spec.key && rule.method !== spec.method) continue;
      if (rule.customerId && rule.customerId !== customerId) continue;
      if (rule.transport && rule.transport !== transport) continue;
      out.push(...clauses);
    }
    return out;
  }

  /**
   * Answers one call. Never throws: every failure, including a bug of the emulator, comes back
   * as a `failure` outcome (the latter as INTERNAL).
   */
  async call(transport: 'grpc' | 'rest', spec: MethodSpec, headers: RequestHeaders, request: Json, signal?: AbortSignal): Promise<CallOutcome> {
    const { seq, requestId } = this.nextRequest();
    const started = this.now();
    const customerId = spec.customerIdOf ? spec.customerIdOf(request) : null;
    let faults: readonly string[] = [];
    let rows: number | null = null;
    const finish = (out: CallOutcome): CallOutcome => {
      const failure = out.kind === 'failure' ? out.failure : out.kind === 'stream' ? out.tail : null;
      const partial = out.kind === 'unary' ? partialCodes(out.response) : [];
      const code = failure?.grpcCode ?? 0;
      this.log.add({
        seq,
        requestId,
        time: new Date(started).toISOString(),
        transport,
        method: spec.key,
        customerId,
        code,
        codeName: statusByCode(code)?.name ?? 'UNKNOWN',
        // A stream that failed after rows was already answered 200.
        httpStatus: transport === 'rest' ? (code === 0 || (out.kind === 'stream' && out.messages.length > 0) ? 200 : (statusByCode(code)?.http ?? 500)) : null,
        errors: failure ? failure.errors.map((e) => e.code) : partial,
        faults,
        rows,
        durationMs: this.now() - started,
      });
      return out;
    };
    try {
      const clauses = this.clausesFor(spec, transport, headers, customerId);
      if (clauses instanceof FaultSpecError) {
        return finish({ kind: 'failure', requestId, failure: new EmulatorFailure(3, `Bad x-emulator-fault header: ${clauses.message}`) });
      }
      const key = headers['x-emulator-key'] ?? `${spec.key}|${customerId ?? ''}`;
      const plan = planFaults(clauses, key, this.seed, this.counters, spec.serverStream);
      faults = plan.fired;
      await sleep(plan.slowMs, signal);
      if (plan.failure) {
        await sleep(plan.failAfterMs, signal);
        return finish({ kind: 'failure', requestId, failure: plan.failure });
      }
      const now = this.now();
      const user = checkCredentials(this.world, headers, now);
      if (user instanceof EmulatorFailure) return finish({ kind: 'failure', requestId, failure: user });
      const level = checkDeveloperToken(this.world, headers);
      if (level instanceof EmulatorFailure) return finish({ kind: 'failure', requestId, failure: level });
      let customer = null;
      if (customerId !== null) {
        const c = checkCustomerAccess(this.world, headers, user, level, customerId, now);
        if (c instanceof EmulatorFailure) return finish({ kind: 'failure', requestId, failure: c });
        customer = c;
      }
      const result = spec.run({ world: this.world, user, customer, requestId, batchJobs: this.batchJobs }, request);
      if (!spec.serverStream) {
        const res = result as Json;
        if (Array.isArray(res['results']) && spec.method === 'Search') rows = res['results'].length;
        return finish({ kind: 'unary', requestId, response: res });
      }
      const { rows: all, fieldMask } = result as StreamRows;
      const cut = plan.midStream ? all.slice(0, plan.midStream.afterRows) : all;
      rows = cut.length;
      const messages: Json[] = [];
      for (let i = 0; i < cut.length; i += this.streamBatchRows) {
        messages.push({ results: cut.slice(i, i + this.streamBatchRows), fieldMask, requestId });
      }
      if (!plan.midStream && messages.length === 0) messages.push({ fieldMask, requestId });
      return finish({ kind: 'stream', requestId, messages, tail: plan.midStream?.failure ?? null });
    } catch (e) {
      if (e instanceof EmulatorFailure) return finish({ kind: 'failure', requestId, failure: e });
      return finish({ kind: 'failure', requestId, failure: new EmulatorFailure(13, `${statusMessage(13)} (emulator bug: ${e instanceof Error ? e.message : String(e)})`) });
    }
  }

  /**
   * Logs a request refused before it reached a method (unknown path, unreadable JSON) and
   * returns the request id to send with it, so that nothing the emulator answers is missing
   * from the log.
   */
  reject(transport: 'grpc' | 'rest', method: string, failure: EmulatorFailure): string {
    const { seq, requestId } = this.nextRequest();
    const now = this.now();
    this.log.add({
      seq,
      requestId,
      time: new Date(now).toISOString(),
      transport,
      method,
      customerId: null,
      code: failure.grpcCode,
      codeName: statusByCode(failure.grpcCode)?.name ?? 'UNKNOWN',
      httpStatus: transport === 'rest' ? (statusByCode(failure.grpcCode)?.http ?? 500) : null,
      errors: failure.errors.map((e) => e.code),
      faults: [],
      rows: null,
      durationMs: 0,
    });
    return requestId;
  }

  /**
   * The OAuth token endpoint (`grant_type=refresh_token`). A revoked refresh token, or one of
   * an app in Testing status past its 7 days, gets `400 {"error":"invalid_grant"}`. Never throws.
   */
  token(form: Readonly<Record<string, string>>): { status: number; body: Json; requestId: string } {
    const { seq, requestId } = this.nextRequest();
    const started = this.now();
    const answer = (status: number, body: Json) => {
      this.log.add({
        seq,
        requestId,
        time: new Date(started).toISOString(),
        transport: 'rest',
        method: 'OAuth.Token',
        customerId: null,
        code: status === 200 ? 0 : status === 401 ? 16 : 3,
        codeName: status === 200 ? 'OK' : status === 401 ? 'UNAUTHENTICATED' : 'INVALID_ARGUMENT',
        httpStatus: status,
        errors: typeof body['error'] === 'string' ? [`oauth.${body['error']}`] : [],
        faults: [],
        rows: null,
        durationMs: this.now() - started,
      });
      return { status, body, requestId };
    };
    if (form['grant_type'] !== 'refresh_token') {
      return answer(400, { error: 'unsupported_grant_type', error_description: `Unsupported grant type: ${form['grant_type'] ?? '(none)'}` });
    }
    const rt = form['refresh_token'] ?? '';
    if (!form['client_id']) return answer(401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    let state = this.world.refreshTokens.get(rt);
    if (!state && rt.startsWith('1//') && this.world.defaultUser) state = { kind: 'valid', user: this.world.defaultUser };
    if (!state || state.kind !== 'valid') {
      return answer(400, { error: 'invalid_grant', error_description: !state ? 'Bad Request' : 'Token has been expired or revoked.' });
    }
    const access = this.world.issueAccessToken(state.user, this.now(), this.tokenLifetimeMs);
    return answer(200, { access_token: access, expires_in: Math.floor(this.tokenLifetimeMs / 1000), scope: 'https://www.googleapis.com/auth/adwords', token_type: 'Bearer' });
  }
}

function partialCodes(response: Json): string[] {
  const pf = response['partialFailureError'] as { details?: { errors?: { errorCode?: Record<string, string> }[] }[] } | undefined;
  const out: string[] = [];
  for (const d of pf?.details ?? []) {
    for (const e of d.errors ?? []) {
      const [cat, name] = Object.entries(e.errorCode ?? {})[0] ?? [];
      if (cat) out.push(`${cat}.${name}`);
    }
  }
  return out;
}
