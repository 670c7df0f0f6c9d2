/**
 * Mutates on the world: campaigns, campaign budgets and ad groups, through a service's own
 * mutate (`CampaignService.MutateCampaigns`), `GoogleAdsService.Mutate` and batch jobs. Every
 * operation is checked first; then, as the live API does, the whole request fails when any
 * operation failed, unless `partialFailure` is set, in which case the good operations are
 * applied and the failures come back in `partialFailureError` with their operation index.
 */
import { adsFailure, type ErrorSpec, type PathElement } from './failure.js';
import { entities, type CampaignRecord, type CustomerRecord, type World } from './world.js';

type Json = Record<string, unknown>;

/** Longest campaign / budget / ad group name the API accepts. */
const MAX_NAME = 255;
const MAX_OPERATIONS = 10_000;

/** The resource kinds the emulator can change, by their GoogleAdsService operation field. */
export const MUTATE_KINDS = {
  campaignOperation: { proto: 'campaign_operation', result: 'campaignResult', collection: 'campaigns' },
  campaignBudgetOperation: { proto: 'campaign_budget_operation', result: 'campaignBudgetResult', collection: 'campaignBudgets' },
  adGroupOperation: { proto: 'ad_group_operation', result: 'adGroupResult', collection: 'adGroups' },
} as const;
export type MutateKind = keyof typeof MUTATE_KINDS;

interface Pending {
  readonly world: World;
  readonly customer: CustomerRecord;
  /** Names taken by earlier operations of this request, per kind. */
  readonly names: Map<string, Set<string>>;
  /** Temporary (negative) ids of this request → real ids. */
  readonly tempIds: Map<string, string>;
  /** Ids created by earlier operations of this request (not in the world until applied). */
  readonly created: Set<string>;
}

interface OpOutcome {
  readonly errors: ErrorSpec[];
  /** Applies the operation; returns its result (`{resourceName}`, plus the resource when asked). */
  readonly apply: (() => Json) | null;
}

const err = (code: string, message: string, path: readonly PathElement[], trigger?: string): ErrorSpec => ({
  code,
  message,
  path,
  ...(trigger !== undefined ? { trigger } : {}),
});

function checkName(name: unknown, path: readonly PathElement[], required: boolean): ErrorSpec | null {
  if (name === undefined) return required ? err('fieldError.REQUIRED', 'The required field was not present.', path) : null;
  const s = String(name);
  if (s.length === 0) return err('stringLengthError.TOO_SHORT', 'Too short.', path, '');
  if (s.length > MAX_NAME) return err('stringLengthError.TOO_LONG', `Too long: at most ${MAX_NAME} characters.`, path, s);
  return null;
}

/** Parses `customers/{cid}/{collection}/{id}`; negative ids are temporary ids of this request. */
function parseName(p: Pending, rn: unknown, collection: string): { id: string } | 'malformed' | 'foreign' {
  const m = typeof rn === 'string' ? /^customers\/(\d+)\/([A-Za-z]+)\/(-?\d+)$/.exec(rn) : null;
  if (!m || m[2] !== collection) return 'malformed';
  if (m[1] !== p.customer.id) return 'foreign';
  const id = m[3]!;
  return { id: id.startsWith('-') ? (p.tempIds.get(id) ?? id) : id };
}

function nameTaken(p: Pending, kind: MutateKind, name: string, existing: Iterable<{ name: string; status: string }>): boolean {
  if (p.names.get(kind)?.has(name)) return true;
  for (const e of existing) if (e.name === name && e.status !== 'REMOVED') return true;
  return false;
}

function reserveName(p: Pending, kind: MutateKind, name: string): void {
  let s = p.names.get(kind);
  if (!s) p.names.set(kind, (s = new Set()));
  s.add(name);
}

/**
 * Checks one operation (`{create|update|remove, updateMask}`) on a resource kind and returns
 * its errors, or the closure that applies it.
 */
function operation(p: Pending, kind: MutateKind, op: Json, at: readonly PathElement[], full: boolean): OpOutcome {
  const { collection } = MUTATE_KINDS[kind];
  const cid = p.customer.id;
  const create = op['create'] as Json | undefined;
  const update = op['update'] as Json | undefined;
  const remove = op['remove'] as string | undefined;
  const errors: ErrorSpec[] = [];
  const result = (id: string, resource: () => Json): Json => ({
    resourceName: `customers/${cid}/${collection}/${id}`,
    ...(full ? { [resultField(kind)]: resource() } : {}),
  });
  if (!create && !update && remove === undefined) {
    return { errors: [err('requestError.OPERATION_REQUIRED', 'The operation has no create, update or remove.', at)], apply: null };
  }
  const store =
    kind === 'campaignOperation'
      ? entities(p.world.campaigns, cid)
      : kind === 'campaignBudgetOperation'
        ? entities(p.world.budgets, cid)
        : entities(p.world.adGroups, cid);

  if (create) {
    const path = [...at, 'create'];
    const nameErr = checkName(create['name'], [...path, 'name'], true);
    if (nameErr) errors.push(nameErr);
    else if (nameTaken(p, kind, String(create['name']), store.values() as Iterable<{ name: string; status: string }>)) {
      errors.push(duplicateName(kind, [...path, 'name'], String(create['name'])));
    }
    let budgetId: string | null = null;
    let campaignId: string | null = null;
    if (kind === 'campaignOperation' && create['campaignBudget'] !== undefined) {
      const b = parseName(p, create['campaignBudget'], 'campaignBudgets');
      if (b === 'malformed' || b === 'foreign') errors.push(err('requestError.RESOURCE_NAME_MALFORMED', 'The budget resource name is malformed.', [...path, 'campaign_budget'], String(create['campaignBudget'])));
      else if (!p.world.budgets.get(cid)?.has(b.id) && !p.created.has(b.id)) errors.push(err('mutateError.RESOURCE_NOT_FOUND', 'The budget does not exist.', [...path, 'campaign_budget'], String(create['campaignBudget'])));
      else budgetId = b.id;
    }
    if (kind === 'campaignBudgetOperation') {
      const amount = create['amountMicros'];
      if (amount === undefined) errors.push(err('fieldError.REQUIRED', 'The required field was not present.', [...path, 'amount_micros']));
      else if (Number(amount) <= 0) errors.push(err('rangeError.TOO_LOW', 'Too low.', [...path, 'amount_micros'], String(amount)));
    }
    if (kind === 'adGroupOperation') {
      if (create['campaign'] === undefined) errors.push(err('fieldError.REQUIRED', 'The required field was not present.', [...path, 'campaign']));
      else {
        const c = parseName(p, create['campaign'], 'campaigns');
        if (c === 'malformed' || c === 'foreign') errors.push(err('requestError.RESOURCE_NAME_MALFORMED', 'The campaign resource name is malformed.', [...path, 'campaign'], String(create['campaign'])));
        else if (!p.world.campaigns.get(cid)?.has(c.id) && !p.created.has(c.id)) errors.push(err('mutateError.RESOURCE_NOT_FOUND', 'The campaign does not exist.', [...path, 'campaign'], String(create['campaign'])));
        else campaignId = c.id;
      }
    }
    if (errors.length) return { errors, apply: null };
    const name = String(create['name']);
    reserveName(p, kind, name);
    const id = p.world.newId();
    const temp = typeof create['resourceName'] === 'string' ? /\/(-\d+)$/.exec(create['resourceName'])?.[1] : undefined;
    if (temp) p.tempIds.set(temp, id);
    p.created.add(id);
    const status = (create['status'] as string | undefined) ?? 'ENABLED';
    return {
      errors,
      apply: () => {
        if (kind === 'campaignOperation') {
          const rec: CampaignRecord = { customerId: cid, id, name, status: status as CampaignRecord['status'], channel: String(create['advertisingChannelType'] ?? 'SEARCH'), budgetId };
          entities(p.world.campaigns, cid).set(id, rec);
        } else if (kind === 'campaignBudgetOperation') {
          entities(p.world.budgets, cid).set(id, { customerId: cid, id, name, amountMicros: String(create['amountMicros']), status: 'ENABLED' });
        } else {
          entities(p.world.adGroups, cid).set(id, { customerId: cid, id, campaignId: campaignId!, name, status: status as 'ENABLED', cpcBidMicros: String(create['cpcBidMicros'] ?? '1000000') });
        }
        return result(id, () => ({ resourceName: `customers/${cid}/${collection}/${id}`, id, name, status }));
      },
    };
  }

  const isUpdate = update !== undefined;
  const path = [...at, isUpdate ? 'update' : 'remove'];
  const rn = isUpdate ? update['resourceName'] : remove;
  const rnPath = isUpdate ? [...path, 'resource_name'] : path;
  if (rn === undefined || rn === '') return { errors: [err('requestError.RESOURCE_NAME_MISSING', 'The resource name is missing.', rnPath)], apply: null };
  const parsed = parseName(p, rn, collection);
  if (parsed === 'malformed') return { errors: [err('requestError.RESOURCE_NAME_MALFORMED', 'The resource name is malformed.', rnPath, String(rn))], apply: null };
  if (parsed === 'foreign') return { errors: [err('requestError.CANNOT_MODIFY_FOREIGN_FIELD', 'The resource belongs to another customer.', rnPath, String(rn))], apply: null };
  const rec = store.get(parsed.id) as { name: string; status: string } | undefined;
  if (!rec || rec.status === 'REMOVED') return { errors: [err('mutateError.RESOURCE_NOT_FOUND', 'The resource was not found.', rnPath, String(rn))], apply: null };
  if (!isUpdate) {
    return {
      errors,
      apply: () => {
        rec.status = 'REMOVED';
        return { resourceName: `customers/${cid}/${collection}/${parsed.id}` };
      },
    };
  }
  const mask = typeof op['updateMask'] === 'string' ? (op['updateMask'] as string).split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (mask.length === 0) return { errors: [err('fieldMaskError.FIELD_MASK_MISSING', 'An update needs an update mask.', [...at, 'update_mask'])], apply: null };
  for (const f of mask) {
    if (!['name', 'status', 'amountMicros', 'amount_micros', 'cpcBidMicros', 'cpc_bid_micros'].includes(f)) {
      errors.push(err('fieldMaskError.FIELD_NOT_FOUND', `The emulator cannot update '${f}'.`, [...at, 'update_mask'], f));
    }
  }
  if (mask.includes('name')) {
    const nameErr = checkName(update['name'], [...path, 'name'], true);
    if (nameErr) errors.push(nameErr);
    else if (String(update['name']) !== rec.name && nameTaken(p, kind, String(update['name']), store.values() as Iterable<{ name: string; status: string }>)) {
      errors.push(duplicateName(kind, [...path, 'name'], String(update['name'])));
    }
  }
  if (errors.length) return { errors, apply: null };
  if (mask.includes('name')) reserveName(p, kind, String(update['name']));
  return {
    errors,
    apply: () => {
      const r = rec as Json;
      if (mask.includes('name')) r['name'] = String(update['name']);
      if (mask.includes('status') && update['status'] !== undefined) r['status'] = String(update['status']);
      for (const [a, b] of [['amountMicros', 'amount_micros'], ['cpcBidMicros', 'cpc_bid_micros']] as const) {
        if ((mask.includes(a) || mask.includes(b)) && update[a] !== undefined) r[a] = String(update[a]);
      }
      return result(parsed.id, () => ({ resourceName: `customers/${cid}/${collection}/${parsed.id}`, id: parsed.id, name: rec.name, status: rec.status }));
    },
  };
}

/** Each kind has its own code for a name already in use. */
function duplicateName(kind: MutateKind, path: readonly PathElement[], name: string): ErrorSpec {
  switch (kind) {
    case 'campaignOperation':
      return err('campaignError.DUPLICATE_CAMPAIGN_NAME', 'A campaign with this name already exists.', path, name);
    case 'adGroupOperation':
      return err('adGroupError.DUPLICATE_ADGROUP_NAME', 'An ad group with this name already exists in the campaign.', path, name);
    default:
      return err('campaignBudgetError.DUPLICATE_NAME', 'A budget with this name already exists.', path, name);
  }
}

function resultField(kind: MutateKind): string {
  return kind === 'campaignOperation' ? 'campaign' : kind === 'campaignBudgetOperation' ? 'campaignBudget' : 'adGroup';
}

export interface MutateOutcome {
  /** Per operation: its result, or null where it failed (partial failure only). */
  readonly results: (Json | null)[];
  /** Errors of failed operations, when partial failure let the others through. */
  readonly partialErrors: ErrorSpec[];
}

/**
 * Runs a list of operations. `ops[i]` is `{kind, op}`; `at(i)` gives the path prefix of
 * operation i for error locations. Throws an EmulatorFailure when any operation fails and
 * partial failure is off (nothing is applied then).
 */
export function runOperations(
  world: World,
  customer: CustomerRecord,
  ops: readonly { kind: MutateKind | null; op: Json }[],
  at: (i: number, kind: MutateKind | null) => readonly PathElement[],
  options: { partialFailure: boolean; validateOnly: boolean; fullResource: boolean; listField: string },
): MutateOutcome {
  if (ops.length === 0) {
    throw adsFailure([err('notEmptyError.EMPTY_LIST', 'The list of operations is empty.', [options.listField])]);
  }
  if (ops.length > MAX_OPERATIONS) {
    throw adsFailure([err('requestError.TOO_MANY_MUTATE_OPERATIONS', `At most ${MAX_OPERATIONS} operations fit in one request.`, [options.listField])]);
  }
  const p: Pending = { world, customer, names: new Map(), tempIds: new Map(), created: new Set() };
  const outcomes = ops.map(({ kind, op }, i) =>
    kind === null
      ? { errors: [err('mutateError.MUTATE_NOT_ALLOWED', 'The emulator does not model this kind of operation.', at(i, kind))], apply: null }
      : operation(p, kind, op, at(i, kind), options.fullResource),
  );
  const errors = outcomes.flatMap((o) => o.errors);
  if (errors.length && !options.partialFailure) throw adsFailure(errors);
  if (options.validateOnly) return { results: [], partialErrors: errors };
  const results = outcomes.map((o) => (o.apply ? o.apply() : null));
  return { results, partialErrors: errors };
}
