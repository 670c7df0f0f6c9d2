/**
 * Parsing what a user types or pastes as a code into an `ErrorCodeRef`: catalog keys in any
 * spelling, bare Ads code names, gRPC status names and numbers, OAuth errors, older Google API
 * reasons (optionally with their HTTP status) and ErrorInfo reasons.
 */
import { codeByName, codeByNumber, codesNamed, findCategory, findCode } from '../catalog/catalog.js';
import { statusByCode, statusByName } from '../classify/status.js';
import type { ErrorCodeRef } from '../error/types.js';

/** A parsed code, with the HTTP status where the text gave one (`403.rateLimitExceeded`). */
export interface ParsedCode {
  readonly code: ErrorCodeRef;
  readonly http: number | null;
  /** Other catalog codes the same bare name could mean (`DUPLICATE_NAME` is in 11 categories). */
  readonly alternatives: readonly string[];
}

const ref = (category: string, name: string, number: number | null, known: boolean): ErrorCodeRef => ({
  category,
  name,
  number,
  key: `${category}.${name}`,
  known,
});

/** ErrorInfo reasons we know by name (others parse as catalog or global codes). */
const ERROR_INFO_REASONS = new Set([
  'SERVICE_DISABLED', 'API_KEY_INVALID', 'API_KEY_SERVICE_BLOCKED', 'ACCESS_TOKEN_EXPIRED',
  'ACCESS_TOKEN_SCOPE_INSUFFICIENT', 'ACCESS_TOKEN_TYPE_UNSUPPORTED', 'CREDENTIALS_MISSING',
  'USER_PROJECT_DENIED', 'CONSUMER_INVALID', 'BILLING_DISABLED', 'RATE_LIMIT_EXCEEDED',
]);

/**
 * Parses a code string. Returns null for text that names no code at all (empty, spaces,
 * punctuation). Never throws. Unknown but well-formed names come back with `known: false`.
 */
export function parseCode(text: string): ParsedCode | null {
  const s = text.trim();
  if (!s) return null;
  const none = { http: null, alternatives: [] as string[] };

  // A gRPC status number or name.
  if (/^\d{1,2}$/.test(s)) {
    const st = statusByCode(Number(s));
    if (st) return { code: ref('status', st.name, st.code, true), ...none };
  }
  const dotted = /^([A-Za-z0-9_-]+)\s*[.:/]\s*([A-Za-z0-9_]+)$/.exec(s);
  if (dotted) {
    const [, head, tail] = dotted as unknown as [string, string, string];
    const lower = head.toLowerCase();
    if (lower === 'status' || lower === 'grpc') {
      const st = /^\d+$/.test(tail) ? statusByCode(Number(tail)) : statusByName(tail);
      if (st) return { code: ref('status', st.name, st.code, true), ...none };
    }
    if (lower === 'oauth') return { code: ref('oauth', tail, null, true), ...none };
    if (lower === 'errorinfo' || lower === 'error_info') return { code: ref('errorInfo', tail, null, true), ...none };
    if (lower === 'global') return { code: ref('global', tail, null, true), ...none };
    if (/^[1-5]\d\d$/.test(head)) return { code: ref('global', tail, null, true), http: Number(head), alternatives: [] };
    const cat = findCategory(head);
    if (cat) {
      const byNum = /^\d+$/.test(tail) ? codeByNumber(cat.category, Number(tail)) : undefined;
      const code = byNum ?? findCode(`${cat.category}.${tail.toUpperCase()}`) ?? codeByName(cat.category, tail);
      if (code) return { code: ref(code.category, code.name, code.number, true), ...none };
      return { code: ref(cat.category, tail.toUpperCase(), null, false), ...none };
    }
    // `somethingError.NAME` of a category we do not know (a newer API version).
    if (/^[a-z][A-Za-z]*Error$/.test(head)) return { code: ref(head, tail, null, false), ...none };
  }
  if (/^[A-Z][A-Z0-9_]*$/.test(s)) {
    const st = statusByName(s);
    if (st) return { code: ref('status', st.name, st.code, true), ...none };
    if (ERROR_INFO_REASONS.has(s)) return { code: ref('errorInfo', s, null, true), ...none };
    const named = codesNamed(s);
    if (named.length > 0) {
      const [first, ...rest] = named;
      return { code: ref(first!.category, first!.name, first!.number, true), http: null, alternatives: rest.map((c) => c.key) };
    }
    return { code: ref('unknown', s, null, false), ...none };
  }
  // OAuth errors are lower snake_case (`invalid_grant`); older Google API reasons camelCase.
  if (/^[a-z]+(_[a-z]+)+$/.test(s)) return { code: ref('oauth', s, null, true), ...none };
  if (/^[a-z][A-Za-z0-9]*$/.test(s)) return { code: ref('global', s, null, true), ...none };
  return null;
}
