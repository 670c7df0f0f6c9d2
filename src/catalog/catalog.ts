/**
 * The merged Google Ads error-code catalog: every error category (ErrorCode oneof member) and
 * every code in it, across every API version found in the protos. Built lazily from the
 * generated rows in `gen/catalog-data.ts`.
 */
import { API_VERSIONS, CATALOG_ROWS, NEWEST_API_VERSION } from '../gen/catalog-data.js';

export { API_VERSIONS, NEWEST_API_VERSION };
export type ApiVersion = (typeof API_VERSIONS)[number];

export interface CatalogCode {
  /** `authorizationError.USER_PERMISSION_DENIED` */
  readonly key: string;
  /** ErrorCode oneof member as in JSON: `authorizationError`. */
  readonly category: string;
  readonly name: string;
  readonly number: number;
  /** API versions this (category, name, number) exists in, oldest first. */
  readonly versions: readonly string[];
}

export interface CatalogCategory {
  /** JSON name of the ErrorCode oneof member: `authorizationError`. */
  readonly category: string;
  /** Proto field name: `authorization_error`. */
  readonly field: string;
  /** Enum name: `AuthorizationError`. */
  readonly enumName: string;
  /** Oneof field number per version where the category exists. */
  readonly fieldNumbers: Readonly<Record<string, number>>;
  readonly versions: readonly string[];
  readonly codes: readonly CatalogCode[];
}

interface Index {
  categories: CatalogCategory[];
  byCategory: Map<string, CatalogCategory>;
  /** field name / JSON name / enum name, each lower-cased and without `_`, → category. */
  byAnyName: Map<string, CatalogCategory>;
  /** version → oneof field number → category */
  byFieldNumber: Map<string, Map<number, CatalogCategory>>;
  /** category → version → number → code (nested maps: no key strings built per lookup) */
  byNumber: Map<string, Map<string, Map<number, CatalogCode>>>;
  /** `${category}:${name}` → code (newest number wins when a name was renumbered) */
  byName: Map<string, CatalogCode>;
  /** code name → every category that has it */
  byBareName: Map<string, CatalogCode[]>;
}

let index: Index | undefined;

const squash = (s: string) => s.replace(/[_\s-]/g, '').toLowerCase();

function build(): Index {
  const categories: CatalogCategory[] = [];
  const byCategory = new Map<string, CatalogCategory>();
  const byAnyName = new Map<string, CatalogCategory>();
  const byFieldNumber = new Map<string, Map<number, CatalogCategory>>();
  const byNumber = new Map<string, Map<string, Map<number, CatalogCode>>>();
  const byName = new Map<string, CatalogCode>();
  const byBareName = new Map<string, CatalogCode[]>();
  for (const [category, field, enumName, numbers, rows] of CATALOG_ROWS) {
    const fieldNumbers: Record<string, number> = {};
    const versions: string[] = [];
    numbers.forEach((n, i) => {
      const v = API_VERSIONS[i];
      if (n > 0 && v) {
        fieldNumbers[v] = n;
        versions.push(v);
      }
    });
    const codes: CatalogCode[] = rows.map(([name, number, mask]) =>
      Object.freeze({
        key: `${category}.${name}`,
        category,
        name,
        number,
        versions: Object.freeze(API_VERSIONS.filter((_, i) => (mask & (1 << i)) !== 0)),
      }),
    );
    const cat: CatalogCategory = Object.freeze({
      category,
      field,
      enumName,
      fieldNumbers: Object.freeze(fieldNumbers),
      versions: Object.freeze(versions),
      codes: Object.freeze(codes),
    });
    categories.push(cat);
    byCategory.set(category, cat);
    for (const alias of [category, field, enumName]) byAnyName.set(squash(alias), cat);
    for (const [v, n] of Object.entries(fieldNumbers)) {
      let m = byFieldNumber.get(v);
      if (!m) byFieldNumber.set(v, (m = new Map()));
      m.set(n, cat);
    }
    const perVersion = new Map<string, Map<number, CatalogCode>>();
    byNumber.set(category, perVersion);
    for (const code of codes) {
      for (const v of code.versions) {
        let m = perVersion.get(v);
        if (!m) perVersion.set(v, (m = new Map()));
        m.set(code.number, code);
      }
      const prev = byName.get(`${category}:${code.name}`);
      if (!prev || newestIndex(code) > newestIndex(prev)) byName.set(`${category}:${code.name}`, code);
      const list = byBareName.get(code.name) ?? [];
      list.push(code);
      byBareName.set(code.name, list);
    }
  }
  return { categories, byCategory, byAnyName, byFieldNumber, byNumber, byName, byBareName };
}

function newestIndex(code: CatalogCode): number {
  const last = code.versions[code.versions.length - 1];
  return last ? API_VERSIONS.indexOf(last as ApiVersion) : -1;
}

function idx(): Index {
  return (index ??= build());
}

/** Every category, sorted by name. */
export function categories(): readonly CatalogCategory[] {
  return idx().categories;
}

/**
 * The category for a name in any of its spellings: `authorizationError`, `authorization_error`,
 * `AuthorizationError`, `AUTHORIZATION_ERROR`. Undefined when unknown. Never throws.
 */
export function findCategory(name: unknown): CatalogCategory | undefined {
  if (typeof name !== 'string') return undefined;
  const i = idx();
  return i.byCategory.get(name) ?? i.byAnyName.get(squash(name));
}

/** The category with this ErrorCode oneof field number in this API version. */
export function categoryByFieldNumber(version: string, fieldNumber: number): CatalogCategory | undefined {
  return idx().byFieldNumber.get(version)?.get(fieldNumber);
}

/**
 * The code with this number in this category. With a version, only that version's numbering is
 * used; without one (or when the version is not in the catalog), the newest version that has
 * the number wins.
 */
export function codeByNumber(category: string, number: number, version?: string | null): CatalogCode | undefined {
  const perVersion = idx().byNumber.get(category);
  if (!perVersion) return undefined;
  if (version) {
    const m = perVersion.get(version);
    if (m) return m.get(number);
    if ((API_VERSIONS as readonly string[]).includes(version)) return undefined;
  }
  for (let v = API_VERSIONS.length - 1; v >= 0; v--) {
    const hit = perVersion.get(API_VERSIONS[v]!)?.get(number);
    if (hit) return hit;
  }
  return undefined;
}

/** The code with this name in this category (any version). */
export function codeByName(category: string, name: string): CatalogCode | undefined {
  return idx().byName.get(`${category}:${name}`);
}

/** Every category's code that has this bare name (`DUPLICATE_NAME` is in 11 categories). */
export function codesNamed(name: string): readonly CatalogCode[] {
  return idx().byBareName.get(name) ?? [];
}

/** Every code of every category, in catalog order. */
export function allCodes(): readonly CatalogCode[] {
  return idx().categories.flatMap((c) => c.codes);
}

/**
 * Parses a code key, `authorizationError.USER_PERMISSION_DENIED` (or `authorization_error:
 * USER_PERMISSION_DENIED`, `AuthorizationError.USER_PERMISSION_DENIED`) into its code.
 */
export function findCode(key: unknown): CatalogCode | undefined {
  if (typeof key !== 'string') return undefined;
  const m = /^\s*([A-Za-z_]+)\s*[.:/]\s*([A-Z0-9_]+)\s*$/.exec(key);
  if (!m) return undefined;
  const cat = findCategory(m[1]);
  return cat ? codeByName(cat.category, m[2]!) : undefined;
}

/**
 * The API version in a string such as a type URL or metadata key
 * (`google.ads.googleads.v25.errors.GoogleAdsFailure`), or null.
 */
export function versionIn(text: string): string | null {
  const m = /googleads[./]v(\d+)\b/.exec(text);
  return m ? `v${m[1]}` : null;
}
