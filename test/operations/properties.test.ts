/**
 * The guarantees, for any response and operation count: every index exactly once, no error
 * dropped, impossible indices reported, never a throw, and split → resend → merge gives one
 * outcome per original operation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  detectOperationsResponse,
  formatOperationsTable,
  mergeResults,
  placeError,
  retryableSubset,
  splitBatchResults,
  splitOperations,
  splitStream,
  type OperationsSplit,
} from '../../src/operations/index.js';
import * as fx from './fixtures.js';

const CODES = [
  'fieldError.REQUIRED',
  'stringLengthError.TOO_SHORT',
  'authorizationError.USER_PERMISSION_DENIED',
  'internalError.INTERNAL_ERROR',
  'internalError.TRANSIENT_ERROR',
  'databaseError.CONCURRENT_MODIFICATION',
] as const;
const TRANSIENT = new Set(['internalError.INTERNAL_ERROR', 'internalError.TRANSIENT_ERROR', 'databaseError.CONCURRENT_MODIFICATION']);

type Place =
  | { t: 'op'; i: number } //          operations[i]
  | { t: 'other-list'; i: number } //  an index on a field that is not a known list
  | { t: 'none' } //                   no location at all
  | { t: 'no-index' } //               `operations` without an index
  | { t: 'request-field' } //          customer_id
  | { t: 'negative'; i: number };
interface Spec {
  code: (typeof CODES)[number];
  place: Place;
}

const place = (n: number): fc.Arbitrary<Place> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: n + 3 }).map((i): Place => ({ t: 'op', i })) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: n + 1 }).map((i): Place => ({ t: 'other-list', i })) },
    { weight: 1, arbitrary: fc.constant<Place>({ t: 'none' }) },
    { weight: 1, arbitrary: fc.constant<Place>({ t: 'no-index' }) },
    { weight: 1, arbitrary: fc.constant<Place>({ t: 'request-field' }) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: -1 }).map((i): Place => ({ t: 'negative', i })) },
  );

const scenario = fc.integer({ min: 0, max: 16 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    specs: fc.array(fc.record({ code: fc.constantFrom(...CODES), place: place(n) }), { maxLength: 20 }),
    form: fc.constantFrom('binary', 'rest', 'protobuf-es', 'google-ads-node', 'google-ads-api'),
    // How many results the response lists: all of them, or the list cut short.
    cut: fc.nat({ max: 3 }),
    service: fc.constantFrom('MutateCampaignsResponse', 'MutateAdGroupAssetsResponse', 'MutateAssetGroupsResponse'),
  }),
);

function toErrorSpec(s: Spec): fx.ErrorSpec {
  const p = s.place;
  const path: [string, number?][] | undefined =
    p.t === 'op' ? [['operations', p.i], ['create'], ['name']]
    : p.t === 'other-list' ? [['user_identifiers', p.i]]
    : p.t === 'none' ? undefined
    : p.t === 'no-index' ? [['operations'], ['create']]
    : p.t === 'request-field' ? [['customer_id']]
    : [['operations', p.i]];
  return path ? { key: s.code, path } : { key: s.code };
}

/** Where each error must end up, worked out independently of the code under test. */
function model(n: number, specs: Spec[]) {
  const ops: string[][] = Array.from({ length: n }, () => []);
  const request: string[] = [];
  const outOfRange: string[] = [];
  for (const s of specs) {
    const p = s.place;
    if (p.t === 'op' || p.t === 'other-list') (p.i < n ? ops[p.i]! : outOfRange).push(s.code);
    else if (p.t === 'negative') outOfRange.push(s.code);
    else request.push(s.code);
  }
  return { ops, request, outOfRange };
}

function build(form: string, service: string, results: (string | null)[], specs: fx.ErrorSpec[]): unknown {
  const r = fx.mutateResponse(service, results, specs.length ? specs : undefined);
  switch (form) {
    case 'binary':
      return fx.asBinary(r);
    case 'rest':
      return fx.asRestJson(r);
    case 'protobuf-es':
      return r.msg;
    case 'google-ads-node':
      return fx.asGoogleAdsNode(r);
    default:
      return fx.asGoogleAdsApi(r);
  }
}

function checkInvariants(s: OperationsSplit, n: number, totalErrors: number) {
  assert.equal(s.operations.length, n);
  s.operations.forEach((o, k) => assert.equal(o.index, k));
  const placed = s.operations.reduce((a, o) => a + o.errors.length, 0) + s.requestErrors.length + s.outOfRange.length;
  assert.equal(placed, totalErrors, 'every error lands in exactly one place');
}

test('property: every index exactly once, every error placed where the model says, in every form', () => {
  fc.assert(
    fc.property(scenario, ({ n, specs, form, cut, service }) => {
      const m = model(n, specs);
      const listed = Math.max(0, n - cut);
      const results = Array.from({ length: listed }, (_, i) => (m.ops[i]!.length > 0 ? null : `customers/1/things/${i}`));
      const input = build(form, service, results, specs.map(toErrorSpec));
      const s = splitOperations(input, n, { apiVersion: 'v25' });
      checkInvariants(s, n, specs.length);
      assert.deepEqual(s.operations.map((o) => o.errors.map((e) => e.code.key)), m.ops);
      assert.deepEqual(s.requestErrors.map((e) => e.code.key), m.request);
      assert.deepEqual(s.outOfRange.map((e) => e.code.key), m.outOfRange);
      s.operations.forEach((o, i) => {
        const expected = m.ops[i]!.length > 0 ? 'failed' : i < listed ? 'ok' : 'unknown';
        assert.equal(o.status, expected, `operation ${i}`);
        if (o.status === 'failed') assert.equal(o.retryable, m.ops[i]!.every((c) => TRANSIENT.has(c)));
        if (o.status === 'ok') assert.equal((o.result as unknown) !== undefined, true);
      });
      if (cut === 0 && n > 0) {
        // Without a count, the result list gives the same answer (an empty list is omitted on the
        // wire, so with no operations the count is inferred from the indices instead).
        const t = splitOperations(input, undefined, { apiVersion: 'v25' });
        assert.deepEqual(t.operations.map((o) => [o.status, o.errors.length]), s.operations.map((o) => [o.status, o.errors.length]));
        assert.equal(t.outOfRange.length, s.outOfRange.length);
      }
    }),
    { numRuns: 150 },
  );
});

test('property: split → resend the retryable subset → merge gives one outcome per original operation', () => {
  const plan = fc.constantFrom('ok', 'transient', 'permanent', 'both');
  fc.assert(
    fc.property(
      fc.array(fc.record({ first: plan, retry: plan }), { minLength: 1, maxLength: 14 }),
      fc.constantFrom('binary', 'rest', 'google-ads-api'),
      (plans, form) => {
        const ops = plans.map((_, i) => `op-${i}`);
        const errorsFor = (kind: string, at: number): fx.ErrorSpec[] =>
          kind === 'transient' ? [{ key: 'internalError.TRANSIENT_ERROR', path: [['operations', at]] }]
          : kind === 'permanent' ? [{ key: 'fieldError.REQUIRED', path: [['operations', at], ['create'], ['name']] }]
          : kind === 'both' ? [{ key: 'internalError.TRANSIENT_ERROR', path: [['operations', at]] }, { key: 'fieldError.REQUIRED', path: [['operations', at], ['create']] }]
          : [];
        const firstSpecs = plans.flatMap((p, i) => errorsFor(p.first, i));
        const first = splitOperations(
          build(form, 'MutateCampaignsResponse', plans.map((p, i) => (p.first === 'ok' ? `r/${ops[i]}` : null)), firstSpecs),
          ops,
        );
        const subset = retryableSubset(first, ops);
        assert.deepEqual(subset.operations, ops.filter((_, i) => plans[i]!.first === 'transient'));
        assert.deepEqual(subset.failedForGood.map((f) => f.index), plans.flatMap((p, i) => (p.first === 'permanent' || p.first === 'both' ? [i] : [])));

        const retrySpecs = subset.originalIndex.flatMap((orig, j) => errorsFor(plans[orig]!.retry, j));
        const retryResults = subset.operations.map((op, j) => (plans[subset.originalIndex[j]!]!.retry === 'ok' ? `r/${op}` : null));
        const retry = splitOperations(build(form, 'MutateCampaignsResponse', retryResults, retrySpecs), subset.operations);
        const merged = mergeResults(first, retry, subset);

        checkInvariants(merged, ops.length, firstSpecs.length - subset.originalIndex.reduce((a, i) => a + first.operations[i]!.errors.length, 0) + retrySpecs.length);
        merged.operations.forEach((o, i) => {
          const resent = subset.originalIndex.includes(i);
          const final = resent ? plans[i]!.retry : plans[i]!.first;
          assert.equal(o.status, final === 'ok' ? 'ok' : 'failed', `operation ${i}`);
          if (!resent) assert.equal(o, first.operations[i]);
          if (o.status === 'ok') {
            const rn = o.result instanceof Uint8Array ? Buffer.from(o.result).toString('latin1') : JSON.stringify(o.result);
            assert.ok(rn.includes(`r/${ops[i]}`), `result of operation ${i} is its own`);
          }
          for (const e of o.errors) assert.deepEqual(placeError(e, ops.length), { kind: 'operation', index: i });
        });
      },
    ),
    { numRuns: 100 },
  );
});

test('property: batch results across pages, in any order and form', () => {
  const outcome = fc.constantFrom('ok', 'failed', 'missing');
  fc.assert(
    fc.property(
      fc.array(fc.record({ outcome, errors: fc.integer({ min: 1, max: 3 }) }), { maxLength: 16 }),
      fc.nat({ max: 3 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom('rest', 'binary', 'google-ads-node'),
      fc.integer(),
      (plan, extras, pageSize, form, seed) => {
        const n = plan.length;
        const items: { index: number; resourceName?: string; errors?: fx.ErrorSpec[] }[] = [];
        plan.forEach((p, i) => {
          if (p.outcome === 'ok') items.push({ index: i, resourceName: `c/${i}` });
          if (p.outcome === 'failed') items.push({ index: i, errors: Array.from({ length: p.errors }, () => ({ key: 'fieldError.REQUIRED', path: [['mutate_operations', i]] as [string, number][] })) });
        });
        for (let k = 0; k < extras; k++) items.push({ index: n + k, errors: [{ key: 'internalError.INTERNAL_ERROR' }] });
        // Deterministic shuffle from the seed.
        let x = seed | 0;
        for (let i = items.length - 1; i > 0; i--) {
          x = (Math.imul(x, 1103515245) + 12345) | 0;
          const j = Math.abs(x) % (i + 1);
          [items[i], items[j]] = [items[j]!, items[i]!];
        }
        const pages: unknown[] = [];
        for (let i = 0; i < items.length; i += pageSize) {
          const p = fx.batchPage(items.slice(i, i + pageSize));
          pages.push(form === 'rest' ? fx.asRestJson(p) : form === 'binary' ? fx.asBinary(p) : fx.googleAdsNodeDecode('ListBatchJobResultsResponse', fx.asBinary(p)));
        }
        const s = splitBatchResults(pages, n, { apiVersion: 'v25' });
        const total = plan.reduce((a, p) => a + (p.outcome === 'failed' ? p.errors : 0), 0) + extras;
        checkInvariants(s, n, total);
        assert.equal(s.outOfRange.length, extras);
        s.operations.forEach((o, i) => {
          const p = plan[i]!;
          assert.equal(o.status, p.outcome === 'ok' ? 'ok' : p.outcome === 'failed' ? 'failed' : 'unknown');
          assert.equal(o.errors.length, p.outcome === 'failed' ? p.errors : 0);
        });
      },
    ),
    { numRuns: 100 },
  );
});

test('property: junk in, no throw, and the count given is kept', () => {
  fc.assert(
    fc.property(fc.oneof(fc.anything(), fc.uint8Array({ maxLength: 200 }), fc.json()), fc.nat({ max: 20 }), (junk, n) => {
      const s = splitOperations(junk, n);
      assert.equal(s.operations.length, n);
      checkInvariants(s, n, s.operations.reduce((a, o) => a + o.errors.length, 0) + s.requestErrors.length + s.outOfRange.length);
      assert.equal(splitBatchResults(junk, n).operations.length, n);
      splitStream(junk);
      const d = detectOperationsResponse(junk);
      if (d) formatOperationsTable(d);
    }),
    { numRuns: 300 },
  );
});

test('property: damaged response bytes never throw, and no decoded error is dropped', () => {
  const r = fx.mutateResponse('MutateCampaignsResponse', ['a', null, 'c', null], [
    { key: 'fieldError.REQUIRED', path: [['operations', 1]] },
    { key: 'internalError.INTERNAL_ERROR', path: [['operations', 3]] },
    { key: 'requestError.INVALID_CUSTOMER_ID', path: [['customer_id']] },
  ]);
  const bytes = fx.asBinary(r);
  fc.assert(
    fc.property(fc.nat({ max: bytes.length }), fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), v: fc.nat({ max: 255 }) }), { maxLength: 4 }), (cutAt, flips) => {
      const b = bytes.slice(0, cutAt);
      for (const f of flips) if (f.at < b.length) b[f.at] = f.v;
      const s = splitOperations(b, 4);
      checkInvariants(s, 4, s.error?.errors.length ?? 0);
      detectOperationsResponse(b);
    }),
    { numRuns: 300 },
  );
});
