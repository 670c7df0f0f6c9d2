/**
 * Run in a child process by google-ads-api.test.ts, with the emulator's proxy and test CA set
 * before Node starts. Drives Opteo's google-ads-api, unmodified, with `adsErrorHooks` installed,
 * and prints one JSON line per step (what the call rejected with) and one per log record.
 */
import { GoogleAdsApi, googleAdsVersion } from 'google-ads-api';
import { isAdsError } from '../../src/decode/index.js';
import { adsErrorHooks } from '../../src/integrations/google-ads-api.js';

interface Step {
  readonly name: string;
  readonly kind: 'query' | 'create' | 'service';
  readonly customer: { customer_id: string; login_customer_id?: string; refresh_token: string };
  readonly query?: string;
  readonly campaign?: Record<string, unknown>;
  readonly throwAdsError?: boolean;
}

const steps = JSON.parse(process.argv[2] ?? '[]') as Step[];
const api = new GoogleAdsApi({ client_id: 'emulator-client', client_secret: 'emulator-secret', developer_token: 'emulator-dev-token' });
const print = (x: unknown): void => void process.stdout.write(`${JSON.stringify(x)}\n`);
// A logger-like sink, as pino would be given: it receives (object, message).
const logger = {
  error: (o: Record<string, unknown>, msg?: string) => print({ log: 'error', record: o, msg }),
  warn: (o: Record<string, unknown>, msg?: string) => print({ log: 'warn', record: o, msg }),
};

for (const s of steps) {
  const hooks = adsErrorHooks({ apiVersion: googleAdsVersion, logger, throwAdsError: s.throwAdsError ?? true });
  const customer = api.Customer(s.customer, hooks);
  try {
    if (s.kind === 'query') await customer.query(s.query!);
    else if (s.kind === 'create') await customer.campaigns.create([s.campaign as never]);
    else await customer.batchJobs.runBatchJob({ resource_name: `customers/${s.customer.customer_id}/batchJobs/987654321` } as never);
    print({ step: s.name, ok: true });
  } catch (e) {
    print({
      step: s.name,
      ok: false,
      isAdsError: isAdsError(e),
      code: isAdsError(e) ? e.code : null,
      apiVersion: isAdsError(e) ? e.apiVersion : null,
      requestId: isAdsError(e) ? e.requestId : null,
      causeName: isAdsError(e) ? (e.cause as { constructor?: { name?: string } })?.constructor?.name ?? null : null,
      thrownName: (e as { constructor?: { name?: string } })?.constructor?.name ?? null,
    });
  }
}
