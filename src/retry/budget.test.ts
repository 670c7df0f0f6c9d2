import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucketBudget } from './budget.js';

test('the token bucket allows two retries in a row from full, then none until successes refill it', () => {
  const b = new TokenBucketBudget();
  const allowed: boolean[] = [];
  for (let i = 0; i < 5; i++) {
    b.recordFailure();
    allowed.push(b.allowRetry());
  }
  assert.deepEqual(allowed, [true, true, false, false, false]);
  b.recordSuccess();
  assert.equal(b.allowRetry(), true);
  for (let i = 0; i < 10; i++) b.recordSuccess();
  assert.equal(b.tokens, 3, 'never above capacity');
});

test('costs and credits are configurable', () => {
  const b = new TokenBucketBudget({ capacity: 10, failureCost: 2, successCredit: 0.5 });
  for (let i = 0; i < 5; i++) b.recordFailure();
  assert.equal(b.tokens, 0);
  assert.equal(b.allowRetry(), false);
  for (let i = 0; i < 4; i++) b.recordSuccess();
  assert.equal(b.allowRetry(), true);
});
