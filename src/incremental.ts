/**
 * The incremental check: every spec's bytes, model and findings stay in memory between edits, so
 * an edit (a saved file, or an editor's unsaved buffer) re-models only the changed specs and
 * re-runs each rule only where the change can reach. It finds exactly what `check()` finds on the
 * same contents (test/incremental/parity.test.ts compares the two on random edit sequences).
 *
 * What an edit to spec E re-runs:
 * - rules that judge one spec at a time (FILE_SCOPED): on E only;
 * - rules that read other specs through their frontmatter only (WORKSPACE_SCOPES): when E's
 *   frontmatter (values or spans) is unchanged, on E alone with the specs E points at as context
 *   (links, shared outputs); when it changed, on E and the specs whose findings E's frontmatter
 *   feeds (its dependents, the specs sharing its id or outputs), or over the whole workspace for
 *   the cheap whole-graph ones (dependency cycles, model prices, the generated tree);
 * - any other rule (one added later and not listed here): over the whole workspace, every time;
 * - requirement coverage (built specs whose requirements no test or holdout names): on E only,
 *   or on every spec when E's frontmatter changed (which specs count as built can move).
 * A changed context document re-runs the rules that read the glossary over the whole workspace; a
 * spec added or removed re-runs every rule (models are kept).
 */
import path from 'node:path';
import type { ContextDoc, Diagnostic, HoldoutCoverage, HoldoutText, ModelledFile, Spec, SpecccConfig, TestReader, Workspace } from './types/index.js';
import type { LoadedConfig } from './config/parse.js';
import { loadConfig } from './io/config-file.js';
import { isReadme, readWorkspaceFiles, type ReadFile, type WorkspaceFiles } from './io/workspace-files.js';
import { readGeneratedTree } from './io/generated-tree.js';
import { isFolder, listScenarios, readHoldoutTexts } from './io/holdouts.js';
import { openTestCache } from './io/test-cache.js';
import { assembleWorkspace, decodeContext, indexIds, modelFiles } from './workspace.js';
import { inputProblems, type ScenariosFolder } from './pipeline-steps.js';
import { sha256 } from './hash.js';
import { parseSpecFile } from './phases/1-parse/index.js';
import { modelSpec } from './phases/2-model/index.js';
import { dedupe, sortDiagnostics } from './phases/3-check/index.js';
import { applySuppressions } from './phases/3-check/suppressions.js';
import { createLineIndex, type LineIndex } from './phases/1-parse/line-index.js';
import { checkGeneratedTree } from './phases/3-check/generated-drift.js';
import { judgedSpecs, generatedTestsOf, holdoutCoverage, namingFiles, readTests as readTestCases, recordedProof, unknownRequirementIds, untestedRequirements, type GeneratedTests } from './phases/3-check/coverage.js';
import type { CheckContext, Rule } from './phases/3-check/rule.js';
import { RULE_CODES, RULES } from './phases/3-check/rules/index.js';
import type { GeneratedTree } from './io/generated-tree.js';
import { SPECCC_VERSION } from './version.js';

/**
 * Rules whose findings on a spec depend on that spec alone (plus the glossary and the config).
 * A rule listed here that starts reading other specs would make the session miss findings:
 * test/incremental/parity.test.ts compares the session with check() after random edits.
 */
export const FILE_SCOPED: ReadonlySet<string> = new Set([
  'title',
  'required-sections',
  'scenarios',
  'inputs-invalid-case',
  'placeholder-text',
  'vague-wording',
  'weak-modal',
  'comparative-no-reference',
  'open-ended-list',
  'loophole',
  'number-without-unit',
  'between-ends-unclear',
  'passive-no-actor',
  'vague-pronoun',
  'unbounded-absolute',
  'incomplete-reference',
  'drafted-unconfirmed',
  'glossary-terms',
]);

/** File-scoped rules that also read the context documents (the glossary): re-run everywhere when one changes. */
const READS_CONTEXT: ReadonlySet<string> = new Set(['glossary-terms']);

/** A spec whose content changed in one update. */
interface Changed {
  file: string;
  before: ModelledFile;
  after: ModelledFile;
  /** Frontmatter values or spans differ (so other specs' findings may too). */
  frontmatter: boolean;
}

/** What a rule must re-judge after an update, and what it must see to judge those files exactly. */
interface Scope {
  recheck(changed: readonly Changed[], idx: Indexes, previous: ReadonlyMap<string, readonly Diagnostic[]>, byId: ReadonlyMap<string, Spec>): Set<string> | 'all' | 'none';
  /** Further specs the rule reads when judging `file` (their own findings are not kept). */
  context?(file: ModelledFile, idx: Indexes): Iterable<string>;
}

/** Files (or ids, outputs) -> the specs that mention them: what an edit's reach is computed from. */
interface Indexes {
  byFile: Map<string, ModelledFile>;
  /** id -> specs with that id in their frontmatter. */
  withId: Map<string, Set<string>>;
  /** id -> specs listing it in depends_on. */
  dependents: Map<string, Set<string>>;
  /** spec file -> specs linking to it. */
  linkers: Map<string, Set<string>>;
  /** output path -> specs declaring it. */
  owners: Map<string, Set<string>>;
  /** twin id -> specs listing it in uses_twins. */
  twinUsers: Map<string, Set<string>>;
}

const idOf = (m: ModelledFile | undefined) => m?.spec?.frontmatter?.id;
const isTwin = (m: ModelledFile | undefined) => m?.spec?.frontmatter?.kind === 'twin';
const sameSet = <T>(a: ReadonlySet<T>, b: readonly T[]) => a.size === b.length && b.every((x) => a.has(x));
const union = (...sets: (Iterable<string> | undefined)[]) => {
  const out = new Set<string>();
  for (const s of sets) if (s) for (const x of s) out.add(x);
  return out;
};

/**
 * How far each cross-spec rule reaches. These read other specs only through frontmatter (ids,
 * kind, status, depends_on, outputs, model and their spans) and whether a spec file exists; a
 * spec's own findings may also depend on its own body (links, the Outputs section).
 */
const WORKSPACE_SCOPES: Readonly<Record<string, Scope>> = {
  'duplicate-id': {
    recheck: (changed, idx) => union(...changed.filter((c) => c.frontmatter).flatMap((c) => [[c.file], idx.withId.get(idOf(c.before) ?? ''), idx.withId.get(idOf(c.after) ?? '')])),
    context: (m, idx) => idx.withId.get(idOf(m) ?? '') ?? [],
  },
  references: {
    recheck: (changed, idx, previous) => {
      const renamed = changed.filter((c) => idOf(c.before) !== idOf(c.after));
      return union(
        changed.map((c) => c.file),
        ...changed.filter((c) => c.frontmatter).flatMap((c) => [idx.dependents.get(idOf(c.before) ?? ''), idx.dependents.get(idOf(c.after) ?? ''), idx.linkers.get(c.file)]),
        // A changed set of ids can change any unknown dependency's "did you mean" hint.
        renamed.length > 0 ? [...previous].filter(([, list]) => list.some((d) => d.code === 'unknown-dependency')).map(([file]) => file) : [],
      );
    },
    context: (m) => (m.spec?.links ?? []).map((l) => l.target),
  },
  outputs: {
    recheck: (changed, idx) =>
      union(
        changed.map((c) => c.file),
        ...changed.filter((c) => c.frontmatter).flatMap((c) => [...outputsOf(c.before), ...outputsOf(c.after)].map((o) => idx.owners.get(o))),
      ),
    context: (m, idx) => union(...outputsOf(m).map((o) => idx.owners.get(o))),
  },
  // Whole-graph: re-run only when a cycle may have appeared (a changed spec now reaches itself) or
  // gone (it was in one), or when ids moved.
  'dependency-cycle': {
    recheck: (changed, idx, previous, byId) => {
      const inCycle = new Set([...previous.values()].flat().flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]));
      const moved = changed.some((c) => {
        if (!c.frontmatter) return false;
        if (inCycle.has(c.file)) return true;
        const renamed = idOf(c.before) !== idOf(c.after);
        if (!renamed && dependsKey(c.before) === dependsKey(c.after)) return false;
        // A renamed spec may take an id (and its place in the graph) from a spec in a cycle, or hand
        // its old id, and that spec's edges, to another spec with the same id.
        const namesakes = [...(idx.withId.get(idOf(c.before) ?? '') ?? []), ...(idx.withId.get(idOf(c.after) ?? '') ?? [])];
        if (renamed && namesakes.some((f) => inCycle.has(f))) return true;
        const heir = renamed ? byId.get(idOf(c.before) ?? '') : undefined;
        return (c.after.spec !== null && reachesItself(c.after.spec, byId)) || (heir !== undefined && reachesItself(heir, byId));
      });
      return moved ? 'all' : 'none';
    },
  },
  'model-unpriced': { recheck: (changed) => (changed.some((c) => c.frontmatter) ? 'all' : 'none') },
  // uses_twins and a twin's own kind, status and outputs: frontmatter only, read across specs
  // (through byId, which every sub-workspace keeps whole). A spec's findings change with its own
  // frontmatter, and with the kind and status of the specs its uses_twins and depends_on name; the
  // "did you mean" of an unknown twin, with the set of twin ids.
  twins: {
    recheck: (changed, idx, previous) => {
      const moved = changed.filter((c) => c.frontmatter);
      if (moved.length === 0) return 'none';
      const twinIdsMoved = moved.some((c) => (isTwin(c.before) || isTwin(c.after)) && (idOf(c.before) !== idOf(c.after) || isTwin(c.before) !== isTwin(c.after)));
      return union(
        moved.map((c) => c.file),
        ...moved.flatMap((c) => [idOf(c.before), idOf(c.after)].flatMap((id) => [idx.dependents.get(id ?? ''), idx.twinUsers.get(id ?? '')])),
        twinIdsMoved ? [...previous].filter(([, list]) => list.some((d) => d.code === 'unknown-twin')).map(([file]) => file) : [],
      );
    },
  },
  // Reads the holdout scenarios and the config, never a spec.
  'scenario-no-check': { recheck: () => 'none' },
};

/** Rules that read other specs and whose reach the session knows (any other rule runs over the whole workspace on every edit). */
export const CROSS_SPEC_SCOPED: ReadonlySet<string> = new Set(Object.keys(WORKSPACE_SCOPES));

/** The edges the dependency-cycle rule follows: depends_on, and uses_twins (a twin is built before the specs that use it). */
const edgesOf = (spec: Spec): string[] => [...(spec.frontmatter?.depends_on ?? []), ...(spec.frontmatter?.uses_twins ?? [])];
const dependsKey = (m: ModelledFile) => JSON.stringify(m.spec ? edgesOf(m.spec) : null);

/** Whether following depends_on from this spec (as the dependency-cycle rule resolves ids) leads back to it. */
function reachesItself(spec: Spec, byId: ReadonlyMap<string, Spec>): boolean {
  const id = spec.frontmatter?.id;
  if (!id || byId.get(id) !== spec) return false;
  const seen = new Set<string>([id]);
  const stack = edgesOf(spec);
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === id) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    const target = byId.get(next);
    for (const dep of target ? edgesOf(target) : []) if (dep !== next) stack.push(dep);
  }
  return false;
}

const requirementIdsKey = (m: ModelledFile) => (m.spec?.requirements ?? []).map((r) => r.id).join('\n');
const outputsOf = (m: ModelledFile | undefined) => m?.spec?.frontmatter?.outputs ?? [];
const ownedKey = (m: ModelledFile) => JSON.stringify([idOf(m), m.spec?.frontmatter?.outputs]);

/** Everything the cross-spec rules may read of a spec besides its own body. */
const frontmatterKey = (m: ModelledFile | undefined) => (m?.spec ? JSON.stringify([m.spec.frontmatter, m.spec.frontmatterSpans]) : 'null');

export interface FileChange {
  /** Workspace-relative POSIX path. */
  file: string;
  /** The new content (a buffer's text or a file's bytes); null when the file is gone. */
  content: string | Uint8Array | null;
}

export interface UpdateResult {
  /** Files whose content changed. */
  changed: string[];
  /** Files whose findings were recomputed (the changed specs and the specs they reach). */
  rechecked: string[];
  /** Files whose findings differ from before: what an editor must be told about. */
  touched: string[];
  /** True when every rule ran over the whole workspace (a spec was added or removed). */
  whole: boolean;
  durationMs: number;
}

export interface IncrementalCheck {
  readonly root: string;
  readonly config: SpecccConfig;
  /** The current model. An update replaces it (its byId map may be updated in place): read it from the session each time. */
  readonly workspace: Workspace;
  /** Whether a workspace-relative path is a spec, a context document, or neither. */
  kindOf(file: string): 'spec' | 'context' | null;
  /** A spec file's current model. */
  modelOf(file: string): ModelledFile | undefined;
  /** The current contents, as `check({ files })` takes them. */
  files(): WorkspaceFiles<ReadFile>;
  /** The findings on one file (any file: a spec, the config, a generated file), sorted. */
  diagnosticsOf(file: string): readonly Diagnostic[];
  /** Every file that has findings. */
  filesWithFindings(): string[];
  /** Every finding, sorted as `check()` sorts them. */
  diagnostics(): Diagnostic[];
  /** Applies changed contents (specs and context documents; other paths are ignored). */
  update(changes: readonly FileChange[]): UpdateResult;
}

/** What a session starts from: everything `check()` reads. */
export interface IncrementalInputs {
  root: string;
  config: LoadedConfig;
  files: WorkspaceFiles<ReadFile>;
  /** Models for (some of) the spec files; the rest are parsed. */
  models?: readonly ModelledFile[];
  tree: Pick<GeneratedTree, 'manifest' | 'manifestProblem' | 'hashes' | 'files'>;
  scenarios: CheckContext['scenarios'];
  /** The scenarios folder as text, for requirement coverage (never for a prompt). */
  holdouts: readonly HoldoutText[];
  /** Whether the config names the scenarios folder and what is there (default: present when `holdouts` has any, else missing). */
  scenariosFolder?: ScenariosFolder;
  /** Reads a test file's cases (the test cache's reader, when there is one). */
  readTests?: TestReader;
}

/** Reads the workspace at `root` (through the parse cache) and starts a session on it. */
export async function openIncrementalCheck(root: string, options: { useCache?: boolean } = {}): Promise<IncrementalCheck> {
  root = path.resolve(root);
  const config = await loadConfig(root);
  const paths = config.config.paths;
  const files = await readWorkspaceFiles({ root, specsDir: paths.specs, contextDir: paths.context });
  const { models, cacheWritten } = await modelFiles(root, files.specs, { useCache: options.useCache ?? true, prune: false });
  await cacheWritten;
  const scenariosDir = path.resolve(root, paths.scenarios);
  const [tree, scenarios, holdouts, tests, exists] = await Promise.all([
    readGeneratedTree(path.join(root, paths.generated), SPECCC_VERSION),
    listScenarios(scenariosDir),
    readHoldoutTexts(scenariosDir),
    options.useCache === false ? undefined : openTestCache(root, SPECCC_VERSION, readTestCases),
    isFolder(scenariosDir),
  ]);
  const scenariosFolder: ScenariosFolder = { configured: config.spans.get('value:paths.scenarios') ?? null, state: !exists ? 'missing' : holdouts.length === 0 ? 'empty' : 'present' };
  const session = createIncrementalCheck({ root, config, files, models, tree, scenarios, holdouts, scenariosFolder, ...(tests ? { readTests: tests.read } : {}) });
  await tests?.save();
  return session;
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

const encoder = new TextEncoder();
const toBytes = (content: string | Uint8Array) => (typeof content === 'string' ? encoder.encode(content) : content);
const byPath = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
const keyOf = (list: readonly Diagnostic[]) => JSON.stringify(list);

/** A session over contents already read: pure, synchronous updates. */
export function createIncrementalCheck(inputs: IncrementalInputs): IncrementalCheck {
  const { root, tree, scenarios } = inputs;
  const loaded = inputs.config;
  const config = loaded.config;
  const specsDir = config.paths.specs.replace(/\/$/, '');
  const contextDir = config.paths.context.replace(/\/$/, '');
  const kindOf = (file: string): 'spec' | 'context' | null =>
    !file.endsWith('.md') || isReadme(file) ? null : file.startsWith(`${specsDir}/`) ? 'spec' : file.startsWith(`${contextDir}/`) ? 'context' : null;

  const known = new Map((inputs.models ?? []).map((m) => [m.file, m]));
  const specBytes = new Map(inputs.files.specs.map((f) => [f.file, f.bytes]));
  const contextBytes = new Map(inputs.files.context.map((f) => [f.file, f.bytes]));
  let specsDirExists = inputs.files.specsDirExists;
  const model = (file: string, bytes: Uint8Array): ModelledFile => {
    const hit = known.get(file);
    if (hit && hit.hash === sha256(bytes)) return hit;
    return modelSpec(parseSpecFile(file, bytes));
  };

  let workspace: Workspace;
  const idx: Indexes = { byFile: new Map(), withId: new Map(), dependents: new Map(), linkers: new Map(), owners: new Map(), twinUsers: new Map() };
  const position = new Map<string, number>();
  /** Findings of each rule, by file. */
  const findings = new Map<string, Map<string, Diagnostic[]>>(RULES.map((r) => [r.id, new Map()]));
  /** Findings from outside the rules: the config, a missing specs folder, the generated tree. */
  let outside = new Map<string, Diagnostic[]>();
  /**
   * Requirement coverage, as check() judges it: which specs are built, and so whose tests count,
   * changes only with frontmatter; a spec's own findings change with its requirements.
   */
  const readTests = memo(inputs.readTests ?? readTestCases);
  const holdoutCases: HoldoutCoverage[] = holdoutCoverage(inputs.holdouts, readTests);
  let built = new Set<Spec>();
  let generatedTests: GeneratedTests[] = [];
  const coverage = new Map<string, Diagnostic[]>();
  const coverageOf = (file: string): Diagnostic[] => {
    const spec = idx.byFile.get(file)?.spec;
    return spec && built.has(spec) ? untestedRequirements(spec, generatedTests, holdoutCases, recordedProof(tree.manifest.specs.get(spec.frontmatter!.id))) : [];
  };
  /** Ids that tests and holdouts name and no spec has, by test file: judged again when a spec's ids or the built specs change. */
  let unknownIds = new Map<string, Diagnostic[]>();
  const rejudgeIds = (touched: Set<string>) => {
    const before = unknownIds;
    const naming = built.size === 0 ? [] : namingFiles(workspace, generatedTests, tree.files, holdoutCases, inputs.holdouts);
    unknownIds = group(unknownRequirementIds(workspace, naming));
    for (const f of union(before.keys(), unknownIds.keys())) touched.add(f);
  };
  /** Re-judges which specs are built (after a frontmatter change), or only `files` when that cannot have moved. */
  function recover(files: Iterable<string> | 'all', idsMoved = false): Set<string> {
    const touched = new Set<string>();
    if (files === 'all') {
      const now = judgedSpecs(workspace, tree.manifest, tree.hashes);
      built = new Set(now);
      generatedTests = now.length === 0 ? [] : generatedTestsOf(now, tree.files, readTests);
      for (const f of coverage.keys()) touched.add(f);
      coverage.clear();
      files = idx.byFile.keys();
      idsMoved = true;
    }
    if (idsMoved) rejudgeIds(touched);
    for (const f of files) {
      const list = coverageOf(f);
      if (list.length > 0 || coverage.has(f)) touched.add(f);
      if (list.length > 0) coverage.set(f, list);
      else coverage.delete(f);
    }
    return touched;
  }
  /** Each file's findings as `check()` would list them, and a key to tell whether they changed. */
  const composed = new Map<string, { list: Diagnostic[]; key: string }>();

  const context = (ws: Workspace): Omit<CheckContext, 'lines'> => ({ workspace: ws, generatedRoot: config.paths.generated, config, configSpans: loaded.spans, scenarios });
  const sub = (files: Iterable<string>): Workspace => ({
    ...workspace,
    files: [...new Set(files)].filter((f) => idx.byFile.has(f)).sort((a, b) => position.get(a)! - position.get(b)!).map((f) => idx.byFile.get(f)!),
  });
  const group = (list: Diagnostic[]) => {
    const out = new Map<string, Diagnostic[]>();
    for (const d of list) {
      const at = out.get(d.file);
      if (at) at.push(d);
      else out.set(d.file, [d]);
    }
    return out;
  };

  function index(m: ModelledFile, add: boolean): void {
    const put = (map: Map<string, Set<string>>, key: string) => {
      let set = map.get(key);
      if (add) map.set(key, (set ??= new Set()).add(m.file));
      else if (set) {
        set.delete(m.file);
        if (set.size === 0) map.delete(key);
      }
    };
    const fm = m.spec?.frontmatter;
    if (fm) {
      put(idx.withId, fm.id);
      for (const dep of fm.depends_on) put(idx.dependents, dep);
      for (const o of fm.outputs) put(idx.owners, o);
      for (const twin of fm.uses_twins) put(idx.twinUsers, twin);
    }
    for (const link of m.spec?.links ?? []) put(idx.linkers, link.target);
  }

  const lineIndexes = new WeakMap<Spec, LineIndex>();
  const lines = (spec: Spec) => {
    let index = lineIndexes.get(spec);
    if (!index) lineIndexes.set(spec, (index = createLineIndex(spec.source)));
    return index;
  };

  /**
   * Runs one rule over a set of specs and keeps its raw findings for `keep` (every file when
   * 'all'). The author's decisions (severities, suppression comments) apply per file in
   * compose(), over every rule's findings at once, as checkWorkspace applies them.
   */
  function run(rule: Rule, ws: Workspace, keep: Set<string> | 'all'): void {
    const found = group(dedupe(rule.check({ ...context(ws), lines })));
    const mine = findings.get(rule.id)!;
    if (keep === 'all') mine.clear();
    else for (const f of keep) mine.delete(f);
    for (const [file, list] of found) if (keep === 'all' || keep.has(file)) mine.set(file, list);
  }

  function outsideFindings(): Map<string, Diagnostic[]> {
    const files: WorkspaceFiles<ReadFile> = { specsDirExists, specs: [], context: [] };
    return group([
      ...loaded.diagnostics,
      ...inputProblems(files, config, inputs.scenariosFolder ?? { configured: loaded.spans.get('value:paths.scenarios') ?? null, state: inputs.holdouts.length > 0 ? 'present' : 'missing' }),
      ...checkGeneratedTree({ workspace, generatedRoot: config.paths.generated, manifest: tree.manifest, manifestProblem: tree.manifestProblem, hashes: tree.hashes }),
    ]);
  }

  function compose(file: string): boolean {
    const spec = idx.byFile.get(file)?.spec;
    const ruled = RULES.flatMap((r) => findings.get(r.id)!.get(file) ?? []);
    const list = sortDiagnostics([
      ...(outside.get(file) ?? []),
      ...(coverage.get(file) ?? []),
      ...(unknownIds.get(file) ?? []),
      ...(idx.byFile.get(file)?.diagnostics ?? []),
      ...applySuppressions(ruled, spec ? [spec] : [], lines, config, RULE_CODES),
    ]);
    const key = keyOf(list);
    const before = composed.get(file);
    if ((before?.key ?? '[]') === key) return false;
    if (list.length === 0) composed.delete(file);
    else composed.set(file, { list, key });
    return true;
  }

  const contextDocs = (): ContextDoc[] => [...contextBytes].map(([file, bytes]) => decodeContext({ file, hash: sha256(bytes), bytes })).sort(byPath);

  /** Everything from the current models: every rule over the whole workspace. */
  function rebuild(files: ModelledFile[]): void {
    files.sort(byPath);
    workspace = assembleWorkspace(root, files, contextDocs(), config.paths);
    for (const map of [idx.byFile, idx.withId, idx.dependents, idx.linkers, idx.owners, idx.twinUsers]) map.clear();
    position.clear();
    files.forEach((m, i) => {
      idx.byFile.set(m.file, m);
      position.set(m.file, i);
      index(m, true);
    });
    for (const rule of RULES) run(rule, workspace, 'all');
    outside = outsideFindings();
    recover('all');
  }

  const initial = inputs.files.specs.map((f) => model(f.file, f.bytes));
  known.clear(); // only for the first round: later contents are modelled afresh
  rebuild(initial);
  for (const file of allFiles()) compose(file);

  function allFiles(): Set<string> {
    return union(idx.byFile.keys(), outside.keys(), unknownIds.keys(), ...[...findings.values()].map((m) => m.keys()), composed.keys());
  }

  function update(changes: readonly FileChange[]): UpdateResult {
    const started = performance.now();
    const changed: Changed[] = [];
    const changedFiles: string[] = [];
    let structural = false;
    let contextChanged = false;
    // Several changes to one file in a batch: the last one is its content.
    for (const [file, content] of new Map(changes.map((c) => [c.file, c.content]))) {
      const kind = kindOf(file);
      if (!kind) continue;
      const store = kind === 'spec' ? specBytes : contextBytes;
      const bytes = content === null ? null : toBytes(content);
      const before = store.get(file);
      if (bytes === null ? before === undefined : before !== undefined && sha256(before) === sha256(bytes)) continue;
      changedFiles.push(file);
      if (bytes === null) store.delete(file);
      else store.set(file, bytes);
      if (kind === 'context') {
        contextChanged = true;
        continue;
      }
      if (before === undefined || bytes === null) {
        structural = true;
        continue;
      }
      const old = idx.byFile.get(file)!;
      const next = modelSpec(parseSpecFile(file, bytes));
      changed.push({ file, before: old, after: next, frontmatter: frontmatterKey(old) !== frontmatterKey(next) });
    }
    if (changedFiles.length === 0) return { changed: [], rechecked: [], touched: [], whole: false, durationMs: performance.now() - started };

    if (structural) {
      const models = new Map(workspace.files.map((m) => [m.file, m]));
      for (const c of changed) models.set(c.file, c.after);
      const files = [...specBytes].map(([file, bytes]) => models.get(file) ?? modelSpec(parseSpecFile(file, bytes)));
      specsDirExists ||= specBytes.size > 0;
      const before = allFiles();
      rebuild(files);
      const touched = [...union(before, allFiles())].filter(compose).sort();
      return { changed: changedFiles.sort(), rechecked: [...idx.byFile.keys()], touched, whole: true, durationMs: performance.now() - started };
    }

    // Swap the new models in, keeping every index current.
    const nextFiles = [...workspace.files];
    for (const c of changed) {
      index(c.before, false);
      index(c.after, true);
      idx.byFile.set(c.file, c.after);
      nextFiles[position.get(c.file)!] = c.after;
    }
    let ids: Pick<Workspace, 'byId' | 'sharedIds'>;
    if (changed.some((c) => idOf(c.before) !== idOf(c.after))) ids = indexIds(nextFiles);
    else {
      ids = workspace; // byId updated in place: copying a map of 10,000 specs costs ~10 ms; no id moved, so sharedIds holds
      for (const c of changed) {
        const id = idOf(c.before);
        if (id && ids.byId.get(id) === c.before.spec) ids.byId.set(id, c.after.spec!);
      }
    }
    const byId = ids.byId;
    workspace = { ...workspace, files: nextFiles, byId, sharedIds: ids.sharedIds };
    if (contextChanged) {
      const docs = contextDocs();
      workspace = { ...workspace, context: docs, glossary: assembleWorkspace(root, [], docs, config.paths).glossary };
    }

    const rechecked = new Set<string>(changed.map((c) => c.file));
    const candidates = new Set<string>(rechecked);
    const alone = sub(rechecked);
    for (const rule of RULES) {
      if (contextChanged && READS_CONTEXT.has(rule.id)) {
        for (const f of findings.get(rule.id)!.keys()) candidates.add(f);
        run(rule, workspace, 'all');
        for (const f of findings.get(rule.id)!.keys()) candidates.add(f);
        continue;
      }
      if (FILE_SCOPED.has(rule.id)) {
        if (rechecked.size > 0) run(rule, alone, rechecked);
        continue;
      }
      const scope = WORKSPACE_SCOPES[rule.id];
      const previous = findings.get(rule.id)!;
      const reach = scope ? scope.recheck(changed, idx, previous, byId) : 'all';
      if (reach === 'none') continue;
      if (reach === 'all') {
        for (const f of previous.keys()) candidates.add(f);
        run(rule, workspace, 'all');
        for (const f of previous.keys()) candidates.add(f);
        continue;
      }
      const judged = [...reach].filter((f) => idx.byFile.has(f));
      const seen = union(judged, ...judged.map((f) => (scope?.context ? scope.context(idx.byFile.get(f)!, idx) : [])));
      run(rule, sub(seen), new Set(judged));
      for (const f of judged) {
        rechecked.add(f);
        candidates.add(f);
      }
    }
    // The generated tree is judged against which outputs each id owns.
    if (changed.some((c) => ownedKey(c.before) !== ownedKey(c.after))) {
      const before = outside;
      outside = outsideFindings();
      for (const f of union(before.keys(), outside.keys())) candidates.add(f);
    }
    // Which specs count as built can move only with frontmatter; a spec's requirements, with its text.
    // A built spec's model changed, so `built` (kept by model) is refreshed for it either way. When
    // a frontmatter edit leaves the set of built specs, and their outputs (whose test files are
    // counted), as they were (most edits do), only the changed specs are judged again.
    const carried = new Set(built);
    const outputsMoved = changed.some((c) => c.before.spec !== null && built.has(c.before.spec) && JSON.stringify(outputsOf(c.before)) !== JSON.stringify(outputsOf(c.after)));
    for (const c of changed) if (c.before.spec && carried.delete(c.before.spec) && c.after.spec) carried.add(c.after.spec);
    const sameBuilt = !changed.some((c) => c.frontmatter) || (!outputsMoved && sameSet(carried, judgedSpecs(workspace, tree.manifest, tree.hashes)));
    if (sameBuilt) built = carried;
    // Which ids exist moves with any spec's requirements, not only a built one's.
    const idsMoved = changed.some((c) => requirementIdsKey(c.before) !== requirementIdsKey(c.after));
    for (const f of recover(sameBuilt ? changed.map((c) => c.file) : 'all', idsMoved)) candidates.add(f);
    const touched = [...candidates].filter(compose).sort();
    return { changed: changedFiles.sort(), rechecked: [...rechecked].sort(), touched, whole: false, durationMs: performance.now() - started };
  }

  return {
    root,
    config,
    get workspace() {
      return workspace;
    },
    kindOf,
    modelOf: (file) => idx.byFile.get(file),
    files: () => ({
      specsDirExists,
      specs: [...specBytes].map(([file, bytes]): ReadFile => ({ file, hash: sha256(bytes), bytes })).sort(byPath),
      context: [...contextBytes].map(([file, bytes]): ReadFile => ({ file, hash: sha256(bytes), bytes })).sort(byPath),
    }),
    diagnosticsOf: (file) => composed.get(file)?.list ?? [],
    filesWithFindings: () => [...composed.keys()].sort(),
    diagnostics: () => [...composed.keys()].sort().flatMap((f) => composed.get(f)!.list),
    update,
  };
}
