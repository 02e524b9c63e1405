/**
 * The session's models -> who mentions whom: for each id, output and file, the specs that name
 * it. What an edit's reach is computed from (reach.ts). Kept current model by model, never rebuilt
 * on an edit that adds or removes no spec.
 */
import type { ModelledFile } from '../types/index.js';

export interface SpecIndex {
  byFile: Map<string, ModelledFile>;
  /** Spec file -> its place in the workspace's sorted files (sub-workspaces keep that order). */
  position: Map<string, number>;
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

export function createSpecIndex(): SpecIndex {
  return { byFile: new Map(), position: new Map(), withId: new Map(), dependents: new Map(), linkers: new Map(), owners: new Map(), twinUsers: new Map() };
}

/** Fills the index from every model (`files` sorted by path), forgetting what it held. */
export function indexAll(idx: SpecIndex, files: readonly ModelledFile[]): void {
  for (const map of [idx.byFile, idx.position, idx.withId, idx.dependents, idx.linkers, idx.owners, idx.twinUsers]) map.clear();
  files.forEach((m, i) => {
    idx.byFile.set(m.file, m);
    idx.position.set(m.file, i);
    mention(idx, m, true);
  });
}

/** Replaces one spec's model (its place in the order is kept). */
export function replaceModel(idx: SpecIndex, before: ModelledFile, after: ModelledFile): void {
  mention(idx, before, false);
  mention(idx, after, true);
  idx.byFile.set(after.file, after);
}

/** Adds (or removes) what `m` names to (or from) the reverse maps. */
function mention(idx: SpecIndex, m: ModelledFile, add: boolean): void {
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
