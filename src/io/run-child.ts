/**
 * Runs generated code's checks in a child process that cannot take speccc down or see its
 * secrets: its own process group (a timeout kills every descendant, forks included), a
 * wall-clock limit, captured output capped in bytes, and an environment built from an
 * allowlist — so ANTHROPIC_API_KEY and every other credential of the parent never reach it.
 */
import { spawn } from 'node:child_process';
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

export async function runChild(options: {
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
}): Promise<ChildResult> {
  const ownHome = options.home === undefined ? mkdtempSync(path.join(os.tmpdir(), 'speccc-child-')) : undefined;
  const home = options.home ?? ownHome!;
  const started = Date.now();
  const chunks: Buffer[] = [];
  let kept = 0;
  let dropped = 0;
  let tail: Buffer[] = [];
  let tailBytes = 0;
  const collect = (chunk: Buffer) => {
    if (kept < OUTPUT_CAP_BYTES / 2) {
      chunks.push(chunk);
      kept += chunk.length;
      return;
    }
    dropped += chunk.length;
    tail.push(chunk);
    tailBytes += chunk.length;
    while (tailBytes > OUTPUT_CAP_BYTES / 2 && tail.length > 1) tailBytes -= tail.shift()!.length;
  };
  try {
    return await new Promise<ChildResult>((resolve) => {
      // sh's ulimit -f counts 512-byte blocks; exec keeps the child's pid (and group) the same.
      const blocks = Math.max(1, Math.floor((options.maxFileBytes ?? MAX_FILE_BYTES) / 512));
      const shell = ['/bin/sh', '-c', `ulimit -f ${blocks} && exec "$0" "$@"`, options.command, ...options.args];
      const [file, ...args] = options.wrapper ? [...options.wrapper, ...shell] : shell;
      const child = spawn(file!, args, {
        cwd: options.cwd,
        env: { ...scrubbedEnv(options.parentEnv ?? process.env, home), ...(options.env ?? {}) },
        detached: true, // its own process group, so the whole tree can be killed
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let timedOut = false;
      const killGroup = () => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      };
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup();
      }, options.timeoutMs);
      const onAbort = () => killGroup();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ exitCode: null, signal: null, timedOut: false, output: `could not start ${options.command}: ${error.message}`, durationMs: Date.now() - started });
      });
      child.on('close', (exitCode, signal) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        killGroup(); // grandchildren that outlived their parent go too
        const head = Buffer.concat(chunks).toString('utf8');
        const end = Buffer.concat(tail).toString('utf8');
        const skipped = dropped - Buffer.concat(tail).length;
        const output = skipped > 0 ? `${head}\n… ${skipped} bytes of output omitted …\n${end}` : head + end;
        resolve({ exitCode, signal, timedOut, output, durationMs: Date.now() - started });
      });
    });
  } finally {
    if (ownHome) rmSync(ownHome, { recursive: true, force: true });
  }
}
