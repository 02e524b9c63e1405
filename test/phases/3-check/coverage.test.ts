/** Reading coverage back from test files: ids in titles, inherited from describe, and only tests that assert count. */
import { describe, expect, it } from 'vitest';
import { codeRequirements, holdoutCoverage, holdoutIds, idsIn, readTests, requirementsAtLine, scenarioCovers } from '../../../src/phases/3-check/coverage.js';

// A test file as text, read (never run) by readTests: its skipped, todo and xdescribe'd tests are
// the cases that must count as covering nothing (the it.skip below is that fixture, not a skipped
// test of this suite; so are the it.skip lines in test/commands/check/samples/*/generated/, whose
// bytes the samples' manifests pin).
const FILE = `import { describe, expect, it, test, assert } from 'vitest';
describe('[a#R-suite] suite', () => {
  it('[a#S-one, a#E-two] asserts', () => { expect(1).toBe(1); });
  it('[a#R-none] asserts nothing', () => { const x = 1; void x; });
  it.skip('[a#R-skipped] skipped', () => { expect(1).toBe(1); });
  it.todo('[a#R-todo] later');
  it.fails('[a#R-fails] expected to fail', () => { expect(1).toBe(2); });
  it.each([1, 2])('[a#R-each] %s', (n) => { assert.equal(n, n); });
  test(\`[a#R-template] \${1 + 1}\`, async () => { await expect(Promise.resolve(1)).resolves.toBe(1); });
  it('[see a#R-prose] in prose', () => { expect.soft(1).toBe(1); });
  it('[a#R-count] counts only', () => { expect.assertions(1); });
});
xdescribe('[a#R-xd] skipped suite', () => { it('[a#R-in-xd] inside', () => { expect(1).toBe(1); }); });
`;

describe('reading tests', () => {
  it('lists each test with the ids its title and its suites name, and whether it asserts', () => {
    const tests = readTests('a.test.ts', FILE);
    expect(tests.map((t) => [t.ids, t.asserts, t.line])).toEqual([
      [['a#R-suite', 'a#S-one', 'a#E-two'], true, 3],
      [['a#R-suite', 'a#R-none'], false, 4],
      [['a#R-suite', 'a#R-each'], true, 8],
      [['a#R-suite', 'a#R-template'], true, 9],
      [['a#R-suite'], true, 10],
      [['a#R-suite', 'a#R-count'], false, 11],
    ]);
    expect(tests[3]!.title).toBe('[a#R-suite] suite › [a#R-template] ${…}');
  });

  it('reads ids only from brackets that hold nothing but ids', () => {
    expect(idsIn('[a#R-x] [not an id] [b#S-1, b#E-2] [c#R-y d]')).toEqual(['a#R-x', 'b#S-1', 'b#E-2']);
  });

  it('a file that does not parse yields what the parser recovered, never an exception', () => {
    expect(() => readTests('b.test.ts', "it('[a#R-x]', () => { expect(1).toBe(1) ")).not.toThrow();
  });

  it('maps code lines to the ids of the innermost commented declaration', () => {
    const code = `/** [m#R-outer] */\nexport class A {\n  // [m#R-inner]\n  m() {\n    return 1;\n  }\n  n() { return 2; }\n}\nexport const f = () => 3;\n`;
    const spans = codeRequirements('m.ts', code);
    expect(requirementsAtLine(spans, 5)).toEqual(['m#R-inner']);
    expect(requirementsAtLine(spans, 7)).toEqual(['m#R-outer']);
    expect(requirementsAtLine(spans, 9)).toEqual([]);
  });

  it('a holdout covers its covers: list only when one of its tests asserts', () => {
    expect(scenarioCovers('---\nspec: a\ncovers: [a#R-x, a#E-y]\n---\n\n# T\n')).toEqual(['a#R-x', 'a#E-y']);
    expect(scenarioCovers('---\ncovers: a#R-x\n---\n')).toEqual(['a#R-x']);
    expect(scenarioCovers('# no frontmatter\n')).toEqual([]);
    const [asserting, silent, missing] = holdoutCoverage([
      { spec: 'a', name: 'one', markdown: '---\ncovers: [a#R-x]\n---\n', check: 'a/one.test.ts', code: "it('[a#S-y] t', () => { expect(1).toBe(1); });" },
      { spec: 'a', name: 'two', markdown: '---\ncovers: [a#R-x]\n---\n', check: 'a/two.test.ts', code: "it('t', () => { run(); });" },
      { spec: 'a', name: 'three', markdown: '---\ncovers: [a#R-x]\n---\n', check: null, code: null },
    ]);
    expect(holdoutIds(asserting!)).toEqual(['a#R-x', 'a#S-y']);
    expect(holdoutIds(silent!)).toEqual([]);
    expect(holdoutIds(missing!)).toEqual([]);
  });
});
