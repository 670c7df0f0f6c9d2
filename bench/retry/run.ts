/**
 * `npm run bench:retry`: races our retry policy against models of other libraries' defaults in
 * a seeded simulation on virtual time, then measures the real per-call cost of the policies.
 * Prints a table (and the targets, met or not); `--json` prints one JSON array of rows.
 */
import { STRATEGIES } from './peers.js';
import { blips, dip, outage, quota, QUOTA_BOUND_S, type Row } from './scenarios.js';
import { overhead } from './overhead.js';

const json = process.argv.includes('--json');
const seedArg = process.argv.find((a) => a.startsWith('--seed='));
const seed = seedArg ? Number(seedArg.slice(7)) : 42;

const rows: Row[] = [];
for (const s of STRATEGIES) rows.push(await outage(s, seed));
for (const p of [0.01, 0.05, 0.1]) for (const s of STRATEGIES) rows.push(await blips(s, seed, p));
for (const s of STRATEGIES) rows.push(await dip(s, seed));
for (const s of STRATEGIES) rows.push(await quota(s, seed));
rows.push(...(await overhead()));

if (json) {
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} else {
  printTable(rows);
  printTargets(rows);
}

function fmt(v: number | null, digits: number): string {
  return v === null ? '—' : v.toFixed(digits);
}

function printTable(all: Row[]): void {
  const head = ['scenario', 'strategy', 'calls/req', 'success', 'makespan s', 'recovery lag s', 'early calls', 'overhead µs'];
  const body = all.map((r) => [r.scenario, r.strategy, fmt(r.callsPerRequest, 3), fmt(r.successRate, 4), fmt(r.makespanS, 1), fmt(r.recoveryLagS, 2), r.earlyCalls === null ? '—' : String(r.earlyCalls), fmt(r.overheadUs, 3)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i < 2 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

function printTargets(all: Row[]): void {
  const get = (scenario: string, strategy: string): Row => all.find((r) => r.scenario === scenario && r.strategy === strategy)!;
  const peers = (scenario: string): Row[] => all.filter((r) => r.scenario === scenario && r.strategy !== 'ours' && r.strategy !== 'no-retry');
  const checks: [string, boolean, string][] = [];
  const o = get('outage', 'ours');
  const minPeer = Math.min(...peers('outage').map((r) => r.callsPerRequest!));
  checks.push(['outage: calls/request ≤ 1.10 and below every peer', o.callsPerRequest! <= 1.1 && o.callsPerRequest! < minPeer, `ours ${o.callsPerRequest!.toFixed(3)}, best peer ${minPeer.toFixed(3)}`]);
  for (const p of [0.01, 0.05, 0.1]) {
    const b = get(`blips p=${p}`, 'ours');
    const sr = 1 - p ** 3 - 0.001;
    const cr = 1 + p + p ** 2 + 0.02;
    checks.push([`blips p=${p}: success ≥ ${sr.toFixed(4)}, calls/request ≤ ${cr.toFixed(4)}`, b.successRate! >= sr && b.callsPerRequest! <= cr, `success ${b.successRate!.toFixed(4)}, calls/request ${b.callsPerRequest!.toFixed(4)}`]);
  }
  const d = get('dip', 'ours');
  const base = get('dip', 'no-retry');
  const fj = get('dip', 'full-jitter');
  checks.push(['dip: recovery lag ≤ no-retry + 1 s and below full jitter', d.recoveryLagS! <= base.recoveryLagS! + 1 && d.recoveryLagS! < fj.recoveryLagS!, `ours ${d.recoveryLagS!.toFixed(2)} s, no-retry ${base.recoveryLagS!.toFixed(2)} s, full jitter ${fj.recoveryLagS!.toFixed(2)} s`]);
  const q = get('quota', 'ours');
  checks.push([`quota: makespan ≤ ${1.2 * QUOTA_BOUND_S} s, calls/request ≤ 1.5, no early call`, q.makespanS! <= 1.2 * QUOTA_BOUND_S && q.callsPerRequest! <= 1.5 && q.earlyCalls === 0, `makespan ${q.makespanS!.toFixed(1)} s, calls/request ${q.callsPerRequest!.toFixed(3)}, early ${q.earlyCalls}, success ${q.successRate!.toFixed(4)}`]);
  const ov = get('overhead', 'ours');
  const ck = get('overhead', 'cockatiel');
  checks.push(['overhead: ≤ 1 µs and ≤ cockatiel', ov.overheadUs! <= 1 && ov.overheadUs! <= ck.overheadUs!, `ours ${ov.overheadUs!.toFixed(3)} µs, cockatiel ${ck.overheadUs!.toFixed(3)} µs`]);
  console.log('\nTargets (seed ' + seed + '):');
  for (const [name, ok, detail] of checks) console.log(`  ${ok ? 'met    ' : 'MISSED '} ${name} — ${detail}`);
}
