/**
 * Turns the world into GoogleAdsRow objects (proto JSON form) for a parsed query: the FROM
 * resource joined with the customer and the resources it points to, filtered, ordered,
 * limited, and cut down to the selected fields as the live API does.
 */
import { hash32 } from './random.js';
import { matches, valueAt, type Query } from './gaql.js';
import type { CustomerRecord, World } from './world.js';

type Json = Record<string, unknown>;

const customerJson = (c: CustomerRecord): Json => ({
  resourceName: `customers/${c.id}`,
  id: c.id,
  descriptiveName: c.name,
  currencyCode: c.currencyCode,
  timeZone: c.timeZone,
  manager: c.manager,
  testAccount: c.testAccount,
  status: c.status,
});

/** Plausible, stable metrics for an entity: the same id always gets the same figures. */
function metricsFor(id: string): Json {
  const h = hash32(`metrics|${id}`);
  const impressions = 1000 + (h % 50_000);
  const clicks = Math.floor(impressions * (0.01 + ((h >>> 16) % 80) / 1000));
  const costMicros = clicks * (200_000 + ((h >>> 8) % 1_500_000));
  return {
    impressions: String(impressions),
    clicks: String(clicks),
    costMicros: String(costMicros),
    ctr: clicks / impressions,
    conversions: Math.round(clicks * 0.04 * 100) / 100,
  };
}

function baseRows(world: World, customer: CustomerRecord, from: string): Json[] {
  const cid = customer.id;
  const cust = customerJson(customer);
  const today = new Date().toISOString().slice(0, 10);
  const segments = { date: today };
  const budgets = world.budgets.get(cid);
  const budgetJson = (id: string | null): Json | undefined => {
    const b = id ? budgets?.get(id) : undefined;
    return b
      ? { resourceName: `customers/${cid}/campaignBudgets/${b.id}`, id: b.id, name: b.name, amountMicros: b.amountMicros, status: b.status }
      : undefined;
  };
  const campaignJson = (id: string): Json | undefined => {
    const c = world.campaigns.get(cid)?.get(id);
    if (!c) return undefined;
    return {
      resourceName: `customers/${cid}/campaigns/${c.id}`,
      id: c.id,
      name: c.name,
      status: c.status,
      advertisingChannelType: c.channel,
      ...(c.budgetId ? { campaignBudget: `customers/${cid}/campaignBudgets/${c.budgetId}` } : {}),
    };
  };
  switch (from) {
    case 'customer':
      return [{ customer: cust, metrics: metricsFor(cid), segments }];
    case 'customer_client':
      return [{ customer: cust, customerClient: clientJson(customer, customer, 0) }].concat(
        world.clientsOf(cid).map(({ customer: c, level }) => ({ customer: cust, customerClient: clientJson(customer, c, level) })),
      );
    case 'campaign':
      return [...(world.campaigns.get(cid)?.values() ?? [])].map((c) => ({
        customer: cust,
        campaign: campaignJson(c.id),
        campaignBudget: budgetJson(c.budgetId),
        metrics: metricsFor(c.id),
        segments,
      }));
    case 'campaign_budget':
      return [...(budgets?.values() ?? [])].map((b) => ({ customer: cust, campaignBudget: budgetJson(b.id), metrics: metricsFor(b.id), segments }));
    case 'ad_group':
      return [...(world.adGroups.get(cid)?.values() ?? [])].map((g) => ({
        customer: cust,
        campaign: campaignJson(g.campaignId),
        adGroup: {
          resourceName: `customers/${cid}/adGroups/${g.id}`,
          id: g.id,
          name: g.name,
          status: g.status,
          campaign: `customers/${cid}/campaigns/${g.campaignId}`,
          cpcBidMicros: g.cpcBidMicros,
        },
        metrics: metricsFor(g.id),
        segments,
      }));
    default:
      // A valid resource the world does not model: a valid query with no rows.
      return [];
  }
}

function clientJson(manager: CustomerRecord, c: CustomerRecord, level: number): Json {
  return {
    resourceName: `customers/${manager.id}/customerClients/${c.id}`,
    clientCustomer: `customers/${c.id}`,
    hidden: false,
    level: String(level),
    timeZone: c.timeZone,
    testAccount: c.testAccount,
    manager: c.manager,
    descriptiveName: c.name,
    currencyCode: c.currencyCode,
    id: c.id,
    status: c.status,
  };
}

function setAt(obj: Json, path: readonly string[], value: unknown): void {
  let cur = obj;
  path.forEach((p, i) => {
    if (i === path.length - 1) cur[p] = value;
    else cur = (cur[p] ??= {}) as Json;
  });
}

/** The rows a query returns on this customer, in proto JSON form (camelCase, int64 as strings). */
export function queryRows(world: World, customer: CustomerRecord, q: Query): Json[] {
  let rows = baseRows(world, customer, q.from).filter((r) => q.where.every((c) => matches(r, c)));
  if (q.orderBy.length) {
    rows = [...rows].sort((a, b) => {
      for (const o of q.orderBy) {
        const x = valueAt(a, o.field.jsonPath);
        const y = valueAt(b, o.field.jsonPath);
        const nx = Number(x);
        const ny = Number(y);
        const cmp = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : String(x ?? '').localeCompare(String(y ?? ''));
        if (cmp !== 0) return o.desc ? -cmp : cmp;
      }
      return 0;
    });
  }
  if (q.limit !== null) rows = rows.slice(0, q.limit);
  return rows.map((r) => {
    const out: Json = {};
    for (const ref of q.select) {
      const v = valueAt(r, ref.jsonPath);
      if (v !== undefined) setAt(out, ref.jsonPath, v);
      // The live API always returns the resource name of each selected resource.
      if (ref.top !== 'metrics' && ref.top !== 'segments') {
        const rn = valueAt(r, [ref.jsonPath[0]!, 'resourceName']);
        if (rn !== undefined) setAt(out, [ref.jsonPath[0]!, 'resourceName'], rn);
      }
    }
    return out;
  });
}
