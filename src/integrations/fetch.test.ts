import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readSearchStream } from './fetch.js';

/** A Response whose body delivers `chunks`, then fails with `error` when given. */
function response(chunks: string[], error?: Error, status = 200): Response {
  const enc = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(enc.encode(chunks[i++]!));
      else if (error) controller.error(error);
      else controller.close();
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

const message = (ids: string[], requestId = 'rid-1') => ({ results: ids.map((id) => ({ campaign: { id, name: `n{"[${id}\\` } })), fieldMask: 'campaign.id', requestId });

test('a whole stream, in many small chunks, splits into its rows', async () => {
  const text = JSON.stringify([message(['1', '2']), message(['3'])]);
  const chunks = text.match(/.{1,7}/gs)!;
  const s = await readSearchStream(response(chunks));
  assert.equal(s.error, null);
  assert.equal(s.rows.length, 3);
  assert.equal(s.messages, 2);
  assert.equal(s.requestId, 'rid-1');
});

test('an empty stream is complete with no rows', async () => {
  const s = await readSearchStream(response(['[]']));
  assert.equal(s.error, null);
  assert.equal(s.rows.length, 0);
});

test('a read error after some messages keeps them and reports UNAVAILABLE with the cause', async () => {
  const boom = new Error('socket hang up');
  const text = JSON.stringify([message(['1']), message(['2'])]);
  const s = await readSearchStream(response([text.slice(0, text.length - 5)], boom));
  assert.equal(s.rows.length, 1);
  assert.equal(s.error?.status?.name, 'UNAVAILABLE');
  assert.equal(s.error?.cause, boom);
  assert.match(s.error?.message ?? '', /socket hang up/);
});

test('an error element after rows is decoded with its request id', async () => {
  const err = { error: { code: 8, message: 'Too many', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure', errors: [{ errorCode: { quotaError: 'RESOURCE_EXHAUSTED' }, message: 'Too many' }], requestId: 'rid-9' }] } };
  const s = await readSearchStream(response([JSON.stringify([message(['1'], 'rid-9'), err])]));
  assert.equal(s.rows.length, 1);
  assert.equal(s.error?.code, 'quotaError.RESOURCE_EXHAUSTED');
  assert.equal(s.requestId, 'rid-9');
});

test('a non-2xx body is decoded with the HTTP status', async () => {
  const s = await readSearchStream(response([JSON.stringify([{ error: { code: 14, message: 'down', status: 'UNAVAILABLE' } }])], undefined, 503));
  assert.equal(s.rows.length, 0);
  assert.equal(s.error?.httpStatus, 503);
  assert.equal(s.error?.status?.name, 'UNAVAILABLE');
});

test('property: a stream cut at any point keeps exactly the rows of the messages that arrived whole', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      async (batches, where) => {
        const msgs = batches.map((ids) => message(ids));
        const text = JSON.stringify(msgs);
        const cut = Math.floor(where * text.length);
        const s = await readSearchStream(response([text.slice(0, cut)], new Error('cut')));
        // Messages whose closing brace lies before the cut.
        let whole = 0;
        let end = 1;
        for (const m of msgs) {
          end += JSON.stringify(m).length;
          if (end <= cut) whole++;
          end += 1; // the comma
        }
        assert.equal(s.messages, whole);
        assert.equal(s.rows.length, msgs.slice(0, whole).reduce((n, m) => n + m.results.length, 0));
        assert.equal(s.error?.status?.name, 'UNAVAILABLE');
      },
    ),
    { numRuns: 200 },
  );
});
