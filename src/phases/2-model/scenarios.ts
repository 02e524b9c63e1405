/**
 * The Evaluation section's nodes -> structured Given/When/Then scenarios with positions.
 * Block form: an H3 (optionally "Scenario: name", or "Property: name") followed by step lines.
 * List form: a list item directly under the section whose text starts with a step keyword.
 * A property states what holds for generated inputs: For any steps (its generators) and Then
 * steps (what holds), with optional Given and When between.
 */
import type { ListItem, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Scenario, Span, Step, StepKeyword } from '../../types/index.js';
import type { LineIndex } from '../1-parse/line-index.js';
import { findPinned, stripPinned } from './pinned.js';
import { collapseSpaces } from './spaces.js';

type RawKeyword = StepKeyword | 'and' | 'but' | 'for any';

interface Segment {
  keyword: RawKeyword;
  text: string;
  start: number;
  end: number;
}

const LINE_START = /^(\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__|\*|_)?)(given|when|then|and|but|for any|for all)\b/i;
/** A keyword inside a line starts a new step only when bold or after , ; . — "and then" stays prose. */
const INNER = /(?:(?:\*\*|__)(given|when|then)\b(?:\*\*|__)?|[,;.]\s*(given|when|then)\b)/gi;
/** `for all` is written as `for any`; keywords are compared in lower case. */
const keywordOf = (word: string): RawKeyword => {
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  return (lower === 'for all' ? 'for any' : lower) as RawKeyword;
};

function cleanStepText(raw: string): string {
  const stripped = stripPinned(raw)
    .replace(/^(?:\*\*|__|\*|_)?\s*[:,]?\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/[\s,;]+$/, '');
  return collapseSpaces(stripped).trim();
}

/** Splits one source line that starts with a step keyword into segments with offsets. */
function lineSegments(line: string, lineOffset: number): Segment[] {
  const head = LINE_START.exec(line);
  if (!head) return [];
  const cuts: { keyword: RawKeyword; at: number; textAt: number }[] = [];
  const kwStart = head[1]!.length;
  cuts.push({ keyword: keywordOf(head[2]!), at: kwStart, textAt: kwStart + head[2]!.length });
  INNER.lastIndex = kwStart + head[2]!.length;
  for (let m = INNER.exec(line); m; m = INNER.exec(line)) {
    const word = (m[1] ?? m[2])!;
    const wordAt = m.index + m[0].toLowerCase().lastIndexOf(word.toLowerCase());
    cuts.push({ keyword: word.toLowerCase() as RawKeyword, at: m.index, textAt: wordAt + word.length });
  }
  const trimmedEnd = line.replace(/\s+$/, '').length;
  return cuts.map((cut, i) => {
    const end = i + 1 < cuts.length ? cuts[i + 1]!.at : trimmedEnd;
    const start = i === 0 ? cut.at : cut.at + (line.slice(cut.at).match(/^[,;.]\s*/)?.[0].length ?? 0);
    return {
      keyword: cut.keyword,
      text: cleanStepText(line.slice(cut.textAt, end)),
      start: lineOffset + start,
      end: lineOffset + Math.max(start, end),
    };
  });
}

/**
 * LINE_START, unanchored and sticky, tried where a line starts in the whole text: it may match
 * where the line alone would not (its `\s*` can run on into the next line), never the other way
 * round, so a line it rejects is no step and is never sliced out.
 */
const MAY_START = new RegExp(LINE_START.source.slice(1), 'iy');

function sourceSegments(text: string, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  for (let at = start; at <= end; ) {
    let next = text.indexOf('\n', at);
    if (next === -1 || next > end) next = end;
    MAY_START.lastIndex = at;
    if (MAY_START.test(text)) {
      const line = text.slice(at, next);
      out.push(...lineSegments(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line, at));
    }
    at = next + 1;
  }
  return out;
}

function toScenario(
  name: string,
  form: Scenario['form'],
  span: [number, number],
  segments: Segment[],
  lines: LineIndex,
  pinnedIn: [number, number],
  text: string,
  property = false,
): Scenario {
  const scenario: Scenario = { name, form, span: lines.span(span[0], span[1]), given: [], when: [], then: [] };
  const pinned = findPinned(text, pinnedIn[0], pinnedIn[1]);
  if (pinned) scenario.pinned = { value: pinned.value, span: lines.span(pinned.start, pinned.end) };
  if (property || segments.some((s) => s.keyword === 'for any')) {
    scenario.kind = 'property';
    scenario.forAny = [];
  }
  let previous: StepKeyword | 'for any' | undefined;
  for (const segment of segments) {
    // And/But continue the previous keyword; a leading And has nothing to continue and counts as Given.
    const keyword = segment.keyword === 'and' || segment.keyword === 'but' ? (previous ?? 'given') : segment.keyword;
    const span = lines.span(segment.start, segment.end);
    // A For any step is kept apart: Step's keyword names the three parts every scenario has.
    if (keyword === 'for any') scenario.forAny!.push({ keyword: 'given', text: segment.text, span });
    else scenario[keyword].push({ keyword, text: segment.text, span } satisfies Step);
    previous = keyword;
  }
  return scenario;
}

/** A list item that is a scenario by itself: Given, When and Then, or a property's For any and Then. */
const isWholeScenario = (segments: Segment[]) =>
  (['given', 'when', 'then'] as const).every((k) => segments.some((s) => s.keyword === k)) ||
  (['for any', 'then'] as const).every((k) => segments.some((s) => s.keyword === k));

const off = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }) =>
  [node.position!.start.offset!, node.position!.end.offset!] as [number, number];

/**
 * The scenarios of one Evaluation section, and the text after a scenario began that is no step
 * of one: a paragraph of prose under a scenario is not part of it (it would be lost to the
 * scenario's steps and stretch its span), so it is kept apart for the checker to report.
 * Text before the first scenario introduces them and is neither.
 */
export function extractScenarios(nodes: RootContent[], text: string, lines: LineIndex): { scenarios: Scenario[]; stray: Span[] } {
  const scenarios: Scenario[] = [];
  const stray: Span[] = [];
  let block: { name: string; start: number; end: number; headingEnd: number; segments: Segment[]; property: boolean } | undefined;
  const closeBlock = () => {
    if (block) scenarios.push(toScenario(block.name, 'block', [block.start, block.end], block.segments, lines, [block.start, block.headingEnd], text, block.property));
    block = undefined;
  };
  // A second H1 inside the section (title-multiple) starts another document: what follows is no scenario's.
  let previousEnd = nodes[0] ? off(nodes[0])[0] : 0;
  let afterTitle = false;
  for (const node of nodes) {
    const [start, end] = off(node);
    if (/^#[ \t]/m.test(text.slice(previousEnd, start))) {
      closeBlock();
      afterTitle = true;
    }
    previousEnd = end;
    if (node.type === 'heading' && node.depth <= 3) {
      closeBlock();
      const heading = stripPinned(toString(node));
      const property = /^\s*property\s*[:\-–—]/i.test(heading);
      const name = heading.replace(/^\s*(?:scenario|property)\s*[:\-–—]?\s*/i, '').trim() || (property ? 'unnamed property' : 'unnamed scenario');
      block = { name, start, end, headingEnd: end, segments: [], property };
      continue;
    }
    if (node.type === 'list') {
      node.children.forEach((item: ListItem, i) => {
        const [is, ie] = off(item);
        const segments = sourceSegments(text, is, ie);
        if (segments.length === 0) {
          if (!afterTitle && (block || scenarios.length > 0)) stray.push(lines.span(is, ie));
          return;
        }
        // Inside a block, an item is a step unless it is a whole Given/When/Then scenario by itself.
        if (block && !isWholeScenario(segments)) {
          block.segments.push(...segments);
          block.end = ie;
          return;
        }
        const plain = stripPinned(collapseSpaces(toString(item)).trim());
        const name = plain.length > 60 ? `${plain.slice(0, 57)}…` : plain || `scenario ${i + 1}`;
        scenarios.push(toScenario(name, 'list', [is, ie], segments, lines, [is, ie], text));
      });
      continue;
    }
    if (node.type === 'paragraph' || node.type === 'blockquote') {
      const segments = sourceSegments(text, start, end);
      if (block && segments.length > 0) {
        block.segments.push(...segments);
        block.end = end;
      } else if (!afterTitle && (block || scenarios.length > 0)) stray.push(lines.span(start, end));
    }
  }
  closeBlock();
  return { scenarios, stray };
}
