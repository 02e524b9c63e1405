import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchWorkspace } from '../src/watch/watch.js';
import { writeWorkspace } from './generate-workspace.js';
import { median, type BenchResult } from './util.js';

const EDITS = 25;
/** BENCH_WATCH_SIZES=1000 for a quick run. */
const SIZES = (process.env.BENCH_WATCH_SIZES ?? '1000,10000').split(',').map(Number);
const GOAL: Record<number, string> = { 1000: 'goal < 20 ms', 10000: 'goal < 20 ms' };

/** Time from a file write to the round's result, for one-spec edits in a 1,000- and a 10,000-spec workspace. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const size of SIZES) results.push(...(await watchAt(size)));
  return results;
}

async function watchAt(size: number): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-watch-'));
  const controller = new AbortController();
  try {
    writeWorkspace(root, size);
    let resolveRound: (() => void) | undefined;
    let ready: () => void = () => {};
    const isReady = new Promise<void>((r) => (ready = r));
    const done = watchWorkspace({ root, signal: controller.signal, onRound: () => resolveRound?.(), onReady: () => ready() });
    await isReady;
    await new Promise((r) => setTimeout(r, 500));
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const round = new Promise<void>((r) => (resolveRound = r));
      const started = performance.now();
      const n = (i * 37 * (size / 1000)) % size; // spread the edits over the workspace
      appendFileSync(path.join(root, `specs/group-${Math.floor(n / 100)}/feature-${n}.md`), `\n- Edit ${i}.\n`);
      await round;
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    // The session's memory: every spec's bytes, model and findings, held for the next edit.
    const memory = process.memoryUsage();
    controller.abort();
    await done;
    return [
      { name: `watch: write -> result, one-spec edit, ${size.toLocaleString('en-US')} specs`, value: median(times), unit: 'ms', note: `median of ${EDITS}; ${GOAL[size] ?? ''}`, row: `watch: edit -> output, ${size.toLocaleString('en-US')} specs`, tool: 'speccc' },
      { name: `watch: same, slowest edit (${size.toLocaleString('en-US')} specs)`, value: Math.max(...times), unit: 'ms' },
      { name: `watch: memory after ${EDITS} edits (${size.toLocaleString('en-US')} specs)`, value: memory.rss / 2 ** 20, unit: 'MB', note: `RSS of the watching process; JS heap ${Math.round(memory.heapUsed / 2 ** 20)} MB` },
    ];
  } finally {
    controller.abort();
    rmSync(root, { recursive: true, force: true });
  }
}
