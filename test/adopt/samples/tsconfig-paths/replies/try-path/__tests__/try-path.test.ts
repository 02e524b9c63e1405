import { expect, it } from 'vitest';
import { getPathsToTry, getStrippedPath } from '../try-path';

it('[try-path#R-getpathstotry-lists-for-each-matching] [try-path#S-given-the-mapping-lib-to-src-and-the] lists every candidate in order', () => {
  expect(getPathsToTry(['.ts'], [{ pattern: 'lib/*', paths: ['/src/*'] }], 'lib/a')).toEqual([
    { type: 'file', path: '/src/a' },
    { type: 'extension', path: '/src/a.ts' },
    { type: 'package', path: '/src/a/package.json' },
    { type: 'index', path: '/src/a/index.ts' },
  ]);
});

it('[try-path#R-getpathstotry-returns-undefined-when-no] [try-path#R-a-pattern-matches-a-module] is undefined when nothing matches', () => {
  expect(getPathsToTry(['.ts'], [{ pattern: 'lib/*', paths: ['/src/*'] }], 'other')).toBeUndefined();
});

it('[try-path#R-getstrippedpath-returns-the-module-path] strips what was added', () => {
  expect(getStrippedPath({ type: 'extension', path: '/src/a.ts' })).toBe('/src/a');
  expect(getStrippedPath({ type: 'index', path: '/src/a/index.ts' })).toBe('/src/a');
});

it('[try-path#E-an-empty-list-of-extensions] lists only the file and package paths without extensions', () => {
  expect(getPathsToTry([], [{ pattern: 'lib/*', paths: ['/src/*'] }], 'lib/a')).toEqual([
    { type: 'file', path: '/src/a' },
    { type: 'package', path: '/src/a/package.json' },
  ]);
});
