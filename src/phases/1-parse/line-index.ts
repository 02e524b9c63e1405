import type { Point, Span } from '../../types/index.js';

/** Maps 0-based UTF-16 offsets of one text to Points (1-based line and column). */
export interface LineIndex {
  point(offset: number): Point;
  span(start: number, end: number): Span;
  /** The offset at which a 1-based line starts (the text's length past the last line). */
  lineStart(line: number): number;
  /** Number of lines (a trailing newline starts a last, empty line). */
  readonly lines: number;
  readonly length: number;
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    // Binary search for the last line start <= offset.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - starts[lo]! + 1, offset: clamped };
  };
  return {
    point,
    span: (start, end) => ({ start: point(start), end: point(Math.max(start, end)) }),
    lineStart: (line) => (line < 1 ? 0 : line > starts.length ? text.length : starts[line - 1]!),
    lines: starts.length,
    length: text.length,
  };
}
