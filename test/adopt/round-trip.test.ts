/**
 * The round trip's temporary workspace, as data (src/adopt/round-trip.ts): the spec under test
 * made ready and speccc's, the others hand-owned, its own files removed, and its existing tests
 * turned into holdout checks whose imports reach the code from `<generated root>/.holdout/<id>/`.
 * The round trip run end to end, sealed, against the twin, is in fixture.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { editFrontmatter, holdoutOf, roundTripWorkspace, typeErrorsElsewhere } from '../../src/adopt/round-trip.js';

const files = new Set(['src/try-path.ts', 'src/mapping-entry.ts', 'src/util/index.ts', 'src/__tests__/data/paths.ts', 'src/__tests__/try-path.test.ts']);

describe('holdout checks from existing tests', () => {
  it('point relative imports two levels up, keeping how the test wrote them, and import jest globals from vitest', () => {
    const test = {
      path: 'src/__tests__/try-path.test.ts',
      text: [
        'import { getPathsToTry } from "../try-path";',
        "import { x } from '../mapping-entry.js';",
        "import * as u from '../util';",
        "import { join } from 'path';",
        'describe("try", () => { it("works", () => { expect(getPathsToTry).toBeDefined(); jest.fn(); }); });',
      ].join('\n'),
    };
    const check = holdoutOf(test, { generatedRoot: 'src', files });
    expect(check).toEqual({
      content: [
        "import { describe, it, expect, vi } from 'vitest';",
        'import { getPathsToTry } from "../../try-path";',
        "import { x } from '../../mapping-entry.js';",
        "import * as u from '../../util';",
        "import { join } from 'path';",
        'describe("try", () => { it("works", () => { expect(getPathsToTry).toBeDefined(); vi.fn(); }); });',
      ].join('\n'),
    });
  });

  it('refuse a test that imports test data or a file the project does not have: a holdout reaches only the code', () => {
    expect(holdoutOf({ path: 'src/__tests__/try-path.test.ts', text: "import { d } from './data/paths';\n" }, { generatedRoot: 'src', files })).toEqual({
      why: "it imports `./data/paths`, `src/__tests__/data/paths.ts`, which is not code of the generated root: a holdout check reaches only the code",
    });
    expect(holdoutOf({ path: 'src/__tests__/try-path.test.ts', text: "import { d } from '../gone';\n" }, { generatedRoot: 'src', files })).toEqual({
      why: 'it imports `../gone`, which is no file of the project: a holdout check reaches only the code',
    });
  });
});

describe('the temporary workspace', () => {
  const spec = (id: string, more: string, outputs: string[]) => ({
    id,
    file: `specs/${id}.md`,
    source: `---\nid: ${id}\nkind: feature\nstatus: draft\n${more}outputs:\n${outputs.map((o) => `  - ${o}`).join('\n')}\n---\n\n# ${id}\n`,
    status: 'draft',
    owner: more.includes('owner: hand') ? 'hand' : undefined,
    kind: 'feature',
    outputs,
  });

  it('builds the spec alone: ready and speccc\'s, without its own files; every other spec hand-owned and ready', () => {
    const tryPath = spec('try-path', 'owner: hand\ndepends_on: [mapping-entry]\n', ['try-path.ts', '__tests__/try-path.test.ts', '__tests__/data/paths.ts']);
    const mapping = spec('mapping-entry', 'owner: hand\n', ['mapping-entry.ts']);
    const built = { ...spec('util', '', ['util/index.ts']), status: 'ready', source: spec('util', '', ['util/index.ts']).source.replace('status: draft', 'status: ready') };
    const layout = roundTripWorkspace({
      spec: tryPath,
      specs: [tryPath, mapping, built],
      generatedRoot: 'src',
      files,
      tests: [{ path: 'src/__tests__/try-path.test.ts', text: "import { expect, it } from 'vitest';\nimport { getPathsToTry } from '../try-path';\nit('x', () => expect(getPathsToTry).toBeDefined());\n" }],
      rawConfig: '{ "paths": { "generated": "src", "scenarios": "../elsewhere" }, "validation": { "typecheck": false } }\n',
    });
    expect(layout.edits.get('specs/try-path.md')).toBe('---\nid: try-path\nkind: feature\nstatus: ready\ndepends_on: [mapping-entry]\noutputs:\n  - try-path.ts\n  - __tests__/try-path.test.ts\n---\n\n# try-path\n');
    expect(layout.edits.get('specs/mapping-entry.md')).toContain('status: ready\nowner: hand\n');
    expect(layout.edits.get('specs/util.md')).toContain('status: ready\noutputs:\n  - util/index.ts\nowner: hand\n');
    expect(layout.remove).toEqual(['src/try-path.ts', 'src/__tests__/try-path.test.ts', 'src/__tests__/data/paths.ts']);
    expect([...layout.placed]).toEqual([['src/__tests__/try-path.test.ts', 'try-path.test.ts']]);
    expect(layout.edits.get('scenarios/try-path/try-path.test.ts')).toContain("from '../../try-path'");
    expect(JSON.parse(layout.edits.get('speccc.config.json')!)).toEqual({ paths: { generated: 'src', scenarios: 'scenarios' }, validation: { typecheck: false } });
  });

  it('edits frontmatter fields in place and leaves the rest as written', () => {
    const source = '---\nid: a\nstatus: draft\nowner: hand\noutputs: [a.ts, a.test.ts]\n---\n\n# A\n\nText.\n';
    expect(editFrontmatter(source, { status: 'ready', owner: null })).toBe('---\nid: a\nstatus: ready\noutputs: [a.ts, a.test.ts]\n---\n\n# A\n\nText.\n');
    expect(editFrontmatter(source, { outputs: ['a.ts'] })).toBe('---\nid: a\nstatus: draft\nowner: hand\noutputs:\n  - a.ts\n---\n\n# A\n\nText.\n');
  });
});

describe('a round trip that judged nothing', () => {
  const outputs = ['try-path.ts', '__tests__/try-path.test.ts'];
  it('names the files the type errors are in when none is the spec\'s: code the agent could not fix', () => {
    const error = "visible checks failed after 3 attempt(s): filesystem.ts(82,18): error TS2345: Argument of type '(err: Error) => void' is not assignable.\nutil/x.ts(1,1): error TS2304: Cannot find name 'y'.";
    expect(typeErrorsElsewhere(error, outputs)).toEqual(['filesystem.ts', 'util/x.ts']);
  });
  it('names none when an error is in the spec\'s own code, or when there is no type error', () => {
    expect(typeErrorsElsewhere('filesystem.ts(82,18): error TS2345: x\ntry-path.ts(3,1): error TS2322: y', outputs)).toEqual([]);
    expect(typeErrorsElsewhere('tests-fail: 1 test failed', outputs)).toEqual([]);
  });
});
