/**
 * The whole pipeline, top to bottom. Each step reads what it needs first (io/), then hands data
 * to the phases (src/phases/N-*), numbered in the order data flows through them:
 *
 *   check: files --1 parse--> mdast --2 model--> Spec[] --3 check--> diagnostics
 *   build: check --4 render--> prompts --5 plan--> jobs --6 generate--> candidate files
 *          --7 validate (sealed)--> verdicts --8 emit--> one atomic promotion of generated/ + manifest
 *
 * Every build runs with a Runtime (src/runtime.ts): agent, validator, budget, lock and trace.
 */
import path from 'node:path';
import type { BuildEvent, Diagnostic, ForceSpec, HoldoutText, JobOutcome, Manifest, ModelledFile, Plan, SpecccConfig, Workspace } from './types/index.js';
import { loadConfig } from './io/config-file.js';
import { loadWorkspace } from './workspace.js';
import type { ReadFile, WorkspaceFiles } from './io/workspace-files.js';
import { indexGeneratedTree, readIndexedFiles, readIndexedTree, readManifest } from './io/generated-tree.js';
import { readAndHash } from './io/stat-cache.js';
import { readTemplates } from './io/templates.js';
import { selectPaths } from './io/select-paths.js';
import { isFolder, listScenarios, readHoldoutSet, readHoldoutTexts } from './io/holdouts.js';
import { toolchainVersions } from './io/toolchain-versions.js';
import { readAdoptionRecordQuietly } from './io/adopt-project.js';
import { gateInputs } from './phases/5-plan/verdict-key.js';
import { openTestCache } from './io/test-cache.js';
import { promoteTree, type TreeChange } from './io/promote.js';
import { buildDigest, buildStamp, readInputs, type ReadInputs } from './fast-path.js';
import { checkWorkspace, sortDiagnostics } from './phases/3-check/index.js';
import { checkGeneratedTree } from './phases/3-check/generated-drift.js';
import { checkRequirementCoverage, readTests, TEST_FILE } from './phases/3-check/coverage.js';
import { renderPrompts } from './phases/4-render/prompts.js';
import { buildableInOrder, planBuild } from './phases/5-plan/index.js';
import { runJobs } from './phases/6-generate/run-jobs.js';
import { assembleTree, holdForPromotion } from './phases/8-emit/assemble-tree.js';
import { inputProblems, lazyPreflight, planInputOf, promotionFiles, recoverUnderLock, runnerInputs, shardRole, stampIfUnchanged, withLock } from './pipeline-steps.js';
import { partitionPlan, type ShardSpec } from './phases/5-plan/shard.js';
import type { Runtime } from './runtime.js';
import { SPECCC_VERSION } from './version.js';

export interface CheckOptions {
  /** Absolute workspace root. */
  root: string;
  /** Only report on these spec files or folders (the whole workspace is still read for references). */
  paths?: string[];
  cwd?: string;
  useCache?: boolean;
  previous?: ReadonlyMap<string, ModelledFile>;
  /** Files already listed or read (the fast path, watch); with generated/'s index when the fast path made one. */
  files?: WorkspaceFiles;
}

export interface CheckResult {
  config: SpecccConfig;
  /** True when the config itself is broken: the command should exit 2. */
  configBroken: boolean;
  workspace: Workspace;
  files: WorkspaceFiles<ReadFile>;
  diagnostics: Diagnostic[];
  /** The scenarios folder as text: for the coverage trace only, never for a prompt. */
  holdouts: HoldoutText[];
  specs: number;
  errors: number;
  warnings: number;
}

export async function check(options: CheckOptions): Promise<CheckResult> {
  const root = path.resolve(options.root);
  const loaded = await loadConfig(root);
  const config = loaded.config;
  const whole = !options.paths || options.paths.length === 0;
  const { workspace, files, cacheWritten } = await loadWorkspace(root, config.paths, { ...options, prune: whole });
  const generatedDir = path.join(root, config.paths.generated);
  const scenariosDir = path.resolve(root, config.paths.scenarios);
  const [index, { manifest, problem }, scenarios, holdouts, tests, scenariosExists, adopted] = await Promise.all([
    options.files?.generated ?? indexGeneratedTree(generatedDir, readAndHash),
    readManifest(generatedDir, SPECCC_VERSION),
    listScenarios(scenariosDir),
    readHoldoutTexts(scenariosDir),
    options.useCache === false ? undefined : openTestCache(root, SPECCC_VERSION, readTests),
    isFolder(scenariosDir),
    readAdoptionRecordQuietly(root, `${config.paths.specs}/adopted.json`),
  ]);
  const scenariosFolder = { configured: loaded.spans.get('value:paths.scenarios') ?? null, state: !scenariosExists ? 'missing' : holdouts.length === 0 ? 'empty' : 'present' } as const;
  const hashes = index.hashes;
  let diagnostics = sortDiagnostics([
    ...loaded.diagnostics,
    ...inputProblems(files, config, scenariosFolder),
    ...workspace.files.flatMap((m) => m.diagnostics),
    ...checkWorkspace({ workspace, generatedRoot: config.paths.generated, config, configSpans: loaded.spans, scenarios }),
    ...checkGeneratedTree({ workspace, generatedRoot: config.paths.generated, manifest, manifestProblem: problem, hashes, adopted }),
    // Coverage reads only the generated test files (a warm check stats the rest).
    ...checkRequirementCoverage({ workspace, manifest, hashes, files: readIndexedFiles(index, (rel) => TEST_FILE.test(rel)), holdouts, ...(tests ? { read: tests.read } : {}) }),
  ]);
  await Promise.all([tests?.save(), cacheWritten]);
  if (!whole) diagnostics = (await selectPaths(root, options.paths!, options.cwd ?? root)).filter(diagnostics, loaded.file);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { config, configBroken: loaded.diagnostics.length > 0, workspace, files, diagnostics, holdouts, specs: workspace.files.length, errors, warnings: diagnostics.length - errors };
}

/** Findings about generated/ and its manifest are what a build repairs: they never block one. */
const REPAIRED_BY_BUILD = /^(generated-|manifest-)/;

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
      runtime: Runtime;
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
  | { /** Manual promotion: promote passed output, never generate. */ mode: 'promote'; runtime: Runtime; promote: 'all' | ReadonlySet<string> }
);

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

export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const signal = options.signal ?? new AbortController().signal;
  return withLock(options.mode === 'plan' ? null : options.runtime, async (): Promise<BuildResult> => {
    const generatedDir = await recoverUnderLock(root, options.mode === 'plan' ? null : options.runtime);
    const read: ReadInputs = await readInputs(root);
    const stamp = options.force ? undefined : await buildStamp(root, buildDigest(read.inputs));
    if (stamp) return { kind: 'up-to-date', specs: stamp.specs };

    const [checked, tree] = await Promise.all([check({ root, files: read.files }), readIndexedTree(read.tree, SPECCC_VERSION)]); // 1–3
    const checkErrors = checked.diagnostics.filter((d) => d.severity === 'error' && !REPAIRED_BY_BUILD.test(d.code));
    if (checked.configBroken || checkErrors.length > 0) return { kind: 'blocked', check: checked, diagnostics: checkErrors };
    const config = options.concurrency ? { ...checked.config, concurrency: options.concurrency } : checked.config;

    const [templates, holdouts] = await Promise.all([readTemplates(root, config.paths.templates), readHoldoutSet(path.resolve(root, config.paths.scenarios))]); // 4
    const rendered = renderPrompts({ ...templates, workspace: checked.workspace, buildable: buildableInOrder(checked.workspace) });
    if (!rendered.ok) return { kind: 'blocked', check: checked, diagnostics: rendered.diagnostics };

    const planInput = planInputOf(checked.workspace, config, rendered.prompts, tree, options.force ?? null, gateInputs(holdouts, config, toolchainVersions())); // 5
    const plan = planBuild(planInput);
    // Sandbox, Models API, resumable batches: checked before the first job that needs them, never for a build that only restores.
    const gate = options.mode === 'build' ? lazyPreflight(plan, options.runtime) : null;
    const partition = options.mode === 'build' && options.shard ? partitionPlan(plan, options.shard) : null;
    const shard = partition && options.mode === 'build' ? { shard: shardRole(partition, options.runtime, options.shardWaitMs ?? 30 * 60_000) } : {};
    const only = options.mode === 'build' && options.only ? { only: options.only } : {};
    const outcomes = await runJobs({ ...runnerInputs(root, options, config, rendered.prompts, holdouts), plan, planInput, current: planInput.current, signal, ...(gate ? { beforeGenerate: gate.open } : {}), ...shard, ...only }); // 6–7
    const unknownModels = gate ? await gate.settle() : [];
    if (unknownModels.length > 0) return { kind: 'blocked', check: checked, diagnostics: unknownModels };
    if (options.mode === 'plan') {
      await stampIfUnchanged(root, read, tree, plan, outcomes, false);
      return { kind: 'planned', check: checked, plan, outcomes, systemPrompt: rendered.prompts.systemPrompt };
    }
    const held = config.promotion.policy === 'manual' ? holdForPromotion(plan, outcomes, options.mode === 'promote' ? options.promote : undefined) : outcomes;
    const next = assembleTree({ plan, outcomes: held, currentRaw: tree.files, manifest: tree.manifest, version: SPECCC_VERSION, sandbox: options.runtime.sandbox, holdouts: checked.holdouts }); // 8
    const cancelled = signal.aborted;
    if (partition) {
      const owned = { ...partition.shard, owned: partition.owned.size };
      return { kind: 'built', check: checked, plan, outcomes: held, change: null, manifest: next.manifest, runId: options.runtime.runId, cancelled, shard: owned };
    }
    const change = next.changed && !cancelled ? await promoteTree({ root, generatedDir, current: tree.files, ...promotionFiles(root, next, options.runtime), signal }) : null;
    if (!cancelled) await stampIfUnchanged(root, read, tree, plan, held, true);
    return { kind: 'built', check: checked, plan, outcomes: held, change, manifest: next.manifest, runId: options.runtime.runId, cancelled };
  }, runOutcome);
}

const runOutcome = (r: BuildResult) =>
  r.kind === 'blocked' ? 'blocked' : r.kind === 'built' && r.cancelled ? 'cancelled' : r.kind === 'built' && [...r.outcomes.values()].some((o) => o.state === 'failed' || o.state === 'skipped') ? 'failed' : 'done';
