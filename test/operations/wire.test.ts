/**
 * Over real connections (port 0): a gRPC mutate with partial failure read by google-ads-node and
 * by a raw grpc-js client, a gRPC search stream that fails after some rows, and the REST forms
 * fetched over HTTP.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { splitOperations, splitStream } from '../../src/operations/index.js';
import * as fx from './fixtures.js';

const require = createRequire(import.meta.url);
const identity = (b: Buffer) => b;
const SVC = '/google.ads.googleads.v25.services.';

const mutate = fx.mutateResponse('MutateCampaignsResponse', ['customers/1/campaigns/1', null, 'customers/1/campaigns/3', null], [
  { key: 'fieldError.REQUIRED', path: [['operations', 1], ['create'], ['name']] },
  { key: 'databaseError.CONCURRENT_MODIFICATION', path: [['operations', 3]] },
]);
const rows = fx.message('SearchGoogleAdsStreamResponse');

let server: grpc.Server;
let port = 0;
let http: HttpServer;
let httpPort = 0;

before(async () => {
  server = new grpc.Server();
  server.addService(
    {
      mutateCampaigns: { path: `${SVC}CampaignService/MutateCampaigns`, requestStream: false, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity },
      searchStream: { path: `${SVC}GoogleAdsService/SearchStream`, requestStream: false, responseStream: true, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity },
    } as grpc.ServiceDefinition,
    {
      mutateCampaigns: (_call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => cb(null, Buffer.from(fx.asBinary(mutate))),
      searchStream: (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
        const { create, toBinary } = require('@bufbuild/protobuf') as typeof import('@bufbuild/protobuf');
        for (let m = 0; m < 2; m++) {
          const msg = create(rows, { requestId: 'grpc-stream-9', results: [0, 1, 2].map((k) => ({ campaign: { resourceName: `customers/1/campaigns/${m * 3 + k}` } })) } as never);
          call.write(Buffer.from(toBinary(rows, msg)));
        }
        const md = new grpc.Metadata();
        md.set('request-id', 'grpc-stream-9');
        md.set('google.ads.googleads.v25.errors.googleadsfailure-bin', Buffer.from(fx.asBinary({ desc: fx.failureDesc(), msg: fx.failureMessage([{ key: 'internalError.TRANSIENT_ERROR' }], 'grpc-stream-9') })));
        call.emit('error', { code: grpc.status.INTERNAL, details: 'Internal error encountered.', metadata: md });
      },
    },
  );
  port = await new Promise<number>((res, rej) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? rej(e) : res(p))));

  http = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('request-id', 'rest-req-4');
    if (req.url?.includes(':searchStream')) {
      res.statusCode = 500;
      res.end(JSON.stringify(fx.streamBody([2, 2], { specs: [{ key: 'internalError.INTERNAL_ERROR' }], code: 13, status: 'INTERNAL' }, 'rest-stream-4')));
    } else res.end(fx.asRestJson(mutate));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  httpPort = (http.address() as AddressInfo).port;
});

after(async () => {
  server.forceShutdown();
  // fetch keeps its connection alive; close it now rather than wait for the idle timeout.
  http.closeAllConnections();
  await new Promise<void>((r) => http.close(() => r()));
});

function expectMutate(s: ReturnType<typeof splitOperations>) {
  assert.deepEqual(s.operations.map((o) => o.status), ['ok', 'failed', 'ok', 'failed']);
  assert.equal(s.operations[1]!.retryable, false);
  assert.equal(s.operations[3]!.retryable, true);
  assert.equal(s.requestId, 'req-1');
}

test('gRPC mutate with partial failure, as google-ads-node returns it', async () => {
  const { CampaignServiceClient } = require('google-ads-node') as { CampaignServiceClient: new (o: object) => { mutateCampaigns(r: object): Promise<unknown[]>; close(): Promise<void> } };
  const client = new CampaignServiceClient({ apiEndpoint: '127.0.0.1', port, sslCreds: grpc.credentials.createInsecure(), universeDomain: 'googleapis.com' });
  try {
    const [response] = await client.mutateCampaigns({ customer_id: '1', operations: [{}, {}, {}, {}], partial_failure: true });
    expectMutate(splitOperations(response, 4));
  } finally {
    await client.close();
  }
});

test('gRPC mutate with partial failure, as raw response bytes', async () => {
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  try {
    const bytes = await new Promise<Buffer>((res, rej) =>
      client.makeUnaryRequest(`${SVC}CampaignService/MutateCampaigns`, identity, identity, Buffer.alloc(0), (e, v) => (e ? rej(e) : res(v!))),
    );
    expectMutate(splitOperations(bytes, 4));
  } finally {
    client.close();
  }
});

test('gRPC search stream that fails after rows: rows, error from the trailers, advice', async () => {
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  try {
    const messages: Buffer[] = [];
    const error = await new Promise<unknown>((res) => {
      const call = client.makeServerStreamRequest(`${SVC}GoogleAdsService/SearchStream`, identity, identity, Buffer.alloc(0));
      call.on('data', (m: Buffer) => messages.push(m));
      call.on('error', res);
      call.on('end', () => res(null));
    });
    const s = splitStream({ messages, error });
    assert.equal(s.rows.length, 6);
    assert.equal(s.messages, 2);
    assert.equal(s.requestId, 'grpc-stream-9');
    assert.equal(s.error?.status?.name, 'INTERNAL');
    assert.equal(s.error?.errors[0]?.code.key, 'internalError.TRANSIENT_ERROR');
    assert.equal(s.restart?.advisable, true);
    assert.equal(s.restart?.rowsWillRepeat, true);
  } finally {
    client.close();
  }
});

test('REST mutate and searchStream bodies fetched over HTTP', async () => {
  const m = await fetch(`http://127.0.0.1:${httpPort}/v25/customers/1/campaigns:mutate`, { method: 'POST', body: '{}' });
  expectMutate(splitOperations(await m.text(), 4));
  const st = await fetch(`http://127.0.0.1:${httpPort}/v25/customers/1/googleAds:searchStream`, { method: 'POST', body: '{}' });
  const s = splitStream(await st.text());
  assert.equal(s.rows.length, 4);
  assert.equal(s.requestId, 'rest-stream-4');
  assert.equal(s.error?.status?.name, 'INTERNAL');
});
