/**
 * A real redis-server for the budget tests, on a free loopback port, with no persistence.
 * Missing redis-server is an error, not a skip: CI installs it, and a test that silently does
 * nothing would hide a broken setup.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisProcess {
  readonly port: number;
  readonly url: string;
  /** SIGKILLs the server (as a crash would); resolves once it has exited. Idempotent. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
const killAll = (): void => {
  for (const p of running) p.kill('SIGKILL');
};
// Whatever happens to the test process, no redis-server outlives it: on a normal exit, and on
// the signals a runner's timeout or a Ctrl-C sends (then the signal is raised again, so the
// process still ends the way it would have).
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

/** The path of redis-server, or a thrown error that says how to install it. */
export function redisServerPath(): string {
  const candidates = [process.env['REDIS_SERVER'], '/usr/bin/redis-server', '/usr/local/bin/redis-server'].filter((x): x is string => !!x);
  for (const c of candidates) if (spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0) return c;
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error('redis-server was not found: these tests need a real Redis (Debian/Ubuntu: apt-get install redis-server; or set REDIS_SERVER to its path)');
}

/** A port that was free a moment ago (redis-server cannot be told to pick one itself). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts redis-server on `port` (default: a free one) and resolves when it accepts connections.
 * `debug` allows the DEBUG command (to stall the server on purpose; Redis 7+).
 */
export async function startRedis(port?: number, options: { debug?: boolean } = {}): Promise<RedisProcess> {
  const bin = redisServerPath();
  const p = port ?? (await freePort());
  // Redis 7 refuses DEBUG unless enabled; Redis 6 allows it and does not know the option.
  const major = Number(/v=(\d+)/.exec(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 0);
  const debug = options.debug && major >= 7 ? ['--enable-debug-command', 'local'] : [];
  const child = spawn(bin, ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', ...debug], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => running.delete(child));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 5 s:\n${out}`)), 5000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (/Ready to accept connections/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${out}`));
    });
  });
  let killed: Promise<void> | null = null;
  return {
    port: p,
    url: `redis://127.0.0.1:${p}`,
    kill: () => {
      if (!killed) {
        child.kill('SIGKILL');
        killed = exited;
      }
      return killed;
    },
  };
}
