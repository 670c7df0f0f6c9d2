// Every locale pack must mirror the English one: same keys, same number of items, same
// placeholders, and really be written in its own language. A pack that exists must be complete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import en from '../../src/explain/locales/en/index.js';
import { loadLocale, LOCALES } from '../../src/explain/locales.js';
import { placeholdersOf } from '../../src/explain/template.js';
import type { LocalePack } from '../../src/explain/types.js';

const dir = fileURLToPath(new URL('../../src/explain/locales/', import.meta.url));
const present = readdirSync(dir).filter((d) => existsSync(`${dir}${d}/index.ts`));
const others = present.filter((d) => d !== 'en');
const missing = LOCALES.filter((l) => !present.includes(l));

const sortedPlaceholders = (s: string) => placeholdersOf(s).sort().join(',');

/** Walks the English value and the translation side by side; collects differences. */
function compare(ref: unknown, got: unknown, path: string, problems: string[], subsetOk = false, emptyOk = false): void {
  if (typeof ref === 'string') {
    if (typeof got !== 'string') return void problems.push(`${path}: missing or not a string`);
    if (!emptyOk && got.trim() === '' && ref.trim() !== '') problems.push(`${path}: empty`);
    if (sortedPlaceholders(ref) !== sortedPlaceholders(got)) {
      problems.push(`${path}: placeholders {${sortedPlaceholders(ref)}} in English, {${sortedPlaceholders(got)}} here`);
    }
    return;
  }
  if (Array.isArray(ref)) {
    if (!Array.isArray(got)) return void problems.push(`${path}: not a list`);
    if (got.length !== ref.length) problems.push(`${path}: ${got.length} items, English has ${ref.length}`);
    ref.forEach((r, i) => compare(r, got[i], `${path}[${i}]`, problems));
    return;
  }
  if (typeof ref === 'object' && ref !== null) {
    if (typeof got !== 'object' || got === null) return void problems.push(`${path}: missing`);
    const g = got as Record<string, unknown>;
    for (const [k, v] of Object.entries(ref)) compare(v, g[k], `${path}.${k}`, problems, false, emptyOk);
    if (!subsetOk) for (const k of Object.keys(g)) if (!(k in (ref as object))) problems.push(`${path}.${k}: not in English`);
    return;
  }
  if (typeof ref !== typeof got) problems.push(`${path}: ${typeof got}, English has ${typeof ref}`);
}

/** All prose of the entry-like sections, for the language checks. */
function prose(p: LocalePack): string[] {
  const out: string[] = [];
  for (const section of [p.status, p.codes, p.global, p.oauth, p.errorInfo]) {
    for (const e of Object.values(section)) out.push(e.title, e.what, ...e.causes, ...e.steps);
  }
  for (const c of Object.values(p.categories)) out.push(c.about, ...c.steps);
  return out;
}

test('English pack is complete by itself', () => {
  for (const e of [...Object.values(en.codes), ...Object.values(en.status), ...Object.values(en.global), ...Object.values(en.oauth), ...Object.values(en.errorInfo)]) {
    assert.ok(e.title && e.what && e.steps.length > 0, JSON.stringify(e).slice(0, 80));
  }
  assert.equal(Object.keys(en.status).length, 17);
});

test('all four locale packs exist', { todo: missing.length ? `not written yet: ${missing.join(', ')}` : false }, () => {
  assert.deepEqual(missing, []);
});

for (const locale of others) {
  test(`${locale}: same keys, item counts and placeholders as English`, async () => {
    const pack = await loadLocale(locale);
    assert.equal(pack.locale, locale, 'the pack must declare its own locale (and load without falling back)');
    const problems: string[] = [];
    const { words, ...rest } = en;
    const { words: gotWords, ...gotRest } = pack;
    compare({ ...rest, locale: undefined }, { ...gotRest, locale: undefined }, locale, problems);
    // Word tables may hold extra keys (phrases in the locale's own word order), and an empty
    // word drops its token (function words a language does not need).
    compare(words, gotWords, `${locale}.words`, problems, true, true);
    assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problems`);
  });

  test(`${locale}: written in its own language, not copied from English`, async () => {
    const pack = await loadLocale(locale);
    const mine = prose(pack);
    const theirs = prose(en);
    const same = mine.filter((s, i) => s === theirs[i] && /[a-z]{4,}\s+[a-z]{3,}/.test(s)).length;
    assert.ok(same / mine.length < 0.05, `${same} of ${mine.length} sentences are identical to English`);
    const share = (re: RegExp) => mine.filter((s) => re.test(s)).length / mine.length;
    if (locale === 'ko') {
      assert.ok(share(/[\uAC00-\uD7A3]/) > 0.9, 'most sentences must contain Hangul');
    } else if (locale === 'zh-TW') {
      assert.ok(share(/[\u4E00-\u9FFF]/) > 0.9, 'most sentences must contain Han characters');
      assert.ok(share(/[\uAC00-\uD7A3]/) === 0, 'no Hangul in Chinese');
      const all = mine.join('');
      // Simplified-only forms of common words; Traditional Chinese uses 錯誤, 帳戶, 設定, 請, 這.
      assert.doesNotMatch(all, /错误|账户|设置|请求|这个/, 'Simplified Chinese forms found');
    } else if (locale === 'id') {
      assert.ok(share(/[\u4E00-\u9FFF\uAC00-\uD7A3]/) === 0, 'no CJK in Indonesian');
      assert.ok(share(/\b(yang|dan|tidak|untuk|dengan|atau|ini|di|ke|dari|akun|permintaan)\b/i) > 0.8, 'most sentences must read as Indonesian');
    }
  });
}
