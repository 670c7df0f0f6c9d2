/**
 * RedisRetryBudget against a real redis-server (started here on a free loopback port, always
 * killed): two policies standing for two processes, each with its own connection, share one
 * bucket; successes refill it; a missing script is reloaded; a crashed or stalled Redis makes
 * the budget fall back to its local bucket without hanging or throwing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createClient } from 'redis';
import { AdsRetryPolicy, constantBackoff, isRetryGiveUpError, localAdsError, TokenBucketBudget, type RetryBudget } from '../../src/retry/index.js';
import { RedisRetryBudget, hashedScope, type IoRedisScripting } from '../../src/integrations/redis-budget.js';
import { startRedis, type RedisProcess } from './redis-server.js';

type Client = ReturnType<typeof createClient>;

let redis: RedisProcess;
const clients: Client[] = [];

async function connect(url: string, extra: Record<string, unknown> = {}): Promise<Client> {
  const c = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: (n: number) => Math.min(50 * (n + 1), 200) }, ...extra });
  // node-redis emits 'error' on every failed reconnect; an unheard one would crash the test.
  c.on('error', () => {});
  await c.connect();
  clients.push(c);
  return c;
}

before(async () => {
  redis = await startRedis();
});
after(async () => {
  for (const c of clients) {
    try {
      c.destroy();
    } catch {
      // already closed
    }
  }
  await redis?.kill();
});

let scopeN = 0;
const freshScope = (): string => `test-${process.pid}-${++scopeN}`;

/** A call that fails as a backend outage does (UNAVAILABLE), counting its attempts. */
function outage(): { fn: () => Promise<never>; attempts: () => number } {
  let n = 0;
  return {
    fn: async () => {
      n++;
      throw localAdsError('UNAVAILABLE', 'backend down', 'transient', true);
    },
    attempts: () => n,
  };
}

const policyWith = (budget: RetryBudget): AdsRetryPolicy =>
  new AdsRetryPolicy({ budget, gate: null, maxAttempts: 10, backoff: constantBackoff(0) });

async function giveUpReason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(isRetryGiveUpError(e), `expected a RetryGiveUpError, got ${String(e)}`);
    return e.reason;
  }
  assert.fail('the call was expected to fail');
}

test('two processes sharing one Redis bucket stop retrying together once it is spent', async () => {
  const scope = freshScope();
  // Two connections, two budgets, two policies: nothing shared but Redis.
  const budgetA = new RedisRetryBudget({ client: await connect(redis.url), scope, capacity: 4 });
  const budgetB = new RedisRetryBudget({ client: await connect(redis.url), scope, capacity: 4 });
  const a = outage();
  const b = outage();
  assert.equal(await giveUpReason(policyWith(budgetA).execute(a.fn, { operation: 'read' })), 'throttled');
  // A drained the shared bucket: 4 failures, 3 of them retried.
  assert.equal(a.attempts(), 4);
  assert.equal(await budgetB.tokens(), 0);
  // B, in another "process", gets no retry at all.
  assert.equal(await giveUpReason(policyWith(budgetB).execute(b.fn, { operation: 'read' })), 'throttled');
  assert.equal(b.attempts(), 1);
  assert.equal(budgetA.mode, 'redis');
  assert.equal(budgetB.mode, 'redis');

  // The contrast: with a bucket per process, B would have retried on its own.
  const c = outage();
  await giveUpReason(policyWith(new TokenBucketBudget({ capacity: 4 })).execute(c.fn, { operation: 'read' }));
  assert.equal(c.attempts(), 4);

  // The key is where the options say, and it expires when idle.
  const raw = clients[0]!;
  assert.equal(budgetA.key, `ads-errors:retry-budget:${scope}`);
  assert.equal(await raw.get(budgetA.key), '0');
  const pttl = await raw.pTTL(budgetA.key);
  assert.ok(pttl > 0 && pttl <= 600_000, `ttl ${pttl}`);
});

test('successes anywhere in the fleet refill the shared bucket', async () => {
  const scope = freshScope();
  const budgetA = new RedisRetryBudget({ client: await connect(redis.url), scope, capacity: 4 });
  const budgetB = new RedisRetryBudget({ client: await connect(redis.url), scope, capacity: 4 });
  await giveUpReason(policyWith(budgetA).execute(outage().fn, { operation: 'read' }));
  assert.equal(await budgetA.tokens(), 0);
  // Two successes in B give back two tokens to everyone.
  const policyB = policyWith(budgetB);
  assert.equal(await policyB.execute(() => 'ok', { operation: 'read' }), 'ok');
  assert.equal(await policyB.execute(async () => 'ok', { operation: 'read' }), 'ok');
  // B's updates are sent without waiting; reading on B's own connection comes after them.
  assert.equal(await budgetB.tokens(), 2);
  assert.equal(await budgetA.tokens(), 2);
  // A's next outage call: failure → 1 token left, one retry; failure → 0, throttled.
  const a = outage();
  assert.equal(await giveUpReason(policyWith(budgetA).execute(a.fn, { operation: 'read' })), 'throttled');
  assert.equal(a.attempts(), 2);
  // Never above capacity.
  for (let i = 0; i < 10; i++) budgetB.recordSuccess();
  assert.equal(await budgetB.tokens(), 4);
});

test('the shared bucket answers exactly as the in-process TokenBucketBudget, for any sequence of events', async () => {
  const client = await connect(redis.url);
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        capacity: fc.integer({ min: 1, max: 8 }),
        failureCost: fc.constantFrom(1, 2, 0.5),
        successCredit: fc.constantFrom(1, 0.5, 0.25, 3),
      }),
      fc.array(fc.constantFrom('fail', 'success', 'ask'), { minLength: 1, maxLength: 25 }),
      async (settings, events) => {
        // fullSyncIntervalMs 0: every success goes to Redis, so the two can be compared step by step.
        const shared = new RedisRetryBudget({ client, scope: freshScope(), fullSyncIntervalMs: 0, ...settings });
        const local = new TokenBucketBudget(settings);
        for (const e of events) {
          if (e === 'fail') {
            shared.recordFailure();
            local.recordFailure();
          } else if (e === 'success') {
            shared.recordSuccess();
            local.recordSuccess();
          } else assert.equal(await shared.allowRetry(), local.allowRetry());
        }
        assert.equal(await shared.tokens(), local.tokens);
        assert.equal(shared.mode, 'redis');
      },
    ),
    { numRuns: 40 },
  );
});

test('a Redis that lost the script (SCRIPT FLUSH) is given it again; an ioredis-shaped client works', async () => {
  const raw = await connect(redis.url);
  // The ioredis calling convention, carried over the same real connection.
  const ioredisShaped: IoRedisScripting = {
    evalsha: (sha, numKeys, ...rest) => raw.sendCommand(['EVALSHA', sha, String(numKeys), ...rest]),
    eval: (script, numKeys, ...rest) => raw.sendCommand(['EVAL', script, String(numKeys), ...rest]),
  };
  const budget = new RedisRetryBudget({ client: ioredisShaped, scope: freshScope(), capacity: 2 });
  await raw.scriptFlush();
  budget.recordFailure();
  assert.equal(await budget.allowRetry(), true);
  assert.equal(await budget.tokens(), 1);
  await raw.scriptFlush();
  budget.recordFailure();
  assert.equal(await budget.allowRetry(), false);
  assert.equal(budget.mode, 'redis');
  assert.equal(budget.lastError, undefined);
});

test('an idle bucket expires and starts full again', async () => {
  const raw = await connect(redis.url);
  const budget = new RedisRetryBudget({ client: raw, scope: freshScope(), capacity: 3, ttlMs: 150 });
  budget.recordFailure();
  budget.recordFailure();
  assert.equal(await budget.tokens(), 1);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await raw.exists(budget.key), 0);
  assert.equal(await budget.tokens(), 3);
});

test('hashedScope keeps a developer token out of the key', () => {
  const token = 'AbCdEf0123456789-dev-token';
  const budget = new RedisRetryBudget({ client: { evalSha: async () => '1', eval: async () => '1' }, scope: hashedScope(token) });
  assert.ok(!budget.key.includes(token));
  assert.match(budget.key, /^ads-errors:retry-budget:[0-9a-f]{16}$/);
  assert.equal(hashedScope(token), hashedScope(token));
});

test('a stalled Redis (DEBUG SLEEP) is not waited for: the local bucket answers within the timeout', async () => {
  const own = await startRedis(undefined, { debug: true });
  try {
    const blocker = await connect(own.url);
    const client = await connect(own.url);
    const fallback = new TokenBucketBudget({ capacity: 1 });
    const fallbacks: unknown[] = [];
    const budget = new RedisRetryBudget({ client, scope: freshScope(), capacity: 5, timeoutMs: 100, fallback, onFallback: (e) => fallbacks.push(e) });
    assert.equal(await budget.tokens(), 5);
    // Redis stops answering anyone for 0.6 s.
    const sleeping = blocker.sendCommand(['DEBUG', 'SLEEP', '0.6']).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    budget.recordFailure();
    // The fallback (capacity 1) is empty after that failure; Redis (5) would have said yes.
    assert.equal(await budget.allowRetry(), false);
    assert.equal(budget.mode, 'local');
    assert.equal(fallbacks.length, 1);
    assert.match(String((budget.lastError as Error).message), /did not answer within 100 ms/);
    await sleeping;
  } finally {
    await own.kill();
  }
});

test('Redis killed mid-run: calls fall back to the local bucket, never hang nor throw, and Redis is used again once back', { timeout: 15_000 }, async () => {
  const own = await startRedis();
  let restarted: RedisProcess | null = null;
  try {
    const client = await connect(own.url);
    let now = 1_000_000;
    const budget = new RedisRetryBudget({ client, scope: freshScope(), capacity: 6, timeoutMs: 100, retryRedisAfterMs: 5_000, now: () => now });
    const policy = policyWith(budget);
    // Healthy: one outage call spends the 6 shared tokens (6 failures, 5 retries).
    const first = outage();
    await giveUpReason(policy.execute(first.fn, { operation: 'read' }));
    assert.equal(first.attempts(), 6);
    assert.equal(budget.mode, 'redis');
    // Refill a little so that the shared bucket would allow retries.
    for (let i = 0; i < 4; i++) {
      budget.recordSuccess();
      await budget.tokens();
    }

    await own.kill();
    // The local bucket (default capacity 3) saw the same events: it is empty after the outage
    // then refilled by the 4 successes to 3. So 3 failures, 2 retries, then throttled.
    const second = outage();
    assert.equal(await giveUpReason(policy.execute(second.fn, { operation: 'read' })), 'throttled');
    assert.equal(second.attempts(), 3);
    assert.equal(budget.mode, 'local');
    assert.equal(await budget.tokens(), null);
    // While Redis is marked down, nothing waits for it: success and failure return at once.
    budget.recordSuccess();
    budget.recordFailure();
    assert.equal(typeof (await budget.allowRetry()), 'boolean');

    // Redis comes back on the same port; after the pause the budget uses it again.
    restarted = await startRedis(own.port);
    await waitUntil(async () => (await client.ping().catch(() => null)) === 'PONG');
    now += 5_001;
    budget.recordFailure();
    assert.equal(await budget.allowRetry(), true, 'a new Redis has a full bucket');
    assert.equal(budget.mode, 'redis');
    // 5, or 4 when the client's offline queue delivered the update that timed out while Redis
    // was gone (a late record of a failure that did happen; nothing else was sent while down).
    const tokens = await budget.tokens();
    assert.ok(tokens === 5 || tokens === 4, `tokens ${tokens}`);
  } finally {
    await own.kill();
    await restarted?.kill();
  }
});

async function waitUntil(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
