/**
 * `verify`: every holdout scenario run against generated/ as it is, sealed, and with `--mutate`
 * a mutation score per spec. Reads the workspace once (the snapshot: config, specs, the scenarios
 * folder and its checks), checks it, then judges; the command prints what this returns.
 */
import type { MutationResult, ScenarioVerdict, Spec, Survivor, Validator } from '../types/index.js';
import type { VerifyHistoryLine } from '../io/verify-history.js';
import { readRawConfig } from '../io/raw-config.js';
import { recoverUnderLock } from '../io/recover.js';
import { readGeneratedTree } from '../io/generated-tree.js';
import { buildableInOrder } from '../phases/5-plan/index.js';
import { twinsUsedBy } from '../phases/2-model/twins.js';
import { checkSnapshot, type CheckResult } from './check.js';
import { readSnapshot, type Snapshot } from './snapshot.js';
import { SPECCC_VERSION } from '../version.js';
import path from 'node:path';

export interface SpecVerdict {
  spec: string;
  scenarios: ScenarioVerdict[];
  passed: boolean;
  mutation?: SpecMutation;
}

/** `verify --mutate`: one spec's mutation score (the Stryker run's counts), or why it has none. */
export interface SpecMutation extends Omit<MutationResult, 'survivors'> {
  files: string[];
  durationMs: number;
  /** Mutants no holdout caught, each with the requirement ids of the code it sits in (from the code's `[id]` comments). */
  survivors: (Survivor & { requirements: string[] })[];
  /** Set when nothing was scored. */
  error?: string;
  /** Below `promotion.minMutationScore`. */
  belowMinimum?: boolean;
}

/** The workspace as verify reads it: recovered, read once (with `--scenarios DIR` as its scenarios folder), checked. */
export async function readForVerify(root: string, scenariosDir: string | undefined): Promise<{ snapshot: Snapshot; checked: CheckResult }> {
  const raw = await readRawConfig(root);
  await recoverUnderLock(root, raw, false);
  const snapshot = await readSnapshot(root, { raw, ...(scenariosDir ? { scenariosDir } : {}) });
  return { snapshot, checked: await checkSnapshot(snapshot) };
}

export interface JudgeOptions {
  snapshot: Snapshot;
  checked: CheckResult;
  specs: readonly Spec[];
  validator: Validator;
  mutate: boolean;
  signal: AbortSignal;
  /** fast-check's seed for property holdouts (`verify --seed`): replays the run that printed it. */
  seed?: number;
  /** Heard before each mutation run (it takes minutes). */
  onMutating?: (specId: string, files: string[], scenarios: number) => void;
}

/** Each spec's holdout verdict (and mutation score), and the specs with no holdout check. */
export async function judgeSpecs(options: JudgeOptions): Promise<{ verdicts: SpecVerdict[]; unverified: string[] }> {
  const { snapshot, checked, validator, signal } = options;
  const seeded = options.seed !== undefined ? { seed: options.seed } : {};
  const tree = await readGeneratedTree(path.join(snapshot.root, checked.config.paths.generated), SPECCC_VERSION);
  const minimum = checked.config.promotion.minMutationScore;
  const verdicts: SpecVerdict[] = [];
  const unverified: string[] = [];
  for (const spec of options.specs) {
    const id = spec.frontmatter!.id;
    const twins = twinsUsedBy(spec, checked.workspace);
    const checks = snapshot.scenarios.holdouts.get(id) ?? [];
    const run = await validator.holdout({ specId: id, checks, tree: tree.files, twins, signal, ...seeded });
    if (run.scenarios.length === 0) {
      unverified.push(id);
      continue;
    }
    const verdict: SpecVerdict = { spec: id, scenarios: run.scenarios, passed: run.passed };
    if (options.mutate) {
      const files = mutationTargets(spec.frontmatter!.outputs, tree.files);
      if (!run.passed) verdict.mutation = notScored(files, 'its holdout scenarios fail: mutants are judged only against passing scenarios');
      else {
        options.onMutating?.(id, files, run.scenarios.length);
        const m = await validator.mutate({ specId: id, checks, tree: tree.files, mutate: files, twins, signal, ...seeded });
        verdict.mutation = m.result ? await scored(files, m.result, m.durationMs, tree.files, minimum) : notScored(files, m.error ?? 'not scored', m.durationMs);
      }
    }
    verdicts.push(verdict);
  }
  return { verdicts, unverified };
}

/** Ids of the ready specs that build, in build order (what a mistyped id is compared with). */
export const readyIds = (checked: CheckResult): string[] => buildableInOrder(checked.workspace).map((s) => s.frontmatter!.id);

/** The ready specs to verify, by id; `specId` narrows to one. */
export function specsToVerify(checked: CheckResult, specId: string | undefined): Spec[] {
  return buildableInOrder(checked.workspace)
    .filter((s) => specId === undefined || s.frontmatter!.id === specId)
    .sort((a, b) => (a.frontmatter!.id < b.frontmatter!.id ? -1 : 1));
}

/** The line `verify --history` reads back: every scenario's result (with its failure and, for a property, its runs and seed), the unverified specs, the mutation scores. */
export function historyLine(verdicts: readonly SpecVerdict[], unverified: string[], at: Date): VerifyHistoryLine {
  const mutated = verdicts.filter((v) => v.mutation && v.mutation.error === undefined);
  return {
    at: at.toISOString(),
    results: verdicts.flatMap((v) => v.scenarios.map((s) => ({ spec: v.spec, scenario: s.name, passed: s.passed, ...(s.failure ? { failure: s.failure } : {}), ...(s.property ? { property: s.property } : {}) }))),
    unverified,
    ...(mutated.length > 0
      ? { mutation: mutated.map(({ spec, mutation: m }) => ({ spec, score: m!.score, killed: m!.killed, survived: m!.survived, timedOut: m!.timedOut, noCoverage: m!.noCoverage, total: m!.total, durationMs: m!.durationMs })) }
      : {}),
  };
}

/** What a mutation run mutates: the spec's generated TypeScript and JavaScript, never its tests. */
function mutationTargets(outputs: readonly string[], files: ReadonlyMap<string, string>): string[] {
  return outputs.filter((o) => /\.[cm]?[jt]sx?$/.test(o) && !/\.(?:test|spec)\.[cm]?[jt]sx?$/.test(o) && !/\.d\.ts$/.test(o) && files.has(o));
}

function notScored(files: string[], error: string, durationMs = 0): SpecMutation {
  return { files, score: null, killed: 0, survived: 0, timedOut: 0, noCoverage: 0, total: 0, durationMs, survivors: [], error };
}

async function scored(files: string[], r: MutationResult, durationMs: number, tree: ReadonlyMap<string, string>, minimum: number | undefined): Promise<SpecMutation> {
  const { codeRequirements, requirementsAtLine } = await import('../phases/3-check/coverage.js');
  const spans = new Map(files.map((f) => [f, codeRequirements(f, tree.get(f) ?? '')]));
  return {
    files,
    score: r.score,
    killed: r.killed,
    survived: r.survived,
    timedOut: r.timedOut,
    noCoverage: r.noCoverage,
    total: r.total,
    durationMs,
    survivors: r.survivors.map((s) => ({ ...s, requirements: requirementsAtLine(spans.get(s.file) ?? [], s.line) })),
    ...(minimum !== undefined && (r.score === null || r.score < minimum) ? { belowMinimum: true } : {}),
  };
}
