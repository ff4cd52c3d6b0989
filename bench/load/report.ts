import type { Check } from './faults';
import type { Stats } from './drive';

// The printed results: one row per endpoint, the app/raw ratio on the list, and the fault
// checks as PASS/FAIL with their figures.

const COLUMNS = [
  'endpoint',
  'users',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  '2xx',
  '4xx',
  '5xx',
  'of them 500',
  'conn errors',
  'server CPU ms/req',
] as const;

const row = (s: Stats, users: number) => [
  s.label,
  String(users),
  s.rps.toFixed(1),
  s.p50.toFixed(1),
  s.p95.toFixed(1),
  s.p99.toFixed(1),
  String(s.ok),
  String(s.refused),
  String(s.failed),
  String(s.s500),
  String(s.errors),
  s.cpuMsPerRequest === null ? '-' : s.cpuMsPerRequest.toFixed(2),
];

export const printLoadTable = (rows: readonly { stats: Stats; users: number }[]) => {
  const cells = [COLUMNS.map(String), ...rows.map((r) => row(r.stats, r.users))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(cells[0] ?? []));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells.slice(1)) console.log(line(c));
  for (const { stats } of rows) {
    const refused = Object.entries(stats.byStatus).filter(([k]) => Number(k) >= 400);
    if (refused.length > 0) console.log(`  ${stats.label}: ${refused.map(([k, v]) => `HTTP ${k} ×${v}`).join(', ')}`);
  }
};

export const printChecks = (checks: readonly Check[]) => {
  for (const c of checks) console.log(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}\n      ${c.detail}`);
};
