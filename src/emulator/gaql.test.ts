import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseQuery, resolveField } from './gaql.js';
import { EmulatorFailure } from './failure.js';

test('a full query parses into fields, conditions, order and limit', () => {
  const q = parseQuery(
    "SELECT campaign.id, campaign.network_settings.target_google_search, metrics.clicks FROM campaign WHERE campaign.status IN ('ENABLED', 'PAUSED') AND metrics.clicks > 10 AND segments.date DURING LAST_7_DAYS ORDER BY metrics.clicks DESC LIMIT 5 PARAMETERS include_drafts=true",
  );
  assert.ok(!(q instanceof Error), String(q));
  assert.deepEqual(q.select.map((f) => f.jsonPath.join('.')), ['campaign.id', 'campaign.networkSettings.targetGoogleSearch', 'metrics.clicks']);
  assert.deepEqual(q.where.map((c) => c.op), ['IN', '>', 'DURING']);
  assert.deepEqual(q.orderBy.map((o) => [o.field.text, o.desc]), [['metrics.clicks', true]]);
  assert.equal(q.limit, 5);
});

test('field names are checked against the GoogleAdsRow schema, nested ones included', () => {
  assert.ok(!(resolveField('ad_group.cpc_bid_micros') instanceof Error));
  assert.ok(!(resolveField('campaign.network_settings.target_google_search') instanceof Error));
  for (const bad of ['campaign', 'campaign.nme', 'campaign.id.value', 'nothing.id']) {
    const r = resolveField(bad);
    assert.ok(r instanceof EmulatorFailure, bad);
    assert.equal(r.errors[0]!.code, 'queryError.UNRECOGNIZED_FIELD');
  }
});

test('parseQuery never throws: any text gives a query or a queryError failure', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constantFrom('SELECT ', 'FROM ', 'WHERE ', "'", '(', ')', 'campaign.id', ',', ' AND ', 'LIMIT ', '1').chain((s) => fc.array(fc.constant(s)).map((a) => a.join('')))), (text) => {
      const r = parseQuery(text);
      if (r instanceof Error) {
        assert.ok(r instanceof EmulatorFailure);
        assert.match(r.errors[0]!.code, /^queryError\./);
      }
      return true;
    }),
    { numRuns: 300 },
  );
});
