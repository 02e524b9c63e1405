import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SECTION_ALIASES, sectionHeadingKey, type Located, type Section, type SectionName } from '../../types/index.js';
import type { LineIndex } from '../1-parse/line-index.js';

export function sectionNameOf(heading: string): SectionName | null {
  return SECTION_ALIASES[sectionHeadingKey(heading)] ?? null;
}

/** Every heading that names a section, as it would be written (`Edge cases`, `Requirements`): what a misspelled heading is compared with. */
export const KNOWN_HEADINGS: readonly string[] = Object.keys(SECTION_ALIASES).map((key) => key.charAt(0).toUpperCase() + key.slice(1));

export interface SectionNodes {
  section: Section;
  nodes: RootContent[];
}

export interface BodyOutline {
  titles: Located<string>[];
  sections: SectionNodes[];
}

/** Plain text of a block node, with a line break between blocks (toString alone runs list items together). */
export function blockText(node: RootContent): string {
  if ((node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') && 'children' in node) {
    return (node.children as RootContent[]).map(blockText).join('\n');
  }
  return toString(node);
}

/** Splits the document at H2 headings. Content before the first H2 belongs to no section. */
export function outlineBody(tree: Root, text: string, lines: LineIndex): BodyOutline {
  const titles: Located<string>[] = [];
  const sections: SectionNodes[] = [];
  let current: { heading: Heading; nodes: RootContent[] } | undefined;
  const close = (endOffset: number) => {
    if (!current) return;
    const { heading, nodes } = current;
    const hs = heading.position!.start.offset!;
    const he = heading.position!.end.offset!;
    const bodyStart = nodes[0]?.position?.start.offset ?? he;
    const bodyEnd = nodes.at(-1)?.position?.end.offset ?? he;
    const headingText = toString(heading).trim();
    sections.push({
      section: {
        name: sectionNameOf(headingText),
        heading: headingText,
        headingSpan: lines.span(hs, he),
        span: lines.span(hs, Math.max(he, Math.min(endOffset, bodyEnd))),
        text: nodes.map(blockText).join('\n').trim(),
        markdown: text.slice(bodyStart, bodyEnd),
        bodyRange: [bodyStart, bodyEnd],
      },
      nodes,
    });
    current = undefined;
  };
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth === 1) {
      titles.push({ value: toString(node).trim(), span: lines.span(node.position!.start.offset!, node.position!.end.offset!) });
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      close(node.position!.start.offset!);
      current = { heading: node, nodes: [] };
      continue;
    }
    current?.nodes.push(node);
  }
  close(text.length);
  return { titles, sections };
}
