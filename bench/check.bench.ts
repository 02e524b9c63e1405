import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeWorkspace } from './generate-workspace.js';
import { median, timeProcess, type BenchResult } from './util.js';

const RUNS = 5;

export async function run(): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-check-'));
  try {
    writeWorkspace(root, 1000);
    const cold: number[] = [];
    const warm: number[] = [];
    const edited: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      rmSync(path.join(root, '.speccc'), { recursive: true, force: true });
      cold.push(timeProcess(['check'], root));
      warm.push(timeProcess(['check'], root));
      appendFileSync(path.join(root, 'specs/group-5/feature-500.md'), `\n- Edit ${i} adds a line.\n`);
      edited.push(timeProcess(['check'], root));
    }
    const noop = median([0, 1, 2, 3, 4].map(() => timeProcess(['--version'], root)));
    return [
      { name: 'check 1,000 specs, cold (no cache)', value: median(cold), unit: 'ms' },
      { name: 'check 1,000 specs, warm (cache hit)', value: median(warm), unit: 'ms', note: 'goal < 300 ms' },
      { name: 'check 1,000 specs after editing one', value: median(edited), unit: 'ms' },
      { name: 'process start-up (speccc --version)', value: noop, unit: 'ms' },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
