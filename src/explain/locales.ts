/**
 * Locale packs are loaded on demand, one module per locale, so that importing the decoder (or
 * this module) never loads any text.
 */
import type { Locale, LocalePack } from './types.js';

/** Every locale the project ships, reference first. */
export const LOCALES: readonly Locale[] = ['en', 'ko', 'id', 'zh-TW'];

/**
 * The locale for a language tag or POSIX locale (`ko-KR`, `ko_KR.UTF-8`, `in_ID`, `zh_Hant_TW`,
 * `zh-HK`), or null when none of ours fits. Chinese of any region maps to `zh-TW`, the only
 * Chinese pack (Traditional script).
 */
export function resolveLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase().replace(/_/g, '-').replace(/\..*$/, '').replace(/@.*$/, '');
  if (!t || t === 'c' || t === 'posix') return null;
  const lang = t.split('-')[0];
  switch (lang) {
    case 'en': return 'en';
    case 'ko': return 'ko';
    case 'id': case 'in': return 'id';
    case 'zh': return 'zh-TW';
    default: return null;
  }
}

const loaded = new Map<Locale, Promise<LocalePack>>();

async function importPack(locale: Locale): Promise<LocalePack> {
  // One dynamic import per locale: bundlers split each pack into its own chunk.
  switch (locale) {
    case 'en': return (await import('./locales/en/index.js')).default;
    default: {
      const mod = (await import(`./locales/${locale}/index.js`)) as { default: LocalePack };
      return mod.default;
    }
  }
}

/**
 * The pack of a locale (`en`, `ko`, `id`, `zh-TW`, or any tag `resolveLocale` understands).
 * Loads it once; later calls share the same promise. A locale without a pack (yet) falls back to
 * English. Never rejects for a missing pack.
 */
export function loadLocale(locale: Locale | string = 'en'): Promise<LocalePack> {
  const l = resolveLocale(locale) ?? 'en';
  let p = loaded.get(l);
  if (!p) {
    p = importPack(l).catch(() => (l === 'en' ? Promise.reject(new Error('English pack missing')) : loadLocale('en')));
    loaded.set(l, p);
  }
  return p;
}
