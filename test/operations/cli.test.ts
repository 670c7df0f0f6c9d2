/**
 * `ads-errors decode` on a mutate response, a batch results page and a stream body prints the
 * per-operation table (the command itself belongs to the CLI room; this checks the hand-over).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCommand } from '../../src/cli/commands/decode.js';
import type { CliIO } from '../../src/cli/io.js';
import * as fx from './fixtures.js';

async function run(args: string[], stdin: Buffer | string): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIO = {
    stdout: { write: (c: string) => (out += c) },
    stderr: { write: () => true },
    readStdin: async () => (typeof stdin === 'string' ? Buffer.from(stdin) : stdin),
    env: {},
    isTTY: false,
    isStdinTTY: () => false,
  };
  const code = await decodeCommand(['-', ...args], io);
  return { code, out };
}

const response = fx.mutateResponse('MutateCampaignsResponse', ['customers/1/campaigns/1', null, null], [
  { key: 'fieldError.REQUIRED', path: [['operations', 1], ['create'], ['name']] },
  { key: 'internalError.TRANSIENT_ERROR', path: [['operations', 2]] },
]);

test('decode prints a per-operation table for a REST mutate response', async () => {
  const { code, out } = await run([], fx.asRestJson(response));
  assert.equal(code, 0);
  assert.match(out, /Operations: 3 \(1 ok, 2 failed, 1 worth resending\)/);
  assert.match(out, /\n\s*1\s+failed\s+no\s+fieldError\.REQUIRED\s+operations\[1\]\.create\.name/);
  assert.match(out, /\n\s*2\s+failed\s+yes\s+internalError\.TRANSIENT_ERROR\s+operations\[2\]/);
});

test('decode --json adds an operations array, for binary responses too', async () => {
  for (const input of [Buffer.from(fx.asRestJson(response)), Buffer.from(fx.asBinary(response))]) {
    const { out } = await run(['--json'], input);
    const json = JSON.parse(out) as { operations: { index: number; status: string; errors: { code: string }[] }[] };
    assert.deepEqual(json.operations.map((o) => o.status), ['ok', 'failed', 'failed']);
    assert.deepEqual(json.operations[1]!.errors.map((e) => e.code), ['fieldError.REQUIRED']);
  }
});

test('decode on a batch results page and on a broken stream', async () => {
  const page = fx.batchPage([{ index: 0, resourceName: 'c/0' }, { index: 1, errors: [{ key: 'fieldError.REQUIRED' }] }]);
  const b = await run([], fx.asRestJson(page));
  assert.match(b.out, /Batch job results: 2 \(1 ok, 1 failed\)/);
  const body = fx.streamBody([2], { specs: [{ key: 'internalError.INTERNAL_ERROR' }], code: 13, status: 'INTERNAL' });
  const s = await run([], JSON.stringify(body));
  assert.match(s.out, /Search stream: 1 message\(s\), 2 row\(s\) received, then failed/);
});

test('a plain error body gets no table', async () => {
  const { out } = await run([], JSON.stringify({ error: { code: 403, status: 'PERMISSION_DENIED', message: 'no' } }));
  assert.doesNotMatch(out, /Operations:|Batch job results:|Search stream:/);
});
