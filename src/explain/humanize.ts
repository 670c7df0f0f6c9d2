/**
 * Turns code names (`CAMPAIGN_NAME_TOO_LONG`) and field paths (`operations[2].create.name`) into
 * words of a locale, using only the pack's data: its word table and name patterns.
 */
import { fixParticles } from './particles.js';
import type { LocalePack } from './types.js';

/** Longest multi-token key tried in the word table (`final_mobile_url`). */
const MAX_KEY_TOKENS = 4;

interface Words {
  readonly text: string;
  /** False when some token had no word and the pack does not allow English leftovers. */
  readonly complete: boolean;
}

/**
 * The words for a list of lower-case tokens: longest match first against the word table; an
 * unknown token stays as it is (and makes the result incomplete unless the pack keeps unknowns).
 */
export function wordsFor(tokens: readonly string[], pack: LocalePack): Words {
  const out: string[] = [];
  let complete = true;
  for (let i = 0; i < tokens.length; ) {
    let hit: string | undefined;
    let len = 0;
    for (let n = Math.min(MAX_KEY_TOKENS, tokens.length - i); n >= 1; n--) {
      const w = pack.words[tokens.slice(i, i + n).join('_')];
      if (w !== undefined) {
        hit = w;
        len = n;
        break;
      }
    }
    if (hit === undefined) {
      if (!pack.names.keepUnknown) complete = false;
      out.push(tokens[i]!);
      i += 1;
    } else {
      if (hit !== '') out.push(hit);
      i += len;
    }
  }
  return { text: out.join(pack.names.joiner), complete };
}

interface Compiled {
  readonly parts: readonly string[]; // literal tokens, or '{X}' / '{Y}'
  readonly template: string;
}

const cache = new WeakMap<LocalePack, Compiled[]>();

function compiled(pack: LocalePack): Compiled[] {
  let c = cache.get(pack);
  if (!c) {
    c = Object.entries(pack.names.patterns).map(([pattern, template]) => ({ parts: pattern.split('_'), template }));
    cache.set(pack, c);
  }
  return c;
}

/** Matches tokens against pattern parts; slots take one or more tokens. Returns slot bindings. */
function match(parts: readonly string[], tokens: readonly string[]): Record<string, string[]> | null {
  const bind: Record<string, string[]> = {};
  const go = (pi: number, ti: number): boolean => {
    if (pi === parts.length) return ti === tokens.length;
    const p = parts[pi]!;
    if (p.startsWith('{')) {
      for (let end = ti + 1; end <= tokens.length; end++) {
        bind[p] = tokens.slice(ti, end) as string[];
        if (go(pi + 1, end)) return true;
      }
      delete bind[p];
      return false;
    }
    return tokens[ti] === p && go(pi + 1, ti + 1);
  };
  return go(0, 0) ? bind : null;
}

export interface HumanizedName {
  /** The phrase, lower-case start (`the campaign name is too long`). */
  readonly text: string;
  /** False when the locale could not say it in its own words (see `NameTemplates.keepUnknown`). */
  readonly complete: boolean;
}

/**
 * A code name as a phrase of the pack's language: the first matching pattern, its slots filled
 * from the word table. Never throws; an empty name gives an empty, incomplete phrase.
 */
export function humanizeName(name: string, pack: LocalePack): HumanizedName {
  const tokens = name.split('_').filter(Boolean);
  if (tokens.length === 0) return { text: '', complete: false };
  const upper = tokens.map((t) => t.toUpperCase());
  for (const { parts, template } of compiled(pack)) {
    const bind = match(parts, upper);
    if (!bind) continue;
    let complete = true;
    const text = template.replace(/\{([XY])\}/g, (_w, slot: string) => {
      const w = wordsFor((bind[`{${slot}}`] ?? []).map((t) => t.toLowerCase()), pack);
      if (!w.complete) complete = false;
      return w.text;
    });
    return { text: fixParticles(text), complete };
  }
  const w = wordsFor(upper.map((t) => t.toLowerCase()), pack);
  return { text: pack.names.fallback.replace('{X}', w.text), complete: w.complete };
}

/**
 * A field or resource name (`ad_group`, `amountMicros`, `final_urls`) in the pack's words, or
 * null when the locale has no word for part of it and does not keep English leftovers.
 */
export function humanizeField(field: string, pack: LocalePack): string | null {
  const snake = field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const exact = pack.words[snake];
  if (exact !== undefined) return exact;
  const w = wordsFor(snake.split('_').filter(Boolean), pack);
  return w.complete ? w.text : null;
}
