/**
 * A discrete-event simulation of clients calling a Google Ads-like service, on virtual time.
 * The service fails the way a scenario says; failures reach the clients as the AdsErrors our
 * decoder makes of the REST error bodies the real API sends.
 */
import { decode } from '../../src/decode/index.js';
import type { AdsError } from '../../src/error/ads-error.js';
import { VirtualClock } from '../../src/retry/virtual-clock.js';
import type { Call, Client, Strategy } from './peers.js';

/** What the service answers to one call at time `now`. */
export type Answer = { readonly ok: true } | { readonly ok: false; readonly error: AdsError; readonly retryDelayMs: number | null };

export interface Service {
  answer(now: number, random: () => number): Answer;
}

const errorCache = new Map<string, AdsError>();

/** The AdsError for UNAVAILABLE, decoded from the REST body the API sends. */
export function unavailable(): Answer {
  let e = errorCache.get('u');
  if (!e) {
    e = decode(JSON.stringify({ error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } }), { httpStatus: 503 });
    errorCache.set('u', e);
  }
  return { ok: false, error: e, retryDelayMs: null };
}

/** The AdsError for a short rate limit asking to retry in `seconds`, decoded from its REST body. */
export function rateLimited(seconds: number): Answer {
  const key = `q${seconds}`;
  let e = errorCache.get(key);
  if (!e) {
    const message = `Too many requests. Retry in ${seconds} seconds.`;
    e = decode(
      JSON.stringify({
        error: {
          code: 429,
          message,
          status: 'RESOURCE_EXHAUSTED',
          details: [
            {
              '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
              errors: [{ errorCode: { quotaError: 'RESOURCE_EXHAUSTED' }, message, details: { quotaErrorDetails: { rateScope: 'ACCOUNT', rateName: 'Requests per account per second', retryDelay: `${seconds}s` } } }],
              requestId: 'sim',
            },
          ],
        },
      }),
      { httpStatus: 429 },
    );
    errorCache.set(key, e);
  }
  return { ok: false, error: e, retryDelayMs: seconds * 1000 };
}

/** One logical request's record. */
export interface RequestRecord {
  readonly client: number;
  readonly start: number;
  end: number;
  ok: boolean;
  calls: number;
  /** Calls sent before the time the service's last answer asked to wait for. */
  early: number;
}

export interface World {
  readonly clock: VirtualClock;
  readonly records: RequestRecord[];
  /** Times at which a call succeeded, per client. */
  readonly successTimes: number[][];
  /** Sends one logical request through `client`. */
  request(clientId: number, client: Client): Promise<boolean>;
}

export interface WorldOptions {
  readonly seed: number;
  readonly clients: number;
  readonly service: Service;
  /** One-way service time of a call, ms. Default 50. */
  readonly latencyMs?: number;
}

export function makeWorld(o: WorldOptions): World {
  const clock = new VirtualClock({ seed: o.seed });
  const latency = o.latencyMs ?? 50;
  const records: RequestRecord[] = [];
  const successTimes: number[][] = Array.from({ length: o.clients }, () => []);
  // Chance for the service is drawn from its own generator, so that the service fails the same
  // calls whatever the strategy draws.
  const serviceRandom = new VirtualClock({ seed: o.seed * 7919 + 1 }).random;
  return {
    clock,
    records,
    successTimes,
    async request(clientId, client) {
      const rec: RequestRecord = { client: clientId, start: clock.now(), end: 0, ok: false, calls: 0, early: 0 };
      records.push(rec);
      let notBefore = Number.NEGATIVE_INFINITY;
      const call: Call = async () => {
        const sent = clock.now();
        rec.calls++;
        if (sent < notBefore) rec.early++;
        const a = o.service.answer(sent, serviceRandom);
        await clock.sleep(latency);
        if (a.ok) {
          successTimes[clientId]!.push(clock.now());
          return;
        }
        // The wait is counted from when the answer arrives (the stricter reading).
        if (a.retryDelayMs != null) notBefore = clock.now() + a.retryDelayMs;
        throw a.error;
      };
      rec.ok = await client.run(call);
      rec.end = clock.now();
      return rec.ok;
    },
  };
}

/**
 * Runs `clients` closed-loop clients, each sending a request, waiting for its outcome, thinking
 * 0.5–1.5 s, and again, from t = 0 until `stopAt` (no new request after it). Returns when every
 * request has finished (or `limitMs` of virtual time have passed).
 */
export async function runFleet(world: World, strategy: Strategy, clients: number, stopAt: number, limitMs = 3_600_000): Promise<void> {
  const { clock } = world;
  const loops = Array.from({ length: clients }, async (_, id) => {
    const client = strategy.client(clock);
    // Stagger the first requests over the first second.
    await clock.sleep(clock.random() * 1000);
    while (clock.now() < stopAt) {
      await world.request(id, client);
      await clock.sleep(500 + clock.random() * 1000);
    }
  });
  const done = Promise.all(loops);
  await clock.run(limitMs);
  await Promise.race([done, Promise.resolve()]);
}
