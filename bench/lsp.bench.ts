/**
 * `speccc lsp` keystroke latency: didChange -> publishDiagnostics for that version, measured by a
 * real client over stdio against `node dist/cli.js lsp`, in workspaces of 1,000 and 10,000 specs.
 * Each keystroke is one character typed (or deleted) in an open spec, and waits for its own
 * diagnostics before the next. Also the server's CPU time per keystroke (from /proc), and the
 * session's update alone in process (CPU time): what a keystroke costs without the waits a busy
 * machine adds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openIncrementalCheck } from '../src/incremental/index.js';
import { startClient } from '../test/lsp/client.js';
import { writeWorkspace } from './generate-workspace.js';
import { bin, median, type BenchResult } from './util.js';

/** BENCH_LSP_SIZES=10000 for one size. */
const SIZES = (process.env.BENCH_LSP_SIZES ?? '1000,10000').split(',').map(Number);
const FILE = 'specs/group-5/feature-512.md';

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;

/** Keystrokes as (offset, inserted text, deleted length) steps over a document, each applied to the previous. */
function typing(text: string, at: string, typed: string, backspaces: number): { offset: number; insert: string; remove: number }[] {
  const start = text.indexOf(at) + at.length;
  const steps = [...typed].map((ch, i) => ({ offset: start + i, insert: ch, remove: 0 }));
  for (let i = 0; i < backspaces; i++) steps.push({ offset: start + typed.length - i - 1, insert: '', remove: 1 });
  return steps;
}

/** A process's resident set now and at its peak, in MB, from /proc (Linux); null elsewhere. */
function memoryOf(pid: number | undefined): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); null elsewhere. */
function cpuOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

interface Series {
  times: number[];
  /** The server's CPU time per keystroke, in ms (null when /proc is not there). */
  cpu: number | null;
}

async function keystrokes(root: string): Promise<{ prose: Series; frontmatter: Series; startup: number; memory: { rss: number; peak: number } | null }> {
  const started = performance.now();
  const client = await startClient(root);
  let text = readFileSync(path.join(root, FILE), 'utf8');
  await client.open(FILE, text);
  const startup = performance.now() - started;
  const run = async (steps: ReturnType<typeof typing>): Promise<Series> => {
    const times: number[] = [];
    const cpuBefore = cpuOf(client.child.pid);
    for (const step of steps) {
      const doc = TextDocument.create('file:///x', 'markdown', 1, text);
      const range = { start: doc.positionAt(step.offset), end: doc.positionAt(step.offset + step.remove) };
      const t0 = performance.now();
      await client.change(FILE, [{ range, text: step.insert }]);
      times.push(performance.now() - t0);
      text = text.slice(0, step.offset) + step.insert + text.slice(step.offset + step.remove);
    }
    const cpuAfter = cpuOf(client.child.pid);
    return { times: times.slice(2), cpu: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / steps.length };
  };
  // Prose: type a rule that turns vague at "fast" (a new warning), then delete back to clean.
  const prose = await run(typing(text, '## Rules\n', '\n- Totals must be fast', 4 + 22));
  // Frontmatter: type a new dependency id, one character at a time (unknown until complete), then delete it.
  const frontmatter = await run(typing(text, 'depends_on: [feature-0502', ', feature-0001', 14));
  const memory = memoryOf(client.child.pid);
  await client.stop();
  return { prose, frontmatter, startup, memory };
}

async function updates(root: string): Promise<{ prose: number; frontmatter: number }> {
  const session = await openIncrementalCheck(root);
  const base = new TextDecoder().decode(session.files().specs.find((f) => f.file === FILE)!.bytes);
  // CPU time, not wall time: the update is synchronous, so this is its cost without the waits a busy machine adds.
  const time = (make: (i: number) => string) => {
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = process.cpuUsage();
      session.update([{ file: FILE, content: make(i) }]);
      const used = process.cpuUsage(t0);
      times.push((used.user + used.system) / 1000);
    }
    return median(times.slice(5));
  };
  return {
    prose: time((i) => base.replace('## Rules\n', `## Rules\n\n- Totals must be ${'fast'.slice(0, i % 5)}\n`)),
    frontmatter: time((i) => base.replace('depends_on: [feature-0502', `depends_on: [feature-0502, ${'feature-0001'.slice(0, i % 13)}`)),
  };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const size of SIZES) {
    const root = mkdtempSync(path.join(tmpdir(), `speccc-bench-lsp-${size}-`));
    try {
      writeWorkspace(root, size);
      // Fill the parse cache, as any earlier check would have.
      const warm = spawnSync(process.execPath, [bin, 'check', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
      if (warm.status !== 0 && warm.status !== 1) throw new Error(`speccc check failed (status ${warm.status}, signal ${warm.signal}, ${warm.error?.message ?? 'no error'}): ${warm.stderr}`);
      const k = await keystrokes(root);
      const u = await updates(root);
      const n = size.toLocaleString('en');
      results.push(
        { name: `lsp: keystroke -> diagnostics, prose, ${n} specs`, value: median(k.prose.times), unit: 'ms', note: `median of ${k.prose.times.length}; p95 ${p95(k.prose.times).toFixed(0)} ms; goal < 20 ms`, row: `lsp: keystroke -> diagnostics (prose), ${n} specs`, tool: 'speccc' },
        { name: `lsp: keystroke -> diagnostics, frontmatter, ${n} specs`, value: median(k.frontmatter.times), unit: 'ms', note: `median of ${k.frontmatter.times.length}; p95 ${p95(k.frontmatter.times).toFixed(0)} ms; goal < 20 ms`, row: `lsp: keystroke -> diagnostics (frontmatter), ${n} specs`, tool: 'speccc' },
        ...(k.prose.cpu !== null && k.frontmatter.cpu !== null
          ? [
              { name: `lsp: server CPU per keystroke, prose, ${n} specs`, value: k.prose.cpu, unit: 'ms', note: 'mean, from /proc' },
              { name: `lsp: server CPU per keystroke, frontmatter, ${n} specs`, value: k.frontmatter.cpu, unit: 'ms', note: 'mean, from /proc' },
            ]
          : []),
        { name: `lsp: session update CPU, prose, ${n} specs`, value: u.prose, unit: 'ms', note: 'median, in process, no transport' },
        { name: `lsp: session update CPU, frontmatter, ${n} specs`, value: u.frontmatter, unit: 'ms', note: 'median, in process, no transport' },
        { name: `lsp: start -> first diagnostics, ${n} specs`, value: k.startup, unit: 'ms', note: 'warm parse cache' },
        ...(k.memory ? [{ name: `lsp: server memory after the keystrokes, ${n} specs`, value: k.memory.rss, unit: 'MB', note: `RSS; peak ${Math.round(k.memory.peak)} MB` }] : []),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return results;
}
