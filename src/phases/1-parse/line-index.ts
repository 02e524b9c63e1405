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
  // indexOf finds line feeds several times faster than a loop over every character.
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  // Offsets are mostly asked for in order (a parse, a walk over a model): the line of the last
  // answer, or the next one, is tried before the binary search.
  let last = 0;
  const holds = (line: number, offset: number) => line < starts.length && starts[line]! <= offset && (line + 1 === starts.length || offset < starts[line + 1]!);
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let lo = holds(last, clamped) ? last : holds(last + 1, clamped) ? last + 1 : -1;
    if (lo === -1) {
      // Binary search for the last line start <= offset.
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= clamped) lo = mid;
        else hi = mid - 1;
      }
    }
    last = lo;
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

/**
 * One line index per spec: the parse made one for the text, and the spec-local rules, the
 * workspace checks and the parse cache's encoder each used to make their own (four per spec on a
 * cold check). Remembered by the object whose `source` it indexes, for as long as that object
 * lives; an index of text of another length is never handed out.
 */
const remembered = new WeakMap<object, LineIndex>();

export function rememberLines(owner: { readonly source: string }, lines: LineIndex): void {
  if (lines.length === owner.source.length) remembered.set(owner, lines);
}

export function linesOf(owner: { readonly source: string }): LineIndex {
  let index = remembered.get(owner);
  if (!index || index.length !== owner.source.length) remembered.set(owner, (index = createLineIndex(owner.source)));
  return index;
}
