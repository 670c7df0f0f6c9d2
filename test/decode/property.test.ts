// decode() must never throw, whatever it is given, and must not lose what it did recognize when
// the input around it is damaged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { decode, isAdsError } from '../../src/decode/index.js';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir).map((f) => ({ name: f, text: readFileSync(new URL(f, examplesDir), 'utf8') }));

function assertWellFormed(e: unknown): void {
  assert.ok(isAdsError(e));
  assert.equal(typeof e.recognized, 'boolean');
  assert.ok(Array.isArray(e.errors));
  assert.ok(Array.isArray(e.issues));
  // The plain data must be serializable (no cycles, no BigInt).
  JSON.stringify(e.toJSON());
}

test('never throws on arbitrary values', () => {
  fc.assert(
    fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (v) => {
      assertWellFormed(decode(v));
    }),
    { numRuns: 2000 },
  );
});

test('never throws on arbitrary JSON text, bytes and strings', () => {
  fc.assert(fc.property(fc.json(), (s) => assertWellFormed(decode(s))), { numRuns: 1000 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (b) => assertWellFormed(decode(b))), { numRuns: 2000 });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => assertWellFormed(decode(s))), { numRuns: 1000 });
});

test('never throws on real shapes with fields replaced by arbitrary values', () => {
  const jsonExamples = examples.filter((e) => e.name.endsWith('.json')).map((e) => JSON.parse(e.text) as unknown);
  // Paths of every node in a value, so a mutation can hit any of them.
  const paths = (v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) => {
    out.push(prefix);
    if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) paths(c, [...prefix, Array.isArray(v) ? Number(k) : k], out);
    return out;
  };
  for (const base of jsonExamples) {
    const all = paths(base).filter((p) => p.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.anything(), (path, replacement) => {
        const copy = structuredClone(base) as Record<string | number, unknown>;
        let node: any = copy;
        for (const k of path.slice(0, -1)) node = node[k];
        node[path[path.length - 1]!] = replacement;
        assertWellFormed(decode(copy));
        assertWellFormed(decode(JSON.stringify(copy)));
      }),
      { numRuns: 300 },
    );
  }
});

test('truncated inputs never throw, and keep what the surviving part says', () => {
  for (const ex of examples) {
    const full = decode(ex.text);
    assert.ok(full.recognized, `${ex.name} is recognized whole`);
    for (let cut = 0; cut < ex.text.length; cut += Math.max(1, Math.floor(ex.text.length / 60))) {
      assertWellFormed(decode(ex.text.slice(0, cut)));
    }
  }
});

test('a damaged REST body still yields its codes when they survive', () => {
  const ex = examples.find((e) => e.name === 'rest-permission-denied.json')!;
  const cut = ex.text.slice(0, ex.text.indexOf('"requestId"'));
  const e = decode(cut);
  assert.ok(e.recognized);
  assert.ok(e.issues.some((i) => /truncated|invalid/i.test(i)), 'says the JSON was damaged');
});

test('large and deeply nested inputs are decoded without a crash', () => {
  const big = JSON.stringify({ error: { code: 400, status: 'INVALID_ARGUMENT', message: 'x'.repeat(10 * 1024 * 1024) } });
  const e = decode(big);
  assert.equal(e.status?.name, 'INVALID_ARGUMENT');
  assertWellFormed(decode('['.repeat(200_000)));
  assertWellFormed(decode('{"a":'.repeat(100_000)));
  assertWellFormed(decode('errors { '.repeat(100_000)));
  let deep: any = { error: { code: 3 } };
  for (let i = 0; i < 5000; i++) deep = { cause: deep, data: deep };
  assertWellFormed(decode(deep));
  const cyclic: any = { message: 'loop' };
  cyclic.cause = cyclic;
  cyclic.response = { data: cyclic };
  assertWellFormed(decode(cyclic));
});

test('throwing getters and proxies do not escape', () => {
  const hostile = new Proxy({}, { get() { throw new Error('boom'); }, ownKeys() { throw new Error('boom'); } });
  assertWellFormed(decode(hostile));
  const getter = Object.defineProperty({}, 'error', { get() { throw new Error('boom'); }, enumerable: true });
  assertWellFormed(decode(getter));
});

test('the original input is kept as cause', () => {
  fc.assert(
    fc.property(fc.anything(), (v) => {
      const e = decode(v);
      if (isAdsError(v)) return;
      assert.equal(e.cause, v);
    }),
    { numRuns: 300 },
  );
});
