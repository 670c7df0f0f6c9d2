// userMessage() in every locale that exists: the operation number survives, no placeholder is
// left, and the sentence is the locale's own (not the English one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import en from '../../src/explain/locales/en/index.js';
import { loadLocale } from '../../src/explain/locales.js';
import { placeholdersOf } from '../../src/explain/template.js';
import { userMessageWith } from '../../src/explain/user-message.js';

const dir = fileURLToPath(new URL('../../src/explain/locales/', import.meta.url));
const locales = readdirSync(dir).filter((d) => existsSync(`${dir}${d}/index.ts`));

const cases = [
  { input: { code: 'fieldError.REQUIRED', fieldPath: 'operations[2].create.name' }, options: { resource: 'campaign' }, n: '3' },
  { input: { code: 'stringLengthError.TOO_LONG', fieldPath: 'operations[0].update.name' }, options: { resource: 'ad_group' }, n: '1' },
  { input: { code: 'campaignError.CAMPAIGN_NAME_TOO_LONG', fieldPath: 'operations[4].create.name' }, options: {}, n: '5' },
  { input: { code: 'adError.SOMETHING_NOT_IN_ANY_CATALOG', fieldPath: 'x.y[1].z' }, options: {}, n: null },
];

for (const locale of locales) {
  test(`${locale}: userMessage gives a complete sentence`, async () => {
    const pack = await loadLocale(locale);
    for (const c of cases) {
      const m = userMessageWith(pack, c.input, c.options);
      assert.ok(m.trim().length > 5, `${locale}: empty for ${c.input.code}`);
      assert.deepEqual(placeholdersOf(m), [], `${locale}: placeholder left in "${m}"`);
      if (c.n) assert.ok(m.includes(c.n), `${locale}: operation ${c.n} missing in "${m}"`);
      if (pack.locale !== 'en') assert.notEqual(m, userMessageWith(en, c.input, c.options), `${locale}: same as English`);
    }
  });
}
