/**
 * A GoogleAdsFailure that was printed as an escaped byte string: the `value` of an Any in text
 * format (octal escapes), in Ruby's inspect (hex escapes) and the like. The bytes are unescaped
 * and decoded; when they were cut short, the first error is still read from their start.
 */
import type { AdsErrorEntry } from '../../error/types.js';
import { makeEntry, ref } from '../entry.js';
import { decodeFailureBytes } from '../failure-binary.js';
import { firstErrorFromCutBytes } from './inspect.js';

/**
 * A GoogleAdsFailure inside an Any that was printed with its bytes as an escaped string: text
 * format (`type_url: "…GoogleAdsFailure" value: "\n\003\350…"`, octal escapes) or Ruby inspect
 * (`type_url: "…", value: "\n<\n\x03…"`, hex escapes). Line breaks that a terminal or issue
 * tracker inserted into the string are not part of it.
 */
export function failureFromPrintedAny(text: string, version: string | null, issues: string[]): { entries: AdsErrorEntry[]; requestId: string | null } | null {
  const m = /type_url:\s*"[^"]*googleads\.(v\d+)\.errors\.GoogleAdsFailure",?\s*value:\s*"/.exec(text);
  if (!m) return null;
  const bytes = unescapeBytes(text, m.index + m[0].length);
  if (bytes.length === 0) return null;
  const local: string[] = [];
  const f = decodeFailureBytes(bytes, m[1] ?? version, local);
  if (f.entries.length === 0 || local.some((i) => i.includes('malformed'))) {
    // Cut off (a log line limit, a paste): the first error still begins the bytes.
    const first = firstErrorFromCutBytes(bytes, m[1] ?? version);
    if (!first) {
      issues.push('a printed GoogleAdsFailure Any was found, but its bytes are cut off or damaged');
      return null;
    }
    issues.push('the printed GoogleAdsFailure bytes are cut off; only the first error was read');
    return { entries: [makeEntry({ code: ref(first.category, first.name, first.number), message: first.message })], requestId: null };
  }
  issues.push(...local);
  return f;
}

/** C-style escaped bytes from `from` up to the closing quote (\n, \", \xHH, \NNN octal, …). */
function unescapeBytes(s: string, from: number): Uint8Array {
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, e: 27, '0': 0 };
  let i = from;
  while (i < s.length && out.length < 1_000_000) {
    const c = s[i]!;
    if (c === '"') break;
    if (c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c !== '\\') {
      const code = c.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else for (const b of Buffer.from(c, 'utf8')) out.push(b);
      i++;
      continue;
    }
    const e = s[i + 1] ?? '';
    if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      out.push(parseInt(s.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (/[0-7]/.test(e)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))![0];
      out.push(parseInt(oct, 8) & 0xff);
      i += 1 + oct.length;
    } else if (e in simple) {
      out.push(simple[e]!);
      i += 2;
    } else {
      out.push(e.charCodeAt(0) & 0xff);
      i += 2;
    }
  }
  return Uint8Array.from(out);
}
