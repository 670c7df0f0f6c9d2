import { test } from 'node:test';
import assert from 'node:assert/strict';
import FakeTimers from '@sinonjs/fake-timers';
import { VirtualClock } from './virtual-clock.js';
import { realClock } from './clock.js';

test('timers fire in order of due time, ties in order of creation', async () => {
  const c = new VirtualClock();
  const order: string[] = [];
  void c.sleep(30).then(() => order.push('c'));
  void c.sleep(10).then(() => order.push('a'));
  void c.sleep(10).then(() => order.push('b'));
  await c.run();
  assert.deepEqual(order, ['a', 'b', 'c']);
  assert.equal(c.now(), 30);
});

test('an aborted sleep rejects at once and its timer is dropped', async () => {
  const c = new VirtualClock();
  const ctl = new AbortController();
  const p = c.sleep(1000, ctl.signal).then(() => 'slept', (e: unknown) => (e as Error).message);
  ctl.abort(new Error('stop'));
  assert.equal(await p, 'stop');
  assert.equal(c.pending, 0);
});

test('the same seed gives the same numbers', () => {
  const a = new VirtualClock({ seed: 9 });
  const b = new VirtualClock({ seed: 9 });
  const xs = Array.from({ length: 5 }, () => a.random());
  assert.deepEqual(xs, Array.from({ length: 5 }, () => b.random()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

test('the real clock sleeps on setTimeout (so fake timers drive it) and aborts at once', async () => {
  const fake = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  try {
    let done = false;
    const p = realClock.sleep(5000).then(() => (done = true));
    await fake.tickAsync(4999);
    assert.equal(done, false);
    await fake.tickAsync(1);
    await p;
    assert.equal(done, true);
    const ctl = new AbortController();
    const q = realClock.sleep(5000, ctl.signal).then(() => 'slept', () => 'aborted');
    ctl.abort();
    assert.equal(await q, 'aborted');
    assert.equal(fake.countTimers(), 0);
  } finally {
    fake.uninstall();
  }
});
