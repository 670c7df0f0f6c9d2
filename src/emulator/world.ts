/**
 * The emulator's small in-memory world: a manager account with client accounts, users and
 * their tokens, developer tokens, campaigns, budgets and ad groups. Successful calls read and
 * change it; the request checks (`access.ts`) decide from it which error a request earns.
 *
 * Everything is plain data so that a test or a scenario file can describe its own world.
 */

export type CustomerStatus = 'ENABLED' | 'CANCELED' | 'SUSPENDED' | 'CLOSED';
export type EntityStatus = 'ENABLED' | 'PAUSED' | 'REMOVED';

export interface CustomerRecord {
  readonly id: string;
  name: string;
  readonly manager: boolean;
  readonly testAccount: boolean;
  status: CustomerStatus;
  readonly currencyCode: string;
  readonly timeZone: string;
  /** The manager directly above this account, if any. */
  readonly managerId: string | null;
  /**
   * Epoch ms before which the account answers CUSTOMER_NOT_FOUND, as a freshly created account
   * does while the backend finishes setting it up. Null when ready. Tests may change it.
   */
  readyAt: number | null;
}

export interface BudgetRecord {
  readonly customerId: string;
  readonly id: string;
  name: string;
  amountMicros: string;
  status: 'ENABLED' | 'REMOVED';
}

export interface CampaignRecord {
  readonly customerId: string;
  readonly id: string;
  name: string;
  status: EntityStatus;
  readonly channel: string;
  budgetId: string | null;
}

export interface AdGroupRecord {
  readonly customerId: string;
  readonly id: string;
  readonly campaignId: string;
  name: string;
  status: EntityStatus;
  cpcBidMicros: string;
}

/** A Google account as the emulator's OAuth side knows it. */
export interface UserRecord {
  readonly email: string;
  /** False for a Google account that has never been given Google Ads access (NOT_ADS_USER). */
  readonly adsUser: boolean;
  /** Customer ids the user was invited to directly. Clients below a manager come through it. */
  readonly access: readonly string[];
}

/** What a bearer token is to the emulator. */
export type AccessTokenState =
  | { readonly kind: 'valid'; readonly user: string; readonly expiresAt: number | null }
  | { readonly kind: 'expired' | 'revoked' | 'disabled' | 'invalidated' };

/** What a refresh token is to the emulator's `/token` endpoint. */
export type RefreshTokenState =
  | { readonly kind: 'valid'; readonly user: string }
  | { readonly kind: 'revoked' | 'expired' };

/** Access level of a developer token. */
export type DeveloperTokenState = 'basic' | 'standard' | 'test-only' | 'prohibited' | 'invalid';

export interface WorldSeed {
  readonly customers: readonly CustomerRecord[];
  readonly users: readonly UserRecord[];
  readonly accessTokens: Readonly<Record<string, AccessTokenState>>;
  readonly refreshTokens: Readonly<Record<string, RefreshTokenState>>;
  readonly developerTokens: Readonly<Record<string, DeveloperTokenState>>;
  readonly budgets: readonly BudgetRecord[];
  readonly campaigns: readonly CampaignRecord[];
  readonly adGroups: readonly AdGroupRecord[];
  /**
   * User that an unknown `ya29.` access token or `1//` refresh token stands for, so that any
   * client with made-up credentials can talk to the emulator. Null makes unknown tokens invalid.
   */
  readonly defaultUser: string | null;
}

/** Ids of the default world, for tests and docs. */
export const IDS = {
  manager: '1000000001',
  client: '1000000002',
  canceled: '1000000003',
  testClient: '1000000004',
  subManager: '1000000005',
  deepClient: '1000000006',
  /** A client that has no access path from the default user. */
  stranger: '2000000001',
} as const;

/** Tokens of the default world. Everything else `ya29.…` is the default user (see `defaultUser`). */
export const TOKENS = {
  access: 'ya29.emulator-admin', // fake, emulator only
  clientOnly: 'ya29.emulator-client-user', // fake, emulator only
  nonAdsUser: 'ya29.emulator-non-ads-user', // fake, emulator only
  expired: 'ya29.emulator-expired', // fake, emulator only
  revoked: 'ya29.emulator-revoked', // fake, emulator only
  invalidated: 'ya29.emulator-invalidated', // fake, emulator only
  refresh: '1//emulator-refresh',
  refreshNonAds: '1//emulator-non-ads-user',
  refreshRevoked: '1//emulator-revoked',
  /** A refresh token of a Testing-status OAuth app past its 7 days. */
  refreshExpired: '1//emulator-testing-expired',
  developer: 'emulator-dev-token',
  developerTestOnly: 'emulator-test-dev-token',
  developerProhibited: 'emulator-other-project-dev-token',
  developerInvalid: 'emulator-invalid-dev-token',
} as const;

const customer = (
  id: string,
  name: string,
  o: Partial<Omit<CustomerRecord, 'id' | 'name'>> = {},
): CustomerRecord => ({
  id,
  name,
  manager: false,
  testAccount: false,
  status: 'ENABLED',
  currencyCode: 'USD',
  timeZone: 'America/New_York',
  managerId: IDS.manager,
  readyAt: null,
  ...o,
});

/** The default world: one manager, its clients (one cancelled, one test account, one below a sub-manager), a few campaigns. */
export function defaultWorldSeed(): WorldSeed {
  const campaigns: CampaignRecord[] = [];
  const adGroups: AdGroupRecord[] = [];
  const budgets: BudgetRecord[] = [];
  const names = ['Brand - Search', 'Generic - Search', 'Remarketing - Display', 'Summer Sale', 'Competitors'];
  for (const cid of [IDS.client, IDS.testClient, IDS.deepClient]) {
    names.forEach((name, i) => {
      const id = String(20000000 + Number(cid.slice(-1)) * 100 + i);
      budgets.push({ customerId: cid, id: String(30000000 + Number(id.slice(-3))), name: `${name} budget`, amountMicros: String((i + 1) * 10_000_000), status: 'ENABLED' });
      campaigns.push({
        customerId: cid,
        id,
        name,
        status: i === 3 ? 'PAUSED' : 'ENABLED',
        channel: name.includes('Display') ? 'DISPLAY' : 'SEARCH',
        budgetId: String(30000000 + Number(id.slice(-3))),
      });
      for (let g = 0; g < 2; g++) {
        adGroups.push({ customerId: cid, id: `${id}${g}`, campaignId: id, name: `${name} #${g + 1}`, status: 'ENABLED', cpcBidMicros: String(500_000 + g * 250_000) });
      }
    });
  }
  return {
    customers: [
      customer(IDS.manager, 'Emulator Manager', { manager: true, managerId: null }),
      customer(IDS.client, 'Client A'),
      customer(IDS.canceled, 'Client B (cancelled)', { status: 'CANCELED' }),
      customer(IDS.testClient, 'Test Client', { testAccount: true }),
      customer(IDS.subManager, 'Sub-manager', { manager: true }),
      customer(IDS.deepClient, 'Client C (below the sub-manager)', { managerId: IDS.subManager }),
      customer(IDS.stranger, 'Someone else’s account', { managerId: null }),
    ],
    users: [
      { email: 'admin@example.com', adsUser: true, access: [IDS.manager] },
      { email: 'client-user@example.com', adsUser: true, access: [IDS.client] },
      { email: 'not-in-ads@example.com', adsUser: false, access: [] },
    ],
    accessTokens: {
      [TOKENS.access]: { kind: 'valid', user: 'admin@example.com', expiresAt: null },
      [TOKENS.clientOnly]: { kind: 'valid', user: 'client-user@example.com', expiresAt: null },
      [TOKENS.nonAdsUser]: { kind: 'valid', user: 'not-in-ads@example.com', expiresAt: null },
      [TOKENS.expired]: { kind: 'expired' },
      [TOKENS.revoked]: { kind: 'revoked' },
      [TOKENS.invalidated]: { kind: 'invalidated' },
    },
    refreshTokens: {
      [TOKENS.refresh]: { kind: 'valid', user: 'admin@example.com' },
      [TOKENS.refreshNonAds]: { kind: 'valid', user: 'not-in-ads@example.com' },
      [TOKENS.refreshRevoked]: { kind: 'revoked' },
      [TOKENS.refreshExpired]: { kind: 'expired' },
    },
    developerTokens: {
      [TOKENS.developer]: 'basic',
      [TOKENS.developerTestOnly]: 'test-only',
      [TOKENS.developerProhibited]: 'prohibited',
      [TOKENS.developerInvalid]: 'invalid',
    },
    budgets,
    campaigns,
    adGroups,
    defaultUser: 'admin@example.com',
  };
}

/** The live, mutable world of one emulator instance. */
export class World {
  readonly customers = new Map<string, CustomerRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly accessTokens = new Map<string, AccessTokenState>();
  readonly refreshTokens = new Map<string, RefreshTokenState>();
  readonly developerTokens = new Map<string, DeveloperTokenState>();
  /** Per customer id, by entity id, in insertion order. */
  readonly budgets = new Map<string, Map<string, BudgetRecord>>();
  readonly campaigns = new Map<string, Map<string, CampaignRecord>>();
  readonly adGroups = new Map<string, Map<string, AdGroupRecord>>();
  readonly defaultUser: string | null;
  private nextId = 90_000_000;
  private issued = 0;

  constructor(seed: WorldSeed = defaultWorldSeed()) {
    for (const c of seed.customers) this.customers.set(c.id, { ...c });
    for (const u of seed.users) this.users.set(u.email, u);
    for (const [k, v] of Object.entries(seed.accessTokens)) this.accessTokens.set(k, v);
    for (const [k, v] of Object.entries(seed.refreshTokens)) this.refreshTokens.set(k, v);
    for (const [k, v] of Object.entries(seed.developerTokens)) this.developerTokens.set(k, v);
    for (const b of seed.budgets) bucket(this.budgets, b.customerId).set(b.id, { ...b });
    for (const c of seed.campaigns) bucket(this.campaigns, c.customerId).set(c.id, { ...c });
    for (const g of seed.adGroups) bucket(this.adGroups, g.customerId).set(g.id, { ...g });
    this.defaultUser = seed.defaultUser;
  }

  /** A fresh numeric id for a created entity (ids only grow, so they never collide). */
  newId(): string {
    return String(++this.nextId);
  }

  /** Records a freshly issued access token for a user; returns it. */
  issueAccessToken(user: string, now: number, lifetimeMs: number): string {
    const token = `ya29.emulator-issued-${++this.issued}`;
    this.accessTokens.set(token, { kind: 'valid', user, expiresAt: now + lifetimeMs });
    return token;
  }

  /** True when `managerId` is `customerId` itself or a manager somewhere above it. */
  manages(managerId: string, customerId: string): boolean {
    let cur: string | null = customerId;
    for (let hops = 0; cur !== null && hops < 20; hops++) {
      if (cur === managerId) return true;
      cur = this.customers.get(cur)?.managerId ?? null;
    }
    return false;
  }

  /** Every account below a manager (not itself), with its depth. */
  clientsOf(managerId: string): { customer: CustomerRecord; level: number }[] {
    const out: { customer: CustomerRecord; level: number }[] = [];
    const walk = (id: string, level: number) => {
      for (const c of this.customers.values()) {
        if (c.managerId === id) {
          out.push({ customer: c, level });
          if (c.manager) walk(c.id, level + 1);
        }
      }
    };
    walk(managerId, 1);
    return out;
  }
}

function bucket<T>(map: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let b = map.get(key);
  if (!b) map.set(key, (b = new Map()));
  return b;
}

/** The per-customer map of a kind of entity, created on first use. */
export function entities<T>(map: Map<string, Map<string, T>>, customerId: string): Map<string, T> {
  return bucket(map, customerId);
}
