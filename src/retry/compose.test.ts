import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConsecutiveBreaker, BrokenCircuitError, circuitBreaker, handleAll } from 'cockatiel';
import { fromCockatiel, wrap } from './compose.js';
import { AdsRetryPolicy } from './policy.js';
import { VirtualClock } from './virtual-clock.js';
import { unlimitedBudget } from './budget.js';
import { adsError } from '../../test/retry/fixtures.js';

test('wrap nests policies, outermost first, and passes the attempt signal inwards', async () => {
  const order: string[] = [];
  const tracer = (name: string) => ({
    execute<T>(fn: (c: { attempt: number; signal: AbortSignal }) => T | PromiseLike<T>, o: { signal?: AbortSignal } = {}): Promise<T> {
      order.push(`${name}:${o.signal ? 'signal' : 'none'}`);
      return Promise.resolve(fn({ attempt: 1, signal: new AbortController().signal }));
    },
  });
  const out = await wrap(tracer('a'), tracer('b')).execute(() => 'done');
  assert.equal(out, 'done');
  assert.deepEqual(order, ['a:none', 'b:signal']);
});

test('a cockatiel circuit breaker around our retry policy opens after repeated give-ups', async () => {
  const clock = new VirtualClock();
  const retry = new AdsRetryPolicy({ clock, budget: unlimitedBudget, maxAttempts: 2 });
  const breaker = circuitBreaker(handleAll, { halfOpenAfter: 60_000, breaker: new ConsecutiveBreaker(2) });
  const policy = wrap(fromCockatiel(breaker), retry);
  let calls = 0;
  const fail = async (): Promise<never> => {
    calls++;
    throw adsError({ status: 'UNAVAILABLE' });
  };
  const run = async (): Promise<unknown> => {
    const p = policy.execute(fail, { operation: 'read' }).then(() => null, (e: unknown) => e);
    await clock.run();
    return p;
  };
  await run();
  await run();
  assert.equal(calls, 4);
  const third = await run();
  assert.ok(third instanceof BrokenCircuitError);
  assert.equal(calls, 4, 'the open breaker kept the call from the server');
});
