/**
 * Frontmatter opened by `---` and never closed is reported as what it is, at the opening `---`,
 * whichever markdown parser reads the file: the fast parser declines it, the unified pipeline
 * reads a horizontal rule and a paragraph, and phase 1 finds the block in the text itself.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseSpecMarkdown } from '../../../src/phases/1-parse/fast-markdown.js';
import { parseSpecFile } from '../../../src/phases/1-parse/index.js';
import { createLineIndex } from '../../../src/phases/1-parse/line-index.js';
import { modelSpec } from '../../../src/phases/2-model/index.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const reference = (text: string) => processor.parse(text);
const bytes = (text: string) => new TextEncoder().encode(text);
const BODY = '# Cart\n\n## What\n\nComputes the total of a cart.\n';
const FIELDS = 'id: cart\nkind: feature\nstatus: ready\noutputs:\n  - src/cart.ts\n';

describe('unclosed frontmatter', () => {
  it.each([
    ['LF', `---\n${FIELDS}\n${BODY}`],
    ['CRLF', `---\r\n${FIELDS}\r\n${BODY}`.replace(/(?<!\r)\n/g, '\r\n')],
    ['no blank line before the title', `---\n${FIELDS}${BODY}`],
  ])('is declined by the fast parser, is no frontmatter to the unified pipeline, and is reported at the opening `---` (%s)', (_, text) => {
    expect(parseSpecMarkdown(text, createLineIndex(text))).toBeNull();
    expect(reference(text).children[0]!.type).toBe('thematicBreak');
    const modelled = modelSpec(parseSpecFile('specs/cart.md', bytes(text)));
    expect(modelled.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column, d.span.end.column, d.hint])).toEqual([
      ['frontmatter-unclosed', 1, 1, 4, 'Add a `---` line after line 6, the last field.'],
    ]);
    // The fields up to the title are read as the frontmatter, so the rest of the spec is checked as usual.
    expect(modelled.spec!.frontmatter).toMatchObject({ id: 'cart', kind: 'feature', status: 'ready', outputs: ['src/cart.ts'] });
    expect(modelled.spec!.title?.value).toBe('Cart');
  });

  it('closed, the same file is taken by the fast parser and gives the same model without the finding', () => {
    const open = `---\n${FIELDS}\n${BODY}`;
    const closed = `---\n${FIELDS}---\n\n${BODY}`;
    expect(parseSpecMarkdown(closed, createLineIndex(closed))).not.toBeNull();
    const a = modelSpec(parseSpecFile('specs/cart.md', bytes(open))).spec!;
    const b = modelSpec(parseSpecFile('specs/cart.md', bytes(closed))).spec!;
    expect(a.frontmatter).toEqual(b.frontmatter);
    expect(a.sections.map((s) => [s.name, s.text])).toEqual(b.sections.map((s) => [s.name, s.text]));
  });

  it("says so when YAML's `...` was meant to close it; a `---` above a title is a horizontal rule, not frontmatter", () => {
    const dots = modelSpec(parseSpecFile('specs/cart.md', bytes(`---\n${FIELDS}...\n\n${BODY}`)));
    expect(dots.diagnostics.map((d) => d.hint)).toEqual(['Write `---` instead of `...` on line 7: YAML\'s end marker does not close markdown frontmatter.']);
    const rule = modelSpec(parseSpecFile('specs/cart.md', bytes(`---\n\n${BODY}`)));
    expect(rule.diagnostics.map((d) => d.code)).toEqual(['frontmatter-missing']);
  });
});
