/**
 * The web explainer: a page where a person pastes a failure (any form `decode` reads) and gets
 * the decoded error, an explanation of each error in their language, and the sentence to show
 * an end user. Plain `node:http`; the page is static and talks to a small JSON API.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { decode } from '../decode/decode.js';
import { explainWith } from '../explain/explain.js';
import { loadLocale, resolveLocale } from '../explain/locales.js';
import { userMessageWith } from '../explain/user-message.js';
import { toDecodeJson } from '../cli/format.js';
import { allCodes } from '../catalog/catalog.js';

export interface WebExplainerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1: the page is for the person at this machine. */
  host?: string;
  /** Folder of example failures offered on the page (default: the package's examples/). */
  examplesDir?: string | URL;
}

export interface RunningWebExplainer {
  readonly url: string;
  close(): Promise<void>;
}

/** Largest body the API accepts. */
const MAX_BODY = 10 * 1024 * 1024;

const PAGE_URL = new URL('./page.html', import.meta.url);
const DEFAULT_EXAMPLES = new URL('../../examples/', import.meta.url);

/** Starts the web explainer. Resolves once it listens. */
export async function startWebExplainer(options: WebExplainerOptions = {}): Promise<RunningWebExplainer> {
  const page = await readFile(PAGE_URL, 'utf8');
  const examplesDir = options.examplesDir ?? DEFAULT_EXAMPLES;
  const server: Server = createServer((req, res) => {
    handle(req, res, page, examplesDir).catch((e: unknown) => {
      sendJson(res, 500, { error: `internal error: ${e instanceof Error ? e.message : String(e)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, page: string, examplesDir: string | URL): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page);
    return;
  }
  if (req.method === 'POST' && url.pathname === '/api/explain') {
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, { error: `the body is larger than ${MAX_BODY} bytes` });
    let input: unknown = body;
    let lang = url.searchParams.get('lang') ?? 'en';
    if ((req.headers['content-type'] ?? '').includes('application/json')) {
      try {
        const parsed = JSON.parse(body) as { input?: unknown; lang?: unknown };
        if (typeof parsed.input !== 'string') return sendJson(res, 400, { error: 'expected {"input": "<the failure as text>", "lang": "en"}' });
        input = parsed.input;
        if (typeof parsed.lang === 'string') lang = parsed.lang;
      } catch {
        return sendJson(res, 400, { error: 'the request body is not valid JSON' });
      }
    }
    const locale = resolveLocale(lang) ?? 'en';
    const err = decode(input);
    const pack = await loadLocale(locale);
    const explanations = err.recognized ? explainWith(pack, err) : [];
    const userMessages = err.errors.map((e) => userMessageWith(pack, e));
    return sendJson(res, 200, { locale, labels: pack.ui.labels, decoded: toDecodeJson(err), explanations, userMessages });
  }
  if (req.method === 'GET' && url.pathname === '/api/examples') {
    const names = (await readdir(examplesDir).catch(() => [] as string[])).sort();
    const out: { name: string; text: string }[] = [];
    for (const name of names) out.push({ name, text: await readFile(new URL(name, withSlash(examplesDir)), 'utf8') });
    return sendJson(res, 200, out);
  }
  if (req.method === 'GET' && url.pathname === '/api/codes') {
    const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
    const hits = allCodes()
      .filter((c) => !q || c.key.toLowerCase().includes(q) || String(c.number) === q)
      .slice(0, 200)
      .map((c) => ({ code: c.key, number: c.number, versions: c.versions }));
    return sendJson(res, 200, hits);
  }
  sendJson(res, 404, { error: `no such page: ${req.method} ${url.pathname}` });
}

function withSlash(dir: string | URL): URL {
  const u = typeof dir === 'string' ? new URL(`file://${dir}`) : dir;
  return u.href.endsWith('/') ? u : new URL(`${u.href}/`);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}
