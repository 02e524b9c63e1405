import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
  /** A row of the summary `npm run bench` prints at the end, where speccc's and OpenSpec's figures meet. */
  row?: string;
  /** Whose figure this is in that row. */
  tool?: 'speccc' | 'openspec';
}

export const repo = path.resolve(import.meta.dirname, '..');

/**
 * The environment of every measured process. NODE_EXTRA_CA_CERTS is cleared: it makes each Node
 * process parse a certificate bundle as it starts (about 40 ms on the machines these figures come
 * from, where it is set for a proxy), which is neither speccc's nor OpenSpec's time.
 */
export function benchEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
export const bin = path.join(repo, 'dist/cli.js');

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall time of one whole `speccc` process, in milliseconds. */
export function timeProcess(args: string[], cwd: string, script = bin): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: benchEnv() });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`speccc ${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

export interface ProcessRun {
  /** Wall time, ms. */
  ms: number;
  /** CPU time of every thread of the process, ms. */
  cpuMs: number;
  /** Peak resident set, MiB. */
  maxRssMb: number;
}

/**
 * On a shared machine, BENCH_MAX_LOAD=n waits (up to 20 minutes) until the 1-minute load average
 * is below n before each measured run, so that figures are taken in the quiet moments.
 */
export function waitForQuiet(): void {
  const max = Number(process.env.BENCH_MAX_LOAD);
  if (!max || !existsSync('/proc/loadavg')) return;
  const until = Date.now() + 20 * 60_000;
  while (Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]) >= max && Date.now() < until) spawnSync('sleep', ['5']);
}

/** One whole node process (a script and its arguments) with its wall time, CPU time and peak memory. */
export function measureProcess(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, okCodes = [0, 1]): ProcessRun {
  waitForQuiet();
  const dir = mkdtempSync(path.join(tmpdir(), 'speccc-bench-usage-'));
  const usageFile = path.join(dir, 'usage.json');
  try {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['--import', path.join(import.meta.dirname, 'usage.mjs'), script, ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: benchEnv({ ...env, SPECCC_BENCH_USAGE: usageFile }),
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!okCodes.includes(run.status ?? -1)) throw new Error(`${path.basename(script)} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
    return { ms, ...(JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssMb: number }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `speccc <args>` measured as measureProcess does. */
export const measureSpeccc = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => measureProcess(bin, args, cwd, env);

/** Medians of each figure over several runs. */
export function medians(runs: ProcessRun[]): ProcessRun {
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), maxRssMb: median(runs.map((r) => r.maxRssMb)) };
}
