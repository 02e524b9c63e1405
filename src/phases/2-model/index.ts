/**
 * Phase 2: a parsed file -> the typed Spec model with source positions, plus diagnostics.
 * Entry: modelSpec. Pure.
 */
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import type { Diagnostic, ModelledFile, Spec, SpecLink, TermUse } from '../../types/index.js';
import { diagnostics as d } from '../../diagnostics/messages.js';
import type { ParsedFile } from '../1-parse/index.js';
import { rememberLines, type LineIndex } from '../1-parse/line-index.js';
import { modelFrontmatter } from './frontmatter.js';
import { outlineBody } from './sections.js';
import { extractScenarios } from './scenarios.js';
import { extractRequirements } from './requirements.js';

export function modelSpec(parsed: ParsedFile): ModelledFile {
  const { file, hash, text, tree, lines } = parsed;
  if (text === null || tree === null || lines === null) return { file, hash, spec: null, diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];

  let frontmatter: Spec['frontmatter'] = null;
  let frontmatterSpans: Spec['frontmatterSpans'] = null;
  if (parsed.frontmatter) {
    const result = modelFrontmatter(file, parsed.frontmatter, lines);
    frontmatter = result.frontmatter;
    frontmatterSpans = result.spans;
    diagnostics.push(...result.diagnostics);
  } else {
    diagnostics.push(
      d.frontmatterMissing({
        file,
        span: lines.span(0, 0),
        message: 'Spec has no YAML frontmatter; expected a `---` block with id, kind and status at the top',
      }),
    );
  }

  const outline = outlineBody(tree, text, lines);
  const evaluation = outline.sections.filter((s) => s.section.name === 'evaluation');
  const { codeRanges, links } = collectCodeAndLinks(tree, file, lines);
  const extracted = evaluation.map((s) => extractScenarios(s.nodes, text, lines));
  const scenarios = extracted.flatMap((e) => e.scenarios);
  const requirements = extractRequirements({ file, specId: frontmatter?.id ?? null, sections: outline.sections, scenarios, source: text, lines });
  diagnostics.push(...requirements.diagnostics);
  const spec: Spec = {
    file,
    hash,
    source: text,
    frontmatter,
    frontmatterSpans,
    title: outline.titles[0] ?? null,
    extraTitles: outline.titles.slice(1).map((t) => t.span),
    sections: outline.sections.map((s) => s.section),
    scenarios,
    strayEvaluationText: extracted.flatMap((e) => e.stray),
    requirements: requirements.requirements,
    links,
    terms: collectTerms(text, codeRanges, parsed.frontmatter ? parsed.frontmatter.span.end.offset : 0, lines),
    codeRanges,
  };
  rememberLines(spec, lines);
  return { file, hash, spec, diagnostics };
}

/**
 * One walk over the tree for what the model keeps of its nodes: code, inline code and HTML (the
 * prose rules skip them) and links to other markdown files, resolved relative to the linking spec
 * (external URLs are not references).
 */
function collectCodeAndLinks(tree: Root, file: string, lines: LineIndex): { codeRanges: [number, number][]; links: SpecLink[] } {
  const codeRanges: [number, number][] = [];
  const links: SpecLink[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const type = node.type;
    if (type === 'code' || type === 'inlineCode' || type === 'html') {
      if (node.position) codeRanges.push([node.position.start.offset!, node.position.end.offset!]);
    } else if (type === 'link' || type === 'definition') {
      const link = linkOf(node, file, lines);
      if (link) links.push(link);
    }
    // Children in reverse, so that they come off the stack in document order.
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return { codeRanges, links };
}

function linkOf(node: Nodes & { url: string }, file: string, lines: LineIndex): SpecLink | null {
  if (!node.position) return null;
  const href = node.url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return null;
  const pathPart = decodeURIComponentSafe(href.split('#')[0]!.split('?')[0]!);
  if (!pathPart.toLowerCase().endsWith('.md')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
  return { href, target, span: lines.span(node.position.start.offset!, node.position.end.offset!) };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const TERM = /\[\[([^[\]\n]{1,80})\]\]/g;

function collectTerms(text: string, code: [number, number][], bodyStart: number, lines: LineIndex): TermUse[] {
  const terms: TermUse[] = [];
  for (const match of text.matchAll(TERM)) {
    const start = match.index;
    if (start < bodyStart || code.some(([s, e]) => start >= s && start < e)) continue;
    terms.push({ term: match[1]!.trim(), span: lines.span(start, start + match[0].length) });
  }
  return terms;
}
