import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AdsRetryPolicy } from './policy.js';
import { VirtualClock } from './virtual-clock.js';
import { RateGate } from './rate-gate.js';
import { adsError } from '../../test/retry/fixtures.js';

const RATE = ['quotaError.RESOURCE_EXHAUSTED', 'quotaError.RESOURCE_TEMPORARILY_EXHAUSTED'];

test('no call is ever sent earlier than the server asked (any delays, with or without the gate)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ delay: fc.integer({ min: 1, max: 120_000 }), code: fc.constantFrom(...RATE), status: fc.constantFrom('RESOURCE_EXHAUSTED', 'UNAVAILABLE') as fc.Arbitrary<'RESOURCE_EXHAUSTED' | 'UNAVAILABLE'> }), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 2 ** 31 }),
      fc.boolean(),
      fc.integer({ min: 1, max: 4 }),
      async (failures, seed, withGate, concurrent) => {
        const clock = new VirtualClock({ seed });
        const policy = new AdsRetryPolicy({ clock, gate: withGate ? new RateGate() : null, budget: null, maxAttempts: 10 });
        // Earliest time at which the server allows the next call (per call, and per policy when gated).
        // A rate-limit delay binds the other calls of the policy from the moment the policy has seen
        // it (a RetryInfo on UNAVAILABLE binds only its own request).
        let policyNotBefore = 0;
        policy.onRetry((e) => {
          if (e.schedule === 'server-delay') policyNotBefore = Math.max(policyNotBefore, clock.now() + (e.error.retryDelayMs ?? 0));
        });
        const violations: string[] = [];
        const runOne = async (): Promise<void> => {
          let n = 0;
          let notBefore = 0;
          await policy.execute(async () => {
            const now = clock.now();
            if (now < notBefore) violations.push(`call at ${now} before ${notBefore}`);
            if (withGate && now < policyNotBefore) violations.push(`gated call at ${now} before ${policyNotBefore}`);
            const f = failures[n++];
            if (!f) return;
            notBefore = now + f.delay;
            throw f.status === 'UNAVAILABLE' ? adsError({ status: 'UNAVAILABLE', retryDelayMs: f.delay }) : adsError({ status: 'RESOURCE_EXHAUSTED', codes: [f.code], retryDelayMs: f.delay });
          }, { operation: 'read' }).catch(() => undefined); // giving up is allowed; calling early is not
        };
        const all = Promise.all(Array.from({ length: concurrent }, runOne));
        await clock.run();
        await all;
        assert.deepEqual(violations, []);
      },
    ),
    { numRuns: 150 },
  );
});
