/**
 * A tolerant reader for protobuf text format, the way the Python, Java, Ruby and PHP clients
 * print a GoogleAdsFailure:
 *
 *   errors {
 *     error_code { authorization_error: USER_PERMISSION_DENIED }
 *     message: "…"
 *     location { field_path_elements { field_name: "operations" index: 0 } }
 *   }
 *   request_id: "…"
 *
 * It reads from a given offset until the text stops looking like text format, never recurses
 * (so nesting depth cannot overflow the stack), and runs in time linear in the input.
 */
import type { Obj } from '../values.js';

/** Fields that are lists in the messages a failure is made of, even with one element. */
const REPEATED = new Set(['errors', 'field_path_elements', 'details', 'violations', 'field_violations', 'links', 'policy_topic_entries', 'stack_entries']);

type Tok = { t: 'id' | 'str' | 'num' | 'p'; v: string; end: number };

function* tokens(s: string, from: number): Generator<Tok> {
  let i = from;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 59) {
      i++;
      continue;
    }
    if (c === 35) {
      // '#' comment to end of line
      while (i < n && s.charCodeAt(i) !== 10) i++;
      continue;
    }
    const ch = s[i]!;
    if (ch === '{' || ch === '}' || ch === ':' || ch === '<' || ch === '>' || ch === '[' || ch === ']') {
      i++;
      yield { t: 'p', v: ch, end: i };
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let out = '';
      while (j < n && s[j] !== ch) {
        if (s[j] === '\\' && j + 1 < n) {
          const e = s[j + 1]!;
          if (e === 'n') out += '\n';
          else if (e === 't') out += '\t';
          else if (/[0-7]/.test(e)) {
            // octal escapes (\303\251) are UTF-8 bytes: collect a run of them.
            const bytes: number[] = [];
            while (j < n && s[j] === '\\' && /[0-7]/.test(s[j + 1] ?? '')) {
              const m = /^[0-7]{1,3}/.exec(s.slice(j + 1, j + 4))![0];
              bytes.push(parseInt(m, 8));
              j += 1 + m.length;
            }
            out += Buffer.from(bytes).toString('utf8');
            continue;
          } else out += e;
          j += 2;
          continue;
        }
        if (s[j] === '\n') break; // unterminated: stop at the line end
        out += s[j];
        j++;
      }
      i = j + 1;
      yield { t: 'str', v: out, end: i };
      continue;
    }
    const m = /^-?[0-9][0-9.eE+-]*|^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i, i + 200));
    if (!m) return;
    i += m[0].length;
    yield { t: /^-?[0-9]/.test(m[0]) ? 'num' : 'id', v: m[0], end: i };
  }
}

function put(o: Obj, key: string, value: unknown): void {
  const prev = o[key];
  if (REPEATED.has(key)) {
    if (Array.isArray(prev)) prev.push(value);
    else o[key] = [value];
  } else if (prev !== undefined) {
    o[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  } else o[key] = value;
}

export interface TextFormatResult {
  value: Obj;
  /** Where the reading stopped. */
  end: number;
  /** How many fields were read at all. */
  fields: number;
}

/** Parses text format starting at `from`. Returns what it could read; never throws. */
export function parseTextFormat(s: string, from = 0): TextFormatResult {
  const root: Obj = {};
  const stack: Obj[] = [root];
  let key: string | null = null;
  let sawColon = false;
  let end = from;
  let fields = 0;
  for (const tok of tokens(s, from)) {
    const top = stack[stack.length - 1]!;
    if (key === null) {
      if (tok.t === 'id') {
        key = tok.v;
        sawColon = false;
        continue;
      }
      if (tok.t === 'p' && (tok.v === '}' || tok.v === '>') && stack.length > 1) {
        stack.pop();
        end = tok.end;
        continue;
      }
      break;
    }
    if (tok.t === 'p' && tok.v === ':' && !sawColon) {
      sawColon = true;
      continue;
    }
    if (tok.t === 'p' && (tok.v === '{' || tok.v === '<')) {
      const child: Obj = {};
      put(top, key, child);
      stack.push(child);
      fields++;
      key = null;
      end = tok.end;
      if (stack.length > 64) break;
      continue;
    }
    if (sawColon && (tok.t === 'str' || tok.t === 'num' || tok.t === 'id')) {
      const v: unknown = tok.t === 'num' ? (/^-?\d+$/.test(tok.v) && tok.v.length < 16 ? Number(tok.v) : tok.v) : tok.t === 'id' && (tok.v === 'true' || tok.v === 'false') ? tok.v === 'true' : tok.v;
      put(top, key, v);
      fields++;
      key = null;
      end = tok.end;
      continue;
    }
    break;
  }
  return { value: root, end, fields };
}
