/**
 * `RedisRetryBudget`: one retry budget for a whole fleet. Every process that shares a Redis key
 * drains and refills the same token bucket, so when the Google Ads API is down for everyone the
 * fleet as a whole sends a handful of retries, not a handful per process.
 *
 * The package never loads a Redis client: you pass yours (node-redis v4/v5 or ioredis, or any
 * object with the same two scripting methods). When Redis is unreachable or slow the budget
 * quietly falls back to an in-process bucket; it never throws into the retry path and never
 * waits longer than `timeoutMs`.
 */
import { createHash } from 'node:crypto';
import { TokenBucketBudget, type RetryBudget } from '../retry/budget.js';

/**
 * node-redis (v4, v5): `client.evalSha(sha1, { keys, arguments })` and
 * `client.eval(script, { keys, arguments })`.
 */
export interface NodeRedisScripting {
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): PromiseLike<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): PromiseLike<unknown>;
}

/**
 * ioredis: `redis.evalsha(sha1, numKeys, ...keys, ...args)` and
 * `redis.eval(script, numKeys, ...keys, ...args)`.
 */
export interface IoRedisScripting {
  evalsha(sha1: string, numKeys: number, ...keysAndArgs: string[]): PromiseLike<unknown>;
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): PromiseLike<unknown>;
}

/** Any client the budget can run its script with (checked by shape, not by class). */
export type RedisScriptClient = NodeRedisScripting | IoRedisScripting;

export interface RedisRetryBudgetOptions {
  /** A connected node-redis or ioredis client (or anything with their scripting methods). */
  readonly client: RedisScriptClient;
  /** Start of the key. Default `ads-errors:retry-budget`. */
  readonly prefix?: string;
  /**
   * What the bucket is shared by, appended to the prefix: e.g. one bucket per developer token
   * (pass `hashedScope(token)`, never the token itself) or per customer account. Default `default`.
   */
  readonly scope?: string;
  /** Most tokens in the shared bucket, and what a new bucket starts with. Default 10. */
  readonly capacity?: number;
  /** Tokens a failed attempt takes. Default 1. */
  readonly failureCost?: number;
  /** Tokens a success gives back. Default 1. */
  readonly successCredit?: number;
  /** An idle bucket expires after this long (and so starts full again). Default 600,000 (10 min). */
  readonly ttlMs?: number;
  /** A Redis answer slower than this counts as a failure of Redis. Default 100 ms. */
  readonly timeoutMs?: number;
  /** After a Redis failure, use only the local bucket for this long before trying Redis again. Default 5,000 ms. */
  readonly retryRedisAfterMs?: number;
  /**
   * While the last known shared count is full and younger than this, successes are not sent
   * to Redis (a healthy fleet then costs about one Redis call per process per interval).
   * 0 sends every success. Default 1,000 ms.
   */
  readonly fullSyncIntervalMs?: number;
  /** The in-process budget used while Redis cannot answer (it also sees every event, so it is warm). Default a `TokenBucketBudget` with its own defaults. */
  readonly fallback?: RetryBudget;
  /** Called when the budget switches to its fallback, with what Redis failed with. Must not throw (errors are swallowed). */
  readonly onFallback?: (reason: unknown) => void;
  /** Milliseconds clock for the intervals above. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * The bucket, updated atomically. KEYS[1] the bucket; ARGV: op (fail | success | peek),
 * capacity, cost, credit, ttl ms. Returns the tokens left, as a string (a Lua number would be
 * truncated to an integer on the way out).
 */
export const REDIS_BUDGET_SCRIPT = `local cap = tonumber(ARGV[2])
local t = tonumber(redis.call('GET', KEYS[1]) or '') or cap
local op = ARGV[1]
if op == 'fail' then
  t = math.max(0, t - tonumber(ARGV[3]))
elseif op == 'success' then
  t = math.min(cap, t + tonumber(ARGV[4]))
end
if op ~= 'peek' then
  redis.call('SET', KEYS[1], tostring(t), 'PX', ARGV[5])
end
return tostring(t)`;

const SCRIPT_SHA = createHash('sha1').update(REDIS_BUDGET_SCRIPT).digest('hex');

type Op = 'fail' | 'success' | 'peek';

/** What `#run` returns when Redis is marked down and was not asked. */
const SKIPPED: Promise<number | null> = Promise.resolve(null);

/** Where the last answer came from. */
export type RedisBudgetMode = 'redis' | 'local';

/** A short, stable, non-reversible scope name for a secret such as a developer token. */
export function hashedScope(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/**
 * A token bucket shared through Redis, with the same semantics as `TokenBucketBudget`:
 * failures take `failureCost`, successes give back `successCredit` up to `capacity`, and a
 * retry is allowed while at least `failureCost` tokens are left. Pass it as the `budget` of any
 * number of `AdsRetryPolicy` instances, in any number of processes.
 *
 * `recordFailure`/`recordSuccess` send their update without waiting; `allowRetry` resolves
 * with the shared answer, or with the fallback's when Redis fails or takes longer than
 * `timeoutMs`. No method throws or rejects. After a Redis failure the budget leaves Redis alone
 * for `retryRedisAfterMs`, so an outage of Redis costs at most one timeout per interval. An
 * update that timed out may still be applied later (node-redis queues commands while
 * disconnected): it records an event that did happen, so the count stays honest.
 *
 * ```ts
 * import { createClient } from 'redis';
 * const redis = await createClient({ url }).on('error', () => {}).connect();
 * const budget = new RedisRetryBudget({ client: redis, scope: hashedScope(developerToken) });
 * const policy = adsRetryPolicy({ budget });
 * ```
 */
export class RedisRetryBudget implements RetryBudget {
  readonly key: string;
  readonly capacity: number;
  readonly failureCost: number;
  readonly successCredit: number;
  readonly #client: RedisScriptClient;
  readonly #o: Required<Omit<RedisRetryBudgetOptions, 'client' | 'prefix' | 'scope' | 'capacity' | 'failureCost' | 'successCredit' | 'onFallback'>> & {
    readonly onFallback: ((reason: unknown) => void) | undefined;
  };
  readonly #options: RedisRetryBudgetOptions;
  #downUntil = 0;
  #mode: RedisBudgetMode = 'redis';
  #lastError: unknown = undefined;
  /** The newest write still on its way: allowRetry reads its answer instead of asking again. */
  #pending: Promise<number | null> | null = null;
  #known: { tokens: number; at: number } | null = null;

  constructor(options: RedisRetryBudgetOptions) {
    this.#options = options;
    this.#client = options.client;
    this.key = `${options.prefix ?? 'ads-errors:retry-budget'}:${options.scope ?? 'default'}`;
    this.capacity = options.capacity ?? 10;
    this.failureCost = options.failureCost ?? 1;
    this.successCredit = options.successCredit ?? 1;
    this.#o = {
      ttlMs: Math.max(1, Math.round(options.ttlMs ?? 600_000)),
      timeoutMs: options.timeoutMs ?? 100,
      retryRedisAfterMs: options.retryRedisAfterMs ?? 5_000,
      fullSyncIntervalMs: options.fullSyncIntervalMs ?? 1_000,
      fallback: options.fallback ?? new TokenBucketBudget(),
      now: options.now ?? Date.now,
      onFallback: options.onFallback,
    };
  }

  /** The same budget settings and client on another scope (e.g. one customer account). */
  scoped(scope: string): RedisRetryBudget {
    return new RedisRetryBudget({ ...this.#options, scope });
  }

  /** `redis` while Redis answers; `local` while the fallback is in use. */
  get mode(): RedisBudgetMode {
    return this.#mode;
  }

  /** What Redis last failed with (undefined if it never did). */
  get lastError(): unknown {
    return this.#lastError;
  }

  /** The fallback budget (it records every event, whichever mode). */
  get fallback(): RetryBudget {
    return this.#o.fallback;
  }

  /**
   * The shared token count, read from Redis; null when Redis cannot answer in time.
   * For dashboards and tests; never rejects.
   */
  tokens(): Promise<number | null> {
    return this.#run('peek', true);
  }

  recordFailure(): void {
    safely(() => this.#o.fallback.recordFailure());
    this.#write('fail');
  }

  recordSuccess(): void {
    safely(() => this.#o.fallback.recordSuccess());
    const known = this.#known;
    if (known && known.tokens >= this.capacity && this.#o.now() - known.at < this.#o.fullSyncIntervalMs) return;
    this.#write('success');
  }

  #write(op: 'fail' | 'success'): void {
    const p = this.#run(op, false);
    // While Redis is marked down nothing was sent: there is no answer to wait for.
    this.#pending = p === SKIPPED ? null : p;
  }

  async allowRetry(): Promise<boolean> {
    const pending = this.#pending;
    const tokens = pending ? await pending : await this.#run('peek', false);
    if (tokens === null) {
      try {
        return await this.#o.fallback.allowRetry();
      } catch {
        return false;
      }
    }
    return tokens >= this.failureCost;
  }

  /** Runs one op; resolves with the tokens after it, or null (Redis down, slow or odd). Never rejects. */
  #run(op: Op, force: boolean): Promise<number | null> {
    if (!force && this.#o.now() < this.#downUntil) return SKIPPED;
    const args = [op, String(this.capacity), String(this.failureCost), String(this.successCredit), String(this.#o.ttlMs)];
    const started = this.#script(args);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      // Not unref'd: a retry waiting for this answer is work in progress, and the process must
      // not exit under it (the timer lasts at most timeoutMs).
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.#o.timeoutMs} ms`)), this.#o.timeoutMs);
    });
    const done = Promise.race([started, timeout]).then(
      (reply) => {
        clearTimeout(timer);
        const tokens = Number(reply);
        if (!Number.isFinite(tokens)) throw new Error(`unexpected reply from the budget script: ${String(reply)}`);
        this.#known = { tokens, at: this.#o.now() };
        this.#mode = 'redis';
        return tokens;
      },
    ).catch((e: unknown) => {
      clearTimeout(timer);
      this.#down(e);
      return null;
    });
    const settle: Promise<number | null> = done.then((v) => {
      // Forget a write once answered, unless a newer one has taken its place.
      if (this.#pending === settle) this.#pending = null;
      return v;
    });
    return settle;
  }

  /** EVALSHA, and EVAL when Redis does not know the script yet (EVAL also caches it). */
  async #script(args: string[]): Promise<unknown> {
    const c = this.#client as Partial<NodeRedisScripting & IoRedisScripting>;
    if (typeof c.evalSha === 'function') {
      const o = { keys: [this.key], arguments: args };
      try {
        return await c.evalSha(SCRIPT_SHA, o);
      } catch (e) {
        if (!isNoScript(e)) throw e;
        return await (c as NodeRedisScripting).eval(REDIS_BUDGET_SCRIPT, o);
      }
    }
    if (typeof c.evalsha === 'function') {
      try {
        return await c.evalsha(SCRIPT_SHA, 1, this.key, ...args);
      } catch (e) {
        if (!isNoScript(e)) throw e;
        return await (c as IoRedisScripting).eval(REDIS_BUDGET_SCRIPT, 1, this.key, ...args);
      }
    }
    throw new TypeError('the Redis client has neither evalSha (node-redis) nor evalsha (ioredis)');
  }

  #down(e: unknown): void {
    this.#lastError = e;
    this.#known = null;
    this.#downUntil = this.#o.now() + this.#o.retryRedisAfterMs;
    if (this.#mode !== 'local') {
      this.#mode = 'local';
      safely(() => this.#o.onFallback?.(e));
    }
  }
}

function isNoScript(e: unknown): boolean {
  return /NOSCRIPT/i.test(e instanceof Error ? e.message : String(e));
}

function safely(fn: () => unknown): void {
  try {
    const r = fn();
    // A user callback returning a rejected promise must not become an unhandled rejection.
    if (r && typeof (r as PromiseLike<unknown>).then === 'function') (r as Promise<unknown>).then(undefined, () => {});
  } catch {
    // Observers and fallbacks must never break the retry path.
  }
}
