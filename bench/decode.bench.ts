/**
 * Decode speed: a typical two-error failure, (a) from the binary gRPC trailer and (b) from a
 * REST JSON body, with ads-errors and with the path google-ads-api (on google-ads-node's
 * protobufjs types) takes for the same bytes. Run: npm run bench
 */
import { create, toBinary, toJson, createRegistry } from '@bufbuild/protobuf';
import { anyPack } from '@bufbuild/protobuf/wkt';
import { Metadata } from '@grpc/grpc-js';
import { errors as opteoErrors } from 'google-ads-api';
import { GoogleError } from 'google-gax';
import { GoogleAdsFailureSchema } from '../src/gen/pb/google/ads/googleads/v25/errors/errors_pb.js';
import { StatusSchema } from '../src/gen/pb/google/rpc/status_pb.js';
// The compiled package (what users run), built by `npm run build` / `npm ci`.
import { decode } from '../dist/decode/index.js';
import { decodeFailureBytes } from '../dist/decode/failure-binary.js';
import { measure, table, keepAlive } from './harness.js';

const { decamelizeKeys } = (await import(new URL('../node_modules/google-ads-api/build/esm/parserRest.js', import.meta.url).href)) as {
  decamelizeKeys: (x: unknown) => unknown;
};

const failure = create(GoogleAdsFailureSchema, {
  errors: [
    {
      errorCode: { errorCode: { case: 'fieldError', value: 2 } },
      message: 'The required field was not present.',
      location: { fieldPathElements: [{ fieldName: 'operations', index: 2 }, { fieldName: 'create' }, { fieldName: 'name' }] },
    },
    {
      errorCode: { errorCode: { case: 'stringLengthError', value: 2 } },
      message: 'Too short.',
      trigger: { value: { case: 'stringValue', value: '' } },
      location: { fieldPathElements: [{ fieldName: 'operations', index: 2 }, { fieldName: 'create' }, { fieldName: 'description' }] },
    },
  ],
  requestId: 'Xq3bE1n2Tz9k0aPqL4mW7Q',
});
const failureBytes = Buffer.from(toBinary(GoogleAdsFailureSchema, failure));
const status = create(StatusSchema, { code: 3, message: 'Request contains an invalid argument.', details: [anyPack(GoogleAdsFailureSchema, failure)] });
const KEY = 'google.ads.googleads.v25.errors.googleadsfailure-bin';
const md = new Metadata();
md.set(KEY, failureBytes);
md.set('grpc-status-details-bin', Buffer.from(toBinary(StatusSchema, status)));
md.set('request-id', 'Xq3bE1n2Tz9k0aPqL4mW7Q');
const serviceError = Object.assign(new Error('3 INVALID_ARGUMENT: Request contains an invalid argument.'), {
  code: 3,
  details: 'Request contains an invalid argument.',
  metadata: md,
});
const registry = createRegistry(GoogleAdsFailureSchema);
const restBody = JSON.stringify({ error: { ...(toJson(StatusSchema, status, { registry }) as object), status: 'INVALID_ARGUMENT' } });

// Sanity: both paths read the same two codes.
const ours = decode(serviceError);
const theirs = opteoErrors.GoogleAdsFailure.decode(failureBytes);
if (ours.errors.length !== 2 || theirs.errors.length !== 2 || decode(restBody).errors.length !== 2) throw new Error('bench inputs do not decode');

const opteoGrpc = () => {
  const trailer = (serviceError.metadata as unknown as { internalRepr: Map<string, Buffer[]> }).internalRepr.get(KEY);
  return opteoErrors.GoogleAdsFailure.decode(trailer![0]!);
};
const opteoGrpcNamed = () => opteoErrors.GoogleAdsFailure.toObject(opteoGrpc(), { enums: String, longs: String });
// google-ads-node hands failures to google-gax, which decodes grpc-status-details-bin itself.
const gaxGrpc = () => {
  const e = Object.assign(new Error(serviceError.message), { code: serviceError.code, details: serviceError.details, metadata: serviceError.metadata });
  return GoogleError.parseGRPCStatusDetails(e as unknown as GoogleError);
};
const opteoRest = () => {
  const data = JSON.parse(restBody) as { error: { details: unknown[] } };
  return new opteoErrors.GoogleAdsFailure(decamelizeKeys(data.error.details[0]) as never);
};

const rows: string[][] = [['case', 'ns/op', 'ops/s', 'vs peer']];
const add = (r: { name: string; nsPerOp: number; opsPerSec: number }, peer?: number) =>
  rows.push([r.name, r.nsPerOp.toFixed(0), Math.round(r.opsPerSec).toLocaleString('en-US'), peer ? `${(peer / r.nsPerOp).toFixed(2)}×` : '']);

const pGrpc = measure('google-ads-api: trailer → GoogleAdsFailure.decode (numeric enums)', opteoGrpc);
const pGrpcNamed = measure('google-ads-api: same + toObject(enums: String)', opteoGrpcNamed);
const pGax = measure('google-ads-node/gax: GoogleError.parseGRPCStatusDetails', gaxGrpc);
const oGrpc = measure('ads-errors: decode(ServiceError) → AdsError, classified', () => decode(serviceError));
const oCore = measure('ads-errors: core failure reader (bytes → entries)', () => decodeFailureBytes(failureBytes, 'v25', []));
const pRest = measure('google-ads-api: JSON.parse + decamelize + new GoogleAdsFailure', opteoRest);
const oRest = measure('ads-errors: decode(REST body string) → AdsError, classified', () => decode(restBody));

console.log('Decode a typical two-error failure (compiled dist/, median of 15 rounds; Node', process.version + ')\n');
add(pGrpc);
add(pGrpcNamed);
add(pGax);
add(oGrpc, pGrpc.nsPerOp);
add(oCore, pGrpc.nsPerOp);
add(pRest);
add(oRest, pRest.nsPerOp);
console.log(table(rows));
console.log(`\nbinary vs google-ads-node/gax: ${(pGax.nsPerOp / oGrpc.nsPerOp).toFixed(2)}×; vs google-ads-api with names: ${(pGrpcNamed.nsPerOp / oGrpc.nsPerOp).toFixed(2)}×`);
console.log(`Targets: ≥ 1.5× the peer path (binary, vs google-ads-api's bare decode: ${(pGrpc.nsPerOp / oGrpc.nsPerOp).toFixed(2)}×, REST: ${(pRest.nsPerOp / oRest.nsPerOp).toFixed(2)}×); core < 5 µs per failure (${(oCore.nsPerOp / 1000).toFixed(2)} µs; full decode from the ServiceError ${(oGrpc.nsPerOp / 1000).toFixed(2)} µs).`);
keepAlive();
