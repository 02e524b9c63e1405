/**
 * The warm test runner for visible validation: a spare vitest process, started in a sealed
 * sandbox of its own before its job is known, that loads vitest's code (most of a cold
 * `vitest run`) while it waits, then runs exactly one job's `vitest run` with vitest's own CLI
 * and is thrown away with its sandbox; the next spare starts when that job is done.
 *
 * Why one sandbox per job and not one long-lived vitest serving every job: a job's tests could
 * then leave a process running, or files in the sandbox's /tmp, or a change in the long-lived
 * process, for the next job to meet, and a nested sandbox per job cannot have a /proc of its own
 * inside bubblewrap's (the kernel refuses the mount), so it could not run what a cold run runs.
 * A spare shares nothing: its namespaces, /tmp, scratch folder and processes are its job's alone,
 * as in a cold run (src/io/sealed-runner.ts); only the time to load the toolchain is paid early.
 *
 * A spare is also given the vitest config the coming job will name (the last job's, or the one
 * the validator announces with `prestart`: speccc's own, the same for every job) and makes the
 * vitest instance for it while it waits; the job runs on that instance when fitsPrepared says it
 * may, else through vitest's CLI in the same spare. A build prestarts a spare as it asks an agent
 * for files, so it loads while the agent works.
 *
 * A prepared spare also starts the process vitest's forks pool runs the test files in, launched as
 * the pool would launch it; the pool takes it only when its own launch would be exactly the same,
 * and the spare then says `forked`. That halves a warm run again (docs/performance.md).
 *
 * The spare script is assets/vitest-spare/spare.mjs, mounted read-only. It says `ready` on fd 3
 * when loaded and `started` when it has its job; a spare that stops before `started`, a run past
 * its time limit, or an exit code vitest does not give (0: passed, 1: failed) is a warm-runner
 * failure: `run` answers null, the spare is killed, and the caller runs the job cold. The next
 * job gets a new spare; after MAX_WARM_FAILURES failures in a row no more are started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SealedCommand, SealedResult, Toolchain } from '../types/index.js';
import { CappedOutput, MAX_FILE_BYTES, scrubbedEnv } from './run-child.js';
import { assetPath } from './package-files.js';
import { HOSTS, writeTree } from './scratch-tree.js';
import { ownedTempSync } from './owned-temp.js';

/** The spare script on the host (shipped in assets/, like the type-check server). */
export const spareScript = (): string => assetPath('vitest-spare', 'spare.mjs');
/** Where the script appears inside the sandbox. */
const SCRIPT_INSIDE = '/tmp/.speccc-vitest-spare.mjs';
/** A spare idle this long stops (it holds vitest's loaded code, ~100 MB); the next run starts another. */
export const SPARE_IDLE_STOP_MS = 20_000;

export interface SpareOptions {
  toolchain: Toolchain;
  parentEnv: NodeJS.ProcessEnv;
  maxFileBytes?: number;
  /** The sandbox's argv up to `--` for a scratch folder, its /etc/hosts and extra read-only mounts. */
  wrapper: (scratch: string, hosts: string, mounts: readonly string[]) => readonly string[];
  idleStopMs?: number;
}

export interface VitestSpares {
  /** Runs one `node vitest.mjs ...` command warm; null when the warm runner failed (run it cold). */
  run(command: SealedCommand, reports: (scratch: string) => Promise<Map<string, string>>): Promise<SealedResult | null>;
  /** Starts a spare if none is waiting; resolves true once one is loaded, false if it stopped. */
  ready(): Promise<boolean>;
  /** Starts a spare if none is waiting, and returns at once (it loads while an agent works); `expected`: the config coming jobs will name, if no job has named one yet. */
  prestart(expected?: PreparedConfig): void;
  close(): void;
}

/** One spare: its process, its host folder (scratch tree and hosts file), and what it said on fd 3. */
interface Spare {
  child: ChildProcess;
  base: string;
  scratch: string;
  said: Set<string>;
  /** Called on each word the spare says, and with null when it stops. */
  listeners: Set<(word: string | null) => void>;
  exit: Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>;
  gone: boolean;
  output: CappedOutput | null;
  idleTimer: NodeJS.Timeout | null;
  /** The config file the spare made its vitest instance for, in its folder before it started. */
  prepared: PreparedConfig | null;
}

/** speccc's own vitest config (a root-level file of every staged tree): its name and content. */
export interface PreparedConfig {
  name: string;
  content: string;
}

/** After this many warm failures in a row the warm runner is dropped: each would cost a spare and then the cold run. */
export const MAX_WARM_FAILURES = 3;

export function createVitestSpares(options: SpareOptions): VitestSpares {
  let waiting: Spare | null = null;
  let busy = false;
  let failures = 0;
  // The last job's config: the next spare prepares its vitest instance for it (the config is speccc's own, the same for every job).
  let config: PreparedConfig | null = null;
  const take = (): Spare => {
    const spare = waiting && !waiting.gone ? waiting : startSpare(options, null);
    waiting = null;
    return spare;
  };
  return {
    async run(command, reports) {
      // One job at a time is warm; another arriving meanwhile runs cold (it loses nothing).
      if (busy || failures >= MAX_WARM_FAILURES) return null;
      busy = true;
      config = configOf(command) ?? config;
      let result: SealedResult | null = null;
      try {
        result = await runOnSpare(take(), command, reports);
      } catch {
        result = null; // no spare could be started: the cold run
      }
      failures = result ? 0 : failures + 1;
      busy = false;
      // The next spare loads after this job, not during it: the job has the CPU to itself.
      if (!waiting && failures < MAX_WARM_FAILURES) waiting = trySpare(options, config);
      return result;
    },
    async ready() {
      if (failures >= MAX_WARM_FAILURES) return false;
      if (!waiting || waiting.gone) waiting = trySpare(options, config);
      const spare = waiting;
      if (!spare) return false;
      // Someone waits on it: it keeps speccc running until it is loaded.
      idle(spare, false);
      const loaded = (await until(spare, 'ready')) === 'ready';
      if (waiting === spare && !spare.gone) idle(spare, true, options.idleStopMs);
      return loaded;
    },
    prestart(expected) {
      config ??= expected ?? null;
      if (failures < MAX_WARM_FAILURES && !busy && (!waiting || waiting.gone)) waiting = trySpare(options, config);
    },
    close() {
      if (waiting) discard(waiting);
      waiting = null;
    },
  };
}

/** A new spare, or null if none could be started (no temporary folder, no process). */
function trySpare(options: SpareOptions, prepared: PreparedConfig | null): Spare | null {
  try {
    return startSpare(options, prepared);
  } catch {
    return null;
  }
}

/** All spares of this process, removed (processes and folders) when speccc exits. */
const live = new Set<Spare>();
let exitHook = false;

function startSpare(options: SpareOptions, prepared: PreparedConfig | null): Spare {
  const base = ownedTempSync('speccc-spare-');
  const scratch = path.join(base, 'tree');
  const hosts = path.join(base, 'hosts');
  mkdirSync(scratch);
  writeFileSync(hosts, HOSTS);
  if (prepared) writeFileSync(path.join(scratch, prepared.name), prepared.content);
  const blocks = Math.max(1, Math.floor((options.maxFileBytes ?? MAX_FILE_BYTES) / 512));
  const shell = ['/bin/sh', '-c', `ulimit -f ${blocks} && exec "$0" "$@"`, options.toolchain.node, SCRIPT_INSIDE, options.toolchain.vitestDir, ...(prepared ? [prepared.name] : [])];
  const argv = [...options.wrapper(scratch, hosts, ['--ro-bind', spareScript(), SCRIPT_INSIDE]), ...shell];
  // The environment and HOME of a cold sealed run (run-child.ts): the sandbox's own /tmp.
  const child = spawn(argv[0]!, argv.slice(1), { cwd: scratch, env: scrubbedEnv(options.parentEnv, '/tmp'), detached: true, stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  const spare: Spare = { child, base, scratch, said: new Set(), listeners: new Set(), exit: Promise.resolve({ exitCode: null, signal: null }), gone: false, output: prepared ? new CappedOutput() : null, idleTimer: null, prepared };
  spare.exit = new Promise((resolve) => {
    child.on('error', () => resolve({ exitCode: null, signal: null }));
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal }));
  });
  void spare.exit.then(() => {
    spare.gone = true;
    for (const listener of spare.listeners) listener(null);
  });
  let control = '';
  child.stdio[3]!.on('data', (chunk: Buffer) => {
    control += chunk.toString('utf8');
    // The spare says three short words at most; anything longer is not the spare script talking.
    if (control.length > 64) {
      control = '';
      discard(spare);
      return;
    }
    for (let newline = control.indexOf('\n'); newline >= 0; newline = control.indexOf('\n')) {
      const word = control.slice(0, newline);
      control = control.slice(newline + 1);
      spare.said.add(word);
      for (const listener of spare.listeners) listener(word);
    }
  });
  // A prepared spare's output counts from its start (creating the instance is part of the run, as
  // in the CLI); an unprepared one's from the job's request (loading modules prints nothing of the job's).
  child.stdout!.on('data', (chunk: Buffer) => spare.output?.add(chunk));
  child.stderr!.on('data', (chunk: Buffer) => spare.output?.add(chunk));
  child.stdin!.on('error', () => {}); // a spare that died is seen by 'close'
  live.add(spare);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => [...live].forEach(discard));
  }
  idle(spare, true, options.idleStopMs ?? SPARE_IDLE_STOP_MS);
  return spare;
}

/** A waiting spare keeps speccc from exiting no longer, and stops after a while. */
function idle(spare: Spare, isIdle: boolean, stopMs = SPARE_IDLE_STOP_MS): void {
  for (const handle of [spare.child, spare.child.stdin, spare.child.stdout, spare.child.stderr, spare.child.stdio[3]] as ({ ref?: () => void; unref?: () => void } | null)[]) {
    if (isIdle) handle?.unref?.();
    else handle?.ref?.();
  }
  if (spare.idleTimer) clearTimeout(spare.idleTimer);
  spare.idleTimer = isIdle ? setTimeout(() => discard(spare), stopMs) : null;
  spare.idleTimer?.unref();
}

/** Kills a spare's whole process group (its sandbox and everything in it) and removes its folder. */
function discard(spare: Spare): void {
  spare.gone = true; // at once: a spare being killed is never handed a job
  if (spare.idleTimer) clearTimeout(spare.idleTimer);
  try {
    if (spare.child.pid) process.kill(-spare.child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  live.delete(spare);
  try {
    rmSync(spare.base, { recursive: true, force: true });
  } catch {
    // Its last processes were still writing as they died: try once more when they are gone.
    setTimeout(() => {
      try {
        rmSync(spare.base, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // left to the system's temporary-folder cleaning, as a killed cold run's would be
      }
    }, 1_000).unref();
  }
}

/** Resolves with `word` once the spare has said it, or null if it stops first. */
function until(spare: Spare, word: string): Promise<string | null> {
  if (spare.said.has(word)) return Promise.resolve(word);
  if (spare.gone) return Promise.resolve(null);
  return new Promise((resolve) => {
    const listener = (said: string | null) => {
      if (said !== null && said !== word) return;
      spare.listeners.delete(listener);
      resolve(said);
    };
    spare.listeners.add(listener);
  });
}

/** The job's run on one spare; null for a warm-runner failure. The spare is discarded either way. */
async function runOnSpare(spare: Spare, command: SealedCommand, reports: (scratch: string) => Promise<Map<string, string>>): Promise<SealedResult | null> {
  const started = Date.now();
  idle(spare, false);
  try {
    if (spare.gone) return null;
    await writeTree(spare.scratch, command.files);
    const prepared = fitsPrepared(spare.prepared, command);
    if (!prepared) spare.output = new CappedOutput();
    const { timedOut, cancelled } = await limited(spare, command, prepared);
    if (timedOut) return null;
    const { exitCode, signal } = await spare.exit;
    const output = spare.output!.text();
    if (cancelled) return { exitCode, signal, timedOut: false, output, durationMs: Date.now() - started, collected: new Map() };
    // Vitest's CLI exits 0 or 1; anything else (a signal, another code, no `started`) is the warm runner's failure.
    if (!spare.said.has('started') || (exitCode !== 0 && exitCode !== 1)) return null;
    return { exitCode, signal, timedOut: false, output, durationMs: Date.now() - started, collected: await reports(spare.scratch), warm: !prepared ? 'loaded' : spare.said.has('forked') ? 'forked' : 'prepared' };
  } catch {
    return null;
  } finally {
    discard(spare);
  }
}

/** Sends the job's command and waits for the spare to exit, killing it at the time limit or on cancellation. */
async function limited(spare: Spare, command: SealedCommand, prepared: boolean): Promise<{ timedOut: boolean; cancelled: boolean }> {
  let timedOut = false;
  let cancelled = false;
  const kill = () => {
    try {
      if (spare.child.pid) process.kill(-spare.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, command.timeoutMs);
  const onAbort = () => {
    cancelled = true;
    kill();
  };
  if (command.signal.aborted) onAbort();
  command.signal.addEventListener('abort', onAbort, { once: true });
  spare.child.stdin!.end(JSON.stringify({ args: command.argv.slice(2), prepared }) + '\n');
  await spare.exit;
  clearTimeout(timer);
  command.signal.removeEventListener('abort', onAbort);
  return { timedOut, cancelled };
}

/** The config of a `node vitest.mjs run <test files> --config <file>` command whose config is in its tree. */
function configOf(command: SealedCommand): PreparedConfig | null {
  const args = command.argv.slice(2);
  const name = args.at(-1);
  if (args[0] !== 'run' || args.at(-2) !== '--config' || !name || name.includes('/')) return null;
  const files = args.slice(1, -2);
  // Test files only, named as vitest's CLI would leave them: no options, no `file:line` filters, no backslashes.
  if (files.length === 0 || files.some((f) => f.startsWith('-') || /[:\\]/.test(f))) return null;
  const content = command.files.get(name);
  return content === undefined ? null : { name, content };
}

/**
 * Whether a job may run on its spare's prepared instance: its command is one configOf reads, with
 * the config the spare prepared, and its tree has no root-level file but speccc's own (vite reads
 * a root's package.json, .env files and the like while the instance is made; such a job runs
 * through the CLI in its spare, which makes its own).
 */
function fitsPrepared(prepared: PreparedConfig | null, command: SealedCommand): boolean {
  const config = configOf(command);
  if (!prepared || !config || config.name !== prepared.name || config.content !== prepared.content) return false;
  return [...command.files.keys()].every((file) => file.includes('/') || file.startsWith('.speccc-'));
}
