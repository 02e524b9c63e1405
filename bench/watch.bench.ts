import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchWorkspace } from '../src/watch/watch.js';
import { writeWorkspace } from './generate-workspace.js';
import { benchEnv, bin, median, type BenchResult } from './util.js';

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
    controller.abort();
    await done;
    const memory = await watchProcessMemory(root, size);
    return [
      { name: `watch: write -> result, one-spec edit, ${size.toLocaleString('en-US')} specs`, value: median(times), unit: 'ms', note: `median of ${EDITS}; ${GOAL[size] ?? ''}`, row: `watch: edit -> output, ${size.toLocaleString('en-US')} specs`, tool: 'speccc' },
      { name: `watch: same, slowest edit (${size.toLocaleString('en-US')} specs)`, value: Math.max(...times), unit: 'ms' },
      ...(memory ? [{ name: `watch: memory of \`speccc watch\` (${size.toLocaleString('en-US')} specs)`, value: memory.rss, unit: 'MB', note: `RSS after 5 edits; peak ${Math.round(memory.peak)} MB` }] : []),
    ];
  } finally {
    controller.abort();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The memory a user's `speccc watch` holds (every spec's bytes, model and findings, kept for the
 * next edit): the CLI as its own process, after its first round and five edits, from /proc.
 * Null where there is no /proc.
 */
async function watchProcessMemory(root: string, size: number): Promise<{ rss: number; peak: number } | null> {
  const child = spawn(process.execPath, [bin, 'watch', '--format', 'json'], { cwd: root, env: benchEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
  let rounds = 0;
  let ready = false;
  let exited = false;
  let waiting: (() => void) | undefined;
  // A watcher that stops early (it should not) ends the wait; the figure is then missing.
  child.once('exit', () => {
    exited = true;
    waiting?.();
  });
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.includes('"type":"check"')) rounds++;
      if (line.includes('"type":"ready"')) ready = true;
      waiting?.();
    }
  });
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      waiting = () => (done() || exited) && resolve();
      waiting();
    });
  const round = (n: number) => until(() => rounds >= n);
  try {
    await until(() => ready); // after the first round, once every folder is watched
    for (let i = 0; i < 5; i++) {
      const next = round(rounds + 1);
      const n = (i * 41 * (size / 1000)) % size;
      appendFileSync(path.join(root, `specs/group-${Math.floor(n / 100)}/feature-${n}.md`), `\n- Memory edit ${i}.\n`);
      await next;
    }
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const mb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
    return { rss: mb('VmRSS'), peak: mb('VmHWM') };
  } catch {
    return null;
  } finally {
    if (!exited) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await gone;
    }
  }
}
