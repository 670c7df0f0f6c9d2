/**
 * What the budget does with clients that misbehave, whatever the server: it must never throw,
 * never reject, and never wait past its timeout. (Against a real Redis: test/integrations.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucketBudget } from '../retry/budget.js';
import { RedisRetryBudget, REDIS_BUDGET_SCRIPT, type NodeRedisScripting } from './redis-budget.js';

const never = (): Promise<never> => new Promise<never>(() => {});

test('a client that never answers: allowRetry resolves with the fallback after the timeout', async () => {
  const client: NodeRedisScripting = { evalSha: never, eval: never };
  const fallback = new TokenBucketBudget({ capacity: 2 });
  const b = new RedisRetryBudget({ client, timeoutMs: 20, fallback });
  b.recordFailure();
  assert.equal(await b.allowRetry(), true);
  b.recordFailure();
  assert.equal(await b.allowRetry(), false);
  assert.equal(b.mode, 'local');
  assert.equal(await b.tokens(), null);
});

test('a client that throws synchronously, or has no scripting method, is a Redis failure, not a crash', async () => {
  const throwing = {
    evalSha: () => {
      throw new Error('client closed');
    },
    eval: () => {
      throw new Error('client closed');
    },
  };
  const seen: unknown[] = [];
  const b = new RedisRetryBudget({ client: throwing, onFallback: (e) => seen.push(e) });
  b.recordFailure();
  b.recordSuccess();
  assert.equal(typeof (await b.allowRetry()), 'boolean');
  assert.equal(seen.length, 1, 'told once, on the switch');
  const c = new RedisRetryBudget({ client: {} as never, onFallback: () => {
    throw new Error('observer bug');
  } });
  c.recordFailure();
  assert.equal(await c.allowRetry(), true);
  assert.match(String(c.lastError), /neither evalSha/);
});

test('NOSCRIPT makes the budget send the script itself, once per call', async () => {
  const sent: string[] = [];
  let tokens = 3;
  const client: NodeRedisScripting = {
    evalSha: async () => {
      sent.push('evalsha');
      throw new Error('NOSCRIPT No matching script. Please use EVAL.');
    },
    eval: async (script, o) => {
      sent.push('eval');
      assert.equal(script, REDIS_BUDGET_SCRIPT);
      assert.deepEqual(o.keys, ['p:s']);
      if (o.arguments[0] === 'fail') tokens--;
      return String(tokens);
    },
  };
  const b = new RedisRetryBudget({ client, prefix: 'p', scope: 's' });
  b.recordFailure();
  assert.equal(await b.allowRetry(), true);
  assert.deepEqual(sent, ['evalsha', 'eval']);
  assert.equal(b.mode, 'redis');
});

test('an odd reply is a Redis failure; the down period skips Redis entirely, then it is tried again', async () => {
  let calls = 0;
  let reply: unknown = 'not a number';
  let now = 0;
  const client: NodeRedisScripting = { evalSha: async () => (calls++, reply), eval: async () => reply };
  const b = new RedisRetryBudget({ client, retryRedisAfterMs: 1000, now: () => now });
  assert.equal(await b.allowRetry(), true, 'the fresh fallback allows');
  assert.equal(b.mode, 'local');
  const before = calls;
  b.recordFailure();
  b.recordSuccess();
  await b.allowRetry();
  assert.equal(calls, before, 'no Redis call while marked down');
  now = 1001;
  reply = '0';
  assert.equal(await b.allowRetry(), false);
  assert.equal(b.mode, 'redis');
});

test('a known-full bucket does not send each success, but does once the interval has passed', async () => {
  const ops: string[] = [];
  let now = 0;
  const client: NodeRedisScripting = {
    evalSha: async (_sha, o) => {
      ops.push(o.arguments[0]!);
      return '10';
    },
    eval: async () => '10',
  };
  const b = new RedisRetryBudget({ client, capacity: 10, fullSyncIntervalMs: 1000, now: () => now });
  b.recordSuccess();
  await b.allowRetry();
  for (let i = 0; i < 50; i++) b.recordSuccess();
  now = 1000;
  b.recordSuccess();
  await b.allowRetry();
  assert.deepEqual(ops, ['success', 'success']);
});
