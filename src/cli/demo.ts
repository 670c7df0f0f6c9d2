/**
 * `npm start`: the whole of ads-errors in one run. It starts the local Google Ads API emulator,
 * makes real calls that fail the way the real API fails (REST with fetch, gRPC with the
 * unmodified google-ads-node client), and shows each failure decoded, explained (in four
 * languages), recovered from where that is safe, and split per operation. Then it decodes the
 * bundled example payloads and serves the web explainer.
 *
 * With a terminal attached, the web explainer stays up until Ctrl-C; otherwise the tour exits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, decodeResponse } from '../decode/decode.js';
import type { AdsError } from '../error/ads-error.js';
import { explainAll } from '../explain/explain.js';
import { userMessage } from '../explain/user-message.js';
import { adsRetryPolicy, exponentialBackoff, isRetryGiveUpError } from '../retry/index.js';
import { IDS, startEmulator, TOKENS, type RunningEmulator } from '../emulator/index.js';
import { detectOperationsResponse, formatOperationsTable, splitStream } from '../operations/index.js';
import { startWebExplainer } from '../web/server.js';
import { formatDecoded, formatDuration } from './format.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
const out = (s = '') => process.stdout.write(`${s}\n`);
const indent = (s: string, n = 4) => s.replace(/^(?=.)/gm, ' '.repeat(n));

function section(title: string): void {
  out();
  out(bold(`━━ ${title} ${'━'.repeat(Math.max(3, 72 - title.length))}`));
}

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

async function rest(emu: RunningEmulator, call: Call): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${TOKENS.access}`,
    'developer-token': TOKENS.developer,
    'login-customer-id': IDS.manager,
    ...call.headers,
  };
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  return fetch(`${emu.httpUrl}/${emu.apiVersion}/${call.path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(call.body ?? { query: 'SELECT campaign.id, campaign.name FROM campaign' }),
  });
}

async function showFailure(title: string, err: AdsError, request?: { customerId?: string; loginCustomerId?: string | null }): Promise<void> {
  out();
  out(bold(`▸ ${title}`));
  out(indent(formatDecoded(err, color).trimEnd(), 2));
  const [ex] = await explainAll(err, { locale: 'en', ...(request ? { request } : {}) });
  if (ex) {
    out(`    ${bold('Explained:')} ${ex.title} — ${ex.what}`);
    ex.steps.slice(0, 2).forEach((s, i) => out(`      ${i + 1}. ${s}`));
    out(`    ${bold('Retry:')} ${ex.retry.text}`);
  }
}

/**
 * google-ads-node (a dev dependency) pointed at the emulator: what it throws is a grpc-js error
 * whose binary trailers only decode() makes readable.
 */
async function grpcTour(emu: RunningEmulator): Promise<void> {
  let mod: typeof import('google-ads-node');
  let grpc: typeof import('@grpc/grpc-js');
  try {
    mod = await import('google-ads-node');
    grpc = await import('@grpc/grpc-js');
  } catch {
    out(dim('  (google-ads-node is not installed: skipped)'));
    return;
  }
  const port = Number(emu.grpcAddress!.split(':').pop());
  const client = new mod.GoogleAdsServiceClient({
    apiEndpoint: '127.0.0.1',
    port,
    sslCreds: grpc.credentials.createInsecure(),
    universeDomain: 'googleapis.com',
  });
  const headers = { authorization: `Bearer ${TOKENS.access}`, 'developer-token': TOKENS.developer, 'login-customer-id': IDS.manager };
  try {
    await client.mutate(
      { customer_id: IDS.client, mutate_operations: [{ campaign_operation: { create: { status: 3 } } }] },
      { otherArgs: { headers } },
    );
  } catch (e) {
    const raw = e as { code?: number; message?: string };
    out(dim(`  google-ads-node threw: ${String(raw.message).slice(0, 90)}… (trailers: binary)`));
    await showFailure('A mutate without a campaign name, through GoogleAdsService.Mutate', decode(e));
  } finally {
    await client.close();
  }
}

async function main(): Promise<void> {
  out(bold('ads-errors — every Google Ads API failure, decoded, explained and recovered from'));
  const emu = await startEmulator({ seed: 7 });
  const web = await startWebExplainer({ port: 0 });
  out(dim(`emulator: gRPC ${emu.grpcAddress}, REST ${emu.httpUrl} (API ${emu.apiVersion}); web explainer: ${web.url}`));
  try {
    section('1. Real failures from the emulator (REST), decoded and explained');
    const cases: { title: string; call: Call; request?: { customerId?: string; loginCustomerId?: string | null } }[] = [
      {
        title: 'A client account reached through a manager, without login-customer-id',
        call: { path: `customers/${IDS.client}/googleAds:search`, headers: { 'login-customer-id': '', authorization: `Bearer ${TOKENS.access}` } },
        request: { customerId: IDS.client, loginCustomerId: null },
      },
      { title: 'A customer id sent with dashes', call: { path: 'customers/100-000-0002/googleAds:search' }, request: { customerId: '100-000-0002' } },
      { title: 'A developer token approved for test accounts only', call: { path: `customers/${IDS.client}/googleAds:search`, headers: { 'developer-token': TOKENS.developerTestOnly } } },
      { title: 'A cancelled account', call: { path: `customers/${IDS.canceled}/googleAds:search` } },
      { title: 'An access token that has expired', call: { path: `customers/${IDS.client}/googleAds:search`, headers: { authorization: `Bearer ${TOKENS.expired}` } } },
      { title: 'A query with a field that does not exist', call: { path: `customers/${IDS.client}/googleAds:search`, body: { query: 'SELECT campaign.nmae FROM campaign' } } },
    ];
    for (const c of cases) {
      const res = await rest(emu, c.call);
      await showFailure(c.title, await decodeResponse(res), c.request);
    }

    // The OAuth token endpoint refusing a refresh token of an app in Testing status.
    const tokenRes = await fetch(`${emu.httpUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: TOKENS.refreshExpired, client_id: 'demo.apps.googleusercontent.com', client_secret: 'demo-secret' }),
    });
    await showFailure('Refreshing an access token: the refresh token was refused', await decodeResponse(tokenRes));

    section('1b. The same over gRPC, with the unmodified google-ads-node client');
    await grpcTour(emu);

    section('2. The same error in four languages');
    const denied = await decodeResponse(await rest(emu, cases[0]!.call));
    for (const locale of ['en', 'ko', 'id', 'zh-TW'] as const) {
      const [ex] = await explainAll(denied, { locale, request: { customerId: IDS.client, loginCustomerId: null } });
      out(`  ${bold(locale.padEnd(5))} ${ex?.title ?? ''}: ${ex?.steps[0] ?? ''}`);
    }
    const fieldErr = decode(readFileSync(join(root, 'examples', 'rest-field-errors.json')));
    out();
    out('  For the end user (operations[2].create.name + fieldError.REQUIRED, creating campaigns):');
    for (const locale of ['en', 'ko', 'id', 'zh-TW'] as const) {
      out(`  ${bold(locale.padEnd(5))} ${await userMessage(fieldErr.errors[0]!, { locale, resource: 'campaign' })}`);
    }

    section('3. Recovery: what is safe to retry, is retried — and nothing else');
    const policy = adsRetryPolicy({ backoff: exponentialBackoff({ initialMs: 200 }), maxAttempts: 4 });
    policy.onRetry((e) => out(dim(`    retry #${e.attempt} in ${formatDuration(Math.round(e.delayMs))}: ${e.error.code} (request-id ${e.requestId ?? '—'})`)));
    policy.onGiveUp((e) => out(dim(`    gave up after ${e.attempts} attempt(s): ${e.reason}`)));
    const attempt = (headers: Record<string, string>, key: string) => async () => {
      const res = await rest(emu, { path: `customers/${IDS.client}/googleAds:search`, headers: { ...headers, 'x-emulator-key': key } });
      if (!res.ok) throw await decodeResponse(res);
      return (await res.json()) as { results?: unknown[] };
    };
    const scenarios: [string, Record<string, string>, 'read' | 'mutate'][] = [
      ['UNAVAILABLE twice, then fine (a read: retried with backoff)', { 'x-emulator-fault': 'fail-times=2:unavailable' }, 'read'],
      ['A rate limit asking for 1 s (the server\'s delay is honoured, never earlier)', { 'x-emulator-fault': 'fail-times=1:rate-limit;delay=1s' }, 'read'],
      ['The daily Basic-access quota (hours away: give up at once, say when to come back)', { 'x-emulator-fault': 'quota-exhausted' }, 'read'],
      ['A deadline on a mutate (its outcome is unknown: not resent blindly)', { 'x-emulator-fault': 'deadline;delay=300ms' }, 'mutate'],
      ['PERMISSION_DENIED (a client error: never retried)', { 'login-customer-id': '' }, 'read'],
    ];
    for (const [title, headers, operation] of scenarios) {
      out(`  ${bold('▸')} ${title}`);
      const t0 = Date.now();
      try {
        const r = await policy.execute(attempt(headers, title), { operation });
        out(`    ✓ succeeded after ${formatDuration(Date.now() - t0)} with ${r.results?.length ?? 0} rows`);
      } catch (e) {
        if (isRetryGiveUpError(e)) {
          out(`    ✗ ${e.message}${e.retryAt ? ` — come back at ${e.retryAt.toISOString()}` : ''}`);
        } else out(`    ✗ ${(e as Error).message}`);
      }
    }

    section('4. Partial failure: one result per operation');
    // A budget that exists in the emulator's world, so that well-formed operations succeed.
    const budgetId = [...(emu.world.budgets.get(IDS.client)?.keys() ?? [])][0] ?? '0';
    const mutateRes = await rest(emu, {
      path: `customers/${IDS.client}/campaigns:mutate`,
      body: {
        partialFailure: true,
        operations: [
          { create: { name: 'Autumn sale', status: 'PAUSED', campaignBudget: `customers/${IDS.client}/campaignBudgets/${budgetId}`, advertisingChannelType: 'SEARCH' } },
          { create: { status: 'PAUSED' } },
          { create: { name: 'x'.repeat(300), status: 'PAUSED' } },
          { create: { name: 'Winter sale', status: 'PAUSED', campaignBudget: `customers/${IDS.client}/campaignBudgets/${budgetId}`, advertisingChannelType: 'SEARCH' } },
        ],
      },
    });
    const mutateBody: unknown = await mutateRes.json();
    const view = detectOperationsResponse(mutateBody);
    out(view ? indent(formatOperationsTable(view), 2) : `  (no per-operation view: HTTP ${mutateRes.status})`);

    section('5. A search stream that breaks after some rows');
    const streamRes = await rest(emu, { path: `customers/${IDS.client}/googleAds:searchStream`, headers: { 'x-emulator-fault': 'mid-stream=2;code=unavailable' } });
    const stream = splitStream(await streamRes.json());
    out(`  rows received before the failure: ${stream.rows.length}; request-id ${stream.requestId ?? '—'}`);
    out(`  error: ${stream.error?.message ?? 'none'}`);
    out(`  restart: ${stream.restart ? `${stream.restart.advice}` : '—'}`);

    section('6. The example payloads (examples/), decoded');
    for (const name of readdirSync(join(root, 'examples')).sort()) {
      const err = decode(readFileSync(join(root, 'examples', name)));
      out(`  ${name.padEnd(30)} ${err.code ?? '—'}  ${dim(`${err.kind}, ${err.retryable ? 'retryable' : 'not retryable'}${err.retryDelayMs !== null ? `, server delay ${formatDuration(err.retryDelayMs)}` : ''}`)}`);
    }

    section('7. Everything the emulator saw');
    const entries = emu.log.entries;
    out(`  ${entries.length} requests logged; ${entries.filter((e) => e.faults.length > 0).length} with a scripted fault; distinct request ids: ${new Set(entries.map((e) => e.requestId)).size}`);

    out();
    out(`Try it yourself:  npx ads-errors decode FILE | npx ads-errors explain CODE --lang ko | npx ads-errors codes QUERY`);
    if (process.stdout.isTTY && !process.env.CI) {
      out(bold(`Web explainer: ${web.url}  (Ctrl-C to stop)`));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    } else {
      out(`Web explainer: run \`npx ads-errors web\` to open it (this tour served it at ${web.url} while it ran).`);
    }
  } finally {
    await web.close();
    await emu.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`the tour failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
