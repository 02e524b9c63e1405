/**
 * A spec whose first line opens frontmatter (`---`) that no later `---` closes -> the fields it
 * most likely holds, and where the closing line belongs. Neither markdown parser reads such a
 * block as frontmatter (the fast parser declines it; micromark reads a thematic break and a
 * paragraph), so this reads the text itself: the answer never depends on which parser ran.
 */
import type { LineIndex } from './line-index.js';

/** `---` and optional spaces or tabs, alone on the first line: what micromark's frontmatter opens with. */
const OPENING = /^---[ \t]*(?:\r?\n|$)/;
/** A top-level `key:` line. */
const KEY = /^[A-Za-z_][\w-]*[ \t]*:(?:[ \t].*)?$/;
/** A continuation of the key above: an indented line (`  - src/cart.ts`), or a YAML comment after a space. */
const CONTINUED = /^[ \t]+\S|^-[ \t]/;

export interface UnclosedFrontmatter {
  /** [start, end) of the opening `---`. */
  opening: [number, number];
  /** The fields' lines (from the second line of the file to the last that looks like YAML). */
  yaml: string;
  yamlOffset: number;
  /** Offset where the fields end: the closing `---` belongs on the line after. */
  end: number;
  /** 1-based line number of the last field line. */
  lastLine: number;
  /** The line after the fields is YAML's own end marker `...`, which does not close markdown frontmatter. */
  dots: boolean;
}

/**
 * The unclosed block, or null when the text has none: when frontmatter was read, when the first
 * line is no `---`, or when the line after it is no `key:` line (a `---` above a title is a rule).
 * The fields run to the first blank line or line that is not YAML (usually the `# Title`).
 */
export function findUnclosedFrontmatter(text: string, lines: LineIndex): UnclosedFrontmatter | null {
  const open = OPENING.exec(text);
  if (!open || open[0].length === text.length) return null;
  const yamlOffset = open[0].length;
  let at = yamlOffset;
  let end = yamlOffset;
  for (let first = true; at < text.length; first = false) {
    const next = text.indexOf('\n', at);
    const stop = next === -1 ? text.length : next;
    const line = text.slice(at, stop).replace(/\r$/, '');
    if (!(KEY.test(line) || (!first && CONTINUED.test(line)))) break;
    end = at + line.length;
    at = stop + 1;
  }
  if (end === yamlOffset) return null;
  const dots = /^\.\.\.[ \t]*\r?$/.test(text.slice(at, text.indexOf('\n', at) === -1 ? undefined : text.indexOf('\n', at)));
  return { opening: [0, open[0].replace(/\r?\n$/, '').length], yaml: text.slice(yamlOffset, end), yamlOffset, end, lastLine: lines.point(end).line, dots };
}
