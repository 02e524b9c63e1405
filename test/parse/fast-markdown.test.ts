/**
 * The fast markdown parser (src/phases/1-parse/fast-markdown.ts) either gives micromark's tree,
 * positions included, or declines: on every spec and markdown file in this repository, on the
 * bench's generated specs, and on generated documents at the edges of its subset. A spec's
 * diagnostics therefore never depend on which parser read it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { describe, expect, it } from 'vitest';
import { specText } from '../../bench/generate-workspace.js';
import { parseSpecMarkdown } from '../../src/phases/1-parse/fast-markdown.js';
import { createLineIndex } from '../../src/phases/1-parse/line-index.js';
import { tameMarkdown, wildMarkdown } from '../helpers/markdown-arbitrary.js';

const options = { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] };
const micromark = (text: string) => JSON.parse(JSON.stringify(fromMarkdown(text, options)));
const fast = (text: string) => {
  const tree = parseSpecMarkdown(text, createLineIndex(text));
  return tree && JSON.parse(JSON.stringify(tree));
};

/** Compares on `text`; true when the fast parser declined. */
function agrees(text: string): { declined: boolean; same: boolean } {
  const tree = fast(text);
  return tree === null ? { declined: true, same: true } : { declined: false, same: isDeepStrictEqual(tree, micromark(text)) };
}

const repo = path.resolve(import.meta.dirname, '../..');

describe('fast markdown parser', () => {
  it('gives micromark’s tree for every markdown file in the repository it takes, and takes most specs', () => {
    const files = execFileSync('git', ['ls-files', '*.md'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
    const specs = files.filter((f) => /(^|\/)specs\//.test(f));
    let taken = 0;
    let specsTaken = 0;
    for (const file of files) {
      const result = agrees(readFileSync(path.join(repo, file), 'utf8'));
      expect(result.same, file).toBe(true);
      if (!result.declined) {
        taken++;
        if (specs.includes(file)) specsTaken++;
      }
    }
    expect(taken).toBeGreaterThan(50);
    expect(specsTaken / specs.length).toBeGreaterThan(0.6);
  });

  it('takes the bench’s generated specs and gives micromark’s tree', () => {
    for (const i of [0, 7, 12, 999]) {
      const text = specText(i, i > 10 ? ['feature-0001', 'feature-0002'] : []);
      expect(fast(text)).not.toBeNull();
      expect(fast(text)).toEqual(micromark(text));
    }
  });

  it('gives micromark’s tree or declines, on documents at the edges of its subset', () => {
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
    expect(fast(text)).toEqual(micromark(text));
    expect(JSON.stringify(fast(text))).toContain('"start":8');
  });

  it('takes CRLF line endings, and keeps them in text as micromark does', () => {
    const text = '---\r\nid: a\r\n---\r\n\r\n# T\r\n\r\npara **one**\r\ntwo `c`\r\n- a\r\n  b\r\n\r\n```ts\r\nx\r\n```\r\n';
    expect(fast(text)).not.toBeNull();
    expect(fast(text)).toEqual(micromark(text));
    expect(JSON.stringify(fast(text))).toContain('a\\r\\nb');
  });

  it('keeps micromark’s positions where text ends at a line break inside a list item', () => {
    const text = '- first `code`\n  `second` line\n- **Given** x, **when** y\n  then [[term]] and [a](b.md)\n';
    expect(fast(text)).not.toBeNull();
    expect(fast(text)).toEqual(micromark(text));
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
  ])('declines %s', (_, text) => {
    expect(fast(text)).toBeNull();
  });
});
