/**
 * Real clients for the emulator tests: a grpc-js generic client built from the emulator's own
 * service definitions, and fetch for REST. No wire is mocked.
 */
import * as grpc from '@grpc/grpc-js';
import { grpcServiceDefinitions, IDS, TOKENS } from '../../src/emulator/index.js';

type Json = Record<string, unknown>;

export const ADMIN_HEADERS = Object.freeze({
  authorization: `Bearer ${TOKENS.access}`,
  'developer-token': TOKENS.developer,
  'login-customer-id': IDS.manager,
});

export type Headers = Readonly<Record<string, string | undefined>>;

export interface GrpcResult {
  readonly error: grpc.ServiceError | null;
  readonly response: Json | null;
  readonly headers: grpc.Metadata | null;
  readonly trailers: grpc.Metadata | null;
}

/** One grpc-js client per service of an emulator address. Close with `close()`. */
export class GrpcClients {
  private readonly clients = new Map<string, grpc.Client>();
  constructor(private readonly address: string) {}

  private client(service: string): grpc.Client & Record<string, Function> {
    let c = this.clients.get(service);
    if (!c) {
      const def = grpcServiceDefinitions().get(service);
      if (!def) throw new Error(`no service ${service}`);
      const Ctor = grpc.makeGenericClientConstructor(def, service);
      c = new Ctor(this.address, grpc.credentials.createInsecure());
      this.clients.set(service, c);
    }
    return c as grpc.Client & Record<string, Function>;
  }

  /** A unary call; resolves with the error or the response, plus headers and trailers. */
  unary(key: string, request: Json, headers: Headers = ADMIN_HEADERS, deadlineMs = 5000): Promise<GrpcResult> {
    const [service, method] = key.split('.') as [string, string];
    const md = metadata(headers);
    return new Promise((resolve) => {
      let head: grpc.Metadata | null = null;
      let trailers: grpc.Metadata | null = null;
      let result: { error: grpc.ServiceError | null; response: Json | null } | null = null;
      let status = false;
      const done = () => {
        if (result && status) resolve({ ...result, headers: head, trailers });
      };
      const call = this.client(service)[method]!(request, md, { deadline: Date.now() + deadlineMs }, (error: grpc.ServiceError | null, response: Json | null) => {
        result = { error, response: response ?? null };
        done();
      }) as grpc.ClientUnaryCall;
      call.on('metadata', (m: grpc.Metadata) => (head = m));
      call.on('status', (s: grpc.StatusObject) => {
        trailers = s.metadata;
        status = true;
        done();
      });
    });
  }

  /** A server-streaming call; resolves with every message and the final error, if any. */
  stream(key: string, request: Json, headers: Headers = ADMIN_HEADERS): Promise<{ messages: Json[]; error: grpc.ServiceError | null; trailers: grpc.Metadata | null; headers: grpc.Metadata | null }> {
    const [service, method] = key.split('.') as [string, string];
    return new Promise((resolve) => {
      const messages: Json[] = [];
      let error: grpc.ServiceError | null = null;
      let head: grpc.Metadata | null = null;
      const call = this.client(service)[method]!(request, metadata(headers)) as grpc.ClientReadableStream<Json>;
      call.on('metadata', (m: grpc.Metadata) => (head = m));
      call.on('data', (m: Json) => messages.push(m));
      call.on('error', (e: grpc.ServiceError) => (error = e));
      call.on('status', (s: grpc.StatusObject) => resolve({ messages, error, trailers: s.metadata, headers: head }));
    });
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
  }
}

export function metadata(headers: Headers): grpc.Metadata {
  const md = new grpc.Metadata();
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) md.set(k, v);
  return md;
}

/** A REST call with fetch; parses the JSON body. */
export async function rest(
  base: string,
  path: string,
  body: Json | null,
  headers: Headers = ADMIN_HEADERS,
  method: 'GET' | 'POST' = body === null ? 'GET' : 'POST',
): Promise<{ status: number; body: any; requestId: string | null; response: Response }> {
  const h: Record<string, string> = { 'content-type': 'application/json' };
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) h[k] = v;
  const response = await fetch(`${base}${path}`, { method, headers: h, ...(body !== null ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, requestId: response.headers.get('request-id'), response };
}

/** Headers with some keys replaced or removed (undefined removes). */
export function withHeaders(over: Headers, base: Headers = ADMIN_HEADERS): Headers {
  return { ...base, ...over };
}
