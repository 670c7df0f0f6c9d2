/**
 * The scenarios of `npm run bench:retry` and the figures each one reports.
 */
import { makeWorld, rateLimited, runFleet, unavailable, type Answer, type RequestRecord, type Service, type World } from './sim.js';
import type { Strategy } from './peers.js';

export interface Row {
  scenario: string;
  strategy: string;
  callsPerRequest: number | null;
  successRate: number | null;
  makespanS: number | null;
  recoveryLagS: number | null;
  earlyCalls: number | null;
  overheadUs: number | null;
}

const OK: Answer = { ok: true };

function row(scenario: string, strategy: string, records: readonly RequestRecord[], extra: Partial<Row> = {}): Row {
  const calls = records.reduce((s, r) => s + r.calls, 0);
  const ok = records.filter((r) => r.ok).length;
  return {
    scenario,
    strategy,
    callsPerRequest: records.length ? calls / records.length : null,
    successRate: records.length ? ok / records.length : null,
    makespanS: null,
    recoveryLagS: null,
    earlyCalls: records.reduce((s, r) => s + r.early, 0),
    overheadUs: null,
    ...extra,
  };
}

/** Longest wait, over clients, from `restoredAt` to the client's first success after it. */
function recoveryLag(world: World, restoredAt: number): number {
  let worst = 0;
  for (const times of world.successTimes) {
    const first = times.find((t) => t >= restoredAt);
    worst = Math.max(worst, (first ?? world.clock.now()) - restoredAt);
  }
  return worst / 1000;
}

/** 1. outage: every call fails with UNAVAILABLE from 10 s to 70 s; 100 clients. */
export async function outage(s: Strategy, seed: number): Promise<Row> {
  const from = 10_000;
  const to = 70_000;
  const service: Service = { answer: (now) => (now >= from && now < to ? unavailable() : OK) };
  const world = makeWorld({ seed, clients: 100, service });
  await runFleet(world, s, 100, 100_000);
  const during = world.records.filter((r) => r.start >= from && r.start < to);
  return row('outage', s.name, during, { recoveryLagS: recoveryLag(world, to) });
}

/** 2. blips: each call fails with UNAVAILABLE with probability p, independently; 100 clients, 60 s. */
export async function blips(s: Strategy, seed: number, p: number): Promise<Row> {
  const service: Service = { answer: (_now, random) => (random() < p ? unavailable() : OK) };
  const world = makeWorld({ seed, clients: 100, service });
  await runFleet(world, s, 100, 60_000);
  return row(`blips p=${p}`, s.name, world.records);
}

/**
 * 3. dip: the service accepts 150 calls in any 1 s (the fleet sends about 100/s); from 10 s to
 * 40 s only 30. Calls above the capacity fail with UNAVAILABLE at once.
 */
export async function dip(s: Strategy, seed: number): Promise<Row> {
  const from = 10_000;
  const to = 40_000;
  const accepted: number[] = [];
  let head = 0;
  const service: Service = {
    answer(now) {
      while (head < accepted.length && accepted[head]! <= now - 1000) head++;
      const capacity = now >= from && now < to ? 30 : 150;
      if (accepted.length - head >= capacity) return unavailable();
      accepted.push(now);
      return OK;
    },
  };
  const world = makeWorld({ seed, clients: 100, service });
  await runFleet(world, s, 100, 70_000);
  return row('dip', s.name, world.records, { recoveryLagS: recoveryLag(world, to) });
}

/**
 * 4. quota: one application (one client object shared by 20 concurrent workers) has 1,000
 * requests to send; the service allows 10 calls per 1-s window and answers the rest with
 * RESOURCE_EXHAUSTED, quotaErrorDetails.retryDelay = the whole seconds left in the window
 * (rounded up, as the API's "Retry in N seconds"). Bound: 1,000 / 10 = 100 s.
 */
export const QUOTA_BOUND_S = 100;
export async function quota(s: Strategy, seed: number): Promise<Row> {
  const limit = 10;
  let window = -1;
  let used = 0;
  const service: Service = {
    answer(now) {
      const w = Math.floor(now / 1000);
      if (w !== window) {
        window = w;
        used = 0;
      }
      if (used < limit) {
        used++;
        return OK;
      }
      return rateLimited(Math.ceil(((w + 1) * 1000 - now) / 1000));
    },
  };
  const world = makeWorld({ seed, clients: 1, service });
  const client = s.client(world.clock);
  let next = 0;
  const workers = Array.from({ length: 20 }, async () => {
    while (next < 1000) {
      next++;
      await world.request(0, client);
    }
  });
  const done = Promise.all(workers);
  await world.clock.run(36_000_000);
  await done;
  const makespan = Math.max(...world.records.map((r) => r.end)) / 1000;
  return row('quota', s.name, world.records, { makespanS: makespan });
}
