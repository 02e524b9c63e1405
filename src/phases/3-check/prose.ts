import type { Section, Span, Spec } from '../../types/index.js';
import type { LineIndex } from '../1-parse/line-index.js';

/** A phrase found in a spec's prose (code, inline code and HTML excluded). */
export interface ProseMatch {
  text: string;
  span: Span;
  section: Section | null;
}

/**
 * Finds every match of `pattern` (must be global) in the spec's body prose: after the
 * frontmatter, outside code. Used by the wording rules so each finding lands on the phrase.
 */
export function findInProse(spec: Spec, lines: LineIndex, pattern: RegExp, within?: (section: Section | null) => boolean): ProseMatch[] {
  return matchesBetween(spec, lines, pattern, spec.frontmatterSpans?.block.end.offset ?? 0, spec.source.length, within);
}

/**
 * The matches of `pattern` (global) that start in [from, to), outside code, in a section `within`
 * takes. exec from `from` rather than matchAll over the whole file: no copy of the pattern and no
 * iterator per spec and rule, and nothing before `from` is searched.
 */
function matchesBetween(spec: Spec, lines: LineIndex, pattern: RegExp, from: number, to: number, within?: (section: Section | null) => boolean): ProseMatch[] {
  const out: ProseMatch[] = [];
  if (!pattern.global) throw new TypeError('the prose rules need a global pattern');
  pattern.lastIndex = from;
  for (let match = pattern.exec(spec.source); match && match.index < to; match = pattern.exec(spec.source)) {
    if (match[0].length === 0) pattern.lastIndex++; // an empty match would be found again forever
    const start = match.index;
    const end = start + match[0].length;
    if (spec.codeRanges.some(([s, e]) => start < e && end > s)) continue;
    const section = spec.sections.find((s) => start >= s.span.start.offset && start < s.span.end.offset) ?? null;
    if (within && !within(section)) continue;
    out.push({ text: match[0], span: lines.span(start, end), section });
  }
  pattern.lastIndex = 0;
  return out;
}

export const startOf = (span: Span): Span => ({ start: span.start, end: span.start });

/**
 * Like findInProse, but only in the body of a section: the title and the headings name things,
 * and only prose under a heading is judged. `sections` limits it to some sections. Words inside
 * double quotes on their line are quoted, not used ("The tip must read \"Search quickly\""), and
 * are skipped as code is.
 */
export function findInBody(spec: Spec, lines: LineIndex, pattern: RegExp, sections?: readonly (string | null)[]): ProseMatch[] {
  const inBody = (m: ProseMatch) => (!m.section || m.span.start.offset >= m.section.headingSpan.end.offset) && !insideQuotes(spec.source, m.span.start.offset);
  if (!sections) return findInProse(spec, lines, pattern, (section) => section !== null).filter(inBody);
  // Only some sections: the search starts where the first of them starts (a rule about Constraints,
  // at the end of most specs, reads a few lines of the file). One search from there, not one per
  // section: a search in a section that ends at no match runs on to the next match or the end.
  const wanted = spec.sections.filter((section) => sections.includes(section.name));
  if (wanted.length === 0) return [];
  const from = Math.min(...wanted.map((section) => section.headingSpan.end.offset));
  const to = Math.max(...wanted.map((section) => section.span.end.offset));
  return matchesBetween(spec, lines, pattern, from, to, (section) => section !== null && wanted.includes(section)).filter(inBody);
}

/** Whether the offset lies between a pair of double quotes ("…" or “…”) on its line. */
export function insideQuotes(source: string, offset: number): boolean {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = source.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = source.length;
  const before = source.slice(lineStart, offset);
  const after = source.slice(offset, lineEnd);
  const straight = (before.match(/"/g) ?? []).length;
  if (straight % 2 === 1 && after.includes('"')) return true;
  return before.lastIndexOf('\u201C') > before.lastIndexOf('\u201D') && after.includes('\u201D');
}

/** Where a sentence ends: a full stop, ! or ? before a space or the end, a blank line, or a new list item. */
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|no))[.!?](?=\s|$)|\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+[.)])[ \t]/g;
/** How far a sentence is looked for on each side of a match: keeps each lookup cheap on a pathological file. */
const REACH = 2000;

/**
 * The sentence around a match, as [start, end) offsets in the spec source: from the end of the
 * previous sentence to the end of this one, within the match's section. A semicolon does not
 * end a sentence ("Users may …; when they do, the total must …" is one).
 */
export function sentenceAround(spec: Spec, m: ProseMatch): { start: number; end: number; text: string } {
  const from = Math.max(m.section ? m.section.headingSpan.end.offset : 0, m.span.start.offset - REACH);
  const to = Math.min(m.section ? m.section.span.end.offset : spec.source.length, m.span.end.offset + REACH);
  const at = m.span.start.offset;
  const last = m.span.end.offset;
  let start = from;
  let end = to;
  for (const b of spec.source.slice(from, to).matchAll(SENTENCE_END)) {
    const index = from + b.index;
    const stop = index + b[0].length;
    if (stop <= at) start = stop;
    else if (index >= last - 1 && index >= at) {
      end = b[0].startsWith('\n') ? index : stop;
      break;
    }
  }
  return { start, end, text: spec.source.slice(start, end) };
}

/** The spec's prose in [start, end) with code and HTML blanked out (same length, so offsets hold). */
export function proseBetween(spec: Spec, start: number, end: number): string {
  let text = spec.source.slice(start, end);
  for (const [s, e] of spec.codeRanges) {
    if (e <= start || s >= end) continue;
    const a = Math.max(s, start) - start;
    const b = Math.min(e, end) - start;
    text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  return text;
}
