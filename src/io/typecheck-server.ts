/**
 * The type-check server's host side: one long-lived process (per speccc process and sandbox
 * mode: src/io/sealed-runner.ts shares it between runners) that type-checks staged trees inside the same sandbox as every other check of
 * generated code, keeping the parsed toolchain declarations (TypeScript's lib files,
 * @types/node, vitest's types) between trees. A cold `tsc` spends most of its second parsing
 * those; a warm server checks a small tree in a few hundred milliseconds
 * (docs/performance.md, "The sandbox").
 *
 * The server script is assets/typecheck/server.mjs, mounted read-only into the sandbox. Requests
 * go one at a time; a request that times out or is cancelled kills the server (its whole process
 * group), and the next request starts a fresh one. What the server answers is untrusted like any
 * output of a sealed run: a malformed or oversized answer is a crash, never parsed further.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FileTree, SealedResult, Toolchain } from '../types/index.js';
import { MAX_FILE_BYTES, OUTPUT_CAP_BYTES, scrubbedEnv } from './run-child.js';
import { assetPath } from './package-files.js';

/** The server script on the host (shipped in assets/, like the templates). */
export const typecheckServerScript = (): string => assetPath('typecheck', 'server.mjs');
/** Where the script appears inside the sandbox. */
const SCRIPT_INSIDE = '/tmp/.speccc-typecheck-server.mjs';
/** An answer longer than this is not a type-checker's: the server is treated as crashed. */
const MAX_ANSWER_BYTES = 4 * OUTPUT_CAP_BYTES;
/** A server idle this long stops (its parsed declarations hold ~150 MB); the next check starts another. */
export const IDLE_STOP_MS = 20_000;

export interface TypecheckRequest {
  files: FileTree;
  /** The tsconfig inside `files` to check with (`tsc -p <config>`). */
  config: string;
  timeoutMs: number;
  signal: AbortSignal;
}

export interface TypecheckServer {
  check(request: TypecheckRequest): Promise<SealedResult>;
  /** Stops the server process, if one is running. */
  close(): void;
}

interface Running {
  child: ChildProcess;
  /** Lines not yet consumed, and the bytes of the line being read. */
  pending: string;
  waiter: ((line: string | null) => void) | null;
  stderr: string;
  idleTimer: NodeJS.Timeout | null;
}

export interface TypecheckServerOptions {
  toolchain: Toolchain;
  parentEnv: NodeJS.ProcessEnv;
  /** The sandbox's argv up to `--`, given the mount that makes the script visible; null when the sandbox is off. */
  wrapper: ((scriptMount: readonly string[]) => readonly string[]) | null;
  /** HOME and TMPDIR of the server (inside the sandbox: its own /tmp). */
  home: string;
  idleStopMs?: number;
}

/** One server's state between requests: the process (when one runs), the queue requests wait in, the next request id. */
interface ServerState {
  readonly options: TypecheckServerOptions;
  running: Running | null;
  queue: Promise<unknown>;
  nextId: number;
}

export function createTypecheckServer(options: TypecheckServerOptions): TypecheckServer {
  const state: ServerState = { options, running: null, queue: Promise.resolve(), nextId: 0 };
  return {
    check(request) {
      // One request at a time: the server reads one line and answers one line.
      const turn = state.queue.then(() => checkNow(state, request));
      state.queue = turn.catch(() => {});
      return turn;
    },
    close() {
      if (state.running) {
        if (state.running.idleTimer) clearTimeout(state.running.idleTimer);
        kill(state.running);
      }
      state.running = null;
    },
  };
}

/** Kills the server's whole process group (the sandbox and everything in it). */
function kill(r: Running): void {
  try {
    if (r.child.pid) process.kill(-r.child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Forgets `r` if it is still the running server (the next request starts another). */
function forget(state: ServerState, r: Running): void {
  if (state.running === r) state.running = null;
}

/** Marks the server busy, or idle: an idle server keeps speccc from exiting no longer, and stops after a while. */
function setIdle(state: ServerState, r: Running, isIdle: boolean): void {
  // An idle server must not keep speccc alive: the CLI exits when its work is done.
  for (const handle of [r.child, r.child.stdin, r.child.stdout, r.child.stderr] as ({ ref?: () => void; unref?: () => void } | null)[]) {
    if (isIdle) handle?.unref?.();
    else handle?.ref?.();
  }
  if (r.idleTimer) clearTimeout(r.idleTimer);
  r.idleTimer = null;
  if (isIdle) {
    r.idleTimer = setTimeout(() => {
      kill(r);
      forget(state, r);
    }, state.options.idleStopMs ?? IDLE_STOP_MS);
    r.idleTimer.unref();
  }
}

/** The server's argv: node running the script under a file-size limit, inside the sandbox when there is one. */
function serverArgv(options: TypecheckServerOptions): string[] {
  const onHost = typecheckServerScript();
  const script = options.wrapper ? SCRIPT_INSIDE : onHost;
  const blocks = Math.max(1, Math.floor(MAX_FILE_BYTES / 512));
  const shell = ['/bin/sh', '-c', `ulimit -f ${blocks} && exec "$0" "$@"`, options.toolchain.node, script, options.toolchain.tsc];
  return options.wrapper ? [...options.wrapper(['--ro-bind', onHost, SCRIPT_INSIDE]), ...shell] : shell;
}

function start(state: ServerState): Running {
  const { options } = state;
  const argv = serverArgv(options);
  const child = spawn(argv[0]!, argv.slice(1), { env: scrubbedEnv(options.parentEnv, options.home), detached: true, stdio: ['pipe', 'pipe', 'pipe'], cwd: options.home });
  const r: Running = { child, pending: '', waiter: null, stderr: '', idleTimer: null };
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => readAnswer(r, chunk));
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    if (r.stderr.length < OUTPUT_CAP_BYTES) r.stderr += chunk;
  });
  const gone = () => {
    forget(state, r);
    r.waiter?.(null);
  };
  child.on('error', (error) => {
    r.stderr += `could not start the type-check server: ${error.message}\n`;
    gone();
  });
  child.on('close', gone);
  child.stdin!.on('error', () => {}); // a server that died mid-write is seen by 'close'
  return r;
}

/** Hands the waiting request the first complete line; an answer that grows past its cap is a crash. */
function readAnswer(r: Running, chunk: string): void {
  r.pending += chunk;
  const newline = r.pending.indexOf('\n');
  if (newline >= 0) {
    const line = r.pending.slice(0, newline);
    r.pending = r.pending.slice(newline + 1);
    r.waiter?.(line);
  } else if (r.pending.length > MAX_ANSWER_BYTES) {
    r.pending = '';
    r.waiter?.(null);
    kill(r);
  }
}

/** Sends one request and waits for its line (null: the server stopped), killing the server on time-out or cancellation. */
async function ask(r: Running, request: TypecheckRequest, id: number): Promise<{ line: string | null; timedOut: boolean }> {
  const answer = new Promise<string | null>((resolve) => (r.waiter = resolve));
  r.child.stdin!.write(JSON.stringify({ id, config: request.config, files: [...request.files] }) + '\n');
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    kill(r);
  }, request.timeoutMs);
  const onAbort = () => kill(r);
  request.signal.addEventListener('abort', onAbort, { once: true });
  const line = await answer;
  clearTimeout(timer);
  request.signal.removeEventListener('abort', onAbort);
  r.waiter = null;
  return { line, timedOut };
}

async function checkNow(state: ServerState, request: TypecheckRequest): Promise<SealedResult> {
  const started = Date.now();
  const result = (partial: Partial<SealedResult>): SealedResult => ({ exitCode: null, signal: null, timedOut: false, output: '', durationMs: Date.now() - started, collected: new Map(), ...partial });
  if (request.signal.aborted) return result({ output: 'cancelled' });
  const r = (state.running ??= start(state));
  setIdle(state, r, false);
  const id = state.nextId++;
  const { line, timedOut } = await ask(r, request, id);
  if (line === null || timedOut) {
    kill(r);
    forget(state, r);
    const refused = /^bwrap: /m.test(r.stderr) ? r.stderr.split('\n').find((l) => l.startsWith('bwrap: ')) : undefined;
    return result({ timedOut, signal: timedOut ? 'SIGKILL' : null, output: r.stderr || (timedOut ? '' : 'the type-check server stopped'), ...(refused ? { refused } : {}) });
  }
  setIdle(state, r, true);
  const parsed = parseAnswer(line, id);
  if (!parsed) {
    kill(r);
    forget(state, r);
    return result({ output: 'the type-check server gave an answer that is not one' });
  }
  return result({ exitCode: parsed.exitCode, output: parsed.output });
}

function parseAnswer(line: string, id: number): { exitCode: number | null; output: string } | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const { id: got, exitCode, output } = value as Record<string, unknown>;
  if (got !== id || typeof output !== 'string' || !(exitCode === null || (typeof exitCode === 'number' && Number.isInteger(exitCode)))) return null;
  return { exitCode, output: output.length > OUTPUT_CAP_BYTES ? `${output.slice(0, OUTPUT_CAP_BYTES)}\n… output cut …\n` : output };
}
