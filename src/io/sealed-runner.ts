/**
 * Generated code is untrusted: every run of it (type-check, its own tests, holdout checks,
 * verify) goes through this runner. Each run gets a fresh scratch copy of the tree, which is
 * deleted afterwards, and runs inside bubblewrap (Linux namespaces):
 *
 * - no network (its own, empty network namespace), its own PID namespace (no view of speccc's
 *   /proc, so no way to read its environment), its own IPC and UTS namespaces;
 * - a read-only view of the system (/usr and its symlinks), the node binary and speccc's
 *   toolchain (the node_modules folders holding typescript, vitest and Stryker), nothing else of
 *   the host: not the workspace, not the scenarios folder, not $HOME; links the caller asks for
 *   (SealedCommand.links) may only point into that toolchain;
 * - writes only inside the scratch copy and a tmpfs /tmp, both thrown away;
 * - an environment built from an allowlist (run-child.ts), killed with speccc
 *   (--die-with-parent) and at its time limit with every process it forked;
 * - service twins the command needs (`twins`) start inside the same sandbox, in front of it, on
 *   loopback: the only thing the code under test can reach (service-twins/).
 *
 * `validation.sandbox: "off"` is the documented opt-out: the same scratch copy and scrubbed
 * environment, but no namespaces. Callers warn about it on every run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { SandboxMode, SealedCommand, SealedResult, SealedRunner, Toolchain } from '../types/index.js';
import { judgeRun } from './judge-run.js';
import { HOSTS, writeTree } from './scratch-tree.js';
import { runChild, scrubbedEnv } from './run-child.js';
import { createTypecheckServer, type TypecheckServer } from './typecheck-server.js';
import { ownedTemp } from './owned-temp.js';
import { prepareTwinRun } from './service-twins/index.js';
import { createVitestSpares, type VitestSpares } from './vitest-spare.js';

export class SandboxUnavailableError extends Error {}

const require = createRequire(import.meta.url);

/** speccc's own tools, so a staged tree needs nothing installed. */
export function resolveToolchain(): Toolchain {
  const vitestDir = path.dirname(require.resolve('vitest/package.json'));
  let typeRoot: string | undefined;
  try {
    typeRoot = path.dirname(path.dirname(require.resolve('@types/node/package.json')));
  } catch {
    // node's types are not installed: generated code type-checks without them
  }
  return {
    node: process.execPath,
    tsc: require.resolve('typescript/bin/tsc'),
    vitest: path.join(vitestDir, 'vitest.mjs'),
    vitestDir,
    stryker: strykerBin(),
    ...(typeRoot ? { typeRoot } : {}),
    ...fastCheck(),
  };
}

/** @stryker-mutator/core's bin, or undefined when it is not installed (mutation testing is then unavailable). */
function strykerBin(): string | undefined {
  try {
    const core = require.resolve('@stryker-mutator/core/package.json');
    const bin = (require(core) as { bin: { stryker: string } }).bin.stryker;
    return path.join(path.dirname(core), bin);
  } catch {
    return undefined;
  }
}

/** fast-check's folder: a dependency of speccc (the judge runs property holdouts with it); absent only in a broken install. */
function fastCheck(): { fastCheckDir?: string } {
  try {
    return { fastCheckDir: path.dirname(require.resolve('fast-check/package.json')) };
  } catch {
    return {};
  }
}

/** The folders a sealed run sees read-only besides the system: the node installation and the toolchain's node_modules. */
function toolchainDirs(toolchain: Toolchain): string[] {
  const tools = [toolchain.tsc, toolchain.vitestDir, ...(toolchain.typeRoot ? [toolchain.typeRoot] : []), ...(toolchain.stryker ? [toolchain.stryker] : []), ...(toolchain.fastCheckDir ? [path.join(toolchain.fastCheckDir, 'package.json')] : [])];
  return [path.dirname(path.dirname(realpathOrSelf(toolchain.node))), ...tools.map((t) => nodeModulesOf(realpathOrSelf(t)))];
}

/** The folder named node_modules that holds a resolved file: mounted whole, since a package's dependencies sit beside it. */
function nodeModulesOf(file: string): string {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  return at > 0 ? parts.slice(0, at + 1).join(path.sep) : path.dirname(file);
}

/** Read-only mounts: the system, the node installation, the toolchain. */
function systemMounts(toolchain: Toolchain): string[] {
  const args: string[] = ['--ro-bind', '/usr', '/usr'];
  // Debian and Ubuntu link /bin, /lib, … into /usr; other systems have real folders.
  for (const top of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    if (!existsSync(top)) continue;
    const st = lstatSync(top);
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(top), top);
    else if (st.isDirectory()) args.push('--ro-bind', top, top);
  }
  const mounted = new Set(['/usr']);
  const add = (dir: string) => {
    if ([...mounted].some((m) => dir === m || dir.startsWith(`${m}/`))) return;
    mounted.add(dir);
    args.push('--ro-bind', dir, dir);
  };
  // node outside /usr (nvm, volta, a tarball): its installation prefix; then each tool's node_modules.
  for (const dir of toolchainDirs(toolchain)) add(dir);
  return args;
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function bwrapArgs(toolchain: Toolchain, scratch: string, hosts?: string, shared: readonly string[] = [], mounts: readonly string[] = []): string[] {
  return [...sealed(toolchain), ...(hosts ? ['--ro-bind', hosts, '/etc/hosts'] : []), '--bind', scratch, scratch, ...shared.flatMap((dir) => ['--bind', dir, dir]), ...mounts, '--chdir', scratch, '--'];
}

/** The sandbox every check of generated code runs in, before its own mounts. */
function sealed(toolchain: Toolchain): string[] {
  return [
    'bwrap',
    '--unshare-all', // user, pid, net, ipc, uts, cgroup: no network, no view of other processes
    '--die-with-parent',
    '--new-session', // no TIOCSTI into speccc's terminal
    // /tmp first: a toolchain or scratch folder under /tmp is then mounted on top of it, not hidden by it.
    '--tmpfs', '/tmp',
    '--proc', '/proc',
    '--dev', '/dev',
    ...systemMounts(toolchain),
  ];
}

let probed: { ok: true } | { ok: false; why: string } | undefined;

/** Whether bubblewrap is installed and may create namespaces here (some kernels and AppArmor profiles forbid it). */
export function probeBubblewrap(toolchain: Toolchain = resolveToolchain()): { ok: true } | { ok: false; why: string } {
  if (probed) return probed;
  if (process.platform !== 'linux') {
    probed = { ok: false, why: `speccc's sandbox uses bubblewrap, which needs Linux (this is ${process.platform}); build in a Linux machine or container` };
    return probed;
  }
  try {
    execFileSync('bwrap', ['--version'], { stdio: 'ignore' });
  } catch {
    probed = { ok: false, why: 'bubblewrap is not installed; install it with `sudo apt-get install bubblewrap` (Debian, Ubuntu) or `sudo dnf install bubblewrap` (Fedora)' };
    return probed;
  }
  const scratch = os.tmpdir();
  try {
    execFileSync(bwrapArgs(toolchain, scratch)[0]!, [...bwrapArgs(toolchain, scratch).slice(1), toolchain.node, '-e', ''], { stdio: 'pipe', timeout: 10_000 });
    probed = { ok: true };
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0] ?? '';
    probed = {
      ok: false,
      why: `bubblewrap is installed but cannot create a sandbox here (${stderr || 'unknown error'}); allow unprivileged user namespaces (e.g. \`sysctl kernel.unprivileged_userns_clone=1\`, or an AppArmor profile for bwrap on Ubuntu 24.04)`,
    };
  }
  return probed;
}

/** Type-check servers by sandbox mode, toolchain and environment (see createSealedRunner). */
const servers = new Map<string, TypecheckServer>();

export interface SealedRunnerOptions {
  mode: SandboxMode;
  parentEnv: NodeJS.ProcessEnv;
  toolchain?: Toolchain;
  maxFileBytes?: number;
  /**
   * How long the type-check server and the warm test runner stay up between runs (default: their
   * own, 20 s, for a build that ends). A watch session keeps them longer (WATCH_IDLE_STOP_MS): the
   * author pauses between edits, and a cold start costs seconds.
   */
  idleStopMs?: number;
}

/** How long a watch session keeps its type-check server and warm test runner between builds (together about 250 MB). */
export const WATCH_IDLE_STOP_MS = 10 * 60_000;

/** A runner's options once its toolchain is known. */
type RunnerSetup = SealedRunnerOptions & { toolchain: Toolchain };

export function createSealedRunner(options: SealedRunnerOptions): SealedRunner {
  const setup: RunnerSetup = { ...options, toolchain: options.toolchain ?? resolveToolchain() };
  const { toolchain } = setup;
  if (options.mode === 'bubblewrap') {
    const probe = probeBubblewrap(toolchain);
    if (!probe.ok) {
      throw new SandboxUnavailableError(
        `generated code must run sealed, and no sandbox is available: ${probe.why}. To run it unsealed anyway (not recommended), set "validation": { "sandbox": "off" } in speccc.config.json`,
      );
    }
  }
  const runner: SealedRunner = {
    mode: options.mode,
    toolchain,
    typecheck: (command) => sharedTypecheckServer(setup).check(command),
    run: (command) => runSealed(setup, command),
    test: (command) => runTests(setup, command),
    prepareTests: (config) => {
      if (options.mode === 'bubblewrap') sparesFor(setup).prestart(config);
    },
    judge: (command) =>
      judgeRun(
        {
          toolchain,
          parentEnv: options.parentEnv,
          // Each side in a sandbox of its own; the one folder both see holds the socket between them.
          wrapper: options.mode === 'bubblewrap' ? (dir, hosts, shared) => bwrapArgs(toolchain, dir, hosts, [shared]) : null,
          ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
        },
        command,
      ),
  };
  setups.set(runner, setup);
  return runner;
}

/**
 * One type-check server per process, sandbox mode and toolchain, started on first use and
 * shared by every runner (a watch session makes a runtime per build: its rebuilds stay warm).
 * It writes nothing outside its own /tmp (a tmpfs inside the sandbox; with the sandbox off, a
 * temporary folder of its own).
 */
function sharedTypecheckServer(setup: RunnerSetup): TypecheckServer {
  const { mode, toolchain, parentEnv, idleStopMs } = setup;
  const key = JSON.stringify([mode, toolchain, scrubbedEnv(parentEnv, ''), idleStopMs ?? null]);
  let server = servers.get(key);
  if (server) return server;
  let home = '/tmp';
  if (mode === 'off') {
    const own = (home = mkdtempSync(path.join(os.tmpdir(), 'speccc-typecheck-')));
    process.once('exit', () => rmSync(own, { recursive: true, force: true }));
  }
  server = createTypecheckServer({
    toolchain,
    parentEnv,
    home,
    wrapper: mode === 'bubblewrap' ? (script) => [...sealed(toolchain), ...script, '--chdir', '/tmp', '--'] : null,
    ...(idleStopMs !== undefined ? { idleStopMs } : {}),
  });
  servers.set(key, server);
  return server;
}

/** Warm test runners by toolchain, environment and file-size limit (see runTests). */
const spares = new Map<string, VitestSpares>();
/** Each runner's setup, for warmTestRunner. */
const setups = new WeakMap<SealedRunner, RunnerSetup>();

/** The warm test runner of a sealed setup, shared like the type-check server: a watch session's rebuilds stay warm. */
function sparesFor(setup: RunnerSetup): VitestSpares {
  const { toolchain, parentEnv, maxFileBytes, idleStopMs } = setup;
  const key = JSON.stringify([toolchain, scrubbedEnv(parentEnv, ''), maxFileBytes ?? null, idleStopMs ?? null]);
  let warm = spares.get(key);
  if (!warm) {
    warm = createVitestSpares({ toolchain, parentEnv, ...(maxFileBytes ? { maxFileBytes } : {}), ...(idleStopMs !== undefined ? { idleStopMs } : {}), wrapper: (scratch, hosts, mounts) => bwrapArgs(toolchain, scratch, hosts, [], mounts) });
    spares.set(key, warm);
  }
  return warm;
}

/**
 * A visible test run: on a warm spare (src/io/vitest-spare.ts) when it is speccc's own vitest,
 * sealed, with no twins or links; otherwise, or when the warm runner fails, the cold sealed run.
 */
async function runTests(setup: RunnerSetup, command: SealedCommand): Promise<SealedResult> {
  const { mode, toolchain } = setup;
  const warmable = mode === 'bubblewrap' && !command.twins?.length && !command.links?.size && command.argv[0] === toolchain.node && command.argv[1] === toolchain.vitest;
  if (!warmable) return runSealed(setup, command);
  const warm = await sparesFor(setup).run(command, (scratch) => collectReports(scratch, command.collect ?? []));
  return warm ?? runSealed(setup, command);
}

/**
 * Stops every waiting spare of this process and removes its folder. speccc does so as it exits;
 * a process that is killed (a test worker at the end of its file) cannot, so tests call this.
 */
export function closeWarmTestRunners(): void {
  for (const warm of spares.values()) warm.close();
}

/** Stops the warm test runners and the type-check servers of this process (a test that made a watch session's: they would outlive it by minutes). */
export function closeSharedServers(): void {
  closeWarmTestRunners();
  for (const server of servers.values()) server.close();
  servers.clear();
}

/** Starts the warm test runner of a sealed runner and waits until a spare is loaded (false: none could be, or the sandbox is off). */
export async function warmTestRunner(runner: SealedRunner): Promise<boolean> {
  const setup = setups.get(runner);
  return setup?.mode === 'bubblewrap' ? sparesFor(setup).ready() : false;
}

/** Runs one command on a scratch copy of its files (in the sandbox unless it is off), then throws the copy away. */
async function runSealed(setup: RunnerSetup, command: SealedCommand): Promise<SealedResult> {
  const { mode, toolchain } = setup;
  // <base>/tree is the scratch copy the command sees and writes; <base>/hosts is mounted read-only as /etc/hosts.
  const base = await ownedTemp('speccc-sealed-');
  const scratch = path.join(base, 'tree');
  const hosts = path.join(base, 'hosts');
  try {
    await fs.mkdir(scratch);
    await fs.writeFile(hosts, HOSTS);
    // Service twins start inside the same sandbox, in front of the command: one process tree.
    const launch = command.twins?.length ? await prepareTwinRun({ node: toolchain.node, twins: command.twins, files: command.files, argv: command.argv }) : { files: command.files, argv: command.argv };
    await writeTree(scratch, launch.files);
    const refusedLink = await linkIntoToolchain(scratch, command.links ?? new Map(), toolchain);
    if (refusedLink) return { exitCode: null, signal: null, timedOut: false, output: '', durationMs: 0, collected: new Map(), refused: refusedLink };
    const [cmd, ...args] = launch.argv;
    const home = mode === 'bubblewrap' ? '/tmp' : path.join(scratch, '.home');
    if (mode === 'off') await fs.mkdir(home, { recursive: true });
    const result = await runChild({
      command: cmd!,
      args,
      cwd: scratch,
      timeoutMs: command.timeoutMs,
      signal: command.signal,
      parentEnv: setup.parentEnv,
      home,
      ...(setup.maxFileBytes ? { maxFileBytes: setup.maxFileBytes } : {}),
      ...(mode === 'bubblewrap' ? { wrapper: bwrapArgs(toolchain, scratch, hosts) } : {}),
    });
    const collected = await collectReports(scratch, command.collect ?? []);
    const refused = mode === 'bubblewrap' && result.exitCode === 1 && /^bwrap: /m.test(result.output) ? result.output.split('\n').find((l) => l.startsWith('bwrap: ')) : undefined;
    return { ...result, collected, ...(refused ? { refused } : {}) };
  } finally {
    await fs.rm(base, { recursive: true, force: true });
  }
}

/** Makes each link (scratch-relative path -> target); a link outside the scratch copy or to anything but the mounted toolchain is refused (the reason), and nothing runs. */
async function linkIntoToolchain(scratch: string, links: ReadonlyMap<string, string>, toolchain: Toolchain): Promise<string | null> {
  const mounted = toolchainDirs(toolchain);
  for (const [rel, to] of links) {
    const at = path.join(scratch, rel);
    const inside = (dir: string) => path.resolve(to) === dir || path.resolve(to).startsWith(`${dir}${path.sep}`);
    if (!at.startsWith(`${scratch}${path.sep}`) || !mounted.some(inside)) return `a link to ${to} is outside the sandbox's toolchain`;
    await fs.mkdir(path.dirname(at), { recursive: true });
    await fs.rm(at, { recursive: true, force: true });
    await fs.symlink(to, at, 'dir');
  }
  return null;
}

/** The reports a run was asked to leave (scratch-relative paths), read back; a missing, odd or oversized one is left out. */
async function collectReports(scratch: string, collect: readonly string[]): Promise<Map<string, string>> {
  const collected = new Map<string, string>();
  for (const rel of collect) {
    const file = path.join(scratch, rel);
    if (!file.startsWith(`${scratch}${path.sep}`)) continue;
    try {
      const st = await fs.lstat(file);
      // A report is read only if it is a regular file of sane size: the code under test wrote this folder.
      if (st.isFile() && st.size <= 16 * 1024 * 1024) collected.set(rel, await fs.readFile(file, 'utf8'));
    } catch {
      // not written: the run crashed or timed out
    }
  }
  return collected;
}
