import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdsRetryPolicy, type RetryPolicyOptions } from './policy.js';
import { VirtualClock } from './virtual-clock.js';
import { TokenBucketBudget, unlimitedBudget } from './budget.js';
import { isRetryGiveUpError, RetryGiveUpError } from './give-up-error.js';
import { AdsError } from '../error/ads-error.js';
import { adsError, type ErrorSpec } from '../../test/retry/fixtures.js';

type Outcome<T> = { ok: true; value: T; at: number } | { ok: false; error: unknown; at: number };

/** Runs `p` to the end on the virtual clock. */
async function drive<T>(clock: VirtualClock, p: Promise<T>): Promise<Outcome<T>> {
  const r = p.then(
    (value): Outcome<T> => ({ ok: true, value, at: clock.now() }),
    (error: unknown): Outcome<T> => ({ ok: false, error, at: clock.now() }),
  );
  await clock.run();
  return r;
}

function setup(options: RetryPolicyOptions = {}) {
  const clock = new VirtualClock({ seed: 7 });
  const policy = new AdsRetryPolicy({ clock, budget: unlimitedBudget, ...options });
  return { clock, policy };
}

/** A call that fails with the given errors in turn, then returns 'ok'; records when it was called. */
function script(clock: VirtualClock, ...failures: (ErrorSpec | AdsError | Error)[]) {
  const calls: number[] = [];
  const fn = async (): Promise<string> => {
    calls.push(clock.now());
    const next = failures[calls.length - 1];
    if (next === undefined) return 'ok';
    throw next instanceof Error ? next : adsError(next);
  };
  return { fn, calls };
}

function giveUp(o: Outcome<unknown>): RetryGiveUpError {
  assert.equal(o.ok, false);
  assert.ok(isRetryGiveUpError((o as { error: unknown }).error), `expected a RetryGiveUpError, got ${String((o as { error: unknown }).error)}`);
  return (o as { error: RetryGiveUpError }).error;
}

const TRANSIENT: ErrorSpec[] = [
  { status: 'UNAVAILABLE' },
  { status: 'INTERNAL' },
  { status: 'UNKNOWN' },
  { status: 'DEADLINE_EXCEEDED' },
  { status: 'ABORTED' },
  { status: 'INTERNAL', codes: ['internalError.TRANSIENT_ERROR'] },
  { status: 'INTERNAL', codes: ['internalError.INTERNAL_ERROR'] },
  { status: 'ABORTED', codes: ['databaseError.CONCURRENT_MODIFICATION'] },
  { status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.RESOURCE_TEMPORARILY_EXHAUSTED'], retryDelayMs: 2000 },
];

for (const spec of TRANSIENT) {
  test(`a read is retried after ${spec.status} ${spec.codes?.join() ?? ''}`, async () => {
    const { clock, policy } = setup();
    const { fn, calls } = script(clock, spec);
    const o = await drive(clock, policy.execute(fn, { operation: 'read' }));
    assert.deepEqual(o.ok && o.value, 'ok');
    assert.equal(calls.length, 2);
  });
}

const NEVER: ErrorSpec[] = [
  { status: 'INVALID_ARGUMENT', codes: ['fieldError.REQUIRED'] },
  { status: 'PERMISSION_DENIED', codes: ['authorizationError.USER_PERMISSION_DENIED'] },
  { status: 'UNAUTHENTICATED', codes: ['authenticationError.OAUTH_TOKEN_EXPIRED'] },
  { status: 'NOT_FOUND' },
  { status: 'FAILED_PRECONDITION' },
  { status: 'CANCELLED' },
  { status: 'DATA_LOSS' },
  { status: 'UNAUTHENTICATED', codes: ['authenticationError.CUSTOMER_NOT_FOUND'] },
  { status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.ACCESS_PROHIBITED'] },
  { status: 'INVALID_ARGUMENT', codes: ['fieldError.REQUIRED', 'internalError.TRANSIENT_ERROR'] },
];

for (const spec of NEVER) {
  test(`${spec.status} ${spec.codes?.join() ?? ''} is never retried`, async () => {
    const { clock, policy } = setup();
    const { fn, calls } = script(clock, spec, spec);
    const o = await drive(clock, policy.execute(fn, { operation: 'read' }));
    const e = giveUp(o);
    assert.equal(e.reason, 'not-retryable');
    assert.equal(e.attempts, 1);
    assert.equal(e.cause.status?.name, spec.status);
    assert.equal(calls.length, 1);
    assert.equal(o.at, 0, 'gave up without waiting');
  });
}

test('a value that is not an Ads failure is rethrown untouched and not retried', async () => {
  const { clock, policy } = setup();
  const bug = new TypeError('x is undefined');
  const { fn, calls } = script(clock, bug);
  const o = await drive(clock, policy.execute(fn, { operation: 'read' }));
  assert.equal(o.ok, false);
  assert.equal((o as { error: unknown }).error, bug);
  assert.equal(calls.length, 1);
});

test('the server delay is honoured: the retry is never sent earlier', async () => {
  const { clock, policy } = setup();
  const { fn, calls } = script(clock, { status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.RESOURCE_EXHAUSTED'], retryDelayMs: 30_000 });
  const delays: number[] = [];
  policy.onRetry((e) => delays.push(e.delayMs));
  const o = await drive(clock, policy.execute(fn, { operation: 'read' }));
  assert.equal(o.ok, true);
  assert.equal(calls.length, 2);
  assert.ok(calls[1]! >= 30_000, `second call at ${calls[1]}`);
  assert.ok(delays[0]! >= 30_000 && delays[0]! <= 31_000);
});

test('a server delay on a transient failure is a floor for the backoff', async () => {
  const { clock, policy } = setup();
  const { fn, calls } = script(clock, { status: 'UNAVAILABLE', retryDelayMs: 7_000 });
  await drive(clock, policy.execute(fn, { operation: 'read' }));
  assert.ok(calls[1]! >= 7_000);
});

test('a rate limit without a delay backs off exponentially', async () => {
  const { clock, policy } = setup();
  const spec: ErrorSpec = { status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.RESOURCE_EXHAUSTED'] };
  const { fn, calls } = script(clock, spec, spec, spec);
  const o = await drive(clock, policy.execute(fn, { operation: 'read' }));
  assert.equal(o.ok, true);
  const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
  assert.ok(gaps[0]! >= 1000 && gaps[0]! < 1200, `gap ${gaps[0]}`);
  assert.ok(gaps[1]! >= 2000 && gaps[1]! < 2400, `gap ${gaps[1]}`);
  assert.ok(gaps[2]! >= 4000 && gaps[2]! < 4800, `gap ${gaps[2]}`);
});

test('the daily quota gives up at once and says when to come back', async () => {
  const { clock, policy } = setup();
  const { fn, calls } = script(clock, { status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.RESOURCE_EXHAUSTED'], retryDelayMs: 5_603_000, rateName: 'Number of operations for basic access' });
  const o = await drive(clock, policy.execute(fn, { operation: 'read' }));
  const e = giveUp(o);
  assert.equal(e.reason, 'quota');
  assert.equal(calls.length, 1);
  assert.equal(e.retryAt?.getTime(), 5_603_000);
  assert.match(e.message, /come back at 1970-01-01T01:33:23\.000Z/);
});

test('a server delay longer than the time left gives up at once with retryAt', async () => {
  const { clock, policy } = setup({ totalBudgetMs: 10_000 });
  const { fn, calls } = script(clock, { status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.RESOURCE_EXHAUSTED'], retryDelayMs: 60_000 });
  const o = await drive(clock, policy.execute(fn, { operation: 'read' }));
  const e = giveUp(o);
  assert.equal(e.reason, 'server-delay');
  assert.equal(o.at, 0);
  assert.equal(calls.length, 1);
  assert.equal(e.retryAt?.getTime(), 60_000);
});

test('the total time budget stops the backoff before it would be overrun', async () => {
  const { clock, policy } = setup({ totalBudgetMs: 5_000, maxAttempts: 10 });
  const spec: ErrorSpec = { status: 'UNAVAILABLE' };
  const { fn, calls } = script(clock, spec, spec, spec, spec, spec);
  const o = await drive(clock, policy.execute(fn, { operation: 'read' }));
  assert.equal(giveUp(o).reason, 'time-budget');
  assert.equal(calls.length, 3); // waits of ~1 s and ~2 s fit; ~4 s more would not
  assert.ok(o.at <= 5_000);
});

test('max attempts: five calls with 1 s, 2 s, 4 s, 8 s waits, then give up', async () => {
  const { clock, policy } = setup();
  const spec: ErrorSpec = { status: 'UNAVAILABLE', requestId: 'abc' };
  const { fn, calls } = script(clock, spec, spec, spec, spec, spec, spec);
  const o = await drive(clock, policy.execute(fn, { operation: 'read' }));
  const e = giveUp(o);
  assert.equal(e.reason, 'attempts');
  assert.equal(e.attempts, 5);
  assert.equal(e.requestId, 'abc');
  assert.equal(calls.length, 5);
  const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
  [1000, 2000, 4000, 8000].forEach((base, i) => assert.ok(gaps[i]! >= base && gaps[i]! < base * 1.2, `gap ${i}: ${gaps[i]}`));
});

test('abort cancels a wait immediately', async () => {
  const { clock, policy } = setup();
  const { fn, calls } = script(clock, { status: 'UNAVAILABLE' });
  const ctl = new AbortController();
  const p = policy.execute(fn, { operation: 'read', signal: ctl.signal });
  const r = p.then(() => 'resolved', (e: unknown) => e);
  await clock.advance(100);
  ctl.abort(new Error('stop'));
  const e = await r;
  assert.equal((e as Error).message, 'stop');
  assert.equal(clock.now(), 100);
  assert.equal(calls.length, 1);
  assert.equal(clock.pending, 0, 'the wait timer is gone');
});

test('abort stops an attempt that hangs, and the attempt sees the signal', async () => {
  const { clock, policy } = setup();
  let seen: AbortSignal | undefined;
  const ctl = new AbortController();
  const p = policy.execute(({ signal }) => {
    seen = signal;
    return new Promise<string>(() => {});
  }, { signal: ctl.signal });
  const r = p.then(() => 'resolved', (e: unknown) => e);
  await clock.advance(50);
  ctl.abort(new Error('stop'));
  assert.equal(((await r) as Error).message, 'stop');
  assert.equal(seen?.aborted, true);
});

test('an already aborted signal means no call at all', async () => {
  const { clock, policy } = setup();
  const { fn, calls } = script(clock);
  const o = await drive(clock, policy.execute(fn, { signal: AbortSignal.abort(new Error('early')) }));
  assert.equal(o.ok, false);
  assert.equal(calls.length, 0);
});

test('per-attempt timeout: a read that hangs is abandoned and retried', async () => {
  const { clock, policy } = setup({ attemptTimeoutMs: 1_000 });
  const signals: AbortSignal[] = [];
  let n = 0;
  const o = await drive(
    clock,
    policy.execute(async ({ signal }) => {
      signals.push(signal);
      if (++n === 1) await clock.sleep(60_000);
      return n;
    }, { operation: 'read' }),
  );
  assert.deepEqual(o.ok && o.value, 2);
  assert.equal(signals[0]!.aborted, true, 'the timed-out attempt was told to stop');
  assert.ok(o.at >= 2_000 && o.at < 2_300, `done at ${o.at}`);
});

test('per-attempt timeout: a mutate that hangs is not resent (its outcome is unknown)', async () => {
  const { clock, policy } = setup({ attemptTimeoutMs: 1_000 });
  let n = 0;
  const o = await drive(clock, policy.execute(async () => { n++; await clock.sleep(60_000); }, { operation: 'mutate' }));
  const e = giveUp(o);
  assert.equal(e.reason, 'outcome-unknown');
  assert.equal(e.cause.status?.name, 'DEADLINE_EXCEEDED');
  assert.equal(n, 1);
  assert.equal(o.at, 1_000);
});

for (const status of ['DEADLINE_EXCEEDED', 'UNKNOWN', 'INTERNAL'] as const) {
  test(`a mutate is not resent after ${status} unless marked safe`, async () => {
    const { clock, policy } = setup();
    const a = script(clock, { status });
    assert.equal(giveUp(await drive(clock, policy.execute(a.fn, { operation: 'mutate' }))).reason, 'outcome-unknown');
    assert.equal(a.calls.length, 1);
    const d = script(clock, { status });
    assert.equal(giveUp(await drive(clock, policy.execute(d.fn))).reason, 'outcome-unknown', 'the default is mutate');
    const b = script(clock, { status });
    assert.equal((await drive(clock, policy.execute(b.fn, { operation: 'mutate', idempotent: true }))).ok, true);
    assert.equal(b.calls.length, 2);
    const c = script(clock, { status });
    assert.equal((await drive(clock, policy.execute(c.fn, { operation: 'mutate', validateOnly: true }))).ok, true);
  });
}

test('a mutate is resent after UNAVAILABLE (the request was not processed)', async () => {
  const { clock, policy } = setup();
  const { fn, calls } = script(clock, { status: 'UNAVAILABLE' });
  assert.equal((await drive(clock, policy.execute(fn, { operation: 'mutate' }))).ok, true);
  assert.equal(calls.length, 2);
});

test('one budget shared by concurrent calls stops retries when everything fails', async () => {
  const clock = new VirtualClock({ seed: 3 });
  const budget = new TokenBucketBudget({ capacity: 3 });
  const policy = new AdsRetryPolicy({ clock, budget });
  let calls = 0;
  const fn = async (): Promise<never> => {
    calls++;
    await clock.sleep(10);
    throw adsError({ status: 'UNAVAILABLE' });
  };
  const outcomes = await Promise.all(Array.from({ length: 20 }, () => drive(clock, policy.execute(fn, { operation: 'read' }))));
  const reasons = outcomes.map((o) => giveUp(o).reason);
  assert.ok(calls <= 20 + 3, `calls ${calls}`);
  assert.ok(reasons.filter((r) => r === 'throttled').length >= 17);
  assert.equal(budget.tokens, 0);
  // Successes refill it.
  for (let i = 0; i < 6; i++) await drive(clock, policy.execute(async () => 1));
  assert.equal(budget.tokens, 3);
});

test('with scattered failures the budget never gets in the way', async () => {
  const clock = new VirtualClock({ seed: 5 });
  const policy = new AdsRetryPolicy({ clock });
  let denied = 0;
  policy.onGiveUp((e) => { if (e.reason === 'throttled') denied++; });
  let i = 0;
  for (let r = 0; r < 200; r++) {
    // Every fifth call fails once.
    const o = await drive(clock, policy.execute(async () => { if (i++ % 5 === 0) throw adsError({ status: 'UNAVAILABLE' }); return 1; }, { operation: 'read' }));
    assert.equal(o.ok, true);
  }
  assert.equal(denied, 0);
});

test('CUSTOMER_NOT_FOUND on a new account: wait 5 minutes, then poll every 30 s', async () => {
  const { clock, policy } = setup();
  const spec: ErrorSpec = { status: 'UNAUTHENTICATED', codes: ['authenticationError.CUSTOMER_NOT_FOUND'] };
  const { fn, calls } = script(clock, ...Array.from({ length: 8 }, () => spec));
  const o = await drive(clock, policy.execute(fn, { operation: 'read', newAccount: true }));
  assert.equal(o.ok, true);
  assert.deepEqual(calls, [0, 300_000, 330_000, 360_000, 390_000, 420_000, 450_000, 480_000, 510_000]);
});

test('CUSTOMER_NOT_FOUND polling stops at the time budget', async () => {
  const { clock, policy } = setup({ totalBudgetMs: 400_000 });
  const spec: ErrorSpec = { status: 'UNAUTHENTICATED', codes: ['authenticationError.CUSTOMER_NOT_FOUND'] };
  const { fn, calls } = script(clock, ...Array.from({ length: 30 }, () => spec));
  const e = giveUp(await drive(clock, policy.execute(fn, { operation: 'read', newAccount: true })));
  assert.equal(e.reason, 'time-budget');
  assert.deepEqual(calls, [0, 300_000, 330_000, 360_000, 390_000]);
});

test('events carry attempt, delay, decoded error and request id', async () => {
  const { clock, policy } = setup({ maxAttempts: 2 });
  const retries: unknown[] = [];
  const giveUps: unknown[] = [];
  policy.onRetry((e) => retries.push({ attempt: e.attempt, schedule: e.schedule, requestId: e.requestId, code: e.error.code, early: e.delayMs < 1000 }));
  const sub = policy.onGiveUp((e) => giveUps.push({ attempts: e.attempts, reason: e.reason, requestId: e.requestId }));
  const spec: ErrorSpec = { status: 'INTERNAL', codes: ['internalError.TRANSIENT_ERROR'], requestId: 'r-9' };
  const { fn } = script(clock, spec, spec);
  await drive(clock, policy.execute(fn, { operation: 'read' }));
  assert.deepEqual(retries, [{ attempt: 2, schedule: 'backoff', requestId: 'r-9', code: 'internalError.TRANSIENT_ERROR', early: false }]);
  assert.deepEqual(giveUps, [{ attempts: 2, reason: 'attempts', requestId: 'r-9' }]);
  sub.dispose();
  await drive(clock, policy.execute(script(clock, spec, spec).fn, { operation: 'read' }));
  assert.equal(giveUps.length, 1, 'disposed listener is not called');
});

test('a rate-limit delay holds every call of the shared policy, not only the one that got it', async () => {
  const { clock, policy } = setup();
  const starts: number[] = [];
  let first = true;
  const fn = async (): Promise<number> => {
    starts.push(clock.now());
    if (first) {
      first = false;
      throw adsError({ status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.RESOURCE_EXHAUSTED'], retryDelayMs: 5_000 });
    }
    return 1;
  };
  const a = policy.execute(fn, { operation: 'read' });
  await clock.advance(1_000);
  const b = policy.execute(fn, { operation: 'read' }); // a new call, during the delay
  await clock.run();
  await Promise.all([a, b]);
  assert.equal(starts.length, 3);
  assert.ok(starts.slice(1).every((t) => t >= 5_000), `starts ${starts}`);
});

test('with() derives a policy that shares the budget', async () => {
  const budget = new TokenBucketBudget({ capacity: 2 });
  const clock = new VirtualClock();
  const base = new AdsRetryPolicy({ clock, budget });
  const derived = base.with({ maxAttempts: 9 });
  assert.equal(derived.budget, budget);
  const fail = async (): Promise<never> => { throw adsError({ status: 'UNAVAILABLE' }); };
  await drive(clock, base.execute(fail, { operation: 'read' }));
  assert.equal(budget.tokens, 0);
  assert.equal(giveUp(await drive(clock, derived.execute(fail, { operation: 'read' }))).reason, 'throttled');
});

test('an ACCOUNT-scope rate limit holds only that account; a DEVELOPER-scope one holds every call', async () => {
  for (const scope of ['ACCOUNT', 'DEVELOPER'] as const) {
    const { clock, policy } = setup();
    const starts: Record<string, number[]> = { a: [], b: [] };
    let first = true;
    const fn = (acct: 'a' | 'b') => async (): Promise<number> => {
      starts[acct]!.push(clock.now());
      if (first) {
        first = false;
        const e = adsError({ status: 'RESOURCE_EXHAUSTED', codes: ['quotaError.RESOURCE_EXHAUSTED'], retryDelayMs: 5_000 });
        throw new AdsError({ ...e.toJSON(), quota: { ...e.quota!, rateScope: scope } });
      }
      return 1;
    };
    const a1 = policy.execute(fn('a'), { operation: 'read', account: 'a' });
    await clock.advance(1_000);
    const a2 = policy.execute(fn('a'), { operation: 'read', account: 'a' });
    const b1 = policy.execute(fn('b'), { operation: 'read', account: 'b' });
    await clock.run();
    await Promise.all([a1, a2, b1]);
    assert.ok(starts.a!.slice(1).every((t) => t >= 5_000), `${scope}: account a starts ${starts.a}`);
    if (scope === 'ACCOUNT') assert.deepEqual(starts.b, [1_000], 'account b is not held');
    else assert.ok(starts.b![0]! >= 5_000, `DEVELOPER: account b starts ${starts.b}`);
  }
});
