/**
 * `ads-errors emulator`: prints its addresses once it listens, serves them, logs JSON lines
 * with --log, stops cleanly.
 */
import { test } from 'node:test';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { runEmulator } from '../../src/cli/commands/emulator.js';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { IDS } from '../../src/emulator/index.js';
import { rest } from './clients.js';

function captureIO(): { io: CliIO; out: () => string; err: () => string; waitFor: (re: RegExp) => Promise<RegExpExecArray> } {
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const m = w.re.exec(out);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  const io: CliIO = {
    stdout: { write: (c: string) => ((out += c), check(), true) },
    stderr: { write: (c: string) => ((err += c), true) },
    readStdin: async () => Buffer.alloc(0),
    env: {},
    isTTY: false,
  };
  return {
    io,
    out: () => out,
    err: () => err,
    waitFor: (re) =>
      new Promise((resolve) => {
        waiters.push({ re, resolve });
        check();
      }),
  };
}

test('prints the addresses as soon as it listens, serves them, logs with --log, and stops', async () => {
  const cap = captureIO();
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  const caFile = join(await mkdtemp(join(tmpdir(), 'emu-cli-')), 'ca.pem');
  const run = runEmulator(['--grpc-port', '0', '--http-port', '0', '--seed', '42', '--log', '--ca-out', caFile], cap.io, stopped);
  const rest_ = await cap.waitFor(/REST\s+(http:\/\/127\.0\.0\.1:\d+)\/v25/);
  assert.match(cap.out(), /gRPC\s+127\.0\.0\.1:\d+/);
  assert.match(cap.out(), /seed 42/);
  assert.match(await readFile(caFile, 'utf8'), /BEGIN CERTIFICATE/);
  const r = await rest(rest_[1]!, `/v25/customers/${IDS.client}/googleAds:search`, { query: 'SELECT customer.id FROM customer' });
  assert.equal(r.status, 200);
  const line = await cap.waitFor(/^\{.*"method":"GoogleAdsService\.Search".*\}$/m);
  const entry = JSON.parse(line[0]) as { requestId: string; code: number };
  assert.equal(entry.requestId, r.requestId);
  assert.equal(entry.code, 0);
  stop();
  assert.equal(await run, 0);
  assert.match(cap.err(), /stopped after 1 requests/);
});

test('bad options are usage errors (exit 2), --help exits 0', async () => {
  const cap = captureIO();
  assert.equal(await main(['emulator', '--grpc-port', 'eighty'], cap.io), 2);
  assert.match(cap.err(), /--grpc-port must be a port number/);
  const help = captureIO();
  assert.equal(await main(['emulator', '--help'], help.io), 0);
  assert.match(help.out(), /x-emulator-fault/);
});

test('a scenario file that cannot be read is an error, not a hang', async () => {
  const cap = captureIO();
  assert.equal(await main(['emulator', '--scenario', '/nonexistent/scenario.json'], cap.io), 1);
  assert.match(cap.err(), /cannot read scenario/);
});
