/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints
 * a table of medians. Figures go into docs/performance.md by hand, with the machine.
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
for (const file of files) {
  const mod = (await import(path.join(dir, file))) as { run: () => Promise<BenchResult[]> };
  for (const r of await mod.run()) {
    console.log(`${file.padEnd(22)} ${r.name.padEnd(48)} ${r.value.toFixed(r.unit === 'ms' ? 0 : 2).padStart(8)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  }
}
