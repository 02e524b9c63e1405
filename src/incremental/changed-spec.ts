/**
 * One spec's model before and after an edit -> what about it moved: the keys every other part of
 * the incremental check compares. Pure.
 */
import type { ModelledFile, Spec } from '../types/index.js';

/** A spec whose content changed in one update. */
export interface ChangedSpec {
  file: string;
  before: ModelledFile;
  after: ModelledFile;
  /** Frontmatter values or spans differ (so other specs' findings may too). */
  frontmatter: boolean;
}

export const idOf = (m: ModelledFile | undefined): string | undefined => m?.spec?.frontmatter?.id;
export const isTwin = (m: ModelledFile | undefined): boolean => m?.spec?.frontmatter?.kind === 'twin';
export const outputsOf = (m: ModelledFile | undefined): readonly string[] => m?.spec?.frontmatter?.outputs ?? [];

/** Everything the cross-spec rules may read of a spec besides its own body. */
export const frontmatterKey = (m: ModelledFile | undefined): string => (m?.spec ? JSON.stringify([m.spec.frontmatter, m.spec.frontmatterSpans]) : 'null');
/** What the generated tree is judged against: which outputs an id owns, and whether by hand (adopted files' drift). */
export const ownedKey = (m: ModelledFile): string => JSON.stringify([idOf(m), m.spec?.frontmatter?.outputs, m.spec?.frontmatter?.owner]);
export const requirementIdsKey = (m: ModelledFile): string => (m.spec?.requirements ?? []).map((r) => r.id).join('\n');

/** The edges the dependency-cycle rule follows: depends_on, and uses_twins (a twin is built before the specs that use it). */
export const edgesOf = (spec: Spec): string[] => [...(spec.frontmatter?.depends_on ?? []), ...(spec.frontmatter?.uses_twins ?? [])];
export const edgesKey = (m: ModelledFile): string => JSON.stringify(m.spec ? edgesOf(m.spec) : null);

export function changedSpec(file: string, before: ModelledFile, after: ModelledFile): ChangedSpec {
  return { file, before, after, frontmatter: frontmatterKey(before) !== frontmatterKey(after) };
}

export const renamed = (c: ChangedSpec): boolean => idOf(c.before) !== idOf(c.after);

/** The union of some sets (undefined ones skipped). */
export function union(...sets: (Iterable<string> | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) if (s) for (const x of s) out.add(x);
  return out;
}
