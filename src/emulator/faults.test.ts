import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FaultSpecError, parseDuration, parseFaultSpec, planFaults } from './faults.js';

test('the grammar reads every fault and parameter', () => {
  const [a, b, c, d] = parseFaultSpec('fail-times=2:rate-limit;delay=3s;scope=DEVELOPER, slow=250, mid-stream=4;code=unavailable, unavailable;chance=0.25');
  assert.deepEqual([a!.name, a!.times, a!.delayMs, a!.scope], ['rate-limit', 2, 3000, 'DEVELOPER']);
  assert.deepEqual([b!.name, b!.arg], ['slow', '250']);
  assert.deepEqual([c!.name, c!.arg, c!.code?.name], ['mid-stream', '4', 'unavailable']);
  assert.deepEqual([d!.name, d!.chance], ['unavailable', 0.25]);
});

test('malformed specs are refused with a FaultSpecError naming the part', () => {
  for (const bad of ['boom', 'slow=fast', 'mid-stream', 'rate-limit;delay=soon', 'internal;colour=red', 'error=', 'error=fieldError.NOPE']) {
    assert.throws(() => parseFaultSpec(bad), FaultSpecError, bad);
  }
});

test('durations', () => {
  assert.equal(parseDuration('1500'), 1500);
  assert.equal(parseDuration('2s'), 2000);
  assert.equal(parseDuration('1.5m'), 90_000);
  assert.equal(parseDuration('1h'), 3_600_000);
  assert.equal(parseDuration('x'), null);
});

test('fail-times=N fires on exactly the first N calls of a key, for any N and any number of calls', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 40 }), fc.string(), (n, calls, key) => {
      const clauses = parseFaultSpec(`fail-times=${n}:internal`);
      const counters = new Map<string, number>();
      const fired = Array.from({ length: calls }, () => planFaults(clauses, key, 1, counters, false).failure !== null);
      return fired.every((f, i) => f === i < n);
    }),
  );
});

test('chance draws depend only on seed, key and call number', () => {
  const clauses = parseFaultSpec('unavailable;chance=0.5');
  const run = (seed: number, key: string) => {
    const counters = new Map<string, number>();
    return Array.from({ length: 64 }, () => planFaults(clauses, key, seed, counters, false).failure?.grpcCode ?? 0);
  };
  assert.deepEqual(run(3, 'a'), run(3, 'a'));
  assert.notDeepEqual(run(3, 'a'), run(4, 'a'));
  const hits = run(3, 'a').filter((c) => c === 14).length;
  assert.ok(hits > 16 && hits < 48, `about half: ${hits}`);
});

test('the daily quota fault carries hours of delay, the rate limit seconds', () => {
  const counters = new Map<string, number>();
  const daily = planFaults(parseFaultSpec('quota-exhausted'), 'k', 1, counters, false).failure!;
  const rate = planFaults(parseFaultSpec('rate-limit;delay=7s'), 'k', 1, counters, false).failure!;
  assert.equal(daily.grpcCode, 8);
  assert.deepEqual(daily.errors[0]!.quota, { scope: 'DEVELOPER', rateName: 'Number of operations for basic access', retryDelaySeconds: 40591 });
  assert.equal(rate.errors[0]!.quota!.retryDelaySeconds, 7);
  assert.equal(rate.errors[0]!.message, 'Too many requests. Retry in 7 seconds.');
});

test('mid-stream only applies to streams; slow adds up; the first failure wins', () => {
  const counters = new Map<string, number>();
  const unary = planFaults(parseFaultSpec('mid-stream=2'), 'k', 1, counters, false);
  assert.equal(unary.midStream, null);
  const stream = planFaults(parseFaultSpec('mid-stream=2'), 'k', 1, counters, true);
  assert.equal(stream.midStream?.afterRows, 2);
  const plan = planFaults(parseFaultSpec('slow=10,slow=5,internal,unavailable'), 'k2', 1, counters, false);
  assert.equal(plan.slowMs, 15);
  assert.equal(plan.failure?.grpcCode, 13);
});
