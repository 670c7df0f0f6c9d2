/**
 * The grpc-js integration against the emulator's real gRPC server: a generic grpc-js client
 * built from the emulator's service definitions, and google-ads-node's GoogleAdsServiceClient
 * (google-gax) unmodified.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { GoogleAdsServiceClient } from 'google-ads-node';
import { isAdsError, type AdsError } from '../../src/decode/index.js';
import { grpcServiceDefinitions, IDS, startEmulator, TOKENS, type RunningEmulator } from '../../src/emulator/index.js';
import { adsErrorInterceptor, adsErrorOf, retryingCall, trailersOf, withAdsErrors, type AdsServiceError } from '../../src/integrations/grpc.js';
import { AdsRetryPolicy, constantBackoff, isRetryGiveUpError } from '../../src/retry/index.js';

type Json = Record<string, unknown>;
type Unary = (req: Json, md: grpc.Metadata, opts: grpc.CallOptions, cb: (e: grpc.ServiceError | null, r?: Json) => void) => grpc.ClientUnaryCall;
type Streaming = (req: Json, md: grpc.Metadata, opts?: grpc.CallOptions) => grpc.ClientReadableStream<Json>;
type AdsClient = grpc.Client & { Search: Unary; SearchStream: Streaming };

let emu: RunningEmulator;
let Ctor: grpc.ServiceClientConstructor;
const clients: { close(): unknown }[] = [];

before(async () => {
  emu = await startEmulator({ httpPort: null, seed: 21, streamBatchRows: 1 });
  Ctor = grpc.makeGenericClientConstructor(grpcServiceDefinitions().get('GoogleAdsService')!, 'GoogleAdsService');
});
after(async () => {
  for (const c of clients) await c.close();
  await emu.close();
});

function client(options: grpc.ClientOptions = {}): AdsClient {
  const c = new Ctor(emu.grpcAddress!, grpc.credentials.createInsecure(), options) as unknown as AdsClient;
  clients.push(c);
  return c;
}

function md(extra: Record<string, string> = {}): grpc.Metadata {
  const m = new grpc.Metadata();
  const all: Record<string, string> = { authorization: `Bearer ${TOKENS.access}`, 'developer-token': TOKENS.developer, 'login-customer-id': IDS.manager, ...extra };
  for (const [k, v] of Object.entries(all)) m.set(k, v);
  return m;
}

function search(c: AdsClient, query: string, extra: Record<string, string> = {}): Promise<{ error: grpc.ServiceError | null; response: Json | undefined }> {
  return new Promise((resolve) => {
    c.Search({ customerId: IDS.client, query }, md(extra), { deadline: Date.now() + 5000 }, (error, response) => resolve({ error, response }));
  });
}

test('the interceptor adds the decoded failure and keeps every grpc-js field', async () => {
  const seen: [string, string][] = [];
  const c = client({ interceptors: [adsErrorInterceptor({ onError: (e, method) => seen.push([e.code ?? '', method]) })] });
  const { error } = await search(c, 'SELECT campaign.nme FROM campaign');
  assert.ok(error);
  // What existing code reads is still there.
  assert.equal(error.code, grpc.status.INVALID_ARGUMENT);
  assert.ok(error instanceof Error);
  assert.equal(typeof error.details, 'string');
  const trailerId = error.metadata.get('request-id')[0];
  assert.equal(typeof trailerId, 'string');
  // And the decoded failure beside it.
  const ads = (error as AdsServiceError).adsError;
  assert.ok(isAdsError(ads));
  assert.equal(ads.code, 'queryError.UNRECOGNIZED_FIELD');
  assert.equal(ads.requestId, trailerId);
  assert.equal(ads.source, 'grpc');
  assert.equal(adsErrorOf(error), ads, 'adsErrorOf returns the attached one, no second decode');
  assert.deepEqual(seen, [['queryError.UNRECOGNIZED_FIELD', `/google.ads.googleads.${emu.apiVersion}.services.GoogleAdsService/Search`]]);

  const ok = await search(c, 'SELECT campaign.id FROM campaign LIMIT 1');
  assert.equal(ok.error, null);
  assert.equal((ok.response?.['results'] as unknown[]).length, 1);
});

test('a stream failing after rows emits an error that carries the decoded failure', async () => {
  const c = client({ interceptors: [adsErrorInterceptor()] });
  const call = c.SearchStream({ customerId: IDS.client, query: 'SELECT campaign.id FROM campaign' }, md({ 'x-emulator-fault': 'mid-stream=2' }));
  const messages: Json[] = [];
  const error = await new Promise<grpc.ServiceError>((resolve) => {
    call.on('data', (m: Json) => messages.push(m));
    call.on('error', resolve);
  });
  assert.equal(messages.length, 2);
  assert.equal(error.code, grpc.status.INTERNAL);
  assert.equal((error as AdsServiceError).adsError.code, 'internalError.INTERNAL_ERROR');
  assert.equal((error as AdsServiceError).adsError.retryable, true);
});

test('per call, through google-gax: google-ads-node failures carry the decoded failure too', async () => {
  const port = Number(emu.grpcAddress!.split(':').pop());
  const gax = new GoogleAdsServiceClient({ apiEndpoint: '127.0.0.1', port, sslCreds: grpc.credentials.createInsecure(), universeDomain: 'googleapis.com' });
  clients.push(gax);
  const headers = { authorization: `Bearer ${TOKENS.access}`, 'developer-token': TOKENS.developer, 'login-customer-id': IDS.manager };
  const callOptions = { otherArgs: { headers, options: { interceptors: [adsErrorInterceptor()] } } };
  let thrown: unknown;
  try {
    await gax.search({ customer_id: IDS.client, query: 'SELECT campaign.nme FROM campaign' }, callOptions as never);
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown, 'the call failed');
  const ads = (thrown as { adsError?: AdsError }).adsError;
  assert.ok(isAdsError(ads), 'gax kept the property the interceptor added');
  assert.equal(ads.code, 'queryError.UNRECOGNIZED_FIELD');
  assert.equal((thrown as { code?: number }).code, 3);

  // gax streams take the per-call interceptor too.
  const stream = gax.searchStream({ customer_id: IDS.client, query: 'SELECT campaign.id FROM campaign' }, { otherArgs: { headers: { ...headers, 'x-emulator-fault': 'mid-stream=1' }, options: { interceptors: [adsErrorInterceptor()] } } } as never);
  let received = 0;
  stream.on('data', () => received++);
  const streamError = await new Promise<{ code?: number; adsError?: AdsError }>((resolve) => stream.on('error', resolve));
  assert.equal(received, 1);
  assert.equal(streamError.code, grpc.status.INTERNAL);
  assert.equal(streamError.adsError?.code, 'internalError.INTERNAL_ERROR');

  // withAdsErrors on the same gax client: the promise rejects with the AdsError itself.
  const wrapped = withAdsErrors(gax);
  await assert.rejects(wrapped.search({ customer_id: IDS.client, query: 'SELECT campaign.nme FROM campaign' }, { otherArgs: { headers } } as never), (e: unknown) => {
    assert.ok(isAdsError(e));
    assert.equal(e.code, 'queryError.UNRECOGNIZED_FIELD');
    assert.equal(e.status?.code, 3);
    assert.ok(trailersOf(e)?.get('request-id')[0], 'the trailers stay reachable through cause');
    return true;
  });
  const [rows] = await wrapped.search({ customer_id: IDS.client, query: 'SELECT campaign.id FROM campaign LIMIT 2' }, { otherArgs: { headers } } as never);
  assert.equal(rows.length, 2);
});

test('withAdsErrors on a plain grpc-js client: callbacks and stream errors get AdsErrors', async () => {
  const c = withAdsErrors(client());
  const { error: raw } = await search(c, 'SELECT campaign.nme FROM campaign');
  const error: unknown = raw;
  assert.ok(isAdsError(error));
  assert.equal(error.code, 'queryError.UNRECOGNIZED_FIELD');
  assert.equal(error.status?.name, 'INVALID_ARGUMENT');
  assert.equal((error.cause as grpc.ServiceError).code, 3);

  const call = c.SearchStream({ customerId: IDS.client, query: 'SELECT campaign.id FROM campaign' }, md({ 'x-emulator-fault': 'mid-stream=1' }));
  call.on('data', () => {});
  const streamError = await new Promise<unknown>((resolve) => call.on('error', resolve));
  assert.ok(isAdsError(streamError));
  assert.equal(streamError.code, 'internalError.INTERNAL_ERROR');
});

test('retryingCall: two scripted UNAVAILABLEs, then the response', async () => {
  const c = client();
  const policy = new AdsRetryPolicy({ backoff: constantBackoff(5), gate: null });
  let attempts = 0;
  const res = await retryingCall<Json>(
    policy,
    (_ctx, done) => {
      attempts++;
      return c.Search({ customerId: IDS.client, query: 'SELECT campaign.id FROM campaign LIMIT 2' }, md({ 'x-emulator-fault': 'fail-times=2:unavailable', 'x-emulator-key': 'grpc-retrying' }), { deadline: Date.now() + 5000 }, done);
    },
    { operation: 'read' },
  );
  assert.equal(attempts, 3);
  assert.equal((res['results'] as unknown[]).length, 2);
});

test('retryingCall: an attempt past its timeout has its call cancelled, and a client error is not retried', async () => {
  const c = client();
  const policy = new AdsRetryPolicy({ backoff: constantBackoff(5), gate: null, attemptTimeoutMs: 100, maxAttempts: 2 });
  const calls: grpc.ClientUnaryCall[] = [];
  const cancelled: boolean[] = [];
  await assert.rejects(
    retryingCall<Json>(
      policy,
      (_ctx, done) => {
        const call = c.Search({ customerId: IDS.client, query: 'SELECT campaign.id FROM campaign' }, md({ 'x-emulator-fault': 'slow=2000' }), {}, (e, r) => {
          cancelled.push(e?.code === grpc.status.CANCELLED);
          done(e, r);
        });
        calls.push(call);
        return call;
      },
      { operation: 'read' },
    ),
    (e: unknown) => isRetryGiveUpError(e) && e.reason === 'attempts' && e.cause.status?.name === 'DEADLINE_EXCEEDED',
  );
  assert.equal(calls.length, 2);
  // The cancelled calls report back asynchronously: wait for both (bounded), however busy the machine.
  for (let waited = 0; cancelled.length < 2 && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(cancelled, [true, true], 'each timed-out attempt was cancelled, not left running');

  let attempts = 0;
  await assert.rejects(
    retryingCall<Json>(policy, (_ctx, done) => {
      attempts++;
      return c.Search({ customerId: IDS.client, query: 'SELECT campaign.nme FROM campaign' }, md(), {}, done);
    }),
    (e: unknown) => isRetryGiveUpError(e) && e.reason === 'not-retryable' && e.cause.code === 'queryError.UNRECOGNIZED_FIELD',
  );
  assert.equal(attempts, 1);
});

test('retryingCall takes a promise-returning start too (gax style)', async () => {
  const policy = new AdsRetryPolicy({ backoff: constantBackoff(1), gate: null });
  let n = 0;
  const v = await retryingCall<string>(policy, async () => {
    if (++n === 1) throw Object.assign(new Error('14 UNAVAILABLE: down'), { code: 14, details: 'down', metadata: new grpc.Metadata() });
    return 'ok';
  }, { operation: 'read' });
  assert.equal(v, 'ok');
  assert.equal(n, 2);
});
