/**
 * `speccc check` on 1,000 and 10,000 specs: cold (no .speccc/), warm (nothing changed), after
 * editing one spec, cold on 0 (the main thread), 1, 2 and 4 parse workers, and the same workspace
 * in OpenSpec's format through `openspec validate --all --strict --json` when OpenSpec is
 * installed (a devDependency). Every figure is a median; each run's CPU time (all threads) and
 * peak RSS are measured in the child itself (bench/usage.mjs).
 *
 * BENCH_SIZES=1000,10000 and BENCH_RUNS=5 change what is run (BENCH_SIZES= runs start-up only), BENCH_WORKERS=0,1,2,4 adds cold runs
 * with that many parse workers (none by default); BENCH_MAX_LOAD=n waits for a quiet moment
 * before each run (bench/util.ts). Also start-up: `speccc --version`, and a warm check of one spec.
 */
import { appendFileSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOpenSpecWorkspace, writeWorkspace } from './generate-workspace.js';
import { measureProcess, measureSpeccc, median, medians, timeProcess, type BenchResult, type ProcessRun } from './util.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
const WORKERS = (process.env.BENCH_WORKERS ?? '').split(',').filter((w) => /^\d+$/.test(w));

/** OpenSpec's CLI script, or null when it is not installed. */
function openspecBin(): string | null {
  try {
    // The package exports only its API (dist/index.js); its CLI script sits beside dist/.
    const api = createRequire(import.meta.url).resolve('@fission-ai/openspec');
    return path.join(path.dirname(api), '..', 'bin', 'openspec.js');
  } catch {
    return null;
  }
}

const count = (n: number) => n.toLocaleString('en-US');
const result = (name: string, runs: ProcessRun[], note = '', summary: Pick<BenchResult, 'row' | 'tool'> = {}): BenchResult => {
  const m = medians(runs);
  return { name, value: m.ms, unit: 'ms', note: `cpu ${Math.round(m.cpuMs)} ms, peak RSS ${Math.round(m.maxRssMb)} MB${note ? `; ${note}` : ''}`, ...summary };
};

async function speccc(size: number): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-check-'));
  try {
    writeWorkspace(root, size);
    const cold: ProcessRun[] = [];
    const warm: ProcessRun[] = [];
    const edited: ProcessRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      rmSync(path.join(root, '.speccc'), { recursive: true, force: true });
      cold.push(measureSpeccc(['check'], root));
      warm.push(measureSpeccc(['check'], root));
      const n = size / 2;
      appendFileSync(path.join(root, `specs/group-${Math.floor(n / 100)}/feature-${n}.md`), `\n- Edit ${i} adds a line.\n`);
      edited.push(measureSpeccc(['check'], root));
    }
    const byWorkers = WORKERS.map((workers) => {
      const runs: ProcessRun[] = [];
      for (let i = 0; i < Math.max(1, Math.ceil(RUNS / 2)); i++) {
        rmSync(path.join(root, '.speccc'), { recursive: true, force: true });
        runs.push(measureSpeccc(['check'], root, { SPECCC_WORKERS: workers }));
      }
      return result(`check ${count(size)} specs, cold, ${workers === '0' ? 'no workers' : `${workers} worker${workers === '1' ? '' : 's'}`}`, runs);
    });
    return [
      result(`check ${count(size)} specs, cold (no cache)`, cold, '', { row: `check, ${count(size)} specs, cold`, tool: 'speccc' }),
      result(`check ${count(size)} specs, warm (nothing changed)`, warm, '', { row: `check, ${count(size)} specs, warm`, tool: 'speccc' }),
      result(`check ${count(size)} specs after editing one`, edited),
      ...byWorkers,
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function openspec(size: number, bin: string): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-openspec-'));
  try {
    writeOpenSpecWorkspace(root, size);
    // No telemetry, and a home of its own so nothing outside the temp folder is written.
    const env = { OPENSPEC_TELEMETRY: '0', DO_NOT_TRACK: '1', HOME: root, XDG_CONFIG_HOME: path.join(root, '.config') };
    const runs = Array.from({ length: RUNS }, () => measureProcess(bin, ['validate', '--all', '--strict', '--json'], root, env));
    // OpenSpec keeps no cache: the same runs stand beside speccc's cold and warm checks.
    return [
      result(`openspec validate --all --strict, ${count(size)} specs`, runs, 'no cache: every run is cold', { row: `check, ${count(size)} specs, cold`, tool: 'openspec' }),
      { ...result(`openspec validate --all --strict, ${count(size)} specs`, runs, 'no cache: every run is cold', { row: `check, ${count(size)} specs, warm`, tool: 'openspec' }), name: `openspec validate --all --strict, ${count(size)} specs (beside warm)` },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const bin = openspecBin();
  for (const size of SIZES) {
    results.push(...(await speccc(size)));
    if (bin) results.push(...(await openspec(size, bin)));
  }
  if (!bin) results.push({ name: 'openspec: not installed, no comparison', value: 0, unit: 'ms' });
  results.push(...startup());
  return results;
}

/**
 * `speccc --version`, and `speccc check` of a one-spec workspace once its cache is warm: start-up,
 * nearly all of it. Beside them, in the same rounds (interleaved, so that the machine's load weighs
 * on all three alike), Node running an empty script: the floor no CLI goes below, which on these
 * shared machines moves between 35 and 120 ms.
 */
function startup(): BenchResult[] {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-startup-'));
  try {
    writeWorkspace(root, 1);
    const empty = path.join(root, 'empty.mjs');
    writeFileSync(empty, '');
    // A workspace not edited in the last second: a file saved within the stat cache's margin for
    // racy timestamps is hashed again on every run until the margin has passed (src/io/stat-cache.ts),
    // which the rounds below, a few tenths of a second after writing, would otherwise measure.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(root, file), hourAgo, hourAgo);
    timeProcess(['check'], root);
    const rounds = { empty: [] as number[], version: [] as number[], check: [] as number[] };
    for (let i = 0; i < 15; i++) {
      rounds.empty.push(timeProcess([], root, empty));
      rounds.version.push(timeProcess(['--version'], root));
      rounds.check.push(timeProcess(['check'], root));
    }
    const floor = median(rounds.empty);
    const over = (ms: number) => `${Math.round(ms - floor)} ms over an empty node script`;
    return [
      { name: 'node running an empty script', value: floor, unit: 'ms', note: 'median of 15, in the same rounds as the two below' },
      { name: 'process start-up (speccc --version)', value: median(rounds.version), unit: 'ms', note: `median of 15, ${over(median(rounds.version))}; goal < 50 ms`, row: 'speccc --version', tool: 'speccc' },
      { name: 'check of one spec, warm', value: median(rounds.check), unit: 'ms', note: `median of 15, ${over(median(rounds.check))}; goal < 50 ms`, row: 'check, 1 spec, warm', tool: 'speccc' },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
