/**
 * Runs generated code's checks in a child process that cannot take speccc down or see its
 * secrets: its own process group (a timeout kills every descendant, forks included), a
 * wall-clock limit, captured output capped in bytes, and an environment built from an
 * allowlist — so ANTHROPIC_API_KEY and every other credential of the parent never reach it.
 */
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Variables a test run may see; everything else in the parent's environment is dropped. */
const ALLOWED_ENV = ['PATH', 'LANG', 'LC_ALL', 'TZ', 'TERM', 'SYSTEMROOT'];
/** Output kept per stream: the head and the tail, where compilers and test runners put what matters. */
export const OUTPUT_CAP_BYTES = 256 * 1024;
/** The largest file a check may write: `ulimit -f`, so a test that fills the disk is stopped by the kernel (SIGXFSZ). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface ChildResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
  durationMs: number;
}

export function scrubbedEnv(parent: NodeJS.ProcessEnv, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ALLOWED_ENV) if (parent[key] !== undefined) env[key] = parent[key];
  return { ...env, HOME: home, TMPDIR: home, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', NODE_ENV: 'test' };
}

export interface ChildOptions {
  command: string;
  args: string[];
  cwd: string;
  timeoutMs: number;
  signal?: AbortSignal;
  parentEnv?: NodeJS.ProcessEnv;
  maxFileBytes?: number;
  /** A wrapper the command runs inside (the OS sandbox's argv, ending with `--`). */
  wrapper?: readonly string[];
  /** HOME and TMPDIR as the child sees them (default: a fresh folder on the host, removed afterwards). */
  home?: string;
  /** Variables speccc itself gives the child (never the parent's: those pass the allowlist only). */
  env?: Readonly<Record<string, string>>;
}

export async function runChild(options: ChildOptions): Promise<ChildResult> {
  const ownHome = options.home === undefined ? mkdtempSync(path.join(os.tmpdir(), 'speccc-child-')) : undefined;
  const home = options.home ?? ownHome!;
  const started = Date.now();
  try {
    const [file, ...args] = childArgv(options);
    const child = spawn(file!, args, {
      cwd: options.cwd,
      env: { ...scrubbedEnv(options.parentEnv ?? process.env, home), ...(options.env ?? {}) },
      detached: true, // its own process group, so the whole tree can be killed
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return await untilClosed(child, options, started);
  } finally {
    if (ownHome) rmSync(ownHome, { recursive: true, force: true });
  }
}

/** The command under a file-size limit (sh's ulimit -f counts 512-byte blocks; exec keeps the child's pid, and group, the same), inside the wrapper if any. */
function childArgv(options: ChildOptions): string[] {
  const blocks = Math.max(1, Math.floor((options.maxFileBytes ?? MAX_FILE_BYTES) / 512));
  const shell = ['/bin/sh', '-c', `ulimit -f ${blocks} && exec "$0" "$@"`, options.command, ...options.args];
  return options.wrapper ? [...options.wrapper, ...shell] : shell;
}

/** Kills the child's whole process group. */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Collects the child's output until it closes, killing its group at the time limit or on abort (and at the end: grandchildren that outlived it go too). */
function untilClosed(child: ChildProcessByStdio<null, Readable, Readable>, options: ChildOptions, started: number): Promise<ChildResult> {
  return new Promise<ChildResult>((resolve) => {
    const output = new CappedOutput();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, options.timeoutMs);
    const onAbort = () => killGroup(child);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => output.add(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.add(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, signal: null, timedOut: false, output: `could not start ${options.command}: ${error.message}`, durationMs: Date.now() - started });
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      killGroup(child);
      resolve({ exitCode, signal, timedOut, output: output.text(), durationMs: Date.now() - started });
    });
  });
}

/**
 * Output kept within a cap (bytes): the first half of the cap from the start, and at least the
 * last half from the end (whole chunks), with a line saying how many bytes between were dropped.
 */
export class CappedOutput {
  private readonly half: number;
  private readonly head: Buffer[] = [];
  private kept = 0;
  /** Bytes past the head, the tail's included. */
  private dropped = 0;
  private readonly tail: Buffer[] = [];
  private tailBytes = 0;

  constructor(capBytes = OUTPUT_CAP_BYTES) {
    this.half = capBytes / 2;
  }

  add(chunk: Buffer): void {
    if (this.kept < this.half) {
      this.head.push(chunk);
      this.kept += chunk.length;
      return;
    }
    this.dropped += chunk.length;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tailBytes > this.half && this.tail.length > 1) this.tailBytes -= this.tail.shift()!.length;
  }

  text(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail);
    const skipped = this.dropped - tail.length;
    return skipped > 0 ? `${head}\n… ${skipped} bytes of output omitted …\n${tail.toString('utf8')}` : head + tail.toString('utf8');
  }
}
