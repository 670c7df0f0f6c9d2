/**
 * Real failure payloads, as people pasted them into public issue threads, decoded the way a user
 * would (the raw text, and the parsed object where the paste is JSON). The expected facts in
 * test/fixtures/real/index.json were written by reading each payload, not by running the decoder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decode, type AdsError } from '../../src/decode/index.js';

interface Expect {
  recognized: boolean;
  status?: string;
  httpStatus?: number;
  codes?: string[];
  requestId?: string;
  retryDelayMs?: number;
  apiVersion?: string;
  fieldPath?: string;
  operationIndex?: number;
  rpcDetailTypes?: string[];
  /** The first error's own message. */
  message0?: string;
}
interface Fixture {
  file: string;
  source: string;
  client: string;
  form: string;
  expect: Expect;
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'real');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { fixtures: Fixture[] };

function check(err: AdsError, e: Expect, label: string): void {
  const got = {
    recognized: err.recognized,
    status: err.status?.name,
    httpStatus: err.httpStatus,
    codes: err.errors.map((x) => x.code.key),
    requestId: err.requestId,
    retryDelayMs: err.retryDelayMs,
    apiVersion: err.apiVersion,
    fieldPath: err.errors[0]?.fieldPathText,
    operationIndex: err.errors[0]?.operationIndex,
    rpcDetailTypes: err.rpcDetails.map((d) => d.type),
    message0: err.errors[0]?.message,
  };
  const want: Record<string, unknown> = {};
  const seen: Record<string, unknown> = {};
  for (const k of Object.keys(e) as (keyof Expect)[]) {
    want[k] = e[k];
    seen[k] = got[k];
  }
  assert.deepEqual(seen, want, `${label}\nissues: ${JSON.stringify(err.issues)}\nmessage: ${err.message}`);
}

test('the fixture index lists every real payload once and each has a source', () => {
  const files = index.fixtures.map((f) => f.file);
  assert.equal(new Set(files).size, files.length);
  assert.ok(files.length >= 40, `only ${files.length} fixtures`);
  for (const f of index.fixtures) assert.match(f.source, /^https:\/\/github\.com\/[^/]+\/[^/]+\/(issues|pull)\/\d+$/);
});

for (const fx of index.fixtures) {
  test(`real payload ${fx.file} (${fx.client}, ${fx.form})`, () => {
    const raw = readFileSync(join(dir, fx.file), 'utf8');
    check(decode(raw), fx.expect, `${fx.file} as text`);
    check(decode(Buffer.from(raw, 'utf8')), fx.expect, `${fx.file} as bytes`);
    if (fx.file.endsWith('.json')) check(decode(JSON.parse(raw)), fx.expect, `${fx.file} as object`);
  });
}

test('any cut or splice of the real payloads decodes without an internal error', () => {
  const texts = index.fixtures.map((f) => readFileSync(join(dir, f.file), 'utf8'));
  fc.assert(
    fc.property(fc.nat(texts.length - 1), fc.nat(texts.length - 1), fc.nat(), fc.nat(), fc.nat(), (a, b, x, y, z) => {
      const s = texts[a]!;
      const t = texts[b]!;
      const from = x % s.length;
      const to = from + (y % (s.length - from + 1));
      const input = s.slice(from, to) + t.slice(z % t.length);
      const err = decode(input);
      assert.ok(!err.issues.some((i) => i.startsWith('internal decoder error')), err.issues.join('; '));
    }),
    { numRuns: 400 },
  );
});
