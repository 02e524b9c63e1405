// What the twin answers for the mapping-entry job: code a model could write from the confirmed spec.
import * as path from 'path';

export interface MappingEntry {
  readonly pattern: string;
  readonly paths: ReadonlyArray<string>;
}

export interface Paths {
  readonly [key: string]: ReadonlyArray<string>;
}

/** The length of a pattern before its `*` (the whole pattern when it has none). [mapping-entry#R-entries-are-sorted-by-the] */
function prefixLength(pattern: string): number {
  const star = pattern.indexOf('*');
  return star === -1 ? pattern.length : star;
}

/** [mapping-entry#R-getabsolutemappingentries-returns-one-entry-per] [mapping-entry#R-entries-are-sorted-by-the] [mapping-entry#R-when-addmatchall-is-true-and] [mapping-entry#E-with-empty-paths-and-addmatchall] [mapping-entry#S-given-no-paths-when-mapping-with-addmatchall] */
export function getAbsoluteMappingEntries(absoluteBaseUrl: string, paths: Paths, addMatchAll: boolean): ReadonlyArray<MappingEntry> {
  const patterns = Object.keys(paths).sort((a, b) => prefixLength(b) - prefixLength(a));
  const entries: MappingEntry[] = patterns.map((pattern) => ({ pattern, paths: (paths[pattern] ?? []).map((p) => path.resolve(absoluteBaseUrl, p)) }));
  if (addMatchAll && paths['*'] === undefined) entries.push({ pattern: '*', paths: [`${absoluteBaseUrl.replace(/\/$/, '')}/*`] });
  return entries;
}
