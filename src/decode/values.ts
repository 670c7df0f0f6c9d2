/**
 * Tolerant readers for loosely typed values: the same field can arrive in snake_case or
 * camelCase, as a number or a numeric string, a protobufjs `Long`, or a Duration in any of its
 * three spellings. None of these throws.
 */

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Safe property read: never runs a throwing getter's exception into the caller. */
export function prop(o: unknown, key: string): unknown {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function')) return undefined;
  try {
    return (o as Obj)[key];
  } catch {
    return undefined;
  }
}

/** The first of these keys that is present (not undefined/null) on `o`. */
export function pick(o: unknown, ...keys: string[]): unknown {
  for (const k of keys) {
    const v = prop(o, k);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  return null;
}

/** An integer from a number, a numeric string, a bigint or a protobufjs Long. */
export function int(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : null;
  if (typeof v === 'string' && /^\s*-?\d{1,20}\s*$/.test(v)) return Number(v);
  if (typeof v === 'bigint') return Number(v);
  if (isObj(v) && typeof v.low === 'number' && typeof v.high === 'number') {
    const lo = BigInt(v.low >>> 0);
    const hi = BigInt(v.high | 0);
    const n = (hi << 32n) | lo;
    return Number(v.unsigned === true ? BigInt.asUintN(64, n) : BigInt.asIntN(64, n));
  }
  return null;
}

/** An int64 as an exact decimal string. */
export function int64String(v: unknown): string | null {
  if (typeof v === 'string' && /^\s*-?\d{1,20}\s*$/.test(v)) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(Math.trunc(v));
  if (typeof v === 'bigint') return v.toString();
  if (isObj(v) && typeof v.low === 'number' && typeof v.high === 'number') {
    const n = (BigInt(v.high | 0) << 32n) | BigInt(v.low >>> 0);
    return (v.unsigned === true ? BigInt.asUintN(64, n) : BigInt.asIntN(64, n)).toString();
  }
  return null;
}

/**
 * A google.protobuf.Duration in milliseconds: `"40.5s"`, `{ seconds: "30", nanos: 0 }`,
 * `{ seconds: Long }`, or a bare number of seconds. Null when it is none of these.
 */
export function durationMs(v: unknown): number | null {
  if (typeof v === 'string') {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*s?\s*$/.exec(v);
    return m ? Math.round(Number(m[1]) * 1000) : null;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * 1000) : null;
  if (isObj(v)) {
    const s = int(pick(v, 'seconds'));
    const n = int(pick(v, 'nanos'));
    if (s === null && n === null) return null;
    return Math.round((s ?? 0) * 1000 + (n ?? 0) / 1e6);
  }
  return null;
}

/**
 * A `Retry-After` header value in ms: delta-seconds or an HTTP date (relative to `now`).
 */
export function retryAfterMs(v: unknown, now: number = Date.now()): number | null {
  const s = str(Array.isArray(v) ? v[0] : v);
  if (s === null) return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(s)) return Math.round(Number(s) * 1000);
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** snake_case or kebab to lowerCamelCase: `authorization_error` → `authorizationError`. */
export function camel(s: string): string {
  return s.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Bounded, cycle-safe depth-first walk over plain objects/arrays. */
export function* walkObjects(root: unknown, maxDepth = 8, maxNodes = 5000): Generator<Obj> {
  const seen = new Set<unknown>();
  const stack: [unknown, number][] = [[root, 0]];
  let nodes = 0;
  while (stack.length > 0 && nodes < maxNodes) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    nodes++;
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) continue;
    if (Array.isArray(v)) {
      if (d < maxDepth) for (let i = Math.min(v.length, 200) - 1; i >= 0; i--) stack.push([v[i], d + 1]);
      continue;
    }
    yield v as Obj;
    if (d < maxDepth) {
      let keys: string[];
      try {
        keys = Object.keys(v);
      } catch {
        continue;
      }
      for (let i = Math.min(keys.length, 200) - 1; i >= 0; i--) stack.push([prop(v, keys[i]!), d + 1]);
    }
  }
}
