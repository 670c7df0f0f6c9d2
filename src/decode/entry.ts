/**
 * Building blocks shared by every decoder: code references resolved against the catalog, field
 * paths, and error entries.
 */
import { codeByName, codeByNumber, findCategory, type CatalogCode } from '../catalog/catalog.js';
import type { AdsErrorDetails, AdsErrorEntry, ErrorCodeRef, FieldPathElement, TriggerValue } from '../error/types.js';
import { camel } from './values.js';

/**
 * A Google Ads code from its category (any spelling) and value (enum name, or number resolved in
 * `version`'s catalog). Unknown categories or values are kept, with `known: false`, and a line
 * is added to `issues`.
 */
export function adsCodeRef(categoryAnySpelling: string, value: string | number, version: string | null, issues?: string[]): ErrorCodeRef {
  const cat = findCategory(categoryAnySpelling);
  const category = cat?.category ?? camel(categoryAnySpelling);
  let numeric: number | null = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : null;
  if (cat && numeric !== null) {
    if (version === null && issues && !issues.includes(NEWEST_NOTE)) issues.push(NEWEST_NOTE);
    const hit = codeByNumber(cat.category, numeric, version);
    if (hit) return refOf(hit);
    issues?.push(`${category} value ${numeric} is not in the ${version ?? 'known'} catalog`);
    return ref(category, String(numeric), numeric, false);
  }
  const name = String(value);
  if (cat) {
    const hit = codeByName(cat.category, name);
    if (hit) return refOf(hit);
    issues?.push(`${category}.${name} is not in the catalog`);
    return ref(category, name, numeric, false);
  }
  issues?.push(`error category ${categoryAnySpelling} is not in the catalog`);
  return ref(category, name, numeric, false);
}

const NEWEST_NOTE = 'numeric codes were read with the newest catalog: the payload does not say its API version';

const REFS = new WeakMap<CatalogCode, ErrorCodeRef>();

/** The reference of a catalog code: one shared frozen object per code, built once. */
export function refOf(code: CatalogCode): ErrorCodeRef {
  let r = REFS.get(code);
  if (!r) {
    r = Object.freeze({ category: code.category, name: code.name, number: code.number, key: code.key, known: true });
    REFS.set(code, r);
  }
  return r;
}

/** A code reference of a family without numbers (`oauth`, `global`, `errorInfo`, `status`). */
export function ref(category: string, name: string, number: number | null = null, known = true): ErrorCodeRef {
  return { category, name, number, key: `${category}.${name}`, known };
}

/** `operations[2].create.name` */
export function fieldPathText(path: readonly FieldPathElement[]): string | null {
  if (path.length === 0) return null;
  let s = '';
  for (const e of path) {
    s += s ? `.${e.fieldName}` : e.fieldName;
    if (e.index !== null) s += `[${e.index}]`;
  }
  return s;
}

/**
 * The operation an error belongs to: the index on the first path element, which is always a
 * field of the request itself; when that field is repeated (`operations`, `mutate_operations`,
 * `conversions`, …) the index is the operation's position. No index there means the error is
 * about the request as a whole — never operation 0.
 */
export function operationIndexOf(path: readonly FieldPathElement[]): number | null {
  const first = path[0];
  return first && first.index !== null && first.index >= 0 ? first.index : null;
}

export interface EntryParts {
  code: ErrorCodeRef;
  message?: string | null;
  trigger?: TriggerValue | null;
  fieldPath?: readonly FieldPathElement[];
  details?: AdsErrorDetails | null;
  location?: string | null;
}

export function makeEntry(p: EntryParts): AdsErrorEntry {
  const fieldPath = p.fieldPath ?? [];
  return {
    code: p.code,
    message: p.message ?? '',
    trigger: p.trigger ?? null,
    fieldPath,
    fieldPathText: fieldPathText(fieldPath),
    operationIndex: operationIndexOf(fieldPath),
    details: p.details ?? null,
    location: p.location ?? null,
  };
}

export const EMPTY_DETAILS: AdsErrorDetails = Object.freeze({
  unpublishedErrorCode: null,
  quota: null,
  resourceCount: null,
  policyViolation: null,
  policyFinding: null,
  budgetPerDayMinimum: null,
  reservation: null,
  incompatibleCloGoals: null,
});
