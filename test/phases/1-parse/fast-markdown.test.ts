/**
 * The fast markdown parser (src/phases/1-parse/fast-markdown.ts) either gives the tree of the
 * reference, the design card's unified pipeline (unified + remark-parse + remark-frontmatter),
 * positions included, or declines: on every spec and markdown file in this repository, on the
 * bench's generated specs, and on generated documents at the edges of its subset. What it
 * declines, phase 1 reads with that pipeline. A spec's diagnostics therefore never depend on
 * which parser read it, and a unified user's tree is the tree speccc checks (src/remark/).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { specText } from '../../../bench/generate-workspace.js';
import { parseSpecMarkdown } from '../../../src/phases/1-parse/fast-markdown.js';
import { MAX_SPEC_BYTES, parseSpecFile } from '../../../src/phases/1-parse/index.js';
import { createLineIndex } from '../../../src/phases/1-parse/line-index.js';
import { tameMarkdown, wildMarkdown } from '../../helpers/markdown-arbitrary.js';

/** The reference, made here as a unified user makes it (not phase 1's copy of it). */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const reference = (text: string) => JSON.parse(JSON.stringify(processor.parse(text)));
const fast = (text: string) => {
  const tree = parseSpecMarkdown(text, createLineIndex(text));
  return tree && JSON.parse(JSON.stringify(tree));
};

/** Compares on `text`; true when the fast parser declined. */
function agrees(text: string): { declined: boolean; same: boolean } {
  const tree = fast(text);
  return tree === null ? { declined: true, same: true } : { declined: false, same: isDeepStrictEqual(tree, reference(text)) };
}

const repo = path.resolve(import.meta.dirname, '../../..');

describe('fast markdown parser', () => {
  it('gives the unified pipeline’s tree for every markdown file in the repository it takes, and takes most specs', () => {
    const files = execFileSync('git', ['ls-files', '*.md'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
    const specs = files.filter((f) => /(^|\/)specs\//.test(f));
    let taken = 0;
    let specsTaken = 0;
    let declinedSpecs = 0;
    for (const file of files) {
      const bytes = readFileSync(path.join(repo, file));
      // Phase 1 refuses a file this large before any parser sees it (the file-too-large sample,
      // whose 1 MB would take the reference seconds).
      if (bytes.length > MAX_SPEC_BYTES) continue;
      const text = bytes.toString('utf8');
      const result = agrees(text);
      expect(result.same, file).toBe(true);
      if (!result.declined) {
        taken++;
        if (specs.includes(file)) specsTaken++;
      } else if (specs.includes(file)) {
        // What it declines, phase 1 reads with the unified pipeline (unless it refuses the bytes).
        const tree = parseSpecFile(file, bytes).tree;
        if (tree) expect(JSON.parse(JSON.stringify(tree)), file).toEqual(reference(text));
        declinedSpecs++;
      }
    }
    expect(declinedSpecs).toBeGreaterThan(2);
    expect(taken).toBeGreaterThan(50);
    expect(specsTaken / specs.length).toBeGreaterThan(0.6);
  });

  it('takes the bench’s generated specs and gives the unified pipeline’s tree', () => {
    for (const i of [0, 7, 12, 999]) {
      const text = specText(i, i > 10 ? ['feature-0001', 'feature-0002'] : []);
      expect(fast(text)).not.toBeNull();
      expect(fast(text)).toEqual(reference(text));
    }
  });

  it('gives the unified pipeline’s tree or declines, on documents at the edges of its subset', () => {
    let taken = 0;
    for (const documents of [tameMarkdown, wildMarkdown]) {
      fc.assert(
        fc.property(documents, (text) => {
          const result = agrees(text);
          if (!result.declined) taken++;
          return result.same;
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 2500) },
      );
    }
    // The property means little unless many documents are actually parsed (about 340 of 5,000 here).
    expect(taken).toBeGreaterThan(200);
  });

  it('takes ordered lists, numbered from anywhere, nested and loose', () => {
    const text = 'Steps:\n1. first `a`\n   more of it\n2. second\n   - a bullet inside\n\n3. third\n\nThen:\n\n8) eight\n9) nine\n10) ten, wider\n    still ten\n';
    expect(fast(text)).not.toBeNull();
    expect(fast(text)).toEqual(reference(text));
    expect(JSON.stringify(fast(text))).toContain('"start":8');
  });

  it('takes CRLF line endings, and keeps them in text as remark-parse does', () => {
    const text = '---\r\nid: a\r\n---\r\n\r\n# T\r\n\r\npara **one**\r\ntwo `c`\r\n- a\r\n  b\r\n\r\n```ts\r\nx\r\n```\r\n';
    expect(fast(text)).not.toBeNull();
    expect(fast(text)).toEqual(reference(text));
    expect(JSON.stringify(fast(text))).toContain('a\\r\\nb');
  });

  it('keeps the reference’s positions where text ends at a line break inside a list item', () => {
    const text = '- first `code`\n  `second` line\n- **Given** x, **when** y\n  then [[term]] and [a](b.md)\n';
    expect(fast(text)).not.toBeNull();
    expect(fast(text)).toEqual(reference(text));
  });

  it.each([
    ['an escape', 'a \\* b\n'],
    ['an entity', 'a &amp; b\n'],
    ['inline HTML', 'a <b>c</b>\n'],
    ['underscore emphasis', 'a _b_ c\n'],
    ['emphasis that does not pair', 'a **b* c\n'],
    ['a lazy continuation line', '- item\nlazy\n'],
    ['a setext heading', 'Title\n---\n'],
    ['a block quote', '> quoted\n'],
    ['an ordered list that does not start at 1 inside a paragraph', 'text\n2. first\n'],
    ['a link definition', '[a]: b.md\n'],
    ['a hard line break', 'a  \nb\n'],
    ['tabs', '-\tx\n'],
    ['an unclosed fence', '```\ncode\n'],
    ['unclosed frontmatter', '---\nid: a\nkind: feature\n\n# T\n'],
    ['a carriage return alone (a line ending of its own)', '# a\rb\n'],
    ['a byte order mark', '\uFEFF# a\n'],
  ])('declines %s, which phase 1 then reads with the unified pipeline', (_, text) => {
    expect(fast(text)).toBeNull();
    expect(JSON.parse(JSON.stringify(parseSpecFile('specs/a.md', new TextEncoder().encode(text)).tree))).toEqual(reference(text));
  });
});
