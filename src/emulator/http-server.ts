/**
 * The REST side, on plain node:http: the same methods under `/vNN/…` with proto3 JSON bodies,
 * the `request-id` response header, errors as `{"error": {code, message, status, details}}`
 * with the HTTP status of the gRPC code, `:searchStream` as one JSON array (the error, if
 * any, as its last element), and an OAuth token endpoint at `/token`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fromJson, toJson } from '@bufbuild/protobuf';
import { methodByKey, type MethodSpec } from './api.js';
import { API_VERSION, jsonRegistry, messageSchema } from './descriptors.js';
import type { Engine } from './engine.js';
import { adsError, EmulatorFailure, httpStatusFor, restErrorBody } from './failure.js';

type Json = Record<string, unknown>;

interface Route {
  readonly spec: MethodSpec;
  readonly httpMethod: 'GET' | 'POST';
  /** Fields the path binds into the request. */
  readonly bind: Json;
}

const MAX_BODY = 32 * 1024 * 1024;

/** Matches a path after `/vNN/` to a method, or null. */
function route(path: string, query: URLSearchParams): Route | null {
  const m = (key: string, httpMethod: 'GET' | 'POST', bind: Json): Route | null => {
    const spec = methodByKey(key);
    return spec ? { spec, httpMethod, bind } : null;
  };
  let r: RegExpExecArray | null;
  if (path === 'customers:listAccessibleCustomers') return m('CustomerService.ListAccessibleCustomers', 'GET', {});
  if ((r = /^customers\/([^/]*)\/googleAds:(search|searchStream|mutate)$/.exec(path))) {
    const key = r[2] === 'search' ? 'GoogleAdsService.Search' : r[2] === 'searchStream' ? 'GoogleAdsService.SearchStream' : 'GoogleAdsService.Mutate';
    return m(key, 'POST', { customerId: r[1] });
  }
  if ((r = /^customers\/([^/]*)\/(campaigns|campaignBudgets|adGroups):mutate$/.exec(path))) {
    const key = { campaigns: 'CampaignService.MutateCampaigns', campaignBudgets: 'CampaignBudgetService.MutateCampaignBudgets', adGroups: 'AdGroupService.MutateAdGroups' }[r[2]!]!;
    return m(key, 'POST', { customerId: r[1] });
  }
  if ((r = /^customers\/([^/]*)\/batchJobs:mutate$/.exec(path))) return m('BatchJobService.MutateBatchJob', 'POST', { customerId: r[1] });
  if ((r = /^(customers\/[^/]*\/batchJobs\/[^/:]+):(addOperations|run|listResults)$/.exec(path))) {
    const key = r[2] === 'addOperations' ? 'BatchJobService.AddBatchJobOperations' : r[2] === 'run' ? 'BatchJobService.RunBatchJob' : 'BatchJobService.ListBatchJobResults';
    const bind: Json = { resourceName: r[1] };
    if (r[2] === 'listResults') for (const [k, v] of query) bind[k] = v;
    return m(key, r[2] === 'listResults' ? 'GET' : 'POST', bind);
  }
  return null;
}

function send(res: ServerResponse, status: number, body: unknown, requestId: string | null): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...(requestId ? { 'request-id': requestId } : {}),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A request refused before it reached a method (bad JSON, unknown route): logged, with its own request id. */
function refuse(engine: Engine, res: ServerResponse, method: string, f: EmulatorFailure, stream: boolean): void {
  const requestId = engine.reject('rest', method, f);
  const body = restErrorBody(f, requestId);
  send(res, httpStatusFor(f.grpcCode), stream ? [body] : body, requestId);
}

async function handle(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  if ((url.pathname === '/token' || url.pathname === '/oauth2/v4/token') && req.method === 'POST') {
    const text = (await readBody(req)) ?? '';
    const type = req.headers['content-type'] ?? '';
    let form: Record<string, string> = {};
    if (type.includes('json')) {
      try {
        form = Object.fromEntries(Object.entries(JSON.parse(text) as Json).map(([k, v]) => [k, String(v)]));
      } catch {
        form = {};
      }
    } else form = Object.fromEntries(new URLSearchParams(text));
    const out = engine.token(form);
    // Token endpoints do not send request-id; the log still has the call.
    send(res, out.status, out.body, null);
    return;
  }
  if (url.pathname === '/emulator/log' && req.method === 'GET') {
    send(res, 200, engine.log.entries, null);
    return;
  }
  const v = /^\/(v\d+)\/(.+)$/.exec(url.pathname);
  const r = v ? route(decodeURIComponent(v[2]!), url.searchParams) : null;
  const stream = r?.spec.method === 'SearchStream';
  if (!v || !r) {
    refuse(engine, res, `${req.method} ${url.pathname}`, new EmulatorFailure(5, `No such method: ${req.method} ${url.pathname}`), false);
    return;
  }
  if (v[1] !== API_VERSION) {
    const f = adsError('requestError.UNSUPPORTED_VERSION', `API version ${v[1]} is not served; this emulator speaks ${API_VERSION}.`);
    refuse(engine, res, r.spec.key, f, stream);
    return;
  }
  if (req.method !== r.httpMethod) {
    refuse(engine, res, r.spec.key, new EmulatorFailure(5, `${r.spec.key} takes ${r.httpMethod}, not ${req.method}.`), stream);
    return;
  }
  const text = r.httpMethod === 'POST' ? await readBody(req) : '';
  if (text === null) {
    refuse(engine, res, r.spec.key, new EmulatorFailure(3, 'The request body is too large or could not be read.'), stream);
    return;
  }
  const desc = messageSchema(r.spec.requestType);
  let request: Json;
  try {
    const parsed = text.trim() ? (JSON.parse(text) as unknown) : {};
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the body is not a JSON object');
    const registry = jsonRegistry();
    request = toJson(desc, fromJson(desc, { ...(parsed as Json), ...r.bind } as never, { registry }), { registry }) as Json;
  } catch (e) {
    refuse(engine, res, r.spec.key, new EmulatorFailure(3, `Invalid JSON payload received. ${e instanceof Error ? e.message : String(e)}`), stream);
    return;
  }
  const ac = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) ac.abort();
  });
  const out = await engine.call('rest', r.spec, headersOf(req), request, ac.signal);
  if (out.kind === 'failure') {
    const body = restErrorBody(out.failure, out.requestId);
    send(res, httpStatusFor(out.failure.grpcCode), stream ? [body] : body, out.requestId);
  } else if (out.kind === 'unary') {
    send(res, 200, out.response, out.requestId);
  } else {
    // A failure after rows cannot change the 200 already sent: it becomes the array's last element.
    const parts = out.messages.map((m) => JSON.stringify(m));
    if (out.tail) parts.push(JSON.stringify(restErrorBody(out.tail, out.requestId)));
    const status = out.tail && out.messages.length === 0 ? httpStatusFor(out.tail.grpcCode) : 200;
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...(out.tail ? { 'request-id': out.requestId } : {}) });
    res.write('[');
    parts.forEach((p, i) => res.write(i ? `,\n${p}` : p));
    res.end(']');
  }
}

/** Starts the REST server on host:port (0 picks a free port). Resolves with the bound port. */
export async function startHttpServer(engine: Engine, host: string, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    handle(engine, req, res).catch((e: unknown) => {
      if (!res.headersSent) refuse(engine, res, 'unknown', new EmulatorFailure(13, `Emulator bug: ${e instanceof Error ? e.message : String(e)}`), false);
      else res.destroy();
    });
  });
  // Keep-alive sockets of load tests must not hold close() open.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}
