/**
 * A linear pre-scan for block nesting (block quotes, list items, indentation). remark's cost
 * grows faster than linearly with nesting: measured here, 1,000 nested list levels take ~27 s,
 * and 10,000 lines of `- - x` take ~25 s (quadratic in the count of nested items). A spec
 * nested deeper, or with more nested lines, than any real spec needs is refused before it
 * reaches the parser; the worst accepted input parses in about a second.
 */
export const MAX_NESTING = 16;
/** Lines nested two or more levels deep. */
export const MAX_NESTED_LINES = 500;

const MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

export interface NestingProblem {
  /** 0-based offset of the line where the limit was crossed. */
  offset: number;
  message: string;
}

/** The first place the text exceeds the nesting limits, or null. Fenced code is skipped. */
export function findExcessiveNesting(text: string): NestingProblem | null {
  let offset = 0;
  let fence: string | null = null;
  let nested = 0;
  for (const line of text.split('\n')) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1]![0]!;
      else if (fenceMatch[1]![0] === fence) fence = null;
    } else if (fence === null) {
      const depth = depthOf(line);
      if (depth > MAX_NESTING) return { offset, message: `Markdown is nested ${depth} levels deep here; expected at most ${MAX_NESTING}` };
      if (depth >= 2 && ++nested > MAX_NESTED_LINES) {
        return { offset, message: `Markdown has more than ${MAX_NESTED_LINES} nested list or quote lines; expected a spec-sized document` };
      }
    }
    offset += line.length + 1;
  }
  return null;
}

function depthOf(line: string): number {
  let depth = 0;
  let spaces = 0;
  let i = 0;
  for (;;) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
      spaces += line[i] === '\t' ? 4 : 1;
      i++;
    }
    if (line[i] === '>') {
      depth++;
      i++;
      continue;
    }
    const marker = MARKER.exec(line.slice(i, i + 12));
    if (marker) {
      depth++;
      i += marker[0].length;
      continue;
    }
    break;
  }
  return depth + Math.floor(spaces / 2);
}
