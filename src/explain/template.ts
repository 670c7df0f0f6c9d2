/**
 * Filling `{placeholders}` in pack strings with facts.
 */
import { fixParticles } from './particles.js';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * The names the engine fills. Braces around any other word are literal text (`{lpurl}`,
 * `customers/{customer_id}`), so that explanations can quote Google Ads syntax.
 */
export const FACT_NAMES: ReadonlySet<string> = new Set([
  'code', 'codeName', 'category', 'fieldPath', 'fieldName', 'field', 'trigger', 'operation', 'operationIndex',
  'message', 'location', 'customerId', 'digits', 'loginCustomerId', 'loginDigits', 'linkedCustomerId',
  'requestId', 'status', 'httpStatus', 'delay', 'delaySeconds', 'retryAt', 'rateName', 'rateScope',
  'limit', 'existingCount', 'enclosingResource', 'enclosingId', 'limitType', 'policyName', 'violatingText',
  'policyDescription', 'unpublishedCode', 'first', 'every', 'n', 'problem', 'Problem', 'about', 'resource',
  'subject', 'aField', 'x', 'X', 'Y', 'query', 'count',
]);

/** The placeholder names in a template, in order of appearance (duplicates kept once). */
export function placeholdersOf(template: string): string[] {
  const out = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) if (FACT_NAMES.has(m[1]!)) out.add(m[1]!);
  return [...out];
}

/**
 * Fills every `{name}` from `facts`. Returns null when a placeholder has no fact, so that the
 * caller can drop the sentence (lists) or fill it with a fallback (titles). Never throws.
 */
export function fill(template: string, facts: Readonly<Record<string, string | undefined>>): string | null {
  let missing = false;
  const out = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!FACT_NAMES.has(name)) return whole;
    const v = facts[name];
    if (v === undefined) {
      missing = true;
      return whole;
    }
    return v;
  });
  return missing ? null : fixParticles(out);
}

/** Fills what it can; an unknown placeholder becomes `fallback`. */
export function fillOr(template: string, facts: Readonly<Record<string, string | undefined>>, fallback: string): string {
  return fixParticles(template.replace(PLACEHOLDER, (whole, name: string) => (FACT_NAMES.has(name) ? (facts[name] ?? fallback) : whole)));
}

/** Fills each template of a list; drops those with an unknown placeholder. */
export function fillList(templates: readonly string[], facts: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  for (const t of templates) {
    const s = fill(t, facts);
    if (s !== null && s.trim() !== '') out.push(s);
  }
  return out;
}

/** First letter upper-cased (a no-op for scripts without case). */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
