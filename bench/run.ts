/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints
 * a table of medians, then the summary: each figure that has a counterpart in OpenSpec beside it,
 * with their ratio (speccc / OpenSpec: below 1 is faster or smaller). Figures go into
 * docs/performance.md by hand, with the machine.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './util.js';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
const all: BenchResult[] = [];
for (const file of files) {
  const mod = (await import(path.join(dir, file))) as { run: () => Promise<BenchResult[]> };
  for (const r of await mod.run()) {
    all.push(r);
    console.log(`${file.padEnd(22)} ${r.name.padEnd(48)} ${r.value.toFixed(r.unit === 'ms' ? 0 : 2).padStart(8)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  }
}
printSummary(all);

/** One line per summary row: speccc's figure, OpenSpec's, and their ratio when both were measured. */
function printSummary(results: BenchResult[]): void {
  const rows = new Map<string, Partial<Record<'speccc' | 'openspec', BenchResult>>>();
  for (const r of results) if (r.row && r.tool) rows.set(r.row, { ...rows.get(r.row), [r.tool]: r });
  if (rows.size === 0) return;
  const show = (r: BenchResult | undefined) => (r ? `${r.value.toFixed(r.unit === 'ms' || r.unit === 'packages' ? 0 : 1)} ${r.unit}` : '—');
  console.log(`\n${'summary'.padEnd(44)} ${'speccc'.padStart(12)} ${'OpenSpec'.padStart(12)} ${'ratio'.padStart(6)}`);
  for (const [row, { speccc, openspec }] of rows) {
    const ratio = speccc && openspec && openspec.value > 0 ? (speccc.value / openspec.value).toFixed(2) : '';
    console.log(`${row.padEnd(44)} ${show(speccc).padStart(12)} ${show(openspec).padStart(12)} ${ratio.padStart(6)}`);
  }
}
