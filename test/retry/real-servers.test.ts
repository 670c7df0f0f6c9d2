/**
 * The policy with its default decoder against real servers on port 0: a grpc-js server and an
 * HTTP server answering the way the Google Ads API does. Real clock, short schedules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { AdsRetryPolicy, exponentialBackoff, isRetryGiveUpError, type RetryEvent } from '../../src/retry/index.js';
import { decodeResponse } from '../../src/decode/index.js';

const PATH = '/test.Echo/Call';
const identity = (b: Buffer): Buffer => b;

async function grpcServer(answers: (grpc.ServiceError | null)[]): Promise<{ address: string; calls: () => number; close: () => void }> {
  const server = new grpc.Server();
  let n = 0;
  server.addService(
    { call: { path: PATH, requestStream: false, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity } },
    {
      call: (_call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => {
        const a = answers[n++] ?? null;
        if (a) cb(a);
        else cb(null, Buffer.from('ok'));
      },
    },
  );
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { address: `127.0.0.1:${port}`, calls: () => n, close: () => server.forceShutdown() };
}

function unary(client: grpc.Client, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const call = client.makeUnaryRequest(PATH, identity, identity, Buffer.from('hi'), (err, res) => (err ? reject(err) : resolve(res!.toString())));
    signal.addEventListener('abort', () => call.cancel(), { once: true });
  });
}

const status = (code: grpc.status, details: string): grpc.ServiceError => Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });

test('a real grpc-js UNAVAILABLE is decoded, retried, and the call succeeds', async () => {
  const srv = await grpcServer([status(grpc.status.UNAVAILABLE, 'backend restarting')]);
  const client = new grpc.Client(srv.address, grpc.credentials.createInsecure());
  try {
    const policy = new AdsRetryPolicy({ backoff: exponentialBackoff({ initialMs: 10 }) });
    const events: RetryEvent[] = [];
    policy.onRetry((e) => events.push(e));
    const out = await policy.execute(({ signal }) => unary(client, signal), { operation: 'read' });
    assert.equal(out, 'ok');
    assert.equal(srv.calls(), 2);
    assert.equal(events[0]?.error.status?.name, 'UNAVAILABLE');
  } finally {
    client.close();
    srv.close();
  }
});

test('a real grpc-js INVALID_ARGUMENT is not retried', async () => {
  const srv = await grpcServer([status(grpc.status.INVALID_ARGUMENT, 'bad query'), null]);
  const client = new grpc.Client(srv.address, grpc.credentials.createInsecure());
  try {
    const policy = new AdsRetryPolicy({ backoff: exponentialBackoff({ initialMs: 10 }) });
    const err = await policy.execute(({ signal }) => unary(client, signal), { operation: 'read' }).then(() => null, (e: unknown) => e);
    assert.ok(isRetryGiveUpError(err));
    assert.equal(err.reason, 'not-retryable');
    assert.equal(err.cause.status?.name, 'INVALID_ARGUMENT');
    assert.equal(srv.calls(), 1);
  } finally {
    client.close();
    srv.close();
  }
});

async function httpServer(handler: (n: number, req: IncomingMessage, res: ServerResponse) => void) {
  let n = 0;
  const times: number[] = [];
  const server = createServer((req, res) => {
    times.push(performance.now());
    handler(n++, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v25/customers/1/googleAds:search`;
  return { url, times, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function search(url: string, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', body: '{}', signal });
  if (!res.ok) throw await decodeResponse(res);
  return res.json();
}

test('a REST quota answer with quotaErrorDetails.retryDelay is waited out, never less', async () => {
  let sentAt = 0;
  const srv = await httpServer((n, _req, res) => {
    if (n === 0) {
      const message = 'Too many requests. Retry in 1 seconds.';
      res.writeHead(429, { 'content-type': 'application/json', 'request-id': 'q-1' });
      res.end(JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message, details: [{ '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure', errors: [{ errorCode: { quotaError: 'RESOURCE_EXHAUSTED' }, message, details: { quotaErrorDetails: { rateScope: 'ACCOUNT', rateName: 'Requests per account', retryDelay: '1s' } } }], requestId: 'q-1' }] } }));
      sentAt = performance.now();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"results":[]}');
    }
  });
  try {
    const policy = new AdsRetryPolicy();
    const events: RetryEvent[] = [];
    policy.onRetry((e) => events.push(e));
    const out = await policy.execute(({ signal }) => search(srv.url, signal), { operation: 'read' });
    assert.deepEqual(out, { results: [] });
    assert.equal(srv.times.length, 2);
    assert.ok(srv.times[1]! - sentAt >= 999, `resent after ${srv.times[1]! - sentAt} ms`);
    assert.equal(events[0]?.schedule, 'server-delay');
    assert.equal(events[0]?.requestId, 'q-1');
  } finally {
    await srv.close();
  }
});

test('a REST daily-quota answer gives up at once with the time to come back', async () => {
  const srv = await httpServer((_n, _req, res) => {
    const message = 'Too many requests. Retry in 40591 seconds.';
    res.writeHead(429, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message, details: [{ '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure', errors: [{ errorCode: { quotaError: 'RESOURCE_EXHAUSTED' }, message, details: { quotaErrorDetails: { rateScope: 'DEVELOPER', rateName: 'Number of operations for basic access', retryDelay: '40591s' } } }] }] } }));
  });
  try {
    const before = Date.now();
    const err = await new AdsRetryPolicy().execute(({ signal }) => search(srv.url, signal), { operation: 'read' }).then(() => null, (e: unknown) => e);
    assert.ok(isRetryGiveUpError(err));
    assert.equal(err.reason, 'quota');
    assert.equal(srv.times.length, 1);
    const back = err.retryAt!.getTime() - before;
    assert.ok(back >= 40_591_000 && back < 40_591_000 + 60_000, `retryAt in ${back} ms`);
  } finally {
    await srv.close();
  }
});

test('aborting while waiting out a Retry-After ends the call at once', async () => {
  const srv = await httpServer((_n, _req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '30' });
    res.end(JSON.stringify({ error: { code: 503, status: 'UNAVAILABLE', message: 'busy' } }));
  });
  try {
    const ctl = new AbortController();
    const policy = new AdsRetryPolicy();
    policy.onRetry((e) => {
      assert.ok(e.delayMs >= 30_000);
      setTimeout(() => ctl.abort(new Error('user left')), 20);
    });
    const t0 = performance.now();
    const err = await policy.execute(({ signal }) => search(srv.url, signal), { operation: 'read', signal: ctl.signal }).then(() => null, (e: unknown) => e);
    assert.equal((err as Error).message, 'user left');
    assert.ok(performance.now() - t0 < 10_000);
    assert.equal(srv.times.length, 1);
  } finally {
    await srv.close();
  }
});
