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
  const bodyStart = spec.frontmatterSpans?.block.end.offset ?? 0;
  const out: ProseMatch[] = [];
  for (const match of spec.source.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start < bodyStart) continue;
    if (spec.codeRanges.some(([s, e]) => start < e && end > s)) continue;
    const section = spec.sections.find((s) => start >= s.span.start.offset && start < s.span.end.offset) ?? null;
    if (within && !within(section)) continue;
    out.push({ text: match[0], span: lines.span(start, end), section });
  }
  return out;
}

export const startOf = (span: Span): Span => ({ start: span.start, end: span.start });
