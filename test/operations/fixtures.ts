/**
 * Real v25 responses for the tests, built from the project's descriptor set and generated
 * error types with protobuf-es, then turned into each transport form: protobuf bytes, REST
 * JSON, the objects google-ads-node hands out (protobufjs, snake_case, Any bytes) and those
 * google-ads-api hands out (the failure already decoded, enums as numbers).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { create, createFileRegistry, createRegistry, fromBinary, toBinary, toJson, type DescMessage, type Registry } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { findCode } from '../../src/catalog/catalog.js';
import { GoogleAdsFailureSchema } from '../../src/gen/pb/google/ads/googleads/v25/errors/errors_pb.js';
import { StatusSchema } from '../../src/gen/pb/google/rpc/status_pb.js';

const SERVICES = 'google.ads.googleads.v25.services.';
const FAILURE_URL = 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure';

const files = createFileRegistry(fromBinary(FileDescriptorSetSchema, gunzipSync(readFileSync(new URL('../../src/gen/services-v25.binpb.gz', import.meta.url)))));
/** Resolves the services' messages and the GoogleAdsFailure inside Any, for JSON. */
export const registry: Registry = createRegistry(files, GoogleAdsFailureSchema);

export function message(name: string): DescMessage {
  const d = files.getMessage(name.includes('.') ? name : SERVICES + name);
  if (!d) throw new Error(`no message ${name} in the descriptor set`);
  return d;
}

/** One error to put in a failure. `path` elements are [fieldName, index?]. */
export interface ErrorSpec {
  readonly key: string; // 'fieldError.REQUIRED'
  readonly message?: string;
  readonly path?: readonly (readonly [string, number?])[];
  readonly retryDelaySeconds?: number;
}

export function failureMessage(specs: readonly ErrorSpec[], requestId = 'req-1') {
  return create(GoogleAdsFailureSchema, {
    requestId,
    errors: specs.map((s) => {
      const code = findCode(s.key);
      if (!code) throw new Error(`unknown code ${s.key}`);
      return {
        errorCode: { errorCode: { case: code.category, value: code.number } } as never,
        message: s.message ?? `${s.key} happened`,
        location: s.path ? { fieldPathElements: s.path.map(([fieldName, index]) => (index === undefined ? { fieldName } : { fieldName, index })) } : undefined,
        details: s.retryDelaySeconds !== undefined ? { quotaErrorDetails: { rateScope: 2, rateName: 'Requests per minute', retryDelay: { seconds: BigInt(s.retryDelaySeconds) } } } : undefined,
      };
    }),
  });
}

/** A google.rpc.Status init (INVALID_ARGUMENT unless told) whose details hold the failure. */
export function statusInit(specs: readonly ErrorSpec[], requestId = 'req-1', code = 3) {
  return {
    code,
    message: 'Multiple errors in ‘details’. First error: something failed.',
    details: [{ typeUrl: FAILURE_URL, value: toBinary(GoogleAdsFailureSchema, failureMessage(specs, requestId)) }],
  };
}

export function statusBytes(specs: readonly ErrorSpec[], requestId = 'req-1', code = 3): Uint8Array {
  return toBinary(StatusSchema, create(StatusSchema, statusInit(specs, requestId, code)));
}

/**
 * A `Mutate<Thing>Response` of v25 with `results` (resource names; null = failed placeholder) and,
 * when `errors` is given, a partial failure.
 */
export function mutateResponse(name: string, results: readonly (string | null)[], errors?: readonly ErrorSpec[], requestId = 'req-1') {
  const desc = message(name);
  const resultsField = desc.fields.find((f) => f.fieldKind === 'list')!;
  const init: Record<string, unknown> = {
    [resultsField.localName]:
      name === 'MutateGoogleAdsResponse'
        ? results.map((r) => (r === null ? {} : { response: { case: 'campaignResult', value: { resourceName: r } } }))
        : results.map((r) => (r === null ? {} : { resourceName: r })),
  };
  if (errors) init.partialFailureError = statusInit(errors, requestId);
  return { desc, msg: create(desc, init as never) };
}

export function asBinary(r: { desc: DescMessage; msg: unknown }): Uint8Array {
  return toBinary(r.desc, r.msg as never);
}

export function asRestJson(r: { desc: DescMessage; msg: unknown }): string {
  return JSON.stringify(toJson(r.desc, r.msg as never, { registry }));
}

/** protobufjs classes of the Node clients (loaded once, lazily: the package is large). */
const require = createRequire(import.meta.url);
let gaa: { services: Record<string, { decode(b: Uint8Array): unknown }>; errors: { GoogleAdsFailure: { decode(b: Uint8Array): unknown } } } | null = null;
function googleAdsApi() {
  gaa ??= require('google-ads-api');
  return gaa!;
}

/** What google-ads-node returns for the call: the gRPC response decoded by protobufjs. */
export function asGoogleAdsNode(r: { desc: DescMessage; msg: unknown }): unknown {
  const short = r.desc.typeName.slice(SERVICES.length);
  return googleAdsApi().services[short]!.decode(asBinary(r));
}

/** What google-ads-api returns with `partial_failure: true`: the failure decoded in place. */
export function asGoogleAdsApi(r: { desc: DescMessage; msg: unknown }): unknown {
  const res = asGoogleAdsNode(r) as { partial_failure_error?: { details?: { type_url: string; value: Uint8Array }[] } };
  const any = res.partial_failure_error?.details?.find((d) => d.type_url.includes('errors.GoogleAdsFailure'));
  if (!any) return res;
  return { ...res, partial_failure_error: googleAdsApi().errors.GoogleAdsFailure.decode(any.value) };
}

/** A ListBatchJobResultsResponse page. Each item: index, and either a resource name or errors. */
export function batchPage(items: readonly { index: number; resourceName?: string; errors?: readonly ErrorSpec[]; statusCode?: number }[], nextPageToken = '') {
  const desc = message('ListBatchJobResultsResponse');
  const msg = create(desc, {
    nextPageToken,
    results: items.map((it) => ({
      operationIndex: BigInt(it.index),
      mutateOperationResponse: it.resourceName ? { response: { case: 'campaignResult', value: { resourceName: it.resourceName } } } : undefined,
      status: it.errors ? statusInit(it.errors, 'batch-req', it.statusCode ?? 3) : undefined,
    })),
  } as never);
  return { desc, msg };
}

/** A REST searchStream body: messages of campaign rows, then optionally the error element. */
export function streamBody(batches: readonly number[], error?: { specs: readonly ErrorSpec[]; code: number; status: string }, requestId = 'stream-req'): unknown[] {
  const desc = message('SearchGoogleAdsStreamResponse');
  let n = 0;
  const out: unknown[] = batches.map((size) =>
    toJson(
      desc,
      create(desc, {
        requestId,
        results: Array.from({ length: size }, () => {
          n++;
          return { campaign: { resourceName: `customers/1/campaigns/${n}`, id: BigInt(n) } };
        }),
        fieldMask: { paths: ['campaign.id'] },
      } as never),
      { registry },
    ),
  );
  if (error) {
    const st = toJson(StatusSchema, create(StatusSchema, statusInit(error.specs, requestId, error.code)), { registry }) as Record<string, unknown>;
    out.push({ error: { ...st, status: error.status } });
  }
  return out;
}

/** Decodes bytes with the Node clients' protobufjs class of a v25 service message. */
export function googleAdsNodeDecode(short: string, bytes: Uint8Array): unknown {
  return googleAdsApi().services[short]!.decode(bytes);
}

/** The GoogleAdsFailure descriptor, for `asBinary` of a bare failure. */
export function failureDesc(): DescMessage {
  return GoogleAdsFailureSchema;
}
