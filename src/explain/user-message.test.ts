import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decode } from '../decode/index.js';
import en from './locales/en/index.js';
import { parseFieldPath, userMessage, userMessageWith } from './user-message.js';
import { placeholdersOf } from './template.js';

test('the example of the issue: operation 3, the new campaign needs a name', async () => {
  const m = await userMessage({ code: 'fieldError.REQUIRED', fieldPath: 'operations[2].create.name' }, { resource: 'campaign' });
  assert.equal(m, 'Operation 3: the new campaign needs a name.');
});

test('the resource comes from a *_operation path element or the category when not given', () => {
  assert.equal(
    userMessageWith(en, { code: 'fieldError.REQUIRED', fieldPath: 'mutate_operations[0].ad_group_operation.update.cpc_bid_micros' }),
    'Operation 1: the ad group needs a CPC bid.',
  );
  assert.equal(
    userMessageWith(en, { code: 'campaignError.DUPLICATE_CAMPAIGN_NAME', fieldPath: 'operations[1].create.name' }),
    'Operation 2: another campaign already has this name.',
  );
});

test('works on a decoded AdsError (its first error)', async () => {
  const err = decode({
    error: {
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: 'x',
      details: [
        {
          '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
          errors: [{ errorCode: { stringLengthError: 'TOO_LONG' }, location: { fieldPathElements: [{ fieldName: 'operations', index: 0 }, { fieldName: 'update' }, { fieldName: 'name' }] } }],
        },
      ],
    },
  });
  assert.equal(await userMessage(err, { resource: 'ad_group' }), 'Operation 1: the name of the ad group is too long.');
});

test('unknown paths and codes degrade to a plain sentence', () => {
  const m = userMessageWith(en, { code: 'adError.SOMETHING_NEW', fieldPath: '???' });
  assert.ok(m.length > 0);
  assert.doesNotMatch(m, /\{|\}/);
  assert.match(userMessageWith(en, { code: 'not even a code !!' }), /^The item/);
});

test('field paths parse with indexes', () => {
  assert.deepEqual(parseFieldPath('operations[2].create.name'), [
    { fieldName: 'operations', index: 2 },
    { fieldName: 'create', index: null },
    { fieldName: 'name', index: null },
  ]);
});

test('userMessageWith never throws and never leaves a placeholder', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (code, path) => {
      const m = userMessageWith(en, { code, fieldPath: path });
      assert.deepEqual(placeholdersOf(m), []);
    }),
  );
});

test('a code that already names the field is not followed by the field again', async () => {
  const { userMessage } = await import('./user-message.js');
  const en = await userMessage({ code: 'campaignError.CAMPAIGN_NAME_TOO_LONG', fieldPath: 'operations[1].create.name' }, { locale: 'en' });
  assert.equal(en, 'Operation 2: the campaign name is too long.');
  const ko = await userMessage({ code: 'campaignError.CAMPAIGN_NAME_TOO_LONG', fieldPath: 'operations[1].create.name' }, { locale: 'ko' });
  assert.ok(!ko.includes('('), ko);
  assert.ok(!ko.includes('이(가)'), 'Korean particle resolved');
});
