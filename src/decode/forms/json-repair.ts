/**
 * Closing a JSON text that was cut off. Pasted error bodies are often truncated: a log line
 * limit, an exception message clipped at N characters, a screenshot transcribed up to the fold.
 * What is there is still worth reading, so the text is completed to the nearest valid JSON:
 * an open string is closed, a dangling key, colon or comma is dropped, and every open object or
 * array is closed in order. One pass, linear in the input, never throws.
 */

/** A valid-looking completion of `s`, or null when `s` does not start like JSON. */
export function closeTruncatedJson(s: string): string | null {
  const first = s.trimStart()[0];
  if (first !== '{' && first !== '[') return null;
  const stack: string[] = [];
  let inStr = false;
  // Where the last complete value (or an opening bracket) ended: the text is cut back to it
  // when it ends in the middle of a key or right after a colon or comma.
  let safeEnd = 0;
  let safeDepth = 0;
  // Is the string being read an object key (no value read after it yet)?
  let strIsKey = false;
  let expectKey = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inStr) {
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '"') {
        inStr = false;
        if (!strIsKey) {
          safeEnd = i + 1;
          safeDepth = stack.length;
        }
      }
      continue;
    }
    switch (c) {
      case '"':
        inStr = true;
        strIsKey = expectKey;
        break;
      case '{':
      case '[':
        stack.push(c === '{' ? '}' : ']');
        expectKey = c === '{';
        safeEnd = i + 1;
        safeDepth = stack.length;
        break;
      case '}':
      case ']':
        stack.pop();
        expectKey = false;
        safeEnd = i + 1;
        safeDepth = stack.length;
        break;
      case ':':
        expectKey = false;
        break;
      case ',':
        expectKey = stack[stack.length - 1] === '}';
        break;
      default:
        // A bare literal (number, true, false, null) that ends the text counts as complete
        // only when followed by a delimiter; otherwise it is cut back.
        if (/[0-9a-z.\-+]/i.test(c) && !expectKey) {
          let j = i;
          while (j < s.length && /[0-9a-zA-Z.\-+]/.test(s[j]!)) j++;
          if (j < s.length) {
            safeEnd = j;
            safeDepth = stack.length;
          }
          i = j - 1;
        }
    }
  }
  if (stack.length === 0 && !inStr) return s;
  let out: string;
  let depth: number;
  if (inStr && !strIsKey) {
    // Cut inside a string value: keep what there is of it. A trailing lone backslash would
    // escape the closing quote.
    out = s.trimEnd();
    // A cut inside a \uXXXX escape leaves an invalid one: drop it.
    const u = /(\\+)u[0-9a-fA-F]{0,3}$/.exec(out);
    if (u && u[1]!.length % 2 === 1) out = out.slice(0, out.length - u[0].length + u[1]!.length - 1);
    const slashes = /\\*$/.exec(out)![0].length;
    if (slashes % 2 === 1) out = out.slice(0, -1);
    out += '"';
    depth = stack.length;
  } else {
    out = s.slice(0, safeEnd);
    depth = safeDepth;
  }
  const closers = stack.slice(0, depth).reverse().join('');
  return out + closers;
}

/**
 * Raw line breaks and tabs inside JSON strings, escaped. Pasted bodies are often re-wrapped by
 * an issue tracker or a terminal, which puts real line breaks inside string values and makes
 * otherwise sound JSON unparsable.
 */
export function escapeRawControls(s: string): string {
  if (!/[\n\r\t]/.test(s)) return s;
  let out = '';
  let inStr = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      else if (c === '\n' || c === '\r' || c === '\t') {
        out += s.slice(from, i) + (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t');
        from = i + 1;
      }
    } else if (c === '"') inStr = true;
  }
  return out + s.slice(from);
}
