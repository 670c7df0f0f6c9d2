import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateGate } from './rate-gate.js';

test('an open gate lets calls through at once', () => {
  const g = new RateGate();
  assert.equal(g.active(0), false);
  assert.equal(g.reserve(0), 0);
});

test('after a rate limit, nothing starts before the delay, then calls are paced at 90 % of the accepted rate', () => {
  const g = new RateGate();
  for (let t = 0; t <= 1000; t += 100) g.succeeded(t); // 10 a second
  g.throttled(1000, 1000); // the rate is measured over max(1 s, the delay)
  assert.equal(g.active(1500), true);
  assert.equal(g.rateAt(1000), 9);
  const starts = Array.from({ length: 4 }, () => 1000 + g.reserve(1000));
  assert.equal(starts[0], 2000);
  const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
  for (const gap of gaps) assert.ok(gap > 100 && gap <= 1000 / 9 + 1e-9, `gap ${gap}`);
});

test('the pace creeps up without refusals and never exceeds what was in force at a new refusal', () => {
  const g = new RateGate({ minRate: 1 });
  g.throttled(0, 1000); // nothing measured: the slowest pace
  assert.equal(g.rateAt(0), 1);
  assert.ok(g.rateAt(10_000)! > 1.9 && g.rateAt(10_000)! < 2.1);
  for (let t = 9_000; t < 10_000; t += 10) g.succeeded(t); // 100 in the last second
  g.throttled(10_000, 1000);
  assert.ok(g.rateAt(10_000)! <= 2.1, 'a burst of successes does not raise the pace above the one in force');
});

test('pacing turns itself off after a quiet period', () => {
  const g = new RateGate({ quietMs: 5000 });
  g.throttled(0, 1000);
  assert.equal(g.active(2000), true);
  assert.equal(g.active(6000), false);
  assert.equal(g.rateAt(6000), null);
});

test('a newer, longer delay holds a call that was already waiting on an older one', async () => {
  const g = new RateGate();
  let now = 0;
  const sleeps: number[] = [];
  const clock = {
    now: () => now,
    random: () => 0,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      // While this call sleeps, the server sends a longer delay.
      if (sleeps.length === 1) g.throttled(now + 500, 10_000);
      now += ms;
    },
  };
  g.throttled(0, 1000);
  await g.wait(clock);
  assert.ok(now >= 10_500, `released at ${now}`);
});

test('successes written down one in 16 (the fast path) still measure the rate', () => {
  const g = new RateGate();
  for (let t = 0; t < 10_000; t += 10) g.succeededSampled(t); // 100 a second, for 10 s
  assert.equal(g.engaged, false);
  g.throttled(10_000, 1000);
  assert.equal(g.engaged, true);
  const r = g.rateAt(10_000)!;
  assert.ok(r > 80 && r < 100, `pace ${r}`);
});

test('a short history is spread over the whole window, never inflating the rate', () => {
  const g = new RateGate();
  for (let t = 0; t < 50; t += 5) g.succeededSampled(t); // 10 successes in 50 ms
  g.throttled(50, 1000);
  assert.ok(g.rateAt(50)! <= 9 + 1e-9, `pace ${g.rateAt(50)}`);
});
