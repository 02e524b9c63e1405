// What the twin answers for the try-path job: code written from a spec that forgot one rule
// (a relative module is never mapped), so it maps `./x` like any other module.
import * as path from 'path';
import type { MappingEntry } from './mapping-entry';
import { removeExtension } from './filesystem';

export interface TryPath {
  readonly type: 'file' | 'extension' | 'index' | 'package';
  readonly path: string;
}

/** What `*` stands for when `pattern` matches `search`, or undefined. [try-path#R-a-pattern-matches-a-module] */
function starMatch(pattern: string, search: string): string | undefined {
  if (pattern === search) return '';
  const star = pattern.indexOf('*');
  if (star === -1 || search.length < pattern.length) return undefined;
  const before = pattern.slice(0, star);
  const after = pattern.slice(star + 1);
  return search.startsWith(before) && search.endsWith(after) ? search.slice(star, search.length - after.length) : undefined;
}

/** [try-path#R-getpathstotry-lists-for-each-matching] [try-path#R-getpathstotry-returns-undefined-when-no] [try-path#E-an-empty-list-of-extensions] [try-path#S-given-the-mapping-lib-to-src-and-the] */
export function getPathsToTry(extensions: ReadonlyArray<string>, absolutePathMappings: ReadonlyArray<MappingEntry>, requestedModule: string): ReadonlyArray<TryPath> | undefined {
  const out: TryPath[] = [];
  for (const entry of absolutePathMappings) {
    const star = starMatch(entry.pattern, requestedModule);
    if (star === undefined) continue;
    for (const pattern of entry.paths) {
      const physical = pattern.replace('*', star);
      out.push({ type: 'file', path: physical });
      for (const e of extensions) out.push({ type: 'extension', path: physical + e });
      out.push({ type: 'package', path: path.join(physical, 'package.json') });
      for (const e of extensions) out.push({ type: 'index', path: path.join(physical, 'index') + e });
    }
  }
  return out.length === 0 ? undefined : out;
}

/** [try-path#R-getstrippedpath-returns-the-module-path] */
export function getStrippedPath(tryPath: TryPath): string {
  if (tryPath.type === 'index') return path.dirname(tryPath.path);
  if (tryPath.type === 'extension') return removeExtension(tryPath.path);
  return tryPath.path;
}

export function exhaustiveTypeException(check: never): never {
  throw new Error(`Unknown type ${String(check)}`);
}
