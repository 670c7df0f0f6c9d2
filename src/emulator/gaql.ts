/**
 * A small Google Ads Query Language parser: `SELECT f, … FROM resource [WHERE …] [ORDER BY …]
 * [LIMIT n] [PARAMETERS …]`. It checks every field name against the GoogleAdsRow schema of the
 * served version and answers mistakes with the `queryError` codes the live API uses. It is
 * meant to reject what the real API rejects for the common mistakes, not to be a full grammar.
 */
import type { DescField, DescMessage } from '@bufbuild/protobuf';
import { messageSchema } from './descriptors.js';
import { adsError, type EmulatorFailure } from './failure.js';

export interface FieldRef {
  /** As written: `campaign.network_settings.target_google_search`. */
  readonly text: string;
  /** First segment: a GoogleAdsRow field (`campaign`, `metrics`, `segments`). */
  readonly top: string;
  /** Proto JSON names along the path: `['campaign', 'networkSettings', 'targetGoogleSearch']`. */
  readonly jsonPath: readonly string[];
  /** Enum type name when the field is an enum, so literals can be checked. */
  readonly enumValues: readonly string[] | null;
}

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IN' | 'NOT IN' | 'LIKE' | 'NOT LIKE' | 'IS NULL' | 'IS NOT NULL' | 'BETWEEN' | 'DURING' | 'CONTAINS ANY' | 'CONTAINS ALL' | 'CONTAINS NONE' | 'REGEXP_MATCH' | 'NOT REGEXP_MATCH';

export interface Condition {
  readonly field: FieldRef;
  readonly op: Operator;
  readonly values: readonly (string | number)[];
}

export interface Query {
  readonly select: readonly FieldRef[];
  readonly from: string;
  readonly where: readonly Condition[];
  readonly orderBy: readonly { readonly field: FieldRef; readonly desc: boolean }[];
  readonly limit: number | null;
}

type Tok =
  | { t: 'word'; v: string; at: number }
  | { t: 'num'; v: number; raw: string; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'punct'; v: string; at: number };

const qerr = (name: string, message: string, trigger?: string): EmulatorFailure =>
  adsError(`queryError.${name}`, message, { path: ['query'], ...(trigger !== undefined ? { trigger } : {}) });

function tokenize(q: string): Tok[] | EmulatorFailure {
  const out: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i))!;
      out.push({ t: 'word', v: m[0], at: i });
      i += m[0].length;
    } else if (/[0-9-]/.test(c) && /^-?\d/.test(q.slice(i))) {
      const m = /^-?\d+(\.\d+)?/.exec(q.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]), raw: m[0], at: i });
      i += m[0].length;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let s = '';
      for (; j < q.length && q[j] !== c; j++) {
        if (q[j] === '\n') return qerr('PROHIBITED_NEWLINE_IN_STRING', 'A string literal in the query contains a newline.');
        if (q[j] === '\\') j++;
        s += q[j] ?? '';
      }
      if (j >= q.length) return qerr('STRING_NOT_TERMINATED', 'A string literal in the query is not terminated.');
      out.push({ t: 'str', v: s, at: i });
      i = j + 1;
    } else if (/^(!=|<=|>=)/.test(q.slice(i, i + 2))) {
      out.push({ t: 'punct', v: q.slice(i, i + 2), at: i });
      i += 2;
    } else if ('=<>(),'.includes(c)) {
      out.push({ t: 'punct', v: c, at: i });
      i++;
    } else {
      return qerr('BAD_SYMBOL', `The query has an unexpected character '${c}' at position ${i}.`, c);
    }
  }
  return out;
}

let rowSchema: DescMessage | undefined;
const row = () => (rowSchema ??= messageSchema('services.GoogleAdsRow'));

/** The GoogleAdsRow fields that are resources (what may follow FROM). */
export function isResourceName(name: string): boolean {
  const f = row().fields.find((x) => x.name === name);
  return !!f && f.fieldKind === 'message' && name !== 'metrics' && name !== 'segments';
}

/** Resolves `a.b.c` against GoogleAdsRow, or returns the UNRECOGNIZED_FIELD failure. */
export function resolveField(text: string): FieldRef | EmulatorFailure {
  const parts = text.split('.');
  let msg: DescMessage | undefined = row();
  const jsonPath: string[] = [];
  let enumValues: string[] | null = null;
  if (parts.length < 2) return qerr('UNRECOGNIZED_FIELD', `Unrecognized field in the query: '${text}'.`, text);
  for (const p of parts) {
    const f: DescField | undefined = msg?.fields.find((x) => x.name === p);
    if (!f) return qerr('UNRECOGNIZED_FIELD', `Unrecognized field in the query: '${text}'.`, text);
    jsonPath.push(f.jsonName);
    enumValues = f.fieldKind === 'enum' ? f.enum.values.map((v) => v.name) : null;
    msg = f.fieldKind === 'message' ? f.message : undefined;
  }
  return { text, top: parts[0]!, jsonPath, enumValues };
}

const isFail = (x: unknown): x is EmulatorFailure => x instanceof Error;

/**
 * Parses and checks a query. Returns the parsed query or the failure the live API would send
 * (`queryError.EXPECTED_SELECT`, `UNRECOGNIZED_FIELD`, `BAD_RESOURCE_TYPE_IN_FROM_CLAUSE`,
 * `PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE`, `BAD_LIMIT_VALUE`, `UNEXPECTED_INPUT`, …).
 */
export function parseQuery(query: string): Query | EmulatorFailure {
  // Clients send the same few queries over and over; both results are immutable.
  const hit = memo.get(query);
  if (hit) return hit;
  const out = parseUncached(query);
  if (memo.size >= 512) memo.delete(memo.keys().next().value!);
  memo.set(query, out);
  return out;
}

const memo = new Map<string, Query | EmulatorFailure>();

function parseUncached(query: string): Query | EmulatorFailure {
  const lexed = tokenize(query);
  if (isFail(lexed)) return lexed;
  const toks: Tok[] = lexed;
  let i = 0;
  const peek = () => toks[i];
  const kw = (w: string) => {
    const t = toks[i];
    return t?.t === 'word' && t.v.toUpperCase() === w;
  };
  const unexpected = () => {
    const t = toks[i];
    return t
      ? qerr('UNEXPECTED_INPUT', `Unexpected input '${'raw' in t ? t.raw : t.v}' at position ${t.at} of the query.`, String(t.v))
      : qerr('UNEXPECTED_END_OF_QUERY', 'The query ended too early.');
  };
  if (!kw('SELECT')) return qerr('EXPECTED_SELECT', 'A query must start with SELECT.');
  i++;
  const selectText: string[] = [];
  for (;;) {
    const t = peek();
    if (t?.t !== 'word' || t.v.toUpperCase() === 'FROM') return unexpected();
    selectText.push(t.v);
    i++;
    if (peek()?.t === 'punct' && peek()!.v === ',') { i++; continue; }
    break;
  }
  if (!kw('FROM')) return peek() ? unexpected() : qerr('EXPECTED_FROM', 'The query has no FROM clause.');
  i++;
  const fromTok = peek();
  if (fromTok?.t !== 'word') return qerr('EXPECTED_FROM', 'FROM must name a resource.');
  i++;
  const from = fromTok.v;
  if (from === 'metrics' || from === 'segments') {
    return qerr('PROHIBITED_RESOURCE_TYPE_IN_FROM_CLAUSE', `'${from}' cannot be queried FROM.`, from);
  }
  if (!isResourceName(from)) return qerr('BAD_RESOURCE_TYPE_IN_FROM_CLAUSE', `'${from}' is not a resource that can be queried.`, from);
  const fromSchema = row().fields.find((x) => x.name === from)!;
  const attributable = new Set(['customer', from]);
  if (fromSchema.fieldKind === 'message') {
    for (const f of fromSchema.message.fields) if (isResourceName(f.name)) attributable.add(f.name);
  }
  const select: FieldRef[] = [];
  for (const text of selectText) {
    const ref = resolveField(text);
    if (isFail(ref)) return ref;
    if (ref.top !== 'metrics' && ref.top !== 'segments' && !attributable.has(ref.top)) {
      return qerr('PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE', `Fields of '${ref.top}' cannot be selected in a query FROM ${from}.`, text);
    }
    select.push(ref);
  }
  const where: Condition[] = [];
  if (kw('WHERE')) {
    i++;
    for (;;) {
      const ft = peek();
      if (ft?.t !== 'word') return unexpected();
      const field = resolveField(ft.v);
      if (isFail(field)) return field;
      i++;
      const op = readOperator();
      if (!op) return qerr('BAD_OPERATOR', `Expected an operator after '${ft.v}'.`);
      const values = readValues(op);
      if (isFail(values)) return values;
      if (field.enumValues && (op === '=' || op === '!=' || op === 'IN' || op === 'NOT IN')) {
        for (const v of values) {
          if (typeof v !== 'string' || !field.enumValues.includes(v)) {
            return qerr('BAD_ENUM_CONSTANT', `'${v}' is not a value of ${field.text}.`, String(v));
          }
        }
      }
      where.push({ field, op, values });
      if (kw('AND')) { i++; continue; }
      break;
    }
  }
  const orderBy: { field: FieldRef; desc: boolean }[] = [];
  if (kw('ORDER')) {
    i++;
    if (!kw('BY')) return qerr('EXPECTED_BY', 'ORDER must be followed by BY.');
    i++;
    for (;;) {
      const ft = peek();
      if (ft?.t !== 'word') return unexpected();
      const field = resolveField(ft.v);
      if (isFail(field)) return field;
      i++;
      let desc = false;
      if (kw('DESC')) { desc = true; i++; } else if (kw('ASC')) i++;
      orderBy.push({ field, desc });
      if (peek()?.t === 'punct' && peek()!.v === ',') { i++; continue; }
      break;
    }
  }
  let limit: number | null = null;
  if (kw('LIMIT')) {
    i++;
    const t = peek();
    if (t?.t !== 'num' || !Number.isInteger(t.v)) return qerr('BAD_LIMIT_VALUE', 'LIMIT must be followed by a whole number.');
    if (t.v <= 0) return qerr('LIMIT_VALUE_TOO_LOW', 'LIMIT must be at least 1.', t.raw);
    limit = t.v;
    i++;
  }
  if (kw('PARAMETERS')) {
    // Accepted and ignored: include_drafts, omit_unselected_resource_names.
    i = toks.length;
  }
  if (i < toks.length) return unexpected();
  return { select, from, where, orderBy, limit };

  function readOperator(): Operator | null {
    const t = peek();
    if (!t) return null;
    if (t.t === 'punct' && ['=', '!=', '<', '<=', '>', '>='].includes(t.v)) { i++; return t.v as Operator; }
    if (t.t !== 'word') return null;
    const w = t.v.toUpperCase();
    const next = toks[i + 1]?.t === 'word' ? (toks[i + 1] as { v: string }).v.toUpperCase() : '';
    const next2 = toks[i + 2]?.t === 'word' ? (toks[i + 2] as { v: string }).v.toUpperCase() : '';
    if (w === 'IN' || w === 'LIKE' || w === 'BETWEEN' || w === 'DURING' || w === 'REGEXP_MATCH') { i++; return w; }
    if (w === 'NOT' && (next === 'IN' || next === 'LIKE' || next === 'REGEXP_MATCH')) { i += 2; return `NOT ${next}` as Operator; }
    if (w === 'IS' && next === 'NULL') { i += 2; return 'IS NULL'; }
    if (w === 'IS' && next === 'NOT' && next2 === 'NULL') { i += 3; return 'IS NOT NULL'; }
    if (w === 'CONTAINS' && (next === 'ANY' || next === 'ALL' || next === 'NONE')) { i += 2; return `CONTAINS ${next}` as Operator; }
    return null;
  }

  function readValue(): string | number | EmulatorFailure {
    const t = peek();
    if (!t) return qerr('UNEXPECTED_END_OF_QUERY', 'The query ended where a value was expected.');
    if (t.t === 'str' || t.t === 'num' || t.t === 'word') { i++; return t.v; }
    return unexpected();
  }

  function readValues(op: Operator): (string | number)[] | EmulatorFailure {
    if (op === 'IS NULL' || op === 'IS NOT NULL') return [];
    if (op === 'IN' || op === 'NOT IN' || op.startsWith('CONTAINS')) {
      if (!(peek()?.t === 'punct' && peek()!.v === '(')) return qerr('EXPECTED_LIST', `${op} must be followed by a list in parentheses.`);
      i++;
      const vals: (string | number)[] = [];
      if (peek()?.t === 'punct' && peek()!.v === ')') return qerr('PROHIBITED_EMPTY_LIST_IN_CONDITION', 'An empty list is not allowed in a condition.');
      for (;;) {
        const v = readValue();
        if (isFail(v)) return v;
        vals.push(v);
        const t = peek();
        if (t?.t === 'punct' && t.v === ',') { i++; continue; }
        if (t?.t === 'punct' && t.v === ')') { i++; break; }
        return unexpected();
      }
      return vals;
    }
    if (op === 'BETWEEN') {
      const a = readValue();
      if (isFail(a)) return a;
      if (!kw('AND')) return qerr('EXPECTED_AND', 'BETWEEN must be followed by two values joined by AND.');
      i++;
      const b = readValue();
      if (isFail(b)) return b;
      return [a, b];
    }
    const v = readValue();
    return isFail(v) ? v : [v];
  }
}

/** Reads a value at a JSON path of a row object (undefined when absent). */
export function valueAt(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** True when a row (proto JSON form) satisfies one WHERE condition. Date conditions always hold. */
export function matches(rowJson: unknown, c: Condition): boolean {
  const v = valueAt(rowJson, c.field.jsonPath);
  const eq = (a: unknown, b: string | number) => a !== undefined && String(a) === String(b);
  const num = (a: unknown) => (typeof a === 'number' ? a : Number(a));
  switch (c.op) {
    case '=': return eq(v, c.values[0]!);
    case '!=': return !eq(v, c.values[0]!);
    case '<': return num(v) < num(c.values[0]);
    case '<=': return num(v) <= num(c.values[0]);
    case '>': return num(v) > num(c.values[0]);
    case '>=': return num(v) >= num(c.values[0]);
    case 'IN': return c.values.some((x) => eq(v, x));
    case 'NOT IN': return !c.values.some((x) => eq(v, x));
    case 'LIKE':
    case 'NOT LIKE': {
      const pattern = String(c.values[0] ?? '');
      const re = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'i');
      const hit = v !== undefined && re.test(String(v));
      return c.op === 'LIKE' ? hit : !hit;
    }
    case 'IS NULL': return v === undefined;
    case 'IS NOT NULL': return v !== undefined;
    default:
      // BETWEEN / DURING on dates, CONTAINS, REGEXP_MATCH: the world has no history to filter.
      return true;
  }
}
