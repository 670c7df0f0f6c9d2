// `npm start` is the main job: the whole tour must run to the end and show each part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { repoRoot } from './helpers.js';

test('the npm start tour runs to the end and shows every part', async () => {
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/demo.ts'], {
      cwd: repoRoot,
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve({ code: c ?? -1, stdout, stderr });
    });
  });
  assert.equal(code, 0, stderr);
  for (const part of ['1. Real failures', '1b. The same over gRPC', '2. The same error in four languages', '3. Recovery', '4. Partial failure', '5. A search stream', '6. The example payloads', '7. Everything the emulator saw']) {
    assert.ok(stdout.includes(part), `missing section "${part}"`);
  }
  assert.match(stdout, /authorizationError\.USER_PERMISSION_DENIED/);
  assert.match(stdout, /oauth\.invalid_grant/);
  assert.match(stdout, /✓ succeeded after/);
  assert.match(stdout, /come back at \d{4}-\d\d-\d\dT/);
  assert.match(stdout, /Operations: 4 \(2 ok, 2 failed\)/);
  assert.match(stdout, /[\uac00-\ud7a3]/, 'Korean text in the four-language section');
  assert.match(stdout, /Operation 3: the new campaign needs a name\./);
  assert.ok(!/ya29\.[A-Za-z0-9_-]{20,}/.test(stdout), 'no access token printed');
});
