/**
 * The gRPC side: a real @grpc/grpc-js server whose service definitions are built from the
 * served version's descriptors. Failures leave as the live API sends them: status code and
 * message, and trailers `request-id`, `google.ads.googleads.vNN.errors.googleadsfailure-bin`
 * (binary GoogleAdsFailure) and `grpc-status-details-bin` (binary google.rpc.Status holding the
 * same failure as an Any).
 */
import * as grpc from '@grpc/grpc-js';
import { fromBinary, fromJson, toBinary, toJson, type DescMessage } from '@bufbuild/protobuf';
import { METHODS, type MethodSpec } from './api.js';
import { ADS_PACKAGE, jsonRegistry, messageSchema } from './descriptors.js';
import type { Engine } from './engine.js';
import { failureBytes, FAILURE_TRAILER_KEY, statusBytes, type EmulatorFailure } from './failure.js';

type Json = Record<string, unknown>;

/** Full gRPC path of a method: `/google.ads.googleads.v25.services.GoogleAdsService/Search`. */
export function grpcPath(spec: MethodSpec): string {
  return `/${ADS_PACKAGE}.services.${spec.service}/${spec.method}`;
}

function codec(desc: DescMessage) {
  const registry = jsonRegistry();
  return {
    serialize: (value: Json): Buffer => Buffer.from(toBinary(desc, fromJson(desc, value as never, { registry }))),
    deserialize: (bytes: Buffer): Json => toJson(desc, fromBinary(desc, bytes), { registry }) as Json,
  };
}

/**
 * The grpc-js service definitions of every served method, grouped by service. Messages cross
 * the handlers in proto JSON form; the codecs turn them into bytes with the reflected schemas.
 * Also usable on the client side (`grpc.makeGenericClientConstructor`).
 */
export function grpcServiceDefinitions(): Map<string, grpc.ServiceDefinition> {
  const out = new Map<string, grpc.ServiceDefinition>();
  for (const spec of METHODS) {
    const req = codec(messageSchema(spec.requestType));
    const res = codec(messageSchema(spec.responseType));
    let def = out.get(spec.service) as Record<string, grpc.MethodDefinition<Json, Json>> | undefined;
    if (!def) out.set(spec.service, (def = {}));
    def[spec.method] = {
      path: grpcPath(spec),
      requestStream: false,
      responseStream: spec.serverStream,
      requestSerialize: req.serialize,
      requestDeserialize: req.deserialize,
      responseSerialize: res.serialize,
      responseDeserialize: res.deserialize,
      originalName: spec.method[0]!.toLowerCase() + spec.method.slice(1),
    };
  }
  return out;
}

function headersOf(md: grpc.Metadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(md.getMap())) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

/** The trailers of a failed call, as the live API sends them. */
export function failureTrailers(f: EmulatorFailure, requestId: string): grpc.Metadata {
  const md = new grpc.Metadata();
  md.set('request-id', requestId);
  const failure = failureBytes(f, requestId);
  if (failure) md.set(FAILURE_TRAILER_KEY, Buffer.from(failure));
  md.set('grpc-status-details-bin', Buffer.from(statusBytes(f, requestId)));
  return md;
}

function serviceError(f: EmulatorFailure, requestId: string): Partial<grpc.StatusObject> {
  return { code: f.grpcCode, details: f.message, metadata: failureTrailers(f, requestId) };
}

function requestIdMd(requestId: string): grpc.Metadata {
  const md = new grpc.Metadata();
  md.set('request-id', requestId);
  return md;
}

function abortOn(call: grpc.ServerUnaryCall<Json, Json> | grpc.ServerWritableStream<Json, Json>): AbortSignal {
  const ac = new AbortController();
  call.on('cancelled', () => ac.abort());
  return ac.signal;
}

/** A bug of ours while answering must end the call with INTERNAL, not crash the process. */
function emulatorBug(e: unknown, send: (err: Partial<grpc.StatusObject>) => void): void {
  try {
    send({ code: grpc.status.INTERNAL, details: `Emulator bug: ${e instanceof Error ? e.message : String(e)}` });
  } catch {
    // The call is already closed; nothing left to tell.
  }
}

function implementation(engine: Engine, spec: MethodSpec): grpc.UntypedHandleCall {
  if (!spec.serverStream) {
    return (call: grpc.ServerUnaryCall<Json, Json>, callback: grpc.sendUnaryData<Json>) => {
      void engine.call('grpc', spec, headersOf(call.metadata), call.request, abortOn(call)).then((out) => {
        // The live API puts request-id in the response headers of unary calls, failed or not.
        call.sendMetadata(requestIdMd(out.requestId));
        if (out.kind === 'failure') callback(serviceError(out.failure, out.requestId), null);
        else if (out.kind === 'unary') callback(null, out.response, requestIdMd(out.requestId));
      }).catch((e: unknown) => emulatorBug(e, (err) => callback(err, null)));
    };
  }
  return (call: grpc.ServerWritableStream<Json, Json>) => {
    void engine.call('grpc', spec, headersOf(call.metadata), call.request, abortOn(call)).then((out) => {
      // Successful streams carry request-id in the trailers and in each message, not in the headers.
      if (out.kind === 'failure') {
        call.emit('error', serviceError(out.failure, out.requestId));
        return;
      }
      if (out.kind !== 'stream') return;
      for (const m of out.messages) call.write(m);
      if (out.tail) call.emit('error', serviceError(out.tail, out.requestId));
      else call.end(requestIdMd(out.requestId));
    }).catch((e: unknown) => emulatorBug(e, (err) => call.emit('error', err)));
  };
}

/** Starts a gRPC server for the engine on host:port (0 picks a free port). Resolves with the bound port. */
export async function startGrpcServer(engine: Engine, host: string, port: number): Promise<{ server: grpc.Server; port: number }> {
  const server = new grpc.Server();
  const defs = grpcServiceDefinitions();
  for (const [service, def] of defs) {
    const impl: grpc.UntypedServiceImplementation = {};
    for (const spec of METHODS.filter((m) => m.service === service)) impl[spec.method] = implementation(engine, spec);
    server.addService(def, impl);
  }
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return { server, port: bound };
}
