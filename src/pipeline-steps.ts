/**
 * The small steps between the build's phases that are not phases themselves: the check's input
 * problems, the plan's input, preflight, wiring a runtime into the job runner, the promotion's
 * extra files, and the build stamp. Kept here so src/pipeline/build.ts reads as the pipeline and
 * nothing else; the run's lock, trace and clean-up are src/pipeline/with-run.ts's.
 */
import path from 'node:path';
import pLimit from 'p-limit';
import type { BuildEvent, Diagnostic, ForceSpec, HoldoutSet, JobOutcome, ModelNotice, Plan, PlannedJob, Span, SpecccConfig, Validator, Workspace } from './types/index.js';
import { CONFIG_FILE } from './config/file-name.js';
import type { Runtime } from './runtime.js';
import type { BuildPrompts } from './phases/4-render/prompts.js';
import type { PlanInput } from './phases/5-plan/index.js';
import type { RunJobsInput, ShardRole } from './phases/6-generate/run-jobs.js';
import type { ShardPartition } from './phases/5-plan/shard.js';
import type { GateInputs } from './phases/5-plan/verdict-key.js';
import { readOnlyVerdictStore, verdictStore } from './io/verdicts.js';
import { manifestJson, type NextTree } from './phases/8-emit/assemble-tree.js';
import { generatedReadme } from './phases/8-emit/generated-readme.js';
import { stripHeader } from './phases/8-emit/provenance.js';
import { diagnostics as d } from './diagnostics/messages.js';
import { fallbackModelFor } from './prices/fallback.js';
import { MANIFEST_PATH, type GeneratedTree } from './io/generated-tree.js';
import { resultStore } from './io/results.js';
import { stagingDirOf } from './io/promote.js';
import { nullTrace } from './io/trace.js';
import { buildDigest, readInputs, sourcesDigest, stampBuild, type ReadInputs } from './fast-path.js';
import type { WorkspaceFiles } from './io/workspace-files.js';

const origin = { line: 1, column: 1, offset: 0 };

/** The scenarios folder as check finds it: whether the config names it, and what is there. */
export interface ScenariosFolder {
  /** `paths.scenarios` is set in the config (its span), rather than the default. */
  configured: Span | null;
  state: 'missing' | 'empty' | 'present';
}

export function inputProblems(files: WorkspaceFiles, config: SpecccConfig, scenarios: ScenariosFolder): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (!files.specsDirExists) {
    problems.push(
      d.specsFolderMissing({
        file: config.paths.specs,
        span: { start: origin, end: origin },
        message: `Specs folder \`${config.paths.specs}\` does not exist in the workspace root; expected a folder of markdown specs`,
      }),
    );
  }
  // A folder the config names but that is not there is never "no holdouts": every spec would pass unverified.
  if (scenarios.configured && scenarios.state !== 'present') {
    problems.push(
      d.scenariosFolderMissing({
        file: CONFIG_FILE,
        span: scenarios.configured,
        message: `paths.scenarios names \`${config.paths.scenarios}\`, which ${scenarios.state === 'missing' ? 'does not exist' : 'holds no scenario'}; expected the holdout scenarios there`,
      }),
    );
  }
  return problems;
}

export type PlanInputWithTree = PlanInput & { current: Map<string, string> };

export function planInputOf(workspace: Workspace, config: SpecccConfig, prompts: BuildPrompts, tree: GeneratedTree, force: ForceSpec, gate: GateInputs): PlanInputWithTree {
  const current = new Map([...tree.files].map(([p, c]) => [p, stripHeader(c)]));
  return {
    gate,
    workspace,
    config,
    systemPrompt: prompts.systemPrompt,
    templatesDigest: prompts.templatesDigest,
    toolsDigest: prompts.toolsDigest,
    renderJob: prompts.renderJob,
    outputOf: (p) => current.get(p),
    manifest: tree.manifest,
    generatedHashes: tree.hashes,
    force,
    current,
  };
}

/** A model the stale jobs will use: the first job that names it, every spec using it, and whether only as a fallback. */
interface ModelUse {
  job: PlannedJob;
  specs: string[];
  fallbackOnly: boolean;
}

/** Every model the stale jobs use, their own and (for a refusal) their kind's fallback. */
function modelsOf(stale: readonly PlannedJob[], config: SpecccConfig): Map<string, ModelUse> {
  const models = new Map<string, ModelUse>();
  const use = (model: string, job: PlannedJob, fallback: boolean) => {
    const seen = models.get(model);
    if (!seen) return void models.set(model, { job, specs: [job.id], fallbackOnly: fallback });
    if (!seen.specs.includes(job.id)) seen.specs.push(job.id);
    // A spec's own model is reported where the spec names it.
    if (seen.fallbackOnly && !fallback) Object.assign(seen, { job, fallbackOnly: false });
  };
  for (const job of stale) {
    const model = job.prepared?.model ?? job.spec.frontmatter!.model;
    if (!model) continue;
    use(model, job, false);
    // A refusal moves the job to its kind's fallback model: a typo there should not wait for one.
    const fallback = fallbackModelFor(config, job.spec.frontmatter!.kind, model);
    if (fallback) use(fallback, job, true);
  }
  return models;
}

/** A located model-unknown: in the spec that names the model, else in speccc.config.json. */
function unknownModel(id: string, use: ModelUse, why: string): Diagnostic {
  const { job } = use;
  const everywhere = { start: origin, end: origin };
  if (use.fallbackOnly) return d.modelUnknown({ file: 'speccc.config.json', span: everywhere, message: `Model \`${id}\` (model.fallbackModel for spec \`${job.id}\`) ${why}` });
  const own = job.spec.frontmatter!.model === id;
  const span = own ? (job.spec.frontmatterSpans?.fields.model ?? job.spec.frontmatterSpans!.block) : everywhere;
  return d.modelUnknown({ file: own ? job.spec.file : 'speccc.config.json', span, message: `Model \`${id}\` (used by spec \`${job.id}\`) ${why}` });
}

/** The warning for a model that is deprecated or past its retirement date, with the dates and the successor. */
export function lifecycleWarning(notice: ModelNotice, specs: readonly string[], today: string): string {
  const users = `used by ${specs.length === 1 ? `spec ${specs[0]}` : `specs ${specs.slice(0, 3).join(', ')}${specs.length > 3 ? ` and ${specs.length - 3} more` : ''}`}`;
  const since = notice.deprecatedAt ? ` since ${notice.deprecatedAt}` : '';
  const when =
    notice.retiresAt === null ? 'with no retirement date yet'
    : notice.retiresAt <= today ? `and was due to retire on ${notice.retiresAt}: requests naming it may fail at any time`
    : `and retires on ${notice.retiresAt}`;
  const state = notice.lifecycle === 'deprecated' ? `is deprecated${since} ${when}` : `is scheduled to retire on ${notice.retiresAt}`;
  const instead = notice.successor ? `; suggested successor: ${notice.successor}` : '';
  return `model ${notice.model} (${users}) ${state}${instead}`;
}

/**
 * Before anything is spent on a plan with work to do: the sandbox must exist (a setup error
 * otherwise); models of the jobs to generate that the API does not know (`not_found_error`) or
 * lists as retired are located errors; one that is deprecated or due to retire is a warning
 * (stderr, the build's warnings, the trace). A Models API that cannot answer throws ApiFaultError
 * (an API fault, exit 1).
 */
export async function preflight(plan: Plan, runtime: Runtime): Promise<Diagnostic[]> {
  const stale = plan.jobs.filter((j) => j.state === 'stale');
  if (stale.length === 0) return [];
  runtime.requireSandbox();
  const models = modelsOf(stale, runtime.config);
  const checked = await runtime.checkModels([...models.keys()]);
  const problems = checked.unknown.map(({ id, error }) => unknownModel(id, models.get(id)!, `is unknown to the Models API: ${error}`));
  const today = new Date(runtime.clock()).toISOString().slice(0, 10);
  for (const notice of checked.notices) {
    const use = models.get(notice.model)!;
    if (notice.lifecycle === 'retired') {
      const instead = notice.successor ? `; use ${notice.successor}` : '';
      problems.push(unknownModel(notice.model, use, `was retired${notice.retiresAt ? ` on ${notice.retiresAt}` : ''} (the Models API lists it as retired; requests naming it fail)${instead}`));
    } else runtime.warn(lifecycleWarning(notice, use.specs, today));
  }
  return problems;
}

/**
 * preflight, run once, when the first job is about to call the agent or run generated code:
 * a build whose stale jobs all restore from a store (local or shared) needs no sandbox, no key and
 * no request to the Models API. Every generating job waits for it; when it finds problems (or
 * throws: no sandbox, a corrupt batch record) none of them starts, and the build reports them.
 */
export function lazyPreflight(plan: Plan, runtime: Runtime) {
  let run: Promise<Diagnostic[]> | undefined;
  let failure: { error: unknown } | undefined;
  return {
    open: async (): Promise<boolean> => {
      run ??= (async () => {
        const problems = await preflight(plan, runtime);
        if (problems.length === 0) await runtime.prepare();
        return problems;
      })().catch((error: unknown) => {
        failure = { error };
        return [];
      });
      const problems = await run;
      return !failure && problems.length === 0;
    },
    /** After the jobs: the models the API refused (a blocked build), or the setup error, thrown. */
    async settle(): Promise<Diagnostic[]> {
      const problems = run ? await run : [];
      if (failure) throw failure.error;
      return problems;
    },
  };
}

/**
 * The sandbox, set up once before the first output is judged again with no request: a missing
 * sandbox is the setup error it is for a build (thrown after the jobs, like preflight's).
 */
export function lazySandbox(runtime: Runtime): () => Promise<boolean> {
  let ready: boolean | undefined;
  return async () => {
    if (ready === undefined) {
      runtime.requireSandbox();
      ready = true;
    }
    return ready;
  };
}

/**
 * With --batch a job spends most of its life waiting for a batch, so the concurrency limit moves
 * from jobs to validation: every ready job joins the wave's batch, and at most `concurrency`
 * validations run at once.
 */
export function batchedConcurrency(config: SpecccConfig, validator: Validator): { config: SpecccConfig; validator: Validator } {
  const limit = pLimit(config.concurrency);
  return {
    config: { ...config, concurrency: Number.POSITIVE_INFINITY },
    validator: {
      visible: (input) => limit(() => validator.visible(input)),
      holdout: (input) => limit(() => validator.holdout(input)),
      mutate: (input) => limit(() => validator.mutate(input)),
      prove: (input) => limit(() => validator.prove(input)),
    },
  };
}

/** A shard's role for the job runner: its partition, and the shared cache it waits on for other shards' results. */
export function shardRole(partition: ShardPartition, runtime: Runtime, waitMs: number): ShardRole {
  const shared = runtime.shared;
  if (!shared) throw new Error('bug: a shard without a shared cache');
  const n = partition.shard.count;
  return {
    owns: (id) => partition.owned.has(id),
    needs: (id) => partition.needed.has(id),
    ownerOf: (id) => `shard ${partition.shardOf.get(id) ?? '?'}/${n}`,
    waitFor: (key, context, signal) => shared.waitFor(key, context, waitMs, signal),
  };
}

export function runnerInputs(root: string, options: { mode: 'plan' | 'build' | 'promote'; runtime?: Runtime; onEvent?: (event: BuildEvent) => void }, config: SpecccConfig, prompts: BuildPrompts, holdouts: HoldoutSet): Omit<RunJobsInput, 'plan' | 'planInput' | 'signal' | 'current'> {
  const runtime = options.mode === 'plan' ? null : options.runtime!;
  const building = options.mode === 'build';
  const maxAttempts = 1 + config.validation.maxFixAttempts;
  // The shared prefix, block by block, for the next run to compare with (a prompt-cache miss names the block that changed).
  if (runtime && building) runtime.trace.write({ type: 'prefix', blocks: prompts.prefixBlocks, ttl: runtime.batch ? '1h' : '5m', caching: config.model.promptCaching });
  const batched = runtime?.batch && building ? batchedConcurrency(config, runtime.validator) : null;
  return {
    config: batched?.config ?? config,
    agent: building ? runtime!.agent : null,
    // Only a build runs code: --check, --dry-run and manual promotion judge nothing.
    validator: building ? (batched?.validator ?? runtime!.validator) : null,
    verdicts: building ? verdictStore(root) : readOnlyVerdictStore(root),
    holdouts,
    ...(building ? { beforeJudge: lazySandbox(runtime!) } : {}),
    providerLabel: runtime?.providerLabel ?? 'none',
    // Plan mode still reads the store: a stored result means "restored, no agent call".
    results: runtime?.results ?? resultStore(root),
    trace: runtime?.trace ?? nullTrace,
    redact: runtime?.redact ?? ((t: string) => t),
    clock: runtime?.clock ?? Date.now,
    renderFix: (job, attempt, failures) => prompts.renderFix(job.spec, attempt, maxAttempts, failures),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };
}

/** The staged tree's location and the files speccc writes into generated/ itself: the manifest and the README. */
export function promotionFiles(root: string, next: NextTree, runtime: Runtime) {
  const providers = [...new Set([...next.manifest.specs.values()].map((e) => e.provider))].sort();
  return {
    stagingDir: stagingDirOf(root, runtime.runId),
    next: next.files,
    extra: new Map([
      [MANIFEST_PATH, manifestJson(next.manifest)],
      ['README.md', generatedReadme(providers)],
    ]),
  };
}

/**
 * Records that every input as it is now builds to the tree as it is now — but only when every
 * job ended up to date and the sources are byte-identical to what the plan read: a spec edited
 * while the build ran is never stamped as built.
 */
export async function stampIfUnchanged(root: string, read: ReadInputs, tree: GeneratedTree, plan: Plan, outcomes: ReadonlyMap<string, JobOutcome>, promoted: boolean): Promise<void> {
  // In a plan, "reused" means "would be restored": only a promoting run makes it so.
  const allDone = [...outcomes.values()].every((o) => o.state === 'fresh' || (promoted && (o.state === 'built' || o.state === 'reused')));
  if (!allDone || plan.orphans.length > 0 || tree.manifestProblem !== null) return;
  const after = await readInputs(root);
  if (sourcesDigest(after.inputs) !== sourcesDigest(read.inputs)) return;
  await stampBuild(root, buildDigest(after.inputs), { specs: plan.jobs.length });
}
