/**
 * The two seed errors that time or a library can fix, recovered end to end:
 * CUSTOMER_NOT_FOUND on a freshly created account (the retry engine polls until it appears)
 * and an access token that expired or was invalidated (refresh at `/token`, resend once).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../../src/decode/index.js';
import { explain } from '../../src/explain/index.js';
import { AdsRetryPolicy, constantBackoff, type RetryEvent } from '../../src/retry/index.js';
import { defaultWorldSeed, IDS, startEmulator, TOKENS } from '../../src/emulator/index.js';
import { GrpcClients, rest, withHeaders } from './clients.js';

test('CUSTOMER_NOT_FOUND on a new account: the engine polls (newAccount) until the account is ready', async () => {
  const seed = defaultWorldSeed();
  const fresh = {
    ...seed.customers.find((c) => c.id === IDS.client)!,
    id: '1000000099',
    name: 'Just created',
    // Not ready until the test says so (below, after two polls): no race with the clock.
    readyAt: Date.now() + 3_600_000,
  };
  const emu = await startEmulator({ world: { ...seed, customers: [...seed.customers, fresh] }, httpPort: null });
  const clients = new GrpcClients(emu.grpcAddress!);
  try {
    const policy = new AdsRetryPolicy({ backoff: constantBackoff(10), budget: null, gate: null, maxAttempts: 20, newAccountPoll: { firstWaitMs: 150, intervalMs: 100 } });
    const polls: RetryEvent[] = [];
    policy.onRetry((e) => {
      polls.push(e);
      if (polls.length === 2) emu.world.customers.get(fresh.id)!.readyAt = null;
    });
    const rows = await policy.execute(
      async () => {
        const r = await clients.unary('GoogleAdsService.Search', { customerId: fresh.id, query: 'SELECT customer.id FROM customer' });
        if (r.error) throw r.error;
        return r.response!['results'] as unknown[];
      },
      { newAccount: true, operation: 'read' },
    );
    assert.equal(rows.length, 1);
    assert.equal(polls.length, 2);
    assert.ok(polls.every((p) => p.schedule === 'poll' && p.error.code === 'authenticationError.CUSTOMER_NOT_FOUND'));
    const codes = emu.log.entries.map((e) => e.code);
    assert.equal(codes.at(-1), 0);
    assert.deepEqual(codes, [16, 16, 0]);
  } finally {
    clients.close();
    await emu.close();
  }
});

test('an issued access token expires (OAUTH_TOKEN_EXPIRED); refreshing at /token and resending once works', async () => {
  // A clock the test moves, so expiry does not race a loaded machine.
  let clock = Date.now();
  const emu = await startEmulator({ accessTokenLifetimeMs: 150, grpcPort: null, now: () => clock });
  try {
    const refresh = async () => {
      const res = await fetch(`${emu.httpUrl}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: TOKENS.refresh, client_id: 'id', client_secret: 's' }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const call = (token: string) => rest(emu.httpUrl!, `/v25/customers/${IDS.client}/googleAds:search`, { query: 'SELECT customer.id FROM customer' }, withHeaders({ authorization: `Bearer ${token}` }));
    let token = await refresh();
    assert.equal((await call(token)).status, 200);
    clock += 200;
    const stale = await call(token);
    const err = decode(stale.body, { httpStatus: stale.status });
    assert.equal(err.code, 'authenticationError.OAUTH_TOKEN_EXPIRED');
    assert.equal(err.kind, 'authentication');
    assert.equal(err.retryable, false, 'not a blind retry: the token must change first');
    token = await refresh();
    assert.equal((await call(token)).status, 200);
  } finally {
    await emu.close();
  }
});

test('GOOGLE_ACCOUNT_COOKIE_INVALID is explained as "get a new access token"; a new one is accepted', async () => {
  const emu = await startEmulator({ grpcPort: null });
  try {
    const bad = await rest(emu.httpUrl!, `/v25/customers/${IDS.client}/googleAds:search`, { query: 'SELECT customer.id FROM customer' }, withHeaders({ authorization: `Bearer ${TOKENS.invalidated}` }));
    const err = decode(bad.body, { httpStatus: bad.status });
    assert.equal(err.code, 'authenticationError.GOOGLE_ACCOUNT_COOKIE_INVALID');
    const ex = await explain(err);
    assert.match([...ex.steps, ex.what].join(' '), /token/i);
    const good = await rest(emu.httpUrl!, `/v25/customers/${IDS.client}/googleAds:search`, { query: 'SELECT customer.id FROM customer' }, withHeaders({ authorization: `Bearer ${TOKENS.access}` }));
    assert.equal(good.status, 200);
  } finally {
    await emu.close();
  }
});
