import { expect, it } from 'vitest';
import { getAbsoluteMappingEntries } from '../mapping-entry';

it('[mapping-entry#R-getabsolutemappingentries-returns-one-entry-per] [mapping-entry#R-entries-are-sorted-by-the] resolves and sorts', () => {
  expect(getAbsoluteMappingEntries('/base', { 'a/*': ['x'], 'a/b/*': ['/y'] }, false)).toEqual([
    { pattern: 'a/b/*', paths: ['/y'] },
    { pattern: 'a/*', paths: ['/base/x'] },
  ]);
});

it('[mapping-entry#R-when-addmatchall-is-true-and] [mapping-entry#S-given-no-paths-when-mapping-with-addmatchall] [mapping-entry#E-with-empty-paths-and-addmatchall] adds a match-all entry', () => {
  expect(getAbsoluteMappingEntries('/base/', {}, true)).toEqual([{ pattern: '*', paths: ['/base/*'] }]);
  expect(getAbsoluteMappingEntries('/base', {}, false)).toEqual([]);
});
