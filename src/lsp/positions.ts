/**
 * speccc positions <-> LSP positions. speccc: line and column 1-based, columns and offsets in
 * UTF-16 code units of the decoded text (a leading BOM removed). LSP (with the default
 * `utf-16` position encoding): line and character 0-based, in UTF-16 code units of the document
 * as the editor holds it. So the mapping is a shift by one, plus one character on the first line
 * when the editor's text still starts with the BOM that speccc dropped.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { Point, Span } from '../types/index.js';
import { createLineIndex } from '../phases/1-parse/line-index.js';

export const BOM = '\uFEFF';

export function toPosition(point: Point, bom = false): Position {
  return { line: point.line - 1, character: point.column - 1 + (bom && point.line === 1 ? 1 : 0) };
}

export function toRange(span: Span, bom = false): Range {
  return { start: toPosition(span.start, bom), end: toPosition(span.end, bom) };
}

/** A document's text as speccc models it (BOM dropped), and conversions between its offsets and the editor's positions. */
export interface ModelText {
  text: string;
  bom: boolean;
  /** The speccc offset of an editor position. */
  offsetAt(position: Position): number;
  /** The editor position of a speccc offset. */
  positionAt(offset: number): Position;
}

export function modelText(editorText: string): ModelText {
  const bom = editorText.startsWith(BOM);
  const text = bom ? editorText.slice(1) : editorText;
  // Phase 1's line index, the one every speccc position comes from; LSP lines are 0-based.
  const index = createLineIndex(text);
  return {
    text,
    bom,
    offsetAt: ({ line, character }) => {
      if (line < 0) return 0;
      if (line >= index.lines) return text.length;
      const start = index.lineStart(line + 1);
      const end = line + 1 < index.lines ? index.lineStart(line + 2) - 1 : text.length;
      const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      return Math.min(start + Math.max(0, character - (bom && line === 0 ? 1 : 0)), lineEnd);
    },
    positionAt: (offset) => toPosition(index.point(offset), bom),
  };
}
