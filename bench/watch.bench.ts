import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchWorkspace } from '../src/watch/watch.js';
import { writeWorkspace } from './generate-workspace.js';
import { median, type BenchResult } from './util.js';

const EDITS = 25;

/** Time from a file write to the round's result, for one-spec edits in a 1,000-spec workspace. */
export async function run(): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-watch-'));
  const controller = new AbortController();
  try {
    writeWorkspace(root, 1000);
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
      const n = (i * 37) % 1000; // spread the edits over the workspace
      appendFileSync(path.join(root, `specs/group-${Math.floor(n / 100)}/feature-${n}.md`), `\n- Edit ${i}.\n`);
      await round;
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    controller.abort();
    await done;
    return [
      { name: 'watch: write -> result, one-spec edit, 1,000 specs', value: median(times), unit: 'ms', note: `median of ${EDITS}; goal < 50 ms` },
      { name: 'watch: same, slowest edit', value: Math.max(...times), unit: 'ms' },
    ];
  } finally {
    controller.abort();
    rmSync(root, { recursive: true, force: true });
  }
}
