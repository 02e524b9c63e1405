import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export const repo = path.resolve(import.meta.dirname, '..');
export const bin = path.join(repo, 'dist/cli.js');

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall time of one whole `speccc` process, in milliseconds. */
export function timeProcess(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`speccc ${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}
