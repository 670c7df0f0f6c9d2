/**
 * A reader for what Node prints when an error is logged (`console.log(err)`, `util.inspect`):
 *
 *   Error: 3 INVALID_ARGUMENT: Request contains an invalid argument.
 *       at … {
 *     code: 3,
 *     details: 'Request contains an invalid argument.',
 *     metadata: Metadata {
 *       internalRepr: Map(3) {
 *         'google.ads.googleads.v21.errors.googleadsfailure-bin' => [ <Buffer 0a 6c 0a 03 …  58 more bytes> ],
 *         'request-id' => [ 'x2bP…' ]
 *       },
 *       options: {}
 *     }
 *   }
 *
 * and the objects google-ads-api throws (`Am { errors: [ Pm { error_code: _ { quota_error: 2 } … } ] }`,
 * minified class names, numeric enums, `Long { low: 30, high: 0 }`). Unquoted keys, quoted or
 * single-quoted strings joined with `+`, class-name prefixes, `Map(n) { k => v }`, `<Buffer …>`
 * and the placeholders inspect writes for what it did not expand (`[Object]`, `[_]`,
 * `... 3 more items`) are understood. Iterative, linear in the input, never throws.
 */
import { API_VERSIONS, categoryByFieldNumber, codeByNumber } from '../../catalog/catalog.js';
import type { Obj } from '../values.js';
import { WireReader } from '../wire.js';

/** Bytes of a `<Buffer …>` that inspect cut short (`… 58 more bytes`). */
export interface CutBytes {
  readonly cutBytes: Uint8Array;
}

export function isCutBytes(v: unknown): v is CutBytes {
  return typeof v === 'object' && v !== null && (v as { cutBytes?: unknown }).cutBytes instanceof Uint8Array;
}

type Frame = { kind: 'obj'; value: Obj } | { kind: 'arr'; value: unknown[] };

export interface InspectResult {
  value: Obj | unknown[] | null;
  end: number;
}

const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|Infinity|NaN)n?/y;
const PLACEHOLDER = /\[(?:Object|Array|Function[^\]]*|Getter[^\]]*|Setter[^\]]*|Circular[^\]]*|[A-Za-z_$][\w$]*)\]/y;
const MORE_ITEMS = /\.\.\. \d+ more items?/y;
const BUFFER = /<Buffer((?: [0-9a-f]{2})*)(?: \.\.\. (\d+) more bytes?)?>/y;
const REF = /<ref \*\d+>\s*/y;
const NULL_PROTO = /\[[A-Za-z_$][\w$]*: null prototype\]\s*/y;

/** Parses one inspected object or array starting at `from` (which must be `{` or `[`). */
export function parseInspect(s: string, from: number): InspectResult {
  let i = from;
  const n = s.length;
  const stack: Frame[] = [];
  let root: Obj | unknown[] | null = null;
  let pendingKey: string | null = null;

  const ws = () => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    const m = re.exec(s);
    if (m) i = re.lastIndex;
    return m;
  };
  const readString = (): string | null => {
    let out = '';
    for (;;) {
      const q = s[i];
      if (q !== "'" && q !== '"' && q !== '`') return out === '' ? null : out;
      let j = i + 1;
      while (j < n && s[j] !== q) {
        if (s[j] === '\\' && j + 1 < n) {
          const e = s[j + 1]!;
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
          j += 2;
          continue;
        }
        out += s[j];
        j++;
      }
      i = j + 1;
      // Long strings are printed as 'part one' +\n 'part two'.
      const save = i;
      ws();
      if (s[i] === '+') {
        i++;
        ws();
        continue;
      }
      i = save;
      return out;
    }
  };
  const put = (v: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.kind === 'arr') top.value.push(v);
    else if (pendingKey !== null) {
      top.value[pendingKey] = v;
      pendingKey = null;
    }
  };
  const open = (arr: boolean) => {
    const v: Obj | unknown[] = arr ? [] : {};
    if (stack.length === 0) root = v;
    else put(v);
    stack.push(arr ? { kind: 'arr', value: v as unknown[] } : { kind: 'obj', value: v as Obj });
  };

  let steps = 0;
  while (i < n && steps++ < 1_000_000) {
    ws();
    if (i >= n) break;
    const top = stack[stack.length - 1];
    const c = s[i]!;
    if (c === ',') {
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      i++;
      stack.pop();
      pendingKey = null;
      if (stack.length === 0) return { value: root, end: i };
      continue;
    }
    // A key, in an object that is waiting for one.
    if (top && top.kind === 'obj' && pendingKey === null) {
      let key: string | null = null;
      if (c === "'" || c === '"') key = readString();
      else if (c === '[') {
        // [Symbol(foo)]: value
        const close = s.indexOf(']', i);
        if (close < 0 || close - i > 200) break;
        key = s.slice(i + 1, close);
        i = close + 1;
      } else {
        const m = at(IDENT);
        key = m ? m[0] : null;
      }
      if (key === null) break;
      ws();
      if (s.startsWith('=>', i)) i += 2;
      else if (s[i] === ':') i++;
      else break;
      pendingKey = key;
      continue;
    }
    // A value.
    if (at(REF) || at(NULL_PROTO)) continue;
    if (c === '{' || c === '[') {
      if (c === '[' && s[i + 1] !== ' ' && s[i + 1] !== ']' && s[i + 1] !== '\n') {
        const p = at(PLACEHOLDER);
        if (p) {
          put(null);
          continue;
        }
      }
      i++;
      open(c === '[');
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      put(readString() ?? '');
      continue;
    }
    if (c === '<') {
      const b = at(BUFFER);
      if (b) {
        const hex = b[1]!.trim();
        const bytes = Uint8Array.from(hex ? hex.split(' ').map((h) => parseInt(h, 16)) : []);
        put(b[2] ? ({ cutBytes: bytes } satisfies CutBytes) : bytes);
        continue;
      }
      break;
    }
    if (stack.length === 0) break;
    if (at(MORE_ITEMS)) continue;
    const num = at(NUMBER);
    if (num) {
      const t = num[0];
      put(t.endsWith('n') ? BigInt(t.slice(0, -1)) : Number(t));
      continue;
    }
    const id = at(IDENT);
    if (id) {
      const w = id[0];
      if (w === 'true' || w === 'false') put(w === 'true');
      else if (w === 'null' || w === 'undefined') put(null);
      else {
        // A class-name prefix: `Metadata {`, `Map(3) {`, `Long {`, `Am {`.
        const save = i;
        if (s[i] === '(') {
          const close = s.indexOf(')', i);
          if (close > 0 && close - i < 20) i = close + 1;
        }
        ws();
        if (s[i] === '{' || s[i] === '[') {
          const isArr = s[i] === '[';
          i++;
          open(isArr);
          continue;
        }
        i = save;
        put(w);
      }
      continue;
    }
    break;
  }
  return { value: root, end: i };
}

/**
 * The first error code (and its message, when it is whole) from the start of GoogleAdsFailure
 * bytes that were cut short. inspect shows only the first 50 bytes of a Buffer, but a failure
 * begins with its first error, and an error begins with its code.
 */
export function firstErrorFromCutBytes(bytes: Uint8Array, version: string | null): { category: string; name: string; number: number; message: string } | null {
  const r = new WireReader(bytes);
  if (r.tag() !== 10) return null; // GoogleAdsFailure.errors
  r.varint32();
  if (r.tag() !== 10) return null; // GoogleAdsError.error_code
  r.varint32();
  const ct = r.tag();
  if (ct <= 0 || (ct & 7) !== 0) return null;
  const value = r.varint32();
  if (r.error !== null) return null;
  const field = ct >>> 3;
  const versions = version ? [version, ...API_VERSIONS.slice().reverse()] : API_VERSIONS.slice().reverse();
  for (const v of versions) {
    const cat = categoryByFieldNumber(v, field);
    if (!cat) continue;
    const code = codeByNumber(cat.category, value, v);
    if (!code) return null;
    let message = '';
    if (r.more() && r.tag() === 18) {
      const len = r.varint32();
      if (r.error === null) {
        const end = Math.min(r.pos + len, bytes.length);
        message = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(r.pos, end)).replace(/\uFFFD$/, '');
        if (end < r.pos + len) message += '…';
      }
    }
    return { category: cat.category, name: code.name, number: value, message };
  }
  return null;
}
