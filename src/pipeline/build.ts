/**
 * `build`, top to bottom: under one run (with-run.ts), read the workspace once (snapshot.ts),
 * answer an unchanged one from its stamp, check it (1–3), render (4), plan (5), generate and
 * validate (6–7), assemble and promote (8). Each step is handed what the snapshot read.
 */
import path from 'node:path';
import type { BuildEvent, Diagnostic, ForceSpec, JobOutcome, Manifest, Plan } from '../types/index.js';
import { readRawConfig, type RawConfig } from '../io/raw-config.js';
import { recoverUnderLock } from '../io/recover.js';
import { readIndexedTree, type GeneratedTree } from '../io/generated-tree.js';
import { toolchainVersions } from '../io/toolchain-versions.js';
import { promoteTree, type TreeChange } from '../io/promote.js';
import { buildDigest, buildStamp, readInputs, type ReadInputs } from '../fast-path.js';
import { gateInputs } from '../phases/5-plan/verdict-key.js';
import { renderPrompts, type BuildPrompts } from '../phases/4-render/prompts.js';
import { buildableInOrder, planBuild } from '../phases/5-plan/index.js';
import { runJobs } from '../phases/6-generate/run-jobs.js';
import { assembleTree, holdForPromotion } from '../phases/8-emit/assemble-tree.js';
import { partitionPlan, type ShardSpec } from '../phases/5-plan/shard.js';
import { lazyPreflight, planInputOf, promotionFiles, runnerInputs, shardRole, stampIfUnchanged, type PlanInputWithTree } from '../pipeline-steps.js';
import type { Runtime } from '../runtime.js';
import { checkSnapshot, type CheckResult } from './check.js';
import { readSnapshot, type Snapshot } from './snapshot.js';
import { withRun, type RunOutcome } from './with-run.js';
import { SPECCC_VERSION } from '../version.js';

export type BuildOptions = {
  root: string;
  force?: ForceSpec;
  /** Overrides config.concurrency. */
  concurrency?: number;
  signal?: AbortSignal;
  onEvent?: (event: BuildEvent) => void;
} & (
  | { /** --check, --dry-run: plan only; no runtime, no lock, no agent. */ mode: 'plan' }
  | {
      /** Run the factory. */
      mode: 'build';
      /** The run's runtime, or how to make it from the config the run reads (the command: the config is then read once). */
      runtime: RuntimeOf;
      /**
       * Generate only this shard's part of the stale jobs (`--shard i/n`), awaiting the results its
       * jobs depend on from the shared cache; publish, never promote. Needs `runtime.shared`.
       */
      shard?: ShardSpec;
      /** How long a shard waits for another shard's result (ms; default 30 minutes). */
      shardWaitMs?: number;
      /** `build --next N`: only these specs may call the agent; other stale specs stay in the queue. */
      only?: ReadonlySet<string>;
    }
  | { /** Manual promotion: promote passed output, never generate. */ mode: 'promote'; runtime: RuntimeOf; promote: 'all' | ReadonlySet<string> }
);

export type RuntimeOf = Runtime | ((loaded: import('../config/parse.js').LoadedConfig) => Runtime);

export type BuildResult =
  | { kind: 'up-to-date'; specs: number }
  | { kind: 'blocked'; check: CheckResult; diagnostics: Diagnostic[] }
  | { kind: 'planned'; check: CheckResult; plan: Plan; outcomes: Map<string, JobOutcome>; systemPrompt: string }
  | {
      kind: 'built';
      check: CheckResult;
      plan: Plan;
      outcomes: Map<string, JobOutcome>;
      change: TreeChange | null;
      manifest: Manifest;
      runId: string;
      cancelled: boolean;
      /** A shard's build: its results went to the shared cache; generated/ is left to the assembling build. */
      shard?: ShardSpec & { owned: number };
    };

/** Findings about generated/ and its manifest are what a build repairs: they never block one. */
const REPAIRED_BY_BUILD = /^(generated-|manifest-)/;

export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  if (options.mode === 'plan') return walk(root, options, null, await readRawConfig(root));
  return withRun({ root, runtime: options.runtime, command: options.mode, outcomeOf: runOutcome }, (run) => walk(root, options, run.runtime, run.raw));
}

/** What a build knows once it has read and checked the workspace and rendered the prompts. */
interface Prepared {
  root: string;
  read: ReadInputs;
  snapshot: Snapshot;
  checked: CheckResult;
  tree: GeneratedTree;
  generatedDir: string;
  prompts: BuildPrompts;
  planInput: PlanInputWithTree;
}

async function walk(root: string, options: BuildOptions, runtime: Runtime | null, raw: RawConfig): Promise<BuildResult> {
  const generatedDir = await recoverUnderLock(root, raw, runtime !== null);
  const read = await readInputs(root, raw);
  const stamp = options.force ? undefined : await buildStamp(root, buildDigest(read.inputs));
  if (stamp) return { kind: 'up-to-date', specs: stamp.specs };

  const snapshot = await readSnapshot(root, { inputs: read, templates: true });
  const [checked, tree] = await Promise.all([checkSnapshot(snapshot), readIndexedTree(read.tree, SPECCC_VERSION)]); // 1–3
  const checkErrors = checked.diagnostics.filter((d) => d.severity === 'error' && !REPAIRED_BY_BUILD.test(d.code));
  if (checked.configBroken || checkErrors.length > 0) return { kind: 'blocked', check: checked, diagnostics: checkErrors };
  const config = options.concurrency ? { ...checked.config, concurrency: options.concurrency } : checked.config;

  const rendered = renderPrompts({ defaults: [...snapshot.templates!.defaults], overrides: [...snapshot.templates!.overrides], workspace: checked.workspace, buildable: buildableInOrder(checked.workspace) }); // 4
  if (!rendered.ok) return { kind: 'blocked', check: checked, diagnostics: rendered.diagnostics };
  const holdouts = snapshot.scenarios.holdouts;
  const planInput = planInputOf(checked.workspace, config, rendered.prompts, tree, options.force ?? null, gateInputs(holdouts, config, toolchainVersions())); // 5
  return generateAndEmit({ root, read, snapshot, checked, tree, generatedDir, prompts: rendered.prompts, planInput }, options, runtime);
}

async function generateAndEmit(p: Prepared, options: BuildOptions, runtime: Runtime | null): Promise<BuildResult> {
  const { root, checked, tree, planInput } = p;
  const signal = options.signal ?? new AbortController().signal;
  const plan = planBuild(planInput);
  const building = options.mode === 'build' ? options : null;
  // Sandbox, Models API, resumable batches: checked before the first job that needs them, never for a build that only restores.
  const gate = building ? lazyPreflight(plan, runtime!) : null;
  const partition = building?.shard ? partitionPlan(plan, building.shard) : null;
  const shard = partition ? { shard: shardRole(partition, runtime!, building!.shardWaitMs ?? 30 * 60_000) } : {};
  const inputs = runnerInputs(root, { mode: options.mode, ...(runtime ? { runtime } : {}), ...(options.onEvent ? { onEvent: options.onEvent } : {}) }, planInput.config, p.prompts, p.snapshot.scenarios.holdouts);
  const only = building?.only ? { only: building.only } : {};
  const outcomes = await runJobs({ ...inputs, plan, planInput, current: planInput.current, signal, ...(gate ? { beforeGenerate: gate.open } : {}), ...shard, ...only }); // 6–7
  const unknownModels = gate ? await gate.settle() : [];
  if (unknownModels.length > 0) return { kind: 'blocked', check: checked, diagnostics: unknownModels };
  if (options.mode === 'plan') {
    await stampIfUnchanged(root, p.read, tree, plan, outcomes, false);
    return { kind: 'planned', check: checked, plan, outcomes, systemPrompt: p.prompts.systemPrompt };
  }
  const run = runtime!;
  const held = planInput.config.promotion.policy === 'manual' ? holdForPromotion(plan, outcomes, options.mode === 'promote' ? options.promote : undefined) : outcomes;
  const next = assembleTree({ plan, outcomes: held, currentRaw: tree.files, manifest: tree.manifest, version: SPECCC_VERSION, sandbox: run.sandbox, holdouts: checked.holdouts }); // 8
  const cancelled = signal.aborted;
  const built = { kind: 'built', check: checked, plan, outcomes: held, manifest: next.manifest, runId: run.runId, cancelled } as const;
  if (partition) return { ...built, change: null, shard: { ...partition.shard, owned: partition.owned.size } };
  const change = next.changed && !cancelled ? await promoteTree({ root, generatedDir: p.generatedDir, current: tree.files, ...promotionFiles(root, next, run), signal }) : null;
  if (!cancelled) await stampIfUnchanged(root, p.read, tree, plan, held, true);
  return { ...built, change };
}

const runOutcome = (r: BuildResult): RunOutcome =>
  r.kind === 'blocked' ? 'blocked' : r.kind === 'built' && r.cancelled ? 'cancelled' : r.kind === 'built' && [...r.outcomes.values()].some((o) => o.state === 'failed' || o.state === 'skipped') ? 'failed' : 'done';
