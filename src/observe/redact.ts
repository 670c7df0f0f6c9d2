/**
 * Secret redaction for anything we print or log: OAuth access and refresh tokens, client
 * secrets, authorization codes, API keys, developer tokens, JWTs, and the values of
 * secret-named fields, headers and query parameters.
 */

/** What replaces a secret: keeps its kind and a short prefix, so logs stay debuggable. */
function mask(kind: string, value: string): string {
  return `[REDACTED ${kind}${value.length > 12 ? ` ${value.slice(0, 4)}…` : ''}]`;
}

interface Rule {
  kind: string;
  re: RegExp;
  /** Index of the group that holds the secret (0 = the whole match). */
  group: number;
}

/** Field, header and parameter names whose values are secrets, in any spelling. */
const SECRET_NAME = String.raw`(?:access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret|developer[_-]?token|api[_-]?key|authorization|x-goog-api-key|password|private[_-]?key|assertion|code_verifier|token)`;

const RULES: readonly Rule[] = [
  // "Authorization: Bearer …" and bare "Bearer …"
  { kind: 'bearer', re: /\b(Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{8,})/gi, group: 2 },
  // key: value / key=value / "key": "value" for secret-named keys (JSON, headers, query strings, text format)
  {
    kind: 'secret',
    re: new RegExp(String.raw`(["']?\b${SECRET_NAME}["']?\s*(?:[:=]|=>)\s*["']?)([^"'\s&,;}{)\]]{6,})`, 'gi'),
    group: 2,
  },
  // Google OAuth access tokens, refresh tokens, client secrets, API keys, auth codes
  { kind: 'access-token', re: /\bya29\.[A-Za-z0-9._-]{10,}/g, group: 0 },
  { kind: 'refresh-token', re: /\b1\/\/0[A-Za-z0-9._-]{10,}/g, group: 0 },
  { kind: 'client-secret', re: /\bGOCSPX-[A-Za-z0-9_-]{10,}/g, group: 0 },
  { kind: 'api-key', re: /\bAIza[0-9A-Za-z_-]{30,}/g, group: 0 },
  { kind: 'auth-code', re: /\b4\/0[A-Za-z0-9._-]{10,}/g, group: 0 },
  // JSON Web Tokens (service-account assertions, id tokens)
  { kind: 'jwt', re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, group: 0 },
  // PEM private keys
  { kind: 'private-key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, group: 0 },
];

/** One cheap test before the full set: nearly all error text has none of these. */
const HINT = /ya29\.|1\/\/0|GOCSPX|AIza|4\/0|eyJ|bearer|basic |token|secret|key|passw|authorization|assertion|verifier|PRIVATE/i;

/**
 * The text with every secret it recognizes replaced by `[REDACTED kind …]`. Linear in the
 * length of the text; never throws. Customer ids and request ids are not secrets and stay.
 */
export function redactText(text: string): string {
  if (text.length === 0 || !HINT.test(text)) return text;
  let out = text;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    out = out.replace(rule.re, (...m: unknown[]) => {
      const whole = m[0] as string;
      const secret = m[rule.group] as string | undefined;
      if (!secret || secret.startsWith('[REDACTED') || /^(bearer|basic)$/i.test(secret)) return whole;
      const at = rule.group === 0 ? 0 : whole.lastIndexOf(secret);
      return whole.slice(0, at) + mask(rule.kind, secret) + whole.slice(at + secret.length);
    });
  }
  return out;
}

const SECRET_KEY = new RegExp(`^${SECRET_NAME}$`, 'i');

/** True for a property or header name whose value must never be printed. */
export function isSecretName(name: string): boolean {
  return SECRET_KEY.test(name.replace(/^x-/, '').trim()) || /secret|passw|credential/i.test(name);
}

/**
 * A deep copy with secret-named properties masked and secrets inside strings redacted. Cycles,
 * depth (beyond `maxDepth`) and size are bounded; functions and symbols are dropped. Never
 * throws.
 */
export function redactValue(value: unknown, maxDepth = 12): unknown {
  const seen = new WeakSet<object>();
  let budget = 20_000;
  const walk = (v: unknown, depth: number): unknown => {
    if (budget-- <= 0) return '[TRUNCATED]';
    if (typeof v === 'string') return redactText(v);
    if (v === null || typeof v !== 'object') return typeof v === 'function' || typeof v === 'symbol' ? undefined : typeof v === 'bigint' ? v.toString() : v;
    if (seen.has(v)) return '[Circular]';
    if (depth >= maxDepth) return '[TRUNCATED]';
    seen.add(v);
    try {
      if (v instanceof Uint8Array) return `[${v.length} bytes]`;
      if (Array.isArray(v)) return v.slice(0, 1000).map((x) => walk(x, depth + 1));
      const out: Record<string, unknown> = {};
      const src = v as Record<string, unknown>;
      for (const k of Object.keys(src).slice(0, 500)) {
        let x: unknown;
        try {
          x = src[k];
        } catch {
          continue;
        }
        if (isSecretName(k) && x !== null && x !== undefined && x !== '') {
          out[k] = typeof x === 'string' ? mask('secret', x) : '[REDACTED]';
        } else {
          const w = walk(x, depth + 1);
          if (w !== undefined) out[k] = w;
        }
      }
      if (v instanceof Error) {
        out.name ??= v.name;
        out.message ??= redactText(v.message);
      }
      return out;
    } catch {
      return '[unreadable]';
    }
  };
  return walk(value, 0);
}
