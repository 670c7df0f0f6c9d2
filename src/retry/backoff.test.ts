import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { constantBackoff, exponentialBackoff } from './backoff.js';

test('default backoff: 1 s, 2 s, 4 s … capped at 32 s, plus at most 20 %', () => {
  const b = exponentialBackoff();
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
      const base = Math.min(32_000, 1000 * 2 ** (retry - 1));
      const d = b(retry, () => r);
      return d >= base && d < base * 1.2 + 1e-9;
    }),
  );
  assert.equal(b(1, () => 0), 1000);
  assert.equal(b(3, () => 0), 4000);
  assert.equal(b(20, () => 0), 32_000);
});

test('constant backoff is constant', () => {
  assert.equal(constantBackoff(30_000)(7, Math.random), 30_000);
});
