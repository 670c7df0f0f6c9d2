/**
 * Every form a failure arrives in, produced by the real thing wherever it can be: a grpc-js
 * server on port 0 sending the failure trailers the Google Ads API sends (for v22–v25), the
 * error google-gax makes of it, the object google-ads-api throws, a node:http server answering
 * a fetch, protobuf bytes written by protobuf-es from the generated types.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { inspect } from 'node:util';
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { create, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { anyPack } from '@bufbuild/protobuf/wkt';
import { GoogleError } from 'google-gax';
import { errors as opteoErrors } from 'google-ads-api';
import { OAuth2Client } from 'google-auth-library';
import { decode, decodeResponse, type AdsError } from '../../src/decode/index.js';
import { StatusSchema } from '../../src/gen/pb/google/rpc/status_pb.js';
import { ErrorInfoSchema, RetryInfoSchema } from '../../src/gen/pb/google/rpc/error_details_pb.js';
import * as v25 from '../../src/gen/pb/google/ads/googleads/v25/errors/errors_pb.js';

type ErrorsModule = typeof v25;
const VERSIONS = ['v22', 'v23', 'v24', 'v25'] as const;

async function errorsOf(version: string): Promise<ErrorsModule> {
  return (await import(`../../src/gen/pb/google/ads/googleads/${version}/errors/errors_pb.js`)) as ErrorsModule;
}

/** A daily-quota failure on operation 1, as the API sends it (enum numbers from the protos). */
function quotaFailure(m: ErrorsModule, requestId: string) {
  return create(m.GoogleAdsFailureSchema, {
    requestId,
    errors: [
      {
        errorCode: { errorCode: { case: 'quotaError', value: 2 } }, // RESOURCE_EXHAUSTED
        message: 'Too many requests. Retry in 40591 seconds.',
        location: { fieldPathElements: [{ fieldName: 'operations', index: 1 }, { fieldName: 'create' }] },
        details: { quotaErrorDetails: { rateScope: 3, rateName: 'Number of operations for basic access', retryDelay: { seconds: 40591n } } },
      },
    ],
  });
}

function permissionFailure(m: ErrorsModule, requestId: string) {
  return create(m.GoogleAdsFailureSchema, {
    requestId,
    errors: [
      { errorCode: { errorCode: { case: 'authorizationError', value: 2 } }, message: "User doesn't have permission to access customer." },
      {
        errorCode: { errorCode: { case: 'stringLengthError', value: 2 } },
        message: 'Too short.',
        trigger: { value: { case: 'stringValue', value: '' } },
        location: { fieldPathElements: [{ fieldName: 'operations', index: 0 }, { fieldName: 'create' }, { fieldName: 'name' }] },
      },
    ],
  });
}

const PATH = '/google.ads.googleads.v25.services.GoogleAdsService/Search';
const identity = (b: Buffer): Buffer => b;

/** A grpc-js server on port 0 whose only method fails with `error`; returns what the client got. */
async function callFailing(error: Partial<grpc.StatusObject>): Promise<grpc.ServiceError> {
  const server = new grpc.Server();
  server.addService(
    { call: { path: PATH, requestStream: false, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity } },
    { call: (_c: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => cb(error) },
  );
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  try {
    return await new Promise<grpc.ServiceError>((resolve, reject) => {
      client.makeUnaryRequest(PATH, identity, identity, Buffer.from(''), (err) => (err ? resolve(err) : reject(new Error('the call succeeded'))));
    });
  } finally {
    client.close();
    server.forceShutdown();
  }
}

function trailers(version: string, failureBytes: Uint8Array, statusBytes: Uint8Array | null, requestId: string): grpc.Metadata {
  const md = new grpc.Metadata();
  md.set(`google.ads.googleads.${version}.errors.googleadsfailure-bin`, Buffer.from(failureBytes));
  if (statusBytes) md.set('grpc-status-details-bin', Buffer.from(statusBytes));
  md.set('request-id', requestId);
  return md;
}

function statusWith(code: number, message: string, ...details: { schema: DescMessage; message: unknown }[]) {
  return create(StatusSchema, { code, message, details: details.map((d) => anyPack(d.schema, d.message as never)) });
}

function assertQuota(err: AdsError, version: string, requestId: string): void {
  assert.equal(err.recognized, true);
  assert.equal(err.status?.name, 'RESOURCE_EXHAUSTED');
  assert.equal(err.apiVersion, version);
  assert.deepEqual(err.errors.map((e) => e.code.key), ['quotaError.RESOURCE_EXHAUSTED']);
  assert.equal(err.requestId, requestId);
  assert.equal(err.retryDelayMs, 40_591_000);
  assert.equal(err.retryDelaySource, 'quotaErrorDetails');
  assert.equal(err.quota?.rateScope, 'DEVELOPER');
  assert.equal(err.errors[0]?.operationIndex, 1);
  assert.equal(err.errors[0]?.fieldPathText, 'operations[1].create');
}

for (const version of VERSIONS) {
  test(`grpc-js ServiceError from a real server with the ${version} failure trailer and grpc-status-details-bin`, async () => {
    const m = await errorsOf(version);
    const failure = quotaFailure(m, `rq-${version}`);
    const status = statusWith(8, 'Resource has been exhausted (e.g. check quota).', { schema: m.GoogleAdsFailureSchema, message: failure });
    const err = await callFailing({
      code: grpc.status.RESOURCE_EXHAUSTED,
      details: 'Resource has been exhausted (e.g. check quota).',
      metadata: trailers(version, toBinary(m.GoogleAdsFailureSchema, failure), toBinary(StatusSchema, status), `rq-${version}`),
    });
    const decoded = decode(err);
    assert.equal(decoded.source, 'grpc');
    assertQuota(decoded, version, `rq-${version}`);
    assert.ok(decoded.rpcDetails.some((d) => d.type === 'GoogleAdsFailure' && d.apiVersion === version));
  });
}

test('grpc-js ServiceError with only grpc-status-details-bin (no failure key) still yields the failure and its rpc details', async () => {
  const failure = permissionFailure(v25, 'only-status');
  const status = statusWith(
    7,
    'The caller does not have permission',
    { schema: v25.GoogleAdsFailureSchema, message: failure },
    { schema: ErrorInfoSchema, message: create(ErrorInfoSchema, { reason: 'USER_PERMISSION_DENIED', domain: 'googleads.googleapis.com' }) },
  );
  const md = new grpc.Metadata();
  md.set('grpc-status-details-bin', Buffer.from(toBinary(StatusSchema, status)));
  const err = decode(await callFailing({ code: grpc.status.PERMISSION_DENIED, details: 'The caller does not have permission', metadata: md }));
  assert.equal(err.status?.name, 'PERMISSION_DENIED');
  assert.deepEqual(err.errors.map((e) => e.code.key), ['authorizationError.USER_PERMISSION_DENIED', 'stringLengthError.TOO_SHORT']);
  assert.equal(err.requestId, 'only-status');
  assert.deepEqual(err.errors[1]?.trigger, { kind: 'string', value: '' });
  assert.equal(err.errors[1]?.operationIndex, 0);
  assert.ok(err.rpcDetails.some((d) => d.type === 'ErrorInfo' && d.reason === 'USER_PERMISSION_DENIED'));
});

test('google-gax error: statusDetails from its own parser, note, request id from the trailer', async () => {
  const failure = permissionFailure(v25, 'gax-1');
  const status = statusWith(7, 'The caller does not have permission', { schema: v25.GoogleAdsFailureSchema, message: failure });
  const raw = await callFailing({
    code: grpc.status.PERMISSION_DENIED,
    details: 'The caller does not have permission',
    // gax reads only grpc-status-details-bin; leave the failure key out so the Any is what counts.
    metadata: (() => {
      const md = new grpc.Metadata();
      md.set('grpc-status-details-bin', Buffer.from(toBinary(StatusSchema, status)));
      md.set('request-id', 'gax-1');
      return md;
    })(),
  });
  const gaxErr = GoogleError.parseGRPCStatusDetails(Object.assign(raw, { note: 'Exception occurred in retry method that was not classified as transient' }) as unknown as GoogleError);
  const err = decode(gaxErr);
  assert.equal(err.source, 'gax');
  assert.equal(err.status?.name, 'PERMISSION_DENIED');
  assert.equal(err.errors[0]?.code.key, 'authorizationError.USER_PERMISSION_DENIED');
  assert.equal(err.requestId, 'gax-1');
  assert.equal(err.apiVersion, 'v25');
});

test('google-gax error built from statusDetails alone (trailers gone) is still read', () => {
  const failure = quotaFailure(v25, 'sd-only');
  const anyMsg = anyPack(v25.GoogleAdsFailureSchema, failure);
  const e = Object.assign(new Error('8 RESOURCE_EXHAUSTED: Resource has been exhausted (e.g. check quota).'), {
    code: 8,
    details: 'Resource has been exhausted (e.g. check quota).',
    note: 'Exception occurred in retry method that was not classified as transient',
    statusDetails: [{ type_url: anyMsg.typeUrl, value: Buffer.from(anyMsg.value) }],
  });
  assertQuota(decode(e), 'v25', 'sd-only');
});

test('google-gax "Total timeout" GoogleError: no metadata, the retried status survives only in text', () => {
  const e = new GoogleError(
    'Total timeout of API google.ads.googleads.v25.services.GoogleAdsService exceeded 600000 milliseconds retrying error Error: 14 UNAVAILABLE: Connection dropped  before retrying.',
  );
  e.code = 4;
  const err = decode(e);
  assert.equal(err.recognized, true);
  assert.equal(err.status?.name, 'DEADLINE_EXCEEDED');
  assert.equal(err.requestId, null);
  assert.ok(err.issues.some((i) => /14 UNAVAILABLE/.test(i)), JSON.stringify(err.issues));
});

test("google-ads-api's thrown GoogleAdsFailure (protobufjs, snake_case, numeric enums, Long durations)", () => {
  const thrown = opteoErrors.GoogleAdsFailure.fromObject({
    errors: [
      {
        error_code: { quota_error: 2 },
        message: 'Too many requests. Retry in 30 seconds.',
        details: { quota_error_details: { rate_scope: 2, rate_name: 'Requests per account', retry_delay: { seconds: 30 } } },
      },
      {
        error_code: { authorization_error: 2 },
        message: "User doesn't have permission to access customer.",
        location: { field_path_elements: [{ field_name: 'operations', index: 3 }, { field_name: 'update' }] },
      },
    ],
    request_id: 'opteo-req',
  });
  assert.ok(thrown instanceof opteoErrors.GoogleAdsFailure);
  const err = decode(thrown);
  assert.equal(err.source, 'google-ads-api');
  assert.deepEqual(err.errors.map((e) => e.code.key), ['quotaError.RESOURCE_EXHAUSTED', 'authorizationError.USER_PERMISSION_DENIED']);
  assert.equal(err.requestId, 'opteo-req');
  assert.equal(err.retryDelayMs, 30_000);
  assert.equal(err.quota?.rateScope, 'ACCOUNT');
  assert.equal(err.errors[1]?.operationIndex, 3);
  // The same object after JSON.stringify (enums become names) reads the same.
  const again = decode(JSON.parse(JSON.stringify(thrown)));
  assert.deepEqual(again.errors.map((e) => e.code.key), err.errors.map((e) => e.code.key));
  assert.equal(again.requestId, 'opteo-req');
});

test('what console.log prints for a real grpc-js error: deep (cut Buffers) and at the default depth (trailers hidden)', async () => {
  const failure = create(v25.GoogleAdsFailureSchema, {
    requestId: 'inspect-req-1',
    errors: [{ errorCode: { errorCode: { case: 'queryError', value: 45 } }, message: 'Error in query: unexpected input FROM. A message long enough to be cut at fifty bytes.' }],
  });
  const status = statusWith(3, 'Request contains an invalid argument.', { schema: v25.GoogleAdsFailureSchema, message: failure });
  const raw = await callFailing({
    code: grpc.status.INVALID_ARGUMENT,
    details: 'Request contains an invalid argument.',
    metadata: trailers('v25', toBinary(v25.GoogleAdsFailureSchema, failure), toBinary(StatusSchema, status), 'inspect-req-1'),
  });
  const deep = decode(inspect(raw, { depth: null }));
  assert.equal(deep.status?.name, 'INVALID_ARGUMENT');
  assert.equal(deep.apiVersion, 'v25');
  assert.equal(deep.requestId, 'inspect-req-1');
  assert.deepEqual(deep.errors.map((e) => e.code.key), ['queryError.BAD_RESOURCE_TYPE_IN_FROM_CLAUSE']);
  assert.match(deep.errors[0]!.message, /^Error in query: unexpected input FROM\./);
  const shallow = decode(inspect(raw));
  assert.equal(shallow.status?.name, 'INVALID_ARGUMENT');
  assert.equal(shallow.apiVersion, 'v25');
  assert.ok(shallow.issues.some((i) => /default depth/.test(i)), JSON.stringify(shallow.issues));
});

test("what console.log prints for google-ads-api's thrown failure (minified class names, codes hidden at default depth)", () => {
  const thrown = opteoErrors.GoogleAdsFailure.fromObject({
    errors: [{ error_code: { query_error: 45 }, message: 'Error in query: unexpected input FROM.' }],
    request_id: 'opteo-inspect',
  });
  const deep = decode(inspect(thrown, { depth: null }));
  assert.equal(deep.source, 'google-ads-api');
  assert.deepEqual(deep.errors.map((e) => e.code.key), ['queryError.BAD_RESOURCE_TYPE_IN_FROM_CLAUSE']);
  assert.equal(deep.requestId, 'opteo-inspect');
  const shallow = decode(inspect(thrown));
  assert.equal(shallow.recognized, true);
  assert.equal(shallow.requestId, 'opteo-inspect');
  assert.equal(shallow.errors[0]?.message, 'Error in query: unexpected input FROM.');
});

test("Python's HttpError with the older Google API errors list printed as a Python repr", () => {
  const err = decode(
    `googleapiclient.errors.HttpError: <HttpError 403 when requesting https://example.googleapis.com/v1/x?alt=json returned "Request had insufficient authentication scopes.". Details: "[{'message': 'Insufficient Permission', 'domain': 'global', 'reason': 'insufficientPermissions'}]">`,
  );
  assert.equal(err.status?.name, 'PERMISSION_DENIED');
  assert.equal(err.httpStatus, 403);
  assert.deepEqual(err.errors.map((e) => e.code.key), ['global.insufficientPermissions']);
});

test('a GaxiosError-like token refusal: OAuth code read, the refresh token never copied out', () => {
  const secret = '1//0REDACTED-fake-refresh-token-for-tests';
  const gaxiosLike = Object.assign(new Error('invalid_grant'), {
    name: 'GaxiosError',
    status: 400,
    config: {
      method: 'POST',
      url: 'https://oauth2.googleapis.com/token',
      data: `refresh_token=${encodeURIComponent(secret)}&client_id=abc.apps.googleusercontent.com&client_secret=%3C%3CREDACTED%3E%3E&grant_type=refresh_token`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    },
    response: {
      status: 400,
      statusText: 'Bad Request',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      config: { data: `refresh_token=${secret}` },
      data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    },
  });
  const err = decode(gaxiosLike);
  assert.equal(err.source, 'oauth');
  assert.equal(err.status?.name, 'UNAUTHENTICATED');
  assert.equal(err.httpStatus, 400);
  assert.deepEqual(err.errors.map((e) => e.code.key), ['oauth.invalid_grant']);
  assert.ok(!JSON.stringify(err).includes(secret.slice(4)), 'the refresh token leaked into the decoded error');
  assert.ok(!err.message.includes(secret.slice(4)));
  assert.ok(!err.errors.some((e) => e.message.includes(secret.slice(4))));
});

test('a real GaxiosError from google-auth-library refreshing against a node:http token endpoint', async () => {
  const secret = '1//0REDACTED-fake-refresh-token-for-tests';
  let sawToken = false;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      sawToken = body.includes(encodeURIComponent(secret)) || body.includes(secret);
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const client = new OAuth2Client({
      clientId: 'test.apps.googleusercontent.com',
      clientSecret: 'REDACTED-test-secret',
      endpoints: { oauth2TokenUrl: `http://127.0.0.1:${port}/token` },
    });
    client.setCredentials({ refresh_token: secret });
    const thrown = await client.getAccessToken().then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(thrown instanceof Error && thrown.constructor.name === 'GaxiosError');
    assert.ok(sawToken, 'the refresh token did not reach the server: the test would prove nothing');
    const err = decode(thrown);
    assert.equal(err.source, 'oauth');
    assert.equal(err.httpStatus, 400);
    assert.deepEqual(err.errors.map((e) => e.code.key), ['oauth.invalid_grant']);
    assert.ok(!JSON.stringify(err).includes('fake-refresh-token'));
    assert.ok(!err.message.includes('fake-refresh-token'));
    // And what console.log prints for it, pasted back.
    const printed = decode(inspect(thrown, { depth: 6 }));
    assert.equal(printed.errors[0]?.code.key, 'oauth.invalid_grant');
    assert.ok(!JSON.stringify(printed).includes('fake-refresh-token'));
  } finally {
    server.close();
  }
});

test('REST searchStream body: rows first, then the error; request id from the rows', () => {
  const body = JSON.stringify([
    { results: [{ campaign: { resourceName: 'customers/1/campaigns/2', id: '2' } }], fieldMask: 'campaign.id', requestId: 'stream-req' },
    {
      error: {
        code: 400,
        message: 'Request contains an invalid argument.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
            errors: [{ errorCode: { queryError: 'PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE' }, message: 'Cannot select fields from this resource.' }],
          },
        ],
      },
    },
  ]);
  for (const input of [body, JSON.parse(body) as unknown, Buffer.from(body)]) {
    const err = decode(input);
    assert.equal(err.source, 'rest-stream');
    assert.equal(err.status?.name, 'INVALID_ARGUMENT');
    assert.equal(err.httpStatus, 400);
    assert.equal(err.errors[0]?.code.key, 'queryError.PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE');
    assert.equal(err.requestId, 'stream-req');
    assert.ok(err.issues.some((i) => /1 row/.test(i)), JSON.stringify(err.issues));
  }
});

test('bytes and base64 of a GoogleAdsFailure and of a google.rpc.Status', () => {
  const failure = permissionFailure(v25, 'bytes-req');
  const fBytes = toBinary(v25.GoogleAdsFailureSchema, failure);
  const status = statusWith(
    8,
    'Resource has been exhausted (e.g. check quota).',
    { schema: v25.GoogleAdsFailureSchema, message: quotaFailure(v25, 'status-req') },
    { schema: RetryInfoSchema, message: create(RetryInfoSchema, { retryDelay: { seconds: 45n } }) },
  );
  const sBytes = toBinary(StatusSchema, status);
  for (const input of [fBytes, Buffer.from(fBytes), Buffer.from(fBytes).toString('base64'), Buffer.from(fBytes).toString('base64url')]) {
    const err = decode(input);
    assert.deepEqual(err.errors.map((e) => e.code.key), ['authorizationError.USER_PERMISSION_DENIED', 'stringLengthError.TOO_SHORT'], String(typeof input));
    assert.equal(err.requestId, 'bytes-req');
  }
  for (const input of [sBytes, Buffer.from(sBytes).toString('base64')]) {
    const err = decode(input);
    assertQuota(err, 'v25', 'status-req');
    assert.ok(err.rpcDetails.some((d) => d.type === 'RetryInfo' && d.retryDelayMs === 45_000));
  }
});

test('a REST mutate response with partial failure, and a batch job result', () => {
  const partial = {
    results: [{}, { resourceName: 'customers/1234567890/campaignBudgets/111' }],
    partialFailureError: {
      code: 3,
      message: 'Too low., at operations[0].create.amount_micros',
      details: [
        {
          '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
          errors: [
            {
              errorCode: { rangeError: 'TOO_LOW' },
              message: 'Too low.',
              trigger: { int64Value: '0' },
              location: { fieldPathElements: [{ fieldName: 'operations', index: 0 }, { fieldName: 'create' }, { fieldName: 'amount_micros' }] },
            },
          ],
          requestId: 'pf-req-1',
        },
      ],
    },
  };
  for (const input of [partial, JSON.stringify(partial)]) {
    const err = decode(input);
    assert.equal(err.status?.name, 'INVALID_ARGUMENT');
    assert.deepEqual(err.errors.map((e) => e.code.key), ['rangeError.TOO_LOW']);
    assert.equal(err.errors[0]?.operationIndex, 0);
    assert.deepEqual(err.errors[0]?.trigger, { kind: 'int64', value: '0' });
    assert.equal(err.requestId, 'pf-req-1');
  }
  const batch = decode({
    operationIndex: '3',
    status: {
      code: 3,
      message: 'Resource was not found.',
      details: [{ '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure', errors: [{ errorCode: { mutateError: 'RESOURCE_NOT_FOUND' }, message: 'Resource was not found.' }] }],
    },
  });
  assert.deepEqual(batch.errors.map((e) => e.code.key), ['mutateError.RESOURCE_NOT_FOUND']);
  assert.ok(batch.issues.some((i) => /operation 3/.test(i)));
});

test('a serialized grpc-js error (JSON.stringify keeps Metadata as plain arrays) and a structured log line', async () => {
  const failure = quotaFailure(v25, 'json-req-1');
  const raw = await callFailing({
    code: grpc.status.RESOURCE_EXHAUSTED,
    details: 'Resource has been exhausted (e.g. check quota).',
    metadata: trailers('v25', toBinary(v25.GoogleAdsFailureSchema, failure), null, 'json-req-1'),
  });
  const json = JSON.stringify(raw);
  const logLine = JSON.stringify({ level: 50, time: 1732370000000, msg: 'google ads call failed', err: { type: 'Error', message: raw.message, stack: raw.stack, ...JSON.parse(json) } });
  for (const input of [json, JSON.parse(json) as unknown, logLine]) {
    assertQuota(decode(input), 'v25', 'json-req-1');
  }
});

test("older PHP clients' Any written as two detail entries (type URL, then the errors list)", () => {
  const body = {
    message: 'Request contains an invalid argument.',
    code: 3,
    status: 'INVALID_ARGUMENT',
    details: [
      { '@type': 0, data: 'type.googleapis.com/google.ads.googleads.v2.errors.GoogleAdsFailure' },
      { '@type': 0, data: [{ errorCode: { requestError: 'INVALID_CUSTOMER_ID' }, message: "Invalid customer ID '249-801-4556'." }] },
    ],
  };
  const err = decode(body);
  assert.equal(err.status?.name, 'INVALID_ARGUMENT');
  assert.deepEqual(err.errors.map((e) => e.code.key), ['requestError.INVALID_CUSTOMER_ID']);
  assert.equal(err.errors[0]?.message, "Invalid customer ID '249-801-4556'.");
  assert.equal(err.apiVersion, 'v2');
});

test('text format as the Python and Java clients print it, trigger and quota details included', () => {
  const python = `Request with ID "pyReq123456" failed with status "RESOURCE_EXHAUSTED" and includes the following errors:
errors {
  error_code {
    quota_error: RESOURCE_TEMPORARILY_EXHAUSTED
  }
  message: "Too many requests in a short amount of time."
  trigger {
    string_value: "SELECT campaign.id FROM campaign"
  }
  location {
    field_path_elements {
      field_name: "operations"
      index: 2
    }
  }
  details {
    quota_error_details {
      rate_scope: ACCOUNT
      rate_name: "Requests per account"
      retry_delay {
        seconds: 30
      }
    }
  }
}
request_id: "pyReq123456"
`;
  const err = decode(python);
  assert.equal(err.status?.name, 'RESOURCE_EXHAUSTED');
  assert.deepEqual(err.errors.map((e) => e.code.key), ['quotaError.RESOURCE_TEMPORARILY_EXHAUSTED']);
  assert.equal(err.requestId, 'pyReq123456');
  assert.equal(err.retryDelayMs, 30_000);
  assert.equal(err.errors[0]?.operationIndex, 2);
  assert.deepEqual(err.errors[0]?.trigger, { kind: 'string', value: 'SELECT campaign.id FROM campaign' });
});

test('a REST body printed as a string literal: escaped JSON in a log line, Python bytes repr', () => {
  const body = {
    error: {
      code: 429,
      message: 'Resource has been exhausted (e.g. check quota).',
      status: 'RESOURCE_EXHAUSTED',
      details: [
        {
          '@type': 'type.googleapis.com/google.ads.googleads.v19.errors.GoogleAdsFailure',
          errors: [
            {
              errorCode: { quotaError: 'RESOURCE_TEMPORARILY_EXHAUSTED' },
              message: "Too many requests. Don't retry before 30 seconds.",
              details: { quotaErrorDetails: { rateScope: 'ACCOUNT', retryDelay: '30s' } },
            },
          ],
          requestId: 'esc-req-1',
        },
      ],
    },
  };
  const pretty = JSON.stringify(body, null, 2);
  const inputs = [
    `level=error msg="request failed" body=${JSON.stringify(JSON.stringify(body))}`,
    `response.content = b'${pretty.replace(/\n/g, '\\n').replace(/'/g, "\\'")}'`,
  ];
  for (const input of inputs) {
    const err = decode(input);
    assert.equal(err.status?.name, 'RESOURCE_EXHAUSTED', input.slice(0, 60));
    assert.equal(err.httpStatus, 429);
    assert.deepEqual(err.errors.map((e) => e.code.key), ['quotaError.RESOURCE_TEMPORARILY_EXHAUSTED']);
    assert.equal(err.errors[0]?.message, "Too many requests. Don't retry before 30 seconds.");
    assert.equal(err.requestId, 'esc-req-1');
    assert.equal(err.retryDelayMs, 30_000);
  }
});

test("Go's compact prototext (status.Details()) and Ruby's hash of an error code", () => {
  const go = decode(
    `rpc error: code = PermissionDenied desc = The caller does not have permission\n[errors:{error_code:{authorization_error:USER_PERMISSION_DENIED} message:"User doesn't have permission to access customer." location:{field_path_elements:{field_name:"customer_id"}}} request_id:"goReq123456"]`,
  );
  assert.equal(go.status?.name, 'PERMISSION_DENIED');
  assert.deepEqual(go.errors.map((e) => e.code.key), ['authorizationError.USER_PERMISSION_DENIED']);
  assert.equal(go.errors[0]?.message, "User doesn't have permission to access customer.");
  assert.equal(go.errors[0]?.fieldPathText, 'customer_id');
  assert.equal(go.requestId, 'goReq123456');
  for (const ruby of ['{:authorization_error=>:USER_PERMISSION_DENIED}', '{authorization_error: :USER_PERMISSION_DENIED}']) {
    assert.deepEqual(decode(ruby).errors.map((e) => e.code.key), ['authorizationError.USER_PERMISSION_DENIED'], ruby);
  }
});

test('fetch Response from a real node:http server: body, request-id and Retry-After headers', async () => {
  const body = JSON.stringify({
    error: {
      code: 429,
      message: 'Resource has been exhausted (e.g. check quota).',
      status: 'RESOURCE_EXHAUSTED',
      details: [
        {
          '@type': 'type.googleapis.com/google.ads.googleads.v24.errors.GoogleAdsFailure',
          errors: [{ errorCode: { quotaError: 'RESOURCE_TEMPORARILY_EXHAUSTED' }, message: 'Too many requests in a short amount of time.' }],
        },
      ],
    },
  });
  const server = createServer((_req, res) => {
    res.writeHead(429, { 'content-type': 'application/json; charset=UTF-8', 'request-id': 'http-req-7', 'retry-after': '12' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/v24/customers/1/googleAds:search`, { method: 'POST' });
    const err = await decodeResponse(res);
    assert.equal(err.status?.name, 'RESOURCE_EXHAUSTED');
    assert.equal(err.httpStatus, 429);
    assert.equal(err.apiVersion, 'v24');
    assert.equal(err.requestId, 'http-req-7');
    assert.equal(err.retryDelayMs, 12_000);
    assert.equal(err.retryDelaySource, 'retry-after');
  } finally {
    server.close();
  }
});

test('text that reports no failure stays unrecognized', () => {
  const texts = [
    'All 3 campaigns updated. code: 3 items',
    'Request made: ClientCustomerId: 9465697505, Host: googleads.googleapis.com:443, Method: /google.ads.googleads.v5.services.AdGroupAdService/MutateAdGroupAds, RequestId: 4bG9J784iF2w2KPjTSrHfg, IsFault: False, FaultMessage: None',
    'I, [2021-07-30T18:44:17.577008 #56]  INFO -- : CID: 3862983423, Host: googleads.googleapis.com:443, Method: /google.ads.googleads.v4.services.GoogleAdsService/SearchStream, IsFault: no',
    '[{"results":[{"campaign":{"id":"1"}}],"fieldMask":"campaign.id","requestId":"abc123456"}]',
    '{"resourceName":"customers/1/campaigns/2"}',
    'WARNING: deprecated option',
    '',
  ];
  for (const t of texts) assert.equal(decode(t).recognized, false, t);
});

test('decode never throws on long hostile text', () => {
  const hostile = [
    '{'.repeat(200_000),
    '"'.repeat(200_000),
    'Error: '.repeat(50_000),
    'code: 3 '.repeat(50_000),
    'a_b_c_d_e_f_'.repeat(30_000) + 'Error: X',
    `type_url: "type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure" value: "${'\\x88'.repeat(100_000)}"`,
    '[' + '{"error":'.repeat(10_000),
  ];
  for (const h of hostile) {
    const err = decode(h);
    assert.equal(typeof err.message, 'string');
    assert.ok(!err.issues.some((i) => i.startsWith('internal decoder error')), err.issues.join('; '));
  }
});
