/**
 * Logging without a logging integration: `adsErrorSerializer` is the `err` serializer a pino
 * logger takes, so no pino-specific file exists. Here a small logger built the way pino works
 * (serializers applied to the object's keys, one JSON line per call, written to a destination
 * stream) receives real failures from the emulator and must write no secret.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { grpcServiceDefinitions, IDS, startEmulator, TOKENS, type RunningEmulator } from '../../src/emulator/index.js';
import { adsErrorSerializer } from '../../src/observe/index.js';
import { adsErrorInterceptor } from '../../src/integrations/grpc.js';

/** pino's shape: `logger.error(obj, msg)`, `serializers` per key, NDJSON to a destination. */
function jsonLogger(destination: Writable, serializers: Record<string, (v: unknown) => unknown>) {
  const write = (level: number) => (obj: Record<string, unknown>, msg?: string) => {
    const out: Record<string, unknown> = { level, time: Date.now() };
    for (const [k, v] of Object.entries(obj)) out[k] = serializers[k] ? serializers[k]!(v) : v;
    if (msg !== undefined) out['msg'] = msg;
    destination.write(`${JSON.stringify(out)}\n`);
  };
  return { error: write(50), warn: write(40) };
}

function memory(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString();
      cb();
    },
  });
  return { stream, lines: () => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

let emu: RunningEmulator;
before(async () => {
  emu = await startEmulator({ seed: 41 });
});
after(async () => {
  await emu.close();
});

test('a pino-style logger with adsErrorSerializer writes one redacted record per real failure', async () => {
  const dest = memory();
  const log = jsonLogger(dest.stream, { err: adsErrorSerializer });

  // 1. A gRPC failure (through the interceptor, as an app would have it).
  const Ctor = grpc.makeGenericClientConstructor(grpcServiceDefinitions().get('GoogleAdsService')!, 'GoogleAdsService');
  const client = new Ctor(emu.grpcAddress!, grpc.credentials.createInsecure(), { interceptors: [adsErrorInterceptor()] }) as unknown as grpc.Client & {
    Search: (r: object, m: grpc.Metadata, o: object, cb: (e: grpc.ServiceError | null) => void) => void;
  };
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${TOKENS.access}`);
  md.set('developer-token', TOKENS.developer);
  const grpcError = await new Promise<grpc.ServiceError | null>((resolve) => client.Search({ customerId: IDS.client, query: 'SELECT customer.id FROM customer' }, md, {}, resolve));
  client.close();
  assert.ok(grpcError);
  log.error({ err: grpcError, customerId: IDS.client }, 'search failed');

  // 2. An OAuth refusal over REST, wrapped the way HTTP clients wrap it: the request's form,
  //    with the refresh token and client secret in it, travels along in the error.
  const form = `grant_type=refresh_token&client_id=emulator-client&refresh_token=${TOKENS.refreshRevoked}&client_secret=GOCSPX-abcdefghijklmnop1234`;
  const res = await fetch(`${emu.httpUrl}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  const body = await res.json();
  const httpError = Object.assign(new Error(`Request failed with status code ${res.status} (body sent: ${form})`), {
    config: { data: form, headers: { Authorization: `Bearer ${TOKENS.access}` } },
    response: { status: res.status, data: body, headers: {} },
  });
  log.error({ err: httpError }, 'token refresh failed');

  // 3. Not an Ads failure at all, with a secret in its message.
  log.warn({ err: new Error(`could not parse config, developer_token=${TOKENS.developer}`) });

  const lines = dest.lines();
  assert.equal(lines.length, 3);
  const [g, o, plain] = lines as [Record<string, any>, Record<string, any>, Record<string, any>];
  assert.equal(g.err.codes[0], 'authorizationError.USER_PERMISSION_DENIED');
  assert.ok(emu.log.entries.some((e) => e.requestId === g.err.requestId), 'the request id is in the record');
  assert.equal(g.customerId, IDS.client);
  assert.equal(o.err.codes[0], 'oauth.invalid_grant');
  assert.equal(o.err.kind, 'authentication');
  assert.equal(plain.err.type, 'Error');
  assert.match(plain.err.message, /REDACTED/);

  const text = JSON.stringify(lines);
  for (const secret of [TOKENS.refreshRevoked, TOKENS.access, TOKENS.developer, 'GOCSPX-abcdefghijklmnop1234']) {
    assert.ok(!text.includes(secret), `${secret} reached the log`);
  }
});
