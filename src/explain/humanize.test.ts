import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import en from './locales/en/index.js';
import { humanizeField, humanizeName } from './humanize.js';
import { fill, fillList, fillOr, placeholdersOf } from './template.js';
import type { LocalePack } from './types.js';

test('code names become phrases through the first matching pattern', () => {
  assert.equal(humanizeName('CAMPAIGN_NAME_TOO_LONG', en).text, 'the campaign name is too long');
  assert.equal(humanizeName('CANNOT_REMOVE_RUNNING_BUDGET', en).text, 'you cannot remove running budget');
  assert.equal(humanizeName('DUPLICATE_ADGROUP_NAME', en).text, 'the ad group name is a duplicate');
  assert.equal(humanizeName('TOO_MANY_SEGMENTS', en).text, 'there are too many segments');
  assert.equal(humanizeName('INVALID_FINAL_URL', en).text, 'the final URL is not valid');
  assert.equal(humanizeName('SHARED_SET_LIMIT_EXCEEDED', en).text, 'the limit on shared set was exceeded');
});

test('a name no pattern matches falls back to its words', () => {
  const h = humanizeName('CONVERSION_TRACKING_NOT_ENABLED_AT_IMPRESSION_TIME', en);
  assert.equal(h.complete, true);
  assert.match(h.text, /conversion tracking/);
});

test('a locale that does not keep unknown words reports the name as incomplete', () => {
  const strict: LocalePack = { ...en, words: { campaign: 'kampanye' }, names: { ...en.names, keepUnknown: false, patterns: { '{X}_TOO_LONG': '{X} terlalu panjang' } } };
  assert.deepEqual(humanizeName('CAMPAIGN_TOO_LONG', strict), { text: 'kampanye terlalu panjang', complete: true });
  assert.equal(humanizeName('CAMPAIGN_NAME_TOO_LONG', strict).complete, false);
});

test('multi-token words win over single tokens', () => {
  assert.equal(humanizeField('ad_group', en), 'ad group');
  assert.equal(humanizeField('cpcBidMicros', en), 'CPC bid');
  assert.equal(humanizeField('final_urls', en), 'final URLs');
});

test('humanizeName never throws and always returns a string', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const h = humanizeName(s, en);
      assert.equal(typeof h.text, 'string');
    }),
  );
});

test('templates: placeholders are found, filled, and a missing fact drops a list item', () => {
  assert.deepEqual(placeholdersOf('Send {digits} not {customerId}; {digits}'), ['digits', 'customerId']);
  assert.equal(fill('wait {delay}', { delay: '30 s' }), 'wait 30 s');
  assert.equal(fill('wait {delay}', {}), null);
  assert.equal(fillOr('at {fieldPath}', {}, '?'), 'at ?');
  assert.deepEqual(fillList(['a {x}', 'b', 'c {delay}', 'literal {lpurl}'], { x: '1' }), ['a 1', 'b', 'literal {lpurl}']);
});
