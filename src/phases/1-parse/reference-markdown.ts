/**
 * Markdown text -> the reference tree: unified with remark-parse and remark-frontmatter (`yaml`),
 * the pipeline the design card names and the one a unified user runs (docs/api.md, the remark
 * plugin). The fast parser (fast-markdown.ts) gives this tree, positions included, for the
 * markdown specs are written in; this reads everything it declines. test/phases/1-parse/ holds the two
 * to each other on every commit.
 *
 * Loaded on first use, synchronously (Node ≥ 20.19 can `require` these ES modules): most checks
 * never need it, because most specs take the fast parser, and loading micromark and unified
 * costs tens of milliseconds in every process and parse worker that does.
 */
import { createRequire } from 'node:module';
import type { Root } from 'mdast';

type Unified = typeof import('unified');
type RemarkParse = typeof import('remark-parse');
type RemarkFrontmatter = typeof import('remark-frontmatter');

/** One frozen processor: `parse` keeps no state between calls, so every caller may share it. */
function makeReference() {
  const require = createRequire(import.meta.url);
  const { unified } = require('unified') as Unified;
  const remarkParse = (require('remark-parse') as RemarkParse).default;
  const remarkFrontmatter = (require('remark-frontmatter') as RemarkFrontmatter).default;
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
}

let reference: ReturnType<typeof makeReference> | undefined;

/** The tree of `text`. micromark is recursive: pathological nesting throws a RangeError. */
export function parseReferenceMarkdown(text: string): Root {
  return (reference ??= makeReference()).parse(text);
}
