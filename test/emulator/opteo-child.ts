/**
 * Run in a child process by opteo.test.ts, with the proxy and CA variables set before Node
 * starts (`https_proxy`, `NODE_EXTRA_CA_CERTS`, `GRPC_DEFAULT_SSL_ROOTS_FILE_PATH`). Drives
 * Opteo's google-ads-api, unmodified, through the steps given as JSON in argv[2], and prints
 * one JSON line per step: its value, or the decoded failure.
 */
import { GoogleAdsApi } from 'google-ads-api';
import { decode } from '../../src/decode/index.js';

interface Step {
  readonly name: string;
  readonly kind: 'query' | 'create';
  readonly customer: { customer_id: string; login_customer_id?: string; refresh_token: string };
  readonly query?: string;
  readonly campaign?: Record<string, unknown>;
}

const steps = JSON.parse(process.argv[2] ?? '[]') as Step[];
const api = new GoogleAdsApi({ client_id: 'emulator-client', client_secret: 'emulator-secret', developer_token: 'emulator-dev-token' });

for (const s of steps) {
  const customer = api.Customer(s.customer);
  const t0 = Date.now();
  try {
    const value = s.kind === 'query' ? await customer.query(s.query!) : await customer.campaigns.create([s.campaign as never]);
    console.log(JSON.stringify({ step: s.name, ok: true, ms: Date.now() - t0, value }));
  } catch (e) {
    const d = decode(e);
    console.log(JSON.stringify({ step: s.name, ok: false, ms: Date.now() - t0, code: d.code, requestId: d.requestId, source: d.source, retryDelayMs: d.retryDelayMs }));
  }
}
