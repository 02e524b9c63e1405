/**
 * The simple frontmatter reader (src/phases/2-model/simple-yaml.ts) either gives what the `yaml`
 * library reads, values and ranges alike, or declines: on generated frontmatter full of the
 * things around its subset (comments, booleans, numbers YAML reads its own way, escapes,
 * nesting, odd indentation, duplicate keys).
 */
import { isMap, parseDocument } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSimpleYaml, readYamlDocument, type YamlMapping } from '../../../src/phases/2-model/simple-yaml.js';

/** What the library makes of `yaml`, or null when it reports errors or the document is not a mapping. */
function library(yaml: string): YamlMapping | null {
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  return readYamlDocument(doc, doc.toJS({ maxAliasCount: 20 }) as Record<string, unknown>);
}

const tameScalars = ['feature-0001', 'ready', 'claude-sonnet-4-5', 'src/money.ts', 'Order totals v2', 'a - b', '12', '0', '1.5', '"quoted"', "'single'", '"a b"'];
const wildScalars = [
  '007', '1e3', '0x1F', '-1', '.5',
  'true', 'False', 'yes', 'no', 'null', '~', 'on', '"quoted"', "'single'", '"with \\" escape"', "'it''s'", '"a, b"', '"x: y"', 'a: b', 'a #c', 'a#b',
  '&anchor x', '*alias', '!tag x', '[a, b]', '{a: 1}', '|', '>', '@at', '`tick`', '%pct', 'trailing ', ' leading', 'tab\there', 'é', '2024-01-01', '1.2.3',
];
const tameKeys = ['id', 'kind', 'status', 'depends_on', 'outputs', 'uses_twins', 'model', 'budget_usd', 'version', 'title', 'x_1'];
const wildKeys = ['__proto__', 'with-dash', '"quoted"', 'a b', 'constructor'];

const scalar = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...tameScalars) }, { weight: 1, arbitrary: fc.constantFrom(...wildScalars) });
const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...tameKeys) }, { weight: 1, arbitrary: fc.constantFrom(...wildKeys) });
const flowList = fc
  .tuple(fc.array(scalar, { maxLength: 4 }), fc.constantFrom(', ', ', ', ',', ' , '), fc.constantFrom('', ' '))
  .map(([items, sep, pad]) => `[${pad}${items.join(sep)}${pad}]`);
const blockList = fc
  .tuple(fc.array(scalar, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '  ', '  ', ' ', '   ', '    '))
  .map(([items, indent]) => items.map((item) => `\n${indent}- ${item}`).join(''));
const entry = fc
  .tuple(key, fc.oneof({ weight: 5, arbitrary: scalar.map((v) => ` ${v}`) }, { weight: 2, arbitrary: flowList.map((v) => ` ${v}`) }, { weight: 2, arbitrary: blockList }, { weight: 1, arbitrary: fc.constantFrom('', ' ') }))
  .map(([key, value]) => `${key}:${value}`);
const extraLine = fc.constantFrom('# comment', '', '  ', '---', '...', 'nested:\n  a: 1', 'key: value # note', '\tkey: x');
const frontmatter = fc
  .tuple(fc.array(fc.oneof({ weight: 20, arbitrary: entry }, { weight: 1, arbitrary: extraLine }), { minLength: 1, maxLength: 7 }), fc.constantFrom('\n', '\n', '\n', '\r\n'))
  .map(([lines, ending]) => lines.join('\n').replace(/\n/g, ending));

describe('simple frontmatter reader', () => {
  it('reads the frontmatter specs are written in, as the library does', () => {
    const yaml = 'id: feature-0001\nkind: feature\nstatus: ready\ndepends_on: [feature-0002, "feature-0003"]\noutputs:\n  - src/feature-0001.ts\n  - src/feature-0001.test.ts';
    expect(readSimpleYaml(yaml)).not.toBeNull();
    expect(readSimpleYaml(yaml)).toEqual(library(yaml));
  });

  it('reads CRLF frontmatter (written on Windows) as the library does', () => {
    const yaml = 'id: feature-0001\r\nkind: feature\r\noutputs:\r\n  - src/a.ts\r\n  - src/b.ts\r\nstatus: ready';
    expect(readSimpleYaml(yaml)).not.toBeNull();
    expect(readSimpleYaml(yaml)).toEqual(library(yaml));
  });

  it('gives the library’s values and ranges or declines, on generated frontmatter', () => {
    let taken = 0;
    fc.assert(
      fc.property(frontmatter, (yaml) => {
        const simple = readSimpleYaml(yaml);
        if (simple === null) return true;
        taken++;
        expect(simple).toEqual(library(yaml));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 4000) },
    );
    expect(taken).toBeGreaterThan(400); // about 760 of 4,000 are simple enough to compare
  });

  it.each([
    ['a boolean', 'draft: true'],
    ['a comment', 'id: a # note'],
    ['a number YAML reads its own way', 'version: 1e3'],
    ['an escape', 'title: "a\\tb"'],
    ['a nested mapping', 'meta:\n  a: 1'],
    ['a duplicate key', 'id: a\nid: b'],
    ['an anchor', 'id: &x a'],
  ])('declines %s', (_, yaml) => {
    expect(readSimpleYaml(yaml)).toBeNull();
  });
});
