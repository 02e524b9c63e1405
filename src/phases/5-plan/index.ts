/**
 * Phase 5: rendered prompts + the last manifest + the generated tree -> the build plan: which
 * ready specs are stale and why, in dependency order, and (decideJob) what each job should do
 * once its dependencies have settled: keep its output, restore a stored result, or generate.
 * Pure: rendering arrives as a function from phase 4, the tree and the result store as data.
 */
import { onlyVerdictStale } from './verdict-only.js';
import type { ForceSpec, JobDecision, Manifest, Plan, PlannedJob, PreparedJob, Spec, StaleReason, StoredResult, Workspace } from '../../types/index.js';
import { prepareJob, type JobEnvironment } from './prepare-job.js';
import { sameVerdictKey, verdictKey, type GateInputs } from './verdict-key.js';
import { stagedTree } from './staged-tree.js';
import { isHandOwned } from './hand-owned.js';

export const REASON_TEXT: Record<StaleReason, string> = {
  'never-built': 'never built',
  forced: 'forced',
  'spec-changed': 'spec changed',
  'dependency-changed': 'dependency changed',
  'context-changed': 'context changed',
  'template-changed': 'template changed',
  'config-changed': 'config changed',
  'speccc-changed': 'speccc version changed',
  'output-edited': 'output edited by hand',
  'output-missing': 'output missing',
  'verdict-stale': 'judged under other holdouts or settings',
};

export interface PlanInput extends JobEnvironment {
  workspace: Workspace;
  manifest: Manifest;
  /** Files currently in generated/, path -> sha256 (speccc's own files under .speccc/ excluded). */
  generatedHashes: ReadonlyMap<string, string>;
  force: ForceSpec;
  /** The run's holdout set and validation settings, digested: what every verdict key is made of besides the tree. */
  gate: GateInputs;
}

export { isHandOwned } from './hand-owned.js';

/**
 * Hand-owned specs a spec builds on, directly or through other hand-owned specs: their files are
 * in the tree as they are, and its code may import them like any dependency's outputs.
 */
function handOwnedClosure(workspace: Workspace, spec: Spec): string[] {
  const out = new Set<string>();
  const visit = (s: Spec) => {
    for (const id of s.frontmatter!.depends_on) {
      const dep = workspace.byId.get(id);
      if (!dep || !isHandOwned(dep) || out.has(id)) continue;
      out.add(id);
      visit(dep);
    }
  };
  visit(spec);
  return [...out].sort();
}

/** What must be built before a spec: its dependencies and the twins it uses. */
const before = (s: Spec) => [...s.frontmatter!.depends_on, ...s.frontmatter!.uses_twins];

/** Ready feature/architecture/twin specs in dependency order (ids sorted within a wave, for stable output). */
export function buildableInOrder(workspace: Workspace): Spec[] {
  const ready = [...workspace.byId.values()].filter((s) => s.frontmatter!.status === 'ready' && s.frontmatter!.kind !== 'constraint' && !isHandOwned(s));
  const ids = new Set(ready.map((s) => s.frontmatter!.id));
  const done = new Set<string>();
  const order: Spec[] = [];
  let remaining = ready.sort((a, b) => (a.frontmatter!.id < b.frontmatter!.id ? -1 : 1));
  while (remaining.length > 0) {
    const wave = remaining.filter((s) => before(s).every((d) => !ids.has(d) || done.has(d)));
    if (wave.length === 0) break; // a cycle: check reports it and blocks the build before planning
    for (const s of wave) done.add(s.frontmatter!.id);
    order.push(...wave);
    remaining = remaining.filter((s) => !done.has(s.frontmatter!.id));
  }
  return order;
}

export { onlyVerdictStale };

export function planBuild(input: PlanInput): Plan {
  const order = buildableInOrder(input.workspace);
  const inOrder = new Set(order.map((s) => s.frontmatter!.id));
  const planned = new Map<string, PlannedJob>();
  const position = new Map(order.map((s, i) => [s.frontmatter!.id, i]));
  for (const spec of order) {
    const fm = spec.frontmatter!;
    const deps = fm.depends_on.filter((d) => inOrder.has(d));
    // Every spec it builds on, directly or not, in build order: its code may import any of them.
    const built = [...new Set(deps.flatMap((d) => [...planned.get(d)!.closure, d]))].filter((d) => position.has(d)).sort((a, b) => position.get(a)! - position.get(b)!);
    // Hand-owned dependencies first: their files are there already, never built in this run.
    const closure = [...new Set([...handOwnedClosure(input.workspace, spec), ...built.flatMap((d) => handOwnedClosure(input.workspace, input.workspace.byId.get(d)!))]), ...built];
    const twins = fm.kind === 'twin' ? [] : fm.uses_twins.filter((t) => inOrder.has(t) && input.workspace.byId.get(t)?.frontmatter?.kind === 'twin');
    const entry = input.manifest.specs.get(fm.id);
    const reasons: StaleReason[] = [];
    const drifted: string[] = [];
    if (input.force === 'all' || input.force?.has(fm.id)) reasons.push('forced');
    if (!entry) reasons.push('never-built');
    else {
      for (const output of fm.outputs) {
        const onDisk = input.generatedHashes.get(output);
        const recorded = Object.hasOwn(entry.outputs, output) ? entry.outputs[output] : undefined;
        if (onDisk === undefined) reasons.includes('output-missing') || reasons.push('output-missing');
        else if (recorded !== undefined && onDisk !== recorded) {
          drifted.push(output);
          reasons.includes('output-edited') || reasons.push('output-edited');
        }
      }
    }
    // Against the dependencies' current outputs; a stale dependency may still change them, so its
    // dependents are stale until the rebuilt outputs are known (decideJob then re-keys them). One
    // that is only judged again keeps its outputs whatever the verdict: its dependents stand.
    const depStale = [...closure, ...twins].some((d) => { const dep = planned.get(d); return dep?.state === 'stale' && !onlyVerdictStale(dep); });
    const prepared = prepareJob(input, spec, closure);
    if (entry && prepared.key !== entry.jobKey) reasons.push(...explain(prepared, entry.inputs));
    if (entry && depStale) reasons.push('dependency-changed');
    const job: PlannedJob = { id: fm.id, spec, deps, closure, twins, state: 'fresh', reasons: [], prepared: depStale ? null : prepared, drifted };
    // Unchanged output is up to date only while the verdict it was promoted under still holds.
    if (entry && reasons.length === 0 && !depStale && !sameVerdictKey(entry.verdict?.key, currentVerdictKey(input, job, input.outputOf))) reasons.push('verdict-stale');
    planned.set(fm.id, { ...job, state: reasons.length > 0 ? 'stale' : 'fresh', reasons: [...new Set(reasons)] });
  }
  // The team's own files (owner: hand) are neither built nor orphans: a build keeps them as they are.
  const handOwned = [...new Set([...input.workspace.byId.values()].filter(isHandOwned).flatMap((s) => s.frontmatter!.outputs))].filter((p) => input.generatedHashes.has(p)).sort();
  const owned = new Set([...order.flatMap((s) => s.frontmatter!.outputs), ...handOwned]);
  const known = new Set([...[...input.manifest.specs.values()].flatMap((e) => Object.keys(e.outputs)), ...input.generatedHashes.keys()]);
  const orphans = [...known].filter((p) => !owned.has(p)).sort();
  return { jobs: [...planned.values()], orphans, ...(handOwned.length > 0 ? { handOwned } : {}) };
}

function explain(prepared: PreparedJob, recorded: PreparedJob['inputs']): StaleReason[] {
  const reasons: StaleReason[] = [];
  if (prepared.inputs.spec !== recorded.spec) reasons.push('spec-changed');
  if (prepared.inputs.dependencies !== recorded.dependencies) reasons.push('dependency-changed');
  if (prepared.inputs.system !== recorded.system) reasons.push('context-changed');
  if (prepared.inputs.templates !== recorded.templates) reasons.push('template-changed');
  if (prepared.inputs.settings !== recorded.settings) reasons.push('config-changed');
  return reasons.length > 0 ? reasons : ['speccc-changed'];
}

/** The verdict key of a job's output as it stands in the tree `outputOf` describes. */
export function currentVerdictKey(plan: PlanInput, job: PlannedJob, outputOf: (path: string) => string | undefined) {
  const own = new Map(job.spec.frontmatter!.outputs.map((p) => [p, outputOf(p) ?? '']));
  return verdictKey({ specId: job.id, outputs: job.spec.frontmatter!.outputs, tree: stagedTree(plan.workspace, job, outputOf, own), config: plan.config, gate: plan.gate });
}

export interface DecideInput {
  plan: PlanInput;
  job: PlannedJob;
  /** Generated files as this build will leave them so far: rebuilt dependencies' new outputs, else the current tree. */
  outputOf: (path: string) => string | undefined;
  /** Whether any dependency was rebuilt or restored in this build (its outputs may differ from the plan's). */
  dependencyRebuilt: boolean;
  /** The result store's entry for the job's key, looked up by the caller. */
  stored: (key: string) => Promise<StoredResult | undefined>;
  /** False under --check and --dry-run: never generate. */
  mayGenerate: boolean;
}

/**
 * What a job does once its dependencies have settled. Early cut-off: a job that was stale only
 * because a dependency changed keeps its output when the rebuilt dependency's outputs give it
 * the same key as the manifest's.
 */
export async function decideJob(input: DecideInput): Promise<JobDecision> {
  const { job } = input;
  const prepared = job.prepared && !input.dependencyRebuilt ? job.prepared : prepareJob({ ...input.plan, outputOf: input.outputOf }, job.spec, job.closure);
  const entry = input.plan.manifest.specs.get(job.id);
  const keyUnchanged = entry?.jobKey === prepared.key;
  const onlyDependency = job.reasons.length > 0 && job.reasons.every((r) => r === 'dependency-changed' || r === 'verdict-stale');
  if (keyUnchanged && (job.state === 'fresh' || onlyDependency)) {
    // The same output: kept as it is while its verdict holds, else judged again (never generated again).
    if (sameVerdictKey(entry.verdict?.key, currentVerdictKey(input.plan, job, input.outputOf))) return { action: 'fresh', prepared, cutOff: job.state === 'stale' };
    return { action: 'rejudge', prepared };
  }
  // --force means "ask the agent again": neither the manifest nor the result store may answer.
  const stored = job.reasons.includes('forced') ? undefined : await input.stored(prepared.key);
  if (stored?.stage === 'passed') return { action: 'reuse', prepared, result: stored };
  if (!input.mayGenerate) return { action: 'leave-stale', prepared };
  return { action: 'generate', prepared, ...(stored?.stage === 'candidate' ? { candidate: stored } : {}) };
}
