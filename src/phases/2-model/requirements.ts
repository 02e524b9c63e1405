/**
 * Requirement ids: every Rules item, Edge cases item and Evaluation scenario of a spec gets an id
 * that survives edits elsewhere in the spec (docs/spec-format.md, "Requirement ids").
 *
 * - Derived from content, never position: `R-` (rule), `E-` (edge case) or `S-` (scenario) and a
 *   slug of the item's first five words (up to eight of a scenario's name), e.g. `line-items#S-one-valid-line`.
 *   Inserting, deleting or reordering other items changes no id.
 * - On a collision (two items whose first words agree, or a derived id equal to a pinned one)
 *   every colliding derived id gets a suffix of four hex digits of its item's text, so which one
 *   is which does not depend on their order.
 * - Pinned by the author with `{#id}` at the end of the item or the scenario heading: kept as
 *   written whatever the text says. Two pinned ids alike are an error (`requirement-id-duplicate`).
 */
import type { ListItem, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic, Requirement, RequirementKind, Scenario, Span } from '../../types/index.js';
import { diagnostics as d } from '../../diagnostics/messages.js';
import { sha256 } from '../../hash.js';
import type { LineIndex } from '../1-parse/line-index.js';
import type { SectionNodes } from './sections.js';
import { findPinned, stripPinned } from './pinned.js';
import { collapseSpaces } from './spaces.js';

const PREFIX: Record<RequirementKind, string> = { rule: 'R', 'edge-case': 'E', scenario: 'S', property: 'P' };
/** Words in a derived id: a rule's first five, a scenario's name up to eight. */
const SLUG_WORDS: Record<RequirementKind, number> = { rule: 5, 'edge-case': 5, scenario: 8, property: 8 };
const SLUG_CHARS = 48;

const ASCII = /^[\x00-\x7f]*$/;

/** The first words of a text as a kebab-case slug: letters and digits only, accents folded. */
export function slugOf(text: string, maxWords = SLUG_WORDS.rule): string {
  // ASCII is its own NFKD form with no combining marks: skip the Unicode normalization (costly, and most specs' text).
  const folded = ASCII.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = folded.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const word of words.slice(0, maxWords)) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_CHARS) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, SLUG_CHARS);
}

interface Item {
  kind: RequirementKind;
  text: string;
  span: Span;
  pinned?: { value: string; span: Span };
}

const off = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }) =>
  [node.position!.start.offset!, node.position!.end.offset!] as [number, number];

const collapse = (s: string) => collapseSpaces(s).trim();

/** Top-level list items of a section; when the section has no list, each paragraph. */
function sectionItems(kind: RequirementKind, nodes: RootContent[], source: string, lines: LineIndex): Item[] {
  const items: Item[] = [];
  const lists = nodes.filter((n) => n.type === 'list');
  const add = (node: ListItem | RootContent, first: RootContent | undefined) => {
    const [start, end] = off(node);
    // The id goes at the end of the item's first paragraph (or of the item).
    const [ps, pe] = first?.type === 'paragraph' ? off(first) : [start, end];
    const pinned = findPinned(source, ps, pe);
    const text = collapse(stripPinned(collapse(toString(node))));
    if (!text && !pinned) return;
    items.push({ kind, text, span: lines.span(start, end), ...(pinned ? { pinned: { value: pinned.value, span: lines.span(pinned.start, pinned.end) } } : {}) });
  };
  if (lists.length > 0) {
    for (const list of lists) for (const item of (list as { children: ListItem[] }).children) add(item, item.children[0] as RootContent | undefined);
  } else {
    for (const node of nodes) if (node.type === 'paragraph') add(node, node);
  }
  return items;
}

export interface RequirementsInput {
  file: string;
  /** The spec's id, or null when its frontmatter is unusable (ids are then `#<local>`). */
  specId: string | null;
  sections: SectionNodes[];
  scenarios: Scenario[];
  source: string;
  lines: LineIndex;
}

export function extractRequirements(input: RequirementsInput): { requirements: Requirement[]; diagnostics: Diagnostic[] } {
  const items: Item[] = [];
  for (const { section, nodes } of input.sections) {
    if (section.name === 'rules') items.push(...sectionItems('rule', nodes, input.source, input.lines));
    if (section.name === 'edge-cases') items.push(...sectionItems('edge-case', nodes, input.source, input.lines));
  }
  for (const s of input.scenarios) items.push({ kind: s.kind === 'property' ? 'property' : 'scenario', text: s.name, span: s.span, ...(s.pinned ? { pinned: s.pinned } : {}) });
  // Document order, whatever section the items came from.
  items.sort((a, b) => a.span.start.offset - b.span.start.offset);

  const diagnostics: Diagnostic[] = [];
  const pinnedFirst = new Map<string, Item>();
  for (const item of items) {
    if (!item.pinned) continue;
    const first = pinnedFirst.get(item.pinned.value);
    if (!first) {
      pinnedFirst.set(item.pinned.value, item);
      continue;
    }
    diagnostics.push(
      d.requirementIdDuplicate({
        file: input.file,
        span: item.pinned.span,
        message: `Requirement id \`${item.pinned.value}\` is pinned twice in this spec; expected each pinned id once`,
        related: [{ file: input.file, span: first.pinned!.span, message: `\`${item.pinned.value}\` is first pinned here` }],
      }),
    );
  }

  const derived = items.map((item) => (item.pinned ? null : `${PREFIX[item.kind]}-${slugOf(item.text, SLUG_WORDS[item.kind]) || sha256(item.text).slice(0, 8)}`));
  const count = new Map<string, number>();
  for (const local of derived) if (local) count.set(local, (count.get(local) ?? 0) + 1);
  const taken = new Set<string>(pinnedFirst.keys());
  const locals = items.map((item, i) => {
    if (item.pinned) return item.pinned.value;
    let local = derived[i]!;
    if ((count.get(local) ?? 0) > 1 || pinnedFirst.has(local)) local = `${local}-${sha256(`${item.kind}\n${item.text}`).slice(0, 4)}`;
    // Two items with the very same text: number the later ones (rare, and reported by nothing else).
    const base = local;
    for (let n = 2; taken.has(local); n++) local = `${base}-${n}`;
    taken.add(local);
    return local;
  });

  const requirements = items.map((item, i): Requirement => ({
    id: `${input.specId ?? ''}#${locals[i]!}`,
    local: locals[i]!,
    kind: item.kind,
    text: item.text,
    pinned: Boolean(item.pinned),
    span: item.span,
  }));
  return { requirements, diagnostics };
}
