/**
 * A small benchmark harness: warms up, then times rounds of many calls and reports the median
 * time per call, so one slow round (GC, the other core busy) does not decide the figure.
 */
export interface Result {
  name: string;
  nsPerOp: number;
  opsPerSec: number;
}

let sink: unknown;

export function measure(name: string, fn: () => unknown, opts: { rounds?: number; minMs?: number } = {}): Result {
  const rounds = opts.rounds ?? 15;
  const minMs = opts.minMs ?? 40;
  // Calibrate: how many calls fill minMs.
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink = fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms >= minMs / 4) {
      n = Math.max(1, Math.ceil((n * minMs) / Math.max(ms, 0.001)));
      break;
    }
    n *= 4;
  }
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink = fn();
    per.push(Number(process.hrtime.bigint() - t0) / n);
  }
  per.sort((a, b) => a - b);
  const nsPerOp = per[Math.floor(per.length / 2)]!;
  return { name, nsPerOp, opsPerSec: 1e9 / nsPerOp };
}

export function keepAlive(): unknown {
  return sink;
}

export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}
