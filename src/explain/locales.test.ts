import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLocale, resolveLocale } from './locales.js';

test('language tags and POSIX locales resolve to our locales', () => {
  assert.equal(resolveLocale('ko_KR.UTF-8'), 'ko');
  assert.equal(resolveLocale('id-ID'), 'id');
  assert.equal(resolveLocale('in_ID'), 'id');
  assert.equal(resolveLocale('zh_TW.UTF-8'), 'zh-TW');
  assert.equal(resolveLocale('zh-Hant-HK'), 'zh-TW');
  assert.equal(resolveLocale('en_US'), 'en');
  assert.equal(resolveLocale('C'), null);
  assert.equal(resolveLocale('fr_FR'), null);
});

test('a pack is loaded once and shared', async () => {
  const a = await loadLocale('en');
  const b = await loadLocale('en-GB');
  assert.equal(a, b);
  assert.equal(a.locale, 'en');
});

test('an unknown locale falls back to English', async () => {
  assert.equal((await loadLocale('fr')).locale, 'en');
});
