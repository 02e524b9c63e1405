/**
 * A holdout run in two sandboxes (docs/security.md, "Holdouts in their own process"). The code
 * host's sandbox holds the code under test (and its twins), never a holdout byte; the judge's
 * sandbox holds the holdout checks and stand-in modules, never the code. They share one folder
 * with one Unix socket in it: the judge asks, the host answers with plain data. So code that
 * reads the checks finds nothing to read, and code that patches `expect` patches a copy no
 * assertion uses. Both sandboxes are sealed like every run (sealed-runner.ts); the host is killed
 * when the judge is done, or at the time limit.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { HOST_RUNTIME, type JudgeCommand, type SealedResult, type Toolchain } from '../types/index.js';
import { runChild, type ChildResult } from './run-child.js';
import { HOSTS, writeTree } from './scratch-tree.js';
import { codeHostTree, judgeRuntimeTree } from './judge-trees.js';
import { prepareTwinRun } from './service-twins/index.js';
import { ownedTemp } from './owned-temp.js';

interface Sandbox {
  toolchain: Toolchain;
  /** The sandbox argv for a side (its folder, the hosts file, the shared folder), or null under the sandbox opt-out. */
  wrapper: ((dir: string, hosts: string, shared: string) => string[]) | null;
  parentEnv: NodeJS.ProcessEnv;
  maxFileBytes?: number;
}

const TWIN_ENV = /^SPECCC_TWIN_[A-Z0-9_]+_URL$/;
const LOOPBACK_URL = /^http:\/\/127\.0\.0\.1:\d{1,5}$/;

/** The host's ready file, read as the input it is (the code's sandbox wrote that folder): twin addresses only. */
async function readReady(file: string): Promise<Record<string, string> | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { twins?: unknown };
    const twins = parsed.twins && typeof parsed.twins === 'object' ? Object.entries(parsed.twins as Record<string, unknown>) : [];
    return Object.fromEntries(twins.filter((e): e is [string, string] => TWIN_ENV.test(e[0]) && typeof e[1] === 'string' && LOOPBACK_URL.test(e[1])));
  } catch {
    return null;
  }
}

/** Waits for the host to listen; null when it died, the time ran out or the run was cancelled. */
async function waitForHost(ready: string, host: Promise<ChildResult>, deadline: number, signal: AbortSignal): Promise<Record<string, string> | null> {
  let ended = false;
  void host.then(() => (ended = true));
  while (!ended && !signal.aborted && Date.now() < deadline) {
    if (existsSync(ready)) return readReady(ready);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}

export async function judgeRun(sandbox: Sandbox, command: JudgeCommand): Promise<SealedResult> {
  const started = Date.now();
  const deadline = started + command.timeoutMs;
  const base = await ownedTemp('speccc-judge-');
  const [codeDir, judgeDir, shared] = ['code', 'judge', 'shared'].map((d) => path.join(base, d)) as [string, string, string];
  const hosts = path.join(base, 'hosts');
  const socket = path.join(shared, 'code.sock');
  const readyFile = path.join(shared, 'ready.json');
  const sealed = sandbox.wrapper !== null;
  const wrap = (dir: string) => (sandbox.wrapper ? { wrapper: sandbox.wrapper(dir, hosts, shared) } : {});
  const home = async (dir: string) => {
    if (sealed) return '/tmp';
    await fs.mkdir(path.join(dir, '.home'), { recursive: true });
    return path.join(dir, '.home');
  };
  const common = { parentEnv: sandbox.parentEnv, ...(sandbox.maxFileBytes ? { maxFileBytes: sandbox.maxFileBytes } : {}) };
  const hostStop = new AbortController();
  const stopHost = () => hostStop.abort();
  command.signal.addEventListener('abort', stopHost, { once: true });
  try {
    await Promise.all([codeDir, judgeDir, shared].map((d) => fs.mkdir(d)));
    await fs.writeFile(hosts, HOSTS);
    const hostArgv = [sandbox.toolchain.node, `${HOST_RUNTIME}/host-launcher.mjs`, socket, readyFile];
    const code = await codeHostTree(command.code);
    const launch = command.twins?.length ? await prepareTwinRun({ node: sandbox.toolchain.node, twins: command.twins, files: code, argv: hostArgv }) : { files: code, argv: hostArgv };
    await writeTree(codeDir, launch.files);
    await writeTree(judgeDir, judgeRuntimeTree(command.judge));
    const [cmd, ...args] = launch.argv;
    const host = runChild({ command: cmd!, args, cwd: codeDir, timeoutMs: command.timeoutMs, signal: hostStop.signal, home: await home(codeDir), ...wrap(codeDir), ...common });
    const twins = await waitForHost(readyFile, host, deadline, command.signal);
    if (twins === null) {
      stopHost();
      const ran = await host;
      const timedOut = Date.now() >= deadline;
      return { exitCode: null, signal: null, timedOut, output: `speccc: the code host did not start${timedOut ? ` within ${command.timeoutMs} ms` : ''}\n${ran.output}`.trim(), durationMs: Date.now() - started, collected: new Map() };
    }
    const [judgeCmd, ...judgeArgs] = command.argv;
    const judged = await runChild({
      command: judgeCmd!,
      args: judgeArgs,
      cwd: judgeDir,
      timeoutMs: Math.max(1, deadline - Date.now()),
      signal: command.signal,
      home: await home(judgeDir),
      env: { SPECCC_JUDGE_SOCKET: socket, SPECCC_JUDGE_CALL_TIMEOUT_MS: String(command.timeoutMs), ...twins },
      ...wrap(judgeDir),
      ...common,
    });
    stopHost();
    const hosted = await host;
    const collected = new Map<string, string>();
    for (const rel of command.collect ?? []) {
      const file = path.join(judgeDir, rel);
      if (!file.startsWith(`${judgeDir}${path.sep}`)) continue;
      const st = await fs.lstat(file).catch(() => null);
      if (st?.isFile() && st.size <= 16 * 1024 * 1024) collected.set(rel, await fs.readFile(file, 'utf8'));
    }
    const printed = hosted.output.trim();
    const output = printed ? `${judged.output}\n--- the code under test printed ---\n${printed}` : judged.output;
    const refused = sealed && judged.exitCode === 1 && /^bwrap: /m.test(judged.output) ? judged.output.split('\n').find((l) => l.startsWith('bwrap: ')) : undefined;
    return { ...judged, output, collected, durationMs: Date.now() - started, ...(refused ? { refused } : {}) };
  } finally {
    command.signal.removeEventListener('abort', stopHost);
    stopHost();
    await fs.rm(base, { recursive: true, force: true });
  }
}
