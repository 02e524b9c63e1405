/**
 * `speccc verify --mutate` on the bundled example, as a user runs it: every spec with holdout
 * scenarios (all four), its generated code mutation-tested against them by Stryker (all
 * mutators) inside the bubblewrap sandbox, one spec after another. Figures: the whole command's
 * wall time, and each spec's Stryker run.
 * Run alone: node --import tsx bench/run.ts mutation
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, repo, type BenchResult } from './util.js';

interface Report {
  specs: { spec: string; mutation?: { files: string[]; score: number | null; total: number; survivors: unknown[]; durationMs: number; error?: string } }[];
}

export async function run(): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-mutation-'));
  try {
    for (const part of ['specs', 'context', 'scenarios', 'generated']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
    const started = performance.now();
    const child = spawnSync(process.execPath, [bin, 'verify', '--mutate', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const ms = performance.now() - started;
    const report = JSON.parse(child.stdout) as Report;
    const scored = report.specs.filter((s) => s.mutation);
    return [
      {
        name: `verify --mutate, bundled example (${scored.length} specs scored)`,
        value: ms,
        unit: 'ms',
        note: `budget 180000; exit ${child.status}; ${scored.map((s) => `${s.spec} ${s.mutation!.score?.toFixed(0) ?? '-'}% of ${s.mutation!.total}, ${s.mutation!.survivors.length} unkilled`).join('; ')}`,
      },
      ...scored.map((s) => ({ name: `  Stryker run, ${s.spec} (${s.mutation!.files.join(', ')})`, value: s.mutation!.durationMs, unit: 'ms', ...(s.mutation!.error ? { note: s.mutation!.error.split('\n')[0] } : {}) })),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
