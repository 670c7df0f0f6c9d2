/**
 * adsFetch against the emulator's REST server (real HTTP on port 0, scripted faults), and a
 * bare node:http server that cuts a stream off mid-body, for what the emulator never does.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAdsError, type AdsError } from '../../src/decode/index.js';
import { IDS, startEmulator, TOKENS, type RunningEmulator } from '../../src/emulator/index.js';
import { adsFetch } from '../../src/integrations/fetch.js';
import { AdsRetryPolicy, constantBackoff } from '../../src/retry/index.js';

let emu: RunningEmulator;
before(async () => {
  emu = await startEmulator({ grpcPort: null, seed: 11, streamBatchRows: 1 });
});
after(async () => {
  await emu.close();
});

const api = adsFetch();
const url = (method: 'search' | 'searchStream', customer: string = IDS.client): string => `${emu.httpUrl}/${emu.apiVersion}/customers/${customer}/googleAds:${method}`;
const post = (query: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    authorization: `Bearer ${TOKENS.access}`,
    'developer-token': TOKENS.developer,
    'login-customer-id': IDS.manager,
    ...headers,
  },
  body: JSON.stringify({ query }),
});

async function rejection(p: Promise<unknown>): Promise<AdsError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isAdsError(e), `expected an AdsError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a rejection');
}

test('a 2xx answer comes back as the Response itself', async () => {
  const res = await api(url('search'), post('SELECT campaign.id FROM campaign LIMIT 2'));
  assert.equal(res.status, 200);
  const body = (await res.json()) as { results: unknown[] };
  assert.equal(body.results.length, 2);
});

test('a non-2xx answer throws an AdsError decoded from status, headers and body', async () => {
  const e = await rejection(api(url('search'), post('SELECT campaign.nme FROM campaign')));
  assert.equal(e.code, 'queryError.UNRECOGNIZED_FIELD');
  assert.equal(e.httpStatus, 400);
  assert.equal(e.source, 'rest');
  assert.ok(e.requestId && emu.log.entries.some((x) => x.requestId === e.requestId));
  assert.ok(e.cause instanceof Response);

  const limited = await rejection(api(url('search'), post('SELECT campaign.id FROM campaign', { 'x-emulator-fault': 'rate-limit;delay=2s' })));
  assert.equal(limited.kind, 'rate-limit');
  assert.equal(limited.retryDelayMs, 2000);
});

test('with a retry policy: two scripted UNAVAILABLEs, then the rows', async () => {
  const policy = new AdsRetryPolicy({ backoff: constantBackoff(5), gate: null });
  let attempts = 0;
  const rows = await policy.execute(
    async ({ signal }) => {
      attempts++;
      const res = await api(url('search'), { ...post('SELECT campaign.id FROM campaign LIMIT 3', { 'x-emulator-fault': 'fail-times=2:unavailable', 'x-emulator-key': 'fetch-retry' }), signal });
      return ((await res.json()) as { results: unknown[] }).results;
    },
    { operation: 'read' },
  );
  assert.equal(attempts, 3);
  assert.equal(rows.length, 3);
});

test('searchStream: a whole stream gives every row and no error', async () => {
  const s = await api.searchStream(url('searchStream'), post('SELECT campaign.id FROM campaign'));
  assert.equal(s.error, null);
  assert.equal(s.complete, true);
  assert.equal(s.rows.length, 5);
  assert.equal(s.messages, 5);
});

test('searchStream: a stream failing after rows keeps the rows and decodes the failure', async () => {
  const s = await api.searchStream(url('searchStream'), post('SELECT campaign.id FROM campaign', { 'x-emulator-fault': 'mid-stream=2' }));
  assert.equal(s.rows.length, 2);
  assert.equal(s.error?.code, 'internalError.INTERNAL_ERROR');
  assert.equal(s.error?.retryable, true);
  assert.equal(s.restart?.advisable, true);
  assert.equal(s.restart?.rowsWillRepeat, true);
  assert.ok(s.requestId && emu.log.entries.some((x) => x.requestId === s.requestId));
});

test('searchStream: a failure before any row is returned, not thrown, with the HTTP facts', async () => {
  const s = await api.searchStream(url('searchStream'), post('SELECT campaign.id FROM campaign', { 'x-emulator-fault': 'unavailable' }));
  assert.equal(s.rows.length, 0);
  assert.equal(s.error?.status?.name, 'UNAVAILABLE');
  assert.equal(s.error?.httpStatus, 503);
  assert.ok(s.error?.requestId, 'request-id header kept');
  const denied = await api.searchStream(url('searchStream', IDS.stranger), post('SELECT campaign.id FROM campaign'));
  assert.equal(denied.error?.kind, 'authorization');
  assert.equal(denied.restart?.advisable, false);
});

test('searchStream: a body cut off mid-message keeps the whole messages and reports UNAVAILABLE', async () => {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[{"results":[{"campaign":{"id":"1","name":"a \\"}{[ b"}}],"requestId":"cut-1"},\n{"results":[{"campaign":{"id":"2"}}],"requestId":"cut-1"},\n{"results":[{"camp');
    // Then the connection dies, as a proxy or a crashed backend would cut it.
    setTimeout(() => res.socket?.destroy(), 20);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const s = await api.searchStream(`http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`, { method: 'POST' });
    assert.equal(s.rows.length, 2);
    assert.equal(s.requestId, 'cut-1');
    assert.equal(s.error?.status?.name, 'UNAVAILABLE');
    assert.equal(s.error?.retryable, true);
    assert.match(s.error?.message ?? '', /broke off after 2 complete message/);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('network failures: fetch rejects with its own error; searchStream returns it decoded', async () => {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  await assert.rejects(api(`http://127.0.0.1:${port}/x`), (e: unknown) => !isAdsError(e) && e instanceof TypeError);
  const s = await api.searchStream(`http://127.0.0.1:${port}/x`, { method: 'POST' });
  assert.equal(s.error?.status?.name, 'UNAVAILABLE');
  assert.equal(s.rows.length, 0);
});

test('a custom fetch implementation is used as given', async () => {
  const seen: string[] = [];
  const wrapped = adsFetch((input, init) => {
    seen.push(String(input));
    return fetch(input, init);
  });
  await wrapped(url('search'), post('SELECT campaign.id FROM campaign LIMIT 1'));
  assert.deepEqual(seen, [url('search')]);
});
