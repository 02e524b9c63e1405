/**
 * Requirement coverage across edits, as check() judges it: which specs are built (and so whose
 * generated tests count) changes only with frontmatter; a spec's own findings change with its
 * requirements; ids that tests and holdouts name and no spec has change with any spec's ids.
 * Each function returns the files whose coverage findings it may have changed.
 */
import type { Diagnostic, HoldoutCoverage, HoldoutText, ModelledFile, Spec, TestReader, Workspace } from '../types/index.js';
import {
  generatedTestsOf,
  holdoutCoverage,
  judgedSpecs,
  namingFiles,
  readTests as readTestCases,
  recordedProof,
  unknownRequirementIds,
  untestedRequirements,
  type GeneratedTests,
} from '../phases/3-check/coverage.js';
import { groupByFile } from './by-file.js';
import { outputsOf, requirementIdsKey, union, type ChangedSpec } from './changed-spec.js';
import type { IncrementalInputs } from './types.js';

export interface CoverageState {
  readonly tree: IncrementalInputs['tree'];
  readonly holdouts: readonly HoldoutText[];
  readonly readTests: TestReader;
  readonly holdoutCases: readonly HoldoutCoverage[];
  /** The specs check() judges as built, by model (a changed model is carried over by hand). */
  built: Set<Spec>;
  generatedTests: GeneratedTests[];
  /** Requirements no test names, by spec file. */
  readonly untested: Map<string, Diagnostic[]>;
  /** Ids that tests and holdouts name and no spec has, by test file. */
  unknownIds: Map<string, Diagnostic[]>;
}

/** The specs' models as coverage reads them. */
export interface CoverageView {
  workspace: Workspace;
  byFile: ReadonlyMap<string, ModelledFile>;
}

export function createCoverage(inputs: Pick<IncrementalInputs, 'tree' | 'holdouts' | 'readTests'>): CoverageState {
  const readTests = memo(inputs.readTests ?? readTestCases);
  return {
    tree: inputs.tree,
    holdouts: inputs.holdouts,
    readTests,
    holdoutCases: holdoutCoverage(inputs.holdouts, readTests),
    built: new Set(),
    generatedTests: [],
    untested: new Map(),
    unknownIds: new Map(),
  };
}

/** Test files do not change during a session: each is read (parsed) once. */
function memo(read: TestReader): TestReader {
  const seen = new Map<string, ReturnType<TestReader>>();
  return (file, text) => {
    const key = `${file}\u0000${text}`;
    let hit = seen.get(key);
    if (!hit) seen.set(key, (hit = read(file, text)));
    return hit;
  };
}

/** Judges again which specs are built (`'all'`), or only `files` when that cannot have moved; and the unknown ids when `idsMoved`. */
export function judgeCoverage(cov: CoverageState, view: CoverageView, files: Iterable<string> | 'all', idsMoved = false): Set<string> {
  const touched = new Set<string>();
  if (files === 'all') {
    const now = judgedSpecs(view.workspace, cov.tree.manifest, cov.tree.hashes);
    cov.built = new Set(now);
    cov.generatedTests = now.length === 0 ? [] : generatedTestsOf(now, cov.tree.files, cov.readTests);
    for (const f of cov.untested.keys()) touched.add(f);
    cov.untested.clear();
    files = view.byFile.keys();
    idsMoved = true;
  }
  if (idsMoved) for (const f of judgeUnknownIds(cov, view.workspace)) touched.add(f);
  for (const f of files) {
    const list = untestedIn(cov, view.byFile.get(f)?.spec);
    if (list.length > 0 || cov.untested.has(f)) touched.add(f);
    if (list.length > 0) cov.untested.set(f, list);
    else cov.untested.delete(f);
  }
  return touched;
}

function untestedIn(cov: CoverageState, spec: Spec | null | undefined): Diagnostic[] {
  if (!spec || !cov.built.has(spec)) return [];
  return untestedRequirements(spec, cov.generatedTests, cov.holdoutCases, recordedProof(cov.tree.manifest.specs.get(spec.frontmatter!.id)));
}

function judgeUnknownIds(cov: CoverageState, workspace: Workspace): Set<string> {
  const before = cov.unknownIds;
  const naming = cov.built.size === 0 ? [] : namingFiles(workspace, cov.generatedTests, cov.tree.files, cov.holdoutCases, cov.holdouts);
  cov.unknownIds = groupByFile(unknownRequirementIds(workspace, naming));
  return union(before.keys(), cov.unknownIds.keys());
}

/**
 * After an edit of `changed` (no spec added or removed). A built spec's model changed, so `built`
 * (kept by model) is carried over to the new model either way. When a frontmatter edit leaves
 * the set of built specs, and their outputs (whose test files are counted), as they were (most
 * edits do), only the changed specs are judged again.
 */
export function carryCoverage(cov: CoverageState, view: CoverageView, changed: readonly ChangedSpec[]): Set<string> {
  const carried = new Set(cov.built);
  const outputsMoved = changed.some((c) => c.before.spec !== null && cov.built.has(c.before.spec) && JSON.stringify(outputsOf(c.before)) !== JSON.stringify(outputsOf(c.after)));
  for (const c of changed) if (c.before.spec && carried.delete(c.before.spec) && c.after.spec) carried.add(c.after.spec);
  const sameBuilt = !changed.some((c) => c.frontmatter) || (!outputsMoved && sameSet(carried, judgedSpecs(view.workspace, cov.tree.manifest, cov.tree.hashes)));
  if (sameBuilt) cov.built = carried;
  // Which ids exist moves with any spec's requirements, not only a built one's.
  const idsMoved = changed.some((c) => requirementIdsKey(c.before) !== requirementIdsKey(c.after));
  return judgeCoverage(cov, view, sameBuilt ? changed.map((c) => c.file) : 'all', idsMoved);
}

const sameSet = <T>(a: ReadonlySet<T>, b: readonly T[]) => a.size === b.length && b.every((x) => a.has(x));

/** Every coverage finding on `file`. */
export const coverageOn = (cov: CoverageState, file: string): Diagnostic[] => [...(cov.untested.get(file) ?? []), ...(cov.unknownIds.get(file) ?? [])];
