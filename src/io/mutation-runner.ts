/**
 * Runs a planned mutation test (src/phases/7-validate/mutation.ts) in a staged tree: writes the
 * plan's configs and links, runs Stryker as a sandboxed child (its own process group, killed at
 * the time limit, scrubbed environment: src/io/run-child.ts) and reads the report it wrote. With
 * service twins, Stryker runs under the twin launcher (src/io/service-twins/), as sealed runs do.
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MUTATION_DIR, planMutationRun, readMutationReport, type MutationInput, type MutationResult } from '../phases/7-validate/mutation.js';
import { SERVICE_TWIN_DIR } from '../phases/7-validate/index.js';
import { prepareTwinRun } from './service-twins/index.js';
import { trimOutput } from '../phases/7-validate/feedback.js';
import { runChild } from './run-child.js';

const require = createRequire(import.meta.url);

/** speccc's own Stryker and vitest, so a staged tree needs nothing installed. */
export function specccToolchain(): MutationInput['toolchain'] {
  const core = require.resolve('@stryker-mutator/core/package.json');
  const bin = (require(core) as { bin: { stryker: string } }).bin.stryker;
  return {
    node: process.execPath,
    strykerBin: path.join(path.dirname(core), bin),
    vitestDir: path.dirname(require.resolve('vitest/package.json')),
  };
}

/** The tree's source files (what a twin's module graph can import), by relative POSIX path. */
async function readSources(treeDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === MUTATION_DIR || entry.name === SERVICE_TWIN_DIR) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && /\.(?:[cm]?[jt]s|tsx|json)$/.test(entry.name)) files.set(path.relative(treeDir, full).split(path.sep).join('/'), await fs.readFile(full, 'utf8'));
    }
  };
  await walk(treeDir);
  return files;
}

export class MutationRunError extends Error {
  constructor(
    message: string,
    readonly output: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = 'MutationRunError';
  }
}

export interface MutationRunInput extends MutationInput {
  treeDir: string;
  signal?: AbortSignal;
  parentEnv?: NodeJS.ProcessEnv;
}

async function link(target: string, at: string): Promise<void> {
  const existing = await fs.lstat(at).catch(() => null);
  if (existing) {
    if (!existing.isSymbolicLink()) throw new MutationRunError(`${at} exists and is not a link: the tree must not bring its own copy`, '', false);
    await fs.rm(at);
  }
  await fs.mkdir(path.dirname(at), { recursive: true });
  await fs.symlink(target, at, 'dir');
}

export async function runMutation(input: MutationRunInput): Promise<MutationResult & { durationMs: number; output: string }> {
  const plan = planMutationRun(input);
  const inTree = (rel: string) => path.resolve(input.treeDir, rel);
  for (const [rel, content] of plan.files) {
    await fs.mkdir(path.dirname(inTree(rel)), { recursive: true });
    await fs.writeFile(inTree(rel), content);
  }
  for (const [rel, target] of plan.links) await link(target, inTree(rel));
  const report = inTree(plan.reportPath);
  await fs.rm(report, { force: true }); // a report left by an earlier run must not pass for this one's

  // Twins start around Stryker, on loopback; every test runner it forks inherits their URLs.
  let argv = plan.argv;
  if (input.twins?.length) {
    const tree = await readSources(input.treeDir);
    const launch = await prepareTwinRun({ node: input.toolchain.node, twins: input.twins, files: tree, argv: plan.argv });
    for (const [rel, content] of launch.files) {
      if (tree.get(rel) === content) continue;
      await fs.mkdir(path.dirname(inTree(rel)), { recursive: true });
      await fs.writeFile(inTree(rel), content);
    }
    argv = launch.argv;
  }
  const [command, ...args] = argv;
  const child = await runChild({
    command: command!,
    args,
    cwd: input.treeDir,
    timeoutMs: input.timeoutMs,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.parentEnv ? { parentEnv: input.parentEnv } : {}),
  });
  let json: string;
  try {
    json = await fs.readFile(report, 'utf8');
  } catch {
    const why = child.timedOut ? `timed out after ${input.timeoutMs} ms` : `exited with ${child.exitCode ?? child.signal} and wrote no report`;
    throw new MutationRunError(`mutation testing of ${input.specId} ${why}:\n${trimOutput(child.output)}`, child.output, child.timedOut);
  }
  return { ...readMutationReport(json, input.mutate), durationMs: child.durationMs, output: child.output };
}
