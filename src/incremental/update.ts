/**
 * A session's state and a batch of changed contents -> the state after them, and which files'
 * findings moved. Steps: take the new contents; when a spec was added or removed, judge
 * everything again; otherwise swap the changed models in, re-run each rule where its scope
 * (reach.ts) says the edit reaches, refresh the generated tree's findings and coverage, and
 * compose the findings of every file that may have moved.
 */
import type { Workspace } from '../types/index.js';
import { sha256 } from '../hash.js';
import { assembleWorkspace, indexIds } from '../workspace.js';
import { RULES } from '../phases/3-check/rules/index.js';
import { changedSpec, idOf, ownedKey, union, type ChangedSpec } from './changed-spec.js';
import { carryCoverage } from './coverage.js';
import { compose, filesWithAnyFinding, outsideFindings, runRule } from './findings.js';
import { planRule, type UpdateView } from './reach.js';
import { contextDocs, kindOf, modelFile, rebuild, subWorkspace } from './session.js';
import { replaceModel } from './spec-index.js';
import type { SessionState } from './state.js';
import type { FileChange, UpdateResult } from './types.js';

/** What one batch of changes did to the contents. */
interface Edit {
  /** Files whose content changed, sorted. */
  files: string[];
  /** Specs whose content changed, before and after (none added or removed). */
  changed: ChangedSpec[];
  /** A spec was added or removed. */
  structural: boolean;
  contextChanged: boolean;
}

export function update(state: SessionState, changes: readonly FileChange[]): UpdateResult {
  const started = performance.now();
  const edit = takeContents(state, changes);
  const done = (rechecked: Iterable<string>, touched: Iterable<string>, whole: boolean): UpdateResult => ({
    changed: edit.files,
    rechecked: [...rechecked].sort(),
    touched: [...touched].filter((f) => compose(state, f)).sort(),
    whole,
    durationMs: performance.now() - started,
  });
  if (edit.files.length === 0) return done([], [], false);
  if (edit.structural) {
    const before = filesWithAnyFinding(state);
    rebuildWith(state, edit.changed);
    return done(state.idx.byFile.keys(), union(before, filesWithAnyFinding(state)), true);
  }
  swapModels(state, edit);
  const { rechecked, candidates } = rerunRules(state, edit);
  // The generated tree is judged against which outputs each id owns.
  if (edit.changed.some((c) => ownedKey(c.before) !== ownedKey(c.after))) {
    const before = state.outside;
    state.outside = outsideFindings(state);
    for (const f of union(before.keys(), state.outside.keys())) candidates.add(f);
  }
  for (const f of carryCoverage(state.coverage, { workspace: state.workspace, byFile: state.idx.byFile }, edit.changed)) candidates.add(f);
  return done(rechecked, candidates, false);
}

/** Stores the new contents (several changes to one file in a batch: the last one is its content) and models the changed specs. */
function takeContents(state: SessionState, changes: readonly FileChange[]): Edit {
  const edit: Edit = { files: [], changed: [], structural: false, contextChanged: false };
  for (const [file, content] of new Map(changes.map((c) => [c.file, c.content]))) {
    const kind = kindOf(state.config, state.members, file);
    if (!kind) continue;
    const store = kind === 'spec' ? state.specBytes : state.contextBytes;
    const bytes = content === null ? null : toBytes(content);
    const before = store.get(file);
    if (bytes === null ? before === undefined : before !== undefined && sha256(before) === sha256(bytes)) continue;
    edit.files.push(file);
    if (bytes === null) store.delete(file);
    else store.set(file, bytes);
    if (kind === 'context') edit.contextChanged = true;
    else if (before === undefined || bytes === null) edit.structural = true;
    else edit.changed.push(changedSpec(file, state.idx.byFile.get(file)!, modelFile(state.members, file, bytes)));
  }
  edit.files.sort();
  return edit;
}

const encoder = new TextEncoder();
const toBytes = (content: string | Uint8Array) => (typeof content === 'string' ? encoder.encode(content) : content);

/** A spec added or removed: every rule over the whole workspace again (the models of unchanged specs are kept). */
function rebuildWith(state: SessionState, changed: readonly ChangedSpec[]): void {
  const models = new Map(state.workspace.files.map((m) => [m.file, m]));
  for (const c of changed) models.set(c.file, c.after);
  state.specsDirExists ||= state.specBytes.size > 0;
  rebuild(state, [...state.specBytes].map(([file, bytes]) => models.get(file) ?? modelFile(state.members, file, bytes)));
}

/** Puts the new models into the workspace and every index; a changed context document, into the glossary. */
function swapModels(state: SessionState, edit: Edit): void {
  const nextFiles = [...state.workspace.files];
  for (const c of edit.changed) {
    replaceModel(state.idx, c.before, c.after);
    nextFiles[state.idx.position.get(c.file)!] = c.after;
  }
  let ids: Pick<Workspace, 'byId' | 'sharedIds'>;
  if (edit.changed.some((c) => idOf(c.before) !== idOf(c.after))) ids = indexIds(nextFiles);
  else {
    ids = state.workspace; // byId updated in place: copying a map of 10,000 specs costs ~10 ms; no id moved, so sharedIds holds
    for (const c of edit.changed) {
      const id = idOf(c.before);
      if (id && ids.byId.get(id) === c.before.spec) ids.byId.set(id, c.after.spec!);
    }
  }
  state.workspace = { ...state.workspace, files: nextFiles, byId: ids.byId, sharedIds: ids.sharedIds };
  if (edit.contextChanged) {
    const docs = contextDocs(state);
    state.workspace = { ...state.workspace, context: docs, glossary: assembleWorkspace(state.root, [], docs, { ...state.config.paths, members: state.members }).glossary };
  }
}

/** Runs every rule where the edit reaches (reach.ts); returns the specs re-judged and every file whose findings may have moved. */
function rerunRules(state: SessionState, edit: Edit): { rechecked: Set<string>; candidates: Set<string> } {
  const rechecked = new Set(edit.changed.map((c) => c.file));
  const candidates = new Set(rechecked);
  const view: UpdateView = { changed: edit.changed, contextChanged: edit.contextChanged, idx: state.idx, byId: state.workspace.byId };
  for (const rule of RULES) {
    const previous = state.findings.get(rule.id)!;
    const plan = planRule(rule, view, previous);
    if (plan.run === 'none') continue;
    if (plan.run === 'all') {
      for (const f of previous.keys()) candidates.add(f);
      runRule(state, rule, state.workspace, 'all');
      for (const f of previous.keys()) candidates.add(f);
      continue;
    }
    runRule(state, rule, subWorkspace(state, plan.seen), plan.judged);
    for (const f of plan.judged) {
      rechecked.add(f);
      candidates.add(f);
    }
  }
  return { rechecked, candidates };
}
