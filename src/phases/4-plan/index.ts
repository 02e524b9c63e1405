/**
 * Phase 4: the checked workspace + the last manifest -> the build plan: which ready specs are
 * stale and why, in dependency order. Entry: planBuild. Pure: rendering arrives as a function,
 * current generated files as data.
 */
import type { Spec, SpecccConfig, Workspace } from '../../types.js';
import type { Manifest } from './manifest.js';
import { prepareJob, type JobEnvironment, type PreparedJob } from './prepare-job.js';

export type StaleReason =
  | 'never-built'
  | 'forced'
  | 'spec-changed'
  | 'dependency-changed'
  | 'context-changed'
  | 'template-changed'
  | 'config-changed'
  | 'speccc-changed'
  | 'output-edited'
  | 'output-missing';

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
};

export interface PlannedJob {
  id: string;
  spec: Spec;
  /** Ids of ready specs with outputs that this one depends on (constraint specs are in every system prompt). */
  deps: string[];
  state: 'fresh' | 'stale';
  reasons: StaleReason[];
  /** Known when every dependency is fresh; otherwise computed once they are rebuilt. */
  prepared: PreparedJob | null;
  /** Output paths whose file differs from the manifest (hand edits). */
  drifted: string[];
}

export interface Plan {
  /** Ready, buildable specs in dependency order. */
  jobs: PlannedJob[];
  /** Files recorded in the manifest or present in generated/ that no ready spec owns any more. */
  orphans: string[];
}

export type ForceSpec = 'all' | ReadonlySet<string> | null;

export interface PlanInput extends JobEnvironment {
  workspace: Workspace;
  config: SpecccConfig;
  manifest: Manifest;
  /** Files currently in generated/, path -> sha256 (speccc's own files under .speccc/ excluded). */
  generatedHashes: ReadonlyMap<string, string>;
  force: ForceSpec;
}

/** Ready feature/architecture specs in dependency order (ids sorted within a wave, for stable output). */
export function buildableInOrder(workspace: Workspace): Spec[] {
  const ready = [...workspace.byId.values()].filter((s) => s.frontmatter!.status === 'ready' && s.frontmatter!.kind !== 'constraint');
  const ids = new Set(ready.map((s) => s.frontmatter!.id));
  const done = new Set<string>();
  const order: Spec[] = [];
  let remaining = ready.sort((a, b) => (a.frontmatter!.id < b.frontmatter!.id ? -1 : 1));
  while (remaining.length > 0) {
    const wave = remaining.filter((s) => s.frontmatter!.depends_on.every((d) => !ids.has(d) || done.has(d)));
    if (wave.length === 0) break; // a cycle: check reports it and blocks the build before planning
    for (const s of wave) done.add(s.frontmatter!.id);
    order.push(...wave);
    remaining = remaining.filter((s) => !done.has(s.frontmatter!.id));
  }
  return order;
}

export function planBuild(input: PlanInput): Plan {
  const order = buildableInOrder(input.workspace);
  const planned = new Map<string, PlannedJob>();
  for (const spec of order) {
    const fm = spec.frontmatter!;
    const deps = fm.depends_on.filter((d) => order.some((s) => s.frontmatter!.id === d));
    const entry = input.manifest.specs[fm.id];
    const reasons: StaleReason[] = [];
    const drifted: string[] = [];
    if (input.force === 'all' || input.force?.has(fm.id)) reasons.push('forced');
    if (!entry) reasons.push('never-built');
    else {
      for (const output of fm.outputs) {
        const onDisk = input.generatedHashes.get(output);
        const recorded = entry.outputs[output];
        if (onDisk === undefined) reasons.includes('output-missing') || reasons.push('output-missing');
        else if (recorded !== undefined && onDisk !== recorded) {
          drifted.push(output);
          reasons.includes('output-edited') || reasons.push('output-edited');
        }
      }
    }
    // Against the dependencies' current outputs; a stale dependency may still change them, so its
    // dependents are stale until the rebuilt outputs are known (runJobs then re-keys them).
    const depStale = deps.some((d) => planned.get(d)?.state === 'stale');
    const prepared = prepareJob(input, spec, deps);
    if (entry && prepared.key !== entry.jobKey) reasons.push(...explain(prepared, entry.inputs));
    if (entry && depStale) reasons.push('dependency-changed');
    planned.set(fm.id, { id: fm.id, spec, deps, state: reasons.length > 0 ? 'stale' : 'fresh', reasons: unique(reasons), prepared: depStale ? null : prepared, drifted });
  }
  const owned = new Set(order.flatMap((s) => s.frontmatter!.outputs));
  const known = new Set([...Object.values(input.manifest.specs).flatMap((e) => Object.keys(e.outputs)), ...input.generatedHashes.keys()]);
  const orphans = [...known].filter((p) => !owned.has(p)).sort();
  return { jobs: [...planned.values()], orphans };
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

const unique = <T>(list: T[]) => [...new Set(list)];

