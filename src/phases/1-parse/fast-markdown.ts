/**
 * Spec markdown -> the mdast tree micromark would build, positions included, or null.
 *
 * micromark is a complete CommonMark tokenizer. Its generality costs ~2 ms of CPU per 3 KB spec,
 * most of a cold check. Specs are written in a small part of markdown: frontmatter, ATX headings,
 * paragraphs, bullet and ordered lists (tight or loose, nested), fenced code, HTML comment
 * blocks (suppressions), code spans, `*` emphasis and strong, and inline links to other specs.
 * This parser handles exactly that part and answers null for anything it is not sure of (block
 * quotes, other HTML, escapes, entities, `_` emphasis, lazy lines, ...); the caller then asks
 * micromark. So the tree never depends on which parser built it:
 * test/phases/1-parse/fast-markdown.test.ts checks that on the spec corpus and on generated documents
 * full of the constructs around the edges of this subset.
 */
import type { Code, Heading, Html, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text, Yaml } from 'mdast';
import type { LineIndex } from './line-index.js';

type Position = NonNullable<Root['position']>;

const UNSUPPORTED = Symbol('outside the fast subset');

/** The tree for `text`, or null when `text` uses markdown outside the fast subset. */
export function parseSpecMarkdown(text: string, lines: LineIndex): Root | null {
  // A carriage return alone is a line ending of its own to micromark; CRLF is handled.
  if (/\r(?!\n)/.test(text) || text.includes('\0') || text.startsWith('\uFEFF')) return null;
  try {
    return new BlockParser(text, lines).root();
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}

function unsupported(): never {
  throw UNSUPPORTED;
}

const SPACE = 32;
const NEWLINE = 10;
const RETURN = 13;

/** ASCII letters and digits: the only neighbours a `*` may have on its word side here. */
function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** CommonMark's ASCII punctuation. */
function isPunct(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** What a line (from its first non-space character) starts, for the constructs this parser tells apart. */
type LineKind = 'blank' | 'text' | 'heading' | 'bullet' | 'ordered' | 'fence' | 'comment' | 'other';

const THEMATIC = /^([-*_])(?: *\1){2,} *$/;
const SETEXT = /^(?:=+|-+) *$/;
const HEADING = /^#{1,6} +[^ ]/;
const ORDERED = /^\d{1,9}[.)](?: |$)/;
/** A list item's marker and the one space after it; for an ordered item, its number and delimiter. */
const MARKER = /^(?:([-*+])|(\d{1,9})([.)])) /;
const FENCE = /^(?:`{3,}|~{3,})/;

function classify(line: string, from: number): LineKind {
  if (from >= line.length) return 'blank';
  if (line.includes('\t')) return 'other'; // a tab's width depends on its column: left to micromark
  const rest = from === 0 ? line : line.slice(from);
  switch (line.charCodeAt(from)) {
    case SPACE:
      return /^ *$/.test(rest) ? 'blank' : 'other';
    case 35: // #
      return HEADING.test(rest) && !rest.endsWith('#') ? 'heading' : 'other';
    case 45: // -
    case 42: // *
    case 43: // +
      if (THEMATIC.test(rest) || SETEXT.test(rest)) return 'other';
      if (rest.length === 1 || line.charCodeAt(from + 1) === SPACE) return /^. +[^ ]/.test(rest) ? 'bullet' : 'other';
      return 'text';
    case 95: // _
      return THEMATIC.test(rest) ? 'other' : 'text';
    case 61: // =
      return SETEXT.test(rest) ? 'other' : 'text';
    case 96: // `
    case 126: // ~
      return FENCE.test(rest) ? 'fence' : 'text';
    case 60: // <
      return rest.startsWith('<!--') ? 'comment' : 'other';
    case 62: // > a block quote
      return 'other';
    default:
      if (!ORDERED.test(rest)) return 'text';
      return /^\d+[.)] +[^ ]/.test(rest) ? 'ordered' : 'other';
  }
}

const isItem = (kind: LineKind) => kind === 'bullet' || kind === 'ordered';

/** An ordered item numbered 1: the only one that may start a list in the middle of a paragraph. */
const startsAtOne = (kind: LineKind, line: string, from: number) => kind === 'ordered' && /^1[.)]/.test(line.slice(from));

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

/** One line of a paragraph: the text from `start` to `end` in the source. */
interface Segment {
  start: number;
  end: number;
}

class BlockParser {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
  ) {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      this.starts.push(start);
      // A line ends before its line ending, LF or CRLF.
      this.ends.push(nl === -1 ? text.length : nl > start && text.charCodeAt(nl - 1) === RETURN ? nl - 1 : nl);
      if (nl === -1) break;
      start = nl + 1;
    }
  }

  private line(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  private position(start: number, end: number): Position {
    return { start: this.index.point(start), end: this.index.point(end) };
  }

  root(): Root {
    const count = this.starts.length;
    const children: RootContent[] = [];
    let i = 0;
    if (this.line(0) === '---') {
      const yaml = this.frontmatter();
      children.push(yaml.node);
      i = yaml.next;
    }
    while (i < count) {
      const line = this.line(i);
      const kind = classify(line, 0);
      if (kind === 'blank') {
        i++;
      } else if (kind === 'heading') {
        children.push(this.heading(i, line));
        i++;
      } else if (kind === 'fence') {
        const code = this.fence(i, line);
        children.push(code.node);
        i = code.next;
      } else if (kind === 'comment') {
        const html = this.comment(i);
        children.push(html.node);
        i = html.next;
      } else if (kind === 'bullet' || kind === 'ordered') {
        const list = this.list(i, 0);
        children.push(list.node);
        i = list.next;
        // An item right after a list starts another one (a different marker); left to micromark.
        if (i < count && isItem(classify(this.line(i), 0))) unsupported();
      } else if (kind === 'text') {
        const paragraph = this.paragraph(i);
        children.push(paragraph.node);
        i = paragraph.next;
      } else {
        unsupported();
      }
    }
    return { type: 'root', children, position: this.position(0, this.text.length) };
  }

  private frontmatter(): { node: Yaml; next: number } {
    for (let j = 1; j < this.starts.length; j++) {
      const line = this.line(j);
      if (line === '---') {
        const value = j === 1 ? '' : this.text.slice(this.starts[1], this.ends[j - 1]);
        return { node: { type: 'yaml', value, position: this.position(0, this.ends[j]!) }, next: j + 1 };
      }
      if (/^--- +$/.test(line)) unsupported();
    }
    return unsupported();
  }

  private heading(i: number, line: string): Heading {
    if (line.endsWith(' ')) unsupported();
    let at = 0;
    while (line.charCodeAt(at) === 35) at++;
    const depth = at as Heading['depth'];
    while (line.charCodeAt(at) === SPACE) at++;
    const start = this.starts[i]!;
    return {
      type: 'heading',
      depth,
      children: this.inline([{ start: start + at, end: this.ends[i]! }]),
      position: this.position(start, this.ends[i]!),
    };
  }

  private fence(i: number, line: string): { node: Code; next: number } {
    const marker = line[0]!;
    let size = 0;
    while (line[size] === marker) size++;
    const info = line.slice(size).trim();
    if (/[`\\&]/.test(info) || line.endsWith(' ')) unsupported();
    for (let j = i + 1; j < this.starts.length; j++) {
      const candidate = this.line(j);
      const indent = indentOf(candidate);
      if (indent > 0 && indent < 4 && candidate[indent] === marker) unsupported();
      if (indent > 0 || candidate[0] !== marker) continue;
      let run = 0;
      while (candidate[run] === marker) run++;
      if (run < size) continue;
      if (run !== candidate.length) unsupported(); // a longer line of the marker, or trailing text
      const space = info.indexOf(' ');
      const node: Code = {
        type: 'code',
        lang: info === '' ? null : space === -1 ? info : info.slice(0, space),
        meta: space === -1 ? null : info.slice(space).trim(),
        value: j === i + 1 ? '' : this.text.slice(this.starts[i + 1], this.ends[j - 1]),
        position: this.position(this.starts[i]!, this.ends[j]!),
      };
      return { node, next: j + 1 };
    }
    return unsupported();
  }

  /**
   * An HTML comment block at the top level (CommonMark's HTML block of kind 2): from its line to
   * the end of the line holding `-->`, raw. The suppression comments are written so.
   */
  private comment(i: number): { node: Html; next: number } {
    const opened = this.starts[i]! + 4;
    if (this.text.startsWith('>', opened) || this.text.startsWith('->', opened)) unsupported(); // `<!-->`, `<!--->`: left to micromark
    const close = this.text.indexOf('-->', opened);
    if (close === -1) unsupported(); // runs to the end of the document
    let j = i;
    while (this.ends[j]! < close) j++;
    const node: Html = { type: 'html', value: this.text.slice(this.starts[i], this.ends[j]), position: this.position(this.starts[i]!, this.ends[j]!) };
    return { node, next: j + 1 };
  }

  /** A top-level paragraph: lines until a blank line or a line that interrupts it. */
  private paragraph(i: number): { node: Paragraph; next: number } {
    const segments: Segment[] = [];
    let j = i;
    for (; j < this.starts.length; j++) {
      const line = this.line(j);
      const kind = classify(line, 0);
      // An ordered list interrupts a paragraph only from 1; `2. …` here is left to micromark.
      if (j > i && (kind === 'blank' || kind === 'heading' || kind === 'fence' || kind === 'comment' || kind === 'bullet' || startsAtOne(kind, line, 0))) break;
      if (kind !== 'text' || line.endsWith(' ')) unsupported();
      segments.push({ start: this.starts[j]!, end: this.ends[j]! });
    }
    return { node: this.paragraphNode(segments), next: j };
  }

  private paragraphNode(segments: Segment[]): Paragraph {
    return { type: 'paragraph', children: this.inline(segments), position: this.position(segments[0]!.start, segments.at(-1)!.end) };
  }

  /**
   * A bullet or ordered list whose markers sit at column `indent` (0-based). Each item is a
   * paragraph (its lines indented to the item's content) optionally followed by a nested list;
   * blank lines may separate items (a loose list), never the parts of one. Returns at the end,
   * after blank lines before a line at column 0, or at a less indented item, which belongs to an
   * enclosing list.
   */
  private list(i: number, indent: number): { node: List; next: number; blank: boolean } {
    const opening = MARKER.exec(this.line(i).slice(indent))!;
    const ordered = opening[2] !== undefined;
    /** The bullet, or an ordered list's delimiter: an item with another starts another list. */
    const delimiter = ordered ? opening[3]! : opening[1]!;
    const count = this.starts.length;
    const items: ListItem[] = [];
    let spread = false;
    for (;;) {
      const first = this.line(i);
      const content = indent + MARKER.exec(first.slice(indent))![0].length;
      if (classify(first, content) !== 'text' || first.endsWith(' ')) unsupported();
      const segments: Segment[] = [{ start: this.starts[i]! + content, end: this.ends[i]! }];
      let nested: { node: List; blank: boolean } | null = null;
      let j = i + 1;
      while (j < count) {
        const line = this.line(j);
        const depth = indentOf(line);
        if (depth === line.length || depth !== content) break;
        if (nested !== null) unsupported(); // more of this item after its nested list
        const kind = classify(line, depth);
        if (kind === 'text') {
          if (line.endsWith(' ')) unsupported();
          segments.push({ start: this.starts[j]! + depth, end: this.ends[j]! });
          j++;
        } else if (kind === 'bullet' || startsAtOne(kind, line, depth)) {
          const inner = this.list(j, content);
          nested = inner;
          j = inner.next;
        } else {
          unsupported();
        }
      }
      const paragraph = this.paragraphNode(segments);
      const children: ListItem['children'] = nested ? [paragraph, nested.node] : [paragraph];
      const itemEnd = (nested?.node ?? paragraph).position!.end.offset!;
      items.push({ type: 'listItem', spread: false, checked: null, children, position: this.position(this.starts[i]! + indent, itemEnd) });

      let blank = nested?.blank ?? false;
      while (j < count && classify(this.line(j), 0) === 'blank') {
        j++;
        blank = true;
      }
      const done = () => ({
        node: {
          type: 'list',
          ordered,
          start: ordered ? Number(opening[2]) : null,
          spread,
          children: items,
          position: this.position(items[0]!.position!.start.offset!, itemEnd),
        } satisfies List,
        next: j,
        blank,
      });
      if (j >= count) return done();
      const line = this.line(j);
      const depth = indentOf(line);
      const kind = classify(line, depth);
      const next = isItem(kind) ? MARKER.exec(line.slice(depth)) : null;
      if (next && depth === indent && (ordered ? next[3] : next[1]) === delimiter) {
        // The next item of this list; blank lines between items make the list loose.
        if (blank) spread = true;
        i = j;
        continue;
      }
      if (next && depth < indent) return done(); // an item of an enclosing list
      if (kind === 'comment' && depth === 0) return done(); // an HTML comment ends every list, blank line or not
      if (blank && depth === 0) return done(); // a block after a blank line ends every list
      return unsupported(); // a lazy continuation line, more content of a loose item, another kind of list
    }
  }

  /** Inline content of a paragraph or heading whose lines are `segments`. */
  private inline(segments: Segment[]): PhrasingContent[] {
    return new InlineParser(this.text, segments, this.index).parse();
  }
}

/** A delimiter run of `*` that opens or closes emphasis (length 1) or strong (length 2). */
export interface Delimiter {
  kind: 'delimiter';
  start: number;
  end: number;
  opens: boolean;
}

export type Atom =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'code'; start: number; end: number; value: string }
  | { kind: 'link'; start: number; end: number; textStart: number; textEnd: number; url: string }
  | Delimiter;

/** Characters a link destination may hold here (no spaces, parentheses, quotes, escapes or `*`). */
const URL_CHAR = /[A-Za-z0-9\-._~:/?#@!$+,;=%]/;

class InlineParser {
  /** The paragraph's text: its lines (without their indentation) joined by their line endings (LF or CRLF, as mdast keeps them). */
  private readonly content: string;
  /** Where each segment starts in `content`. */
  private readonly offsets: number[];

  constructor(
    text: string,
    private readonly segments: Segment[],
    private readonly index: LineIndex,
  ) {
    this.offsets = [];
    let at = 0;
    let content = '';
    segments.forEach((s, k) => {
      this.offsets.push(at);
      const ending = k === segments.length - 1 ? '' : text.charCodeAt(s.end) === RETURN ? '\r\n' : '\n';
      content += text.slice(s.start, s.end) + ending;
      at += s.end - s.start + ending.length;
    });
    this.content = content;
  }

  /**
   * A position in `content` -> its offset in the source. Where a node ends just after a line
   * feed, micromark puts the end at the start of the next line, before its indentation; a node
   * that starts there starts after the indentation.
   */
  private source(at: number, isEnd: boolean): number {
    let k = this.offsets.length - 1;
    while (k > 0 && (isEnd ? this.offsets[k]! >= at : this.offsets[k]! > at)) k--;
    return this.segments[k]!.start + (at - this.offsets[k]!);
  }

  private position(start: number, end: number): Position {
    return { start: this.index.point(this.source(start, false)), end: this.index.point(this.source(end, true)) };
  }

  parse(): PhrasingContent[] {
    const atoms = this.atoms();
    let k = 0;
    const out: PhrasingContent[] = [];
    while (k < atoms.length) {
      const atom = atoms[k]!;
      if (atom.kind === 'delimiter') {
        // atoms() checked that the next delimiter closes this one.
        let close = k + 1;
        while (atoms[close]!.kind !== 'delimiter') close++;
        const closer = atoms[close]!;
        const inner = atoms.slice(k + 1, close).map((a) => this.node(a as Exclude<Atom, Delimiter>));
        const position = this.position(atom.start, closer.end);
        out.push(atom.end - atom.start === 2 ? { type: 'strong', children: inner, position } : { type: 'emphasis', children: inner, position });
        k = close + 1;
      } else {
        out.push(this.node(atom));
        k++;
      }
    }
    return out;
  }

  private node(atom: Exclude<Atom, Delimiter>): PhrasingContent {
    const position = this.position(atom.start, atom.end);
    switch (atom.kind) {
      case 'text':
        return { type: 'text', value: this.content.slice(atom.start, atom.end), position };
      case 'code':
        return { type: 'inlineCode', value: atom.value, position };
      case 'link': {
        const label: Text = { type: 'text', value: this.content.slice(atom.textStart, atom.textEnd), position: this.position(atom.textStart, atom.textEnd) };
        const link: Link = { type: 'link', title: null, url: atom.url, children: [label], position };
        return link;
      }
    }
  }

  /** The content cut into text, code spans, links and emphasis delimiters, in order; delimiters checked to pair up. */
  private atoms(): Atom[] {
    return new AtomScanner(this.content).scan();
  }
}

/**
 * A paragraph's inline content cut into atoms (text, code spans, links, `*` delimiters), or null
 * when it holds markdown outside the fast subset. For tests: the parser uses AtomScanner itself.
 */
export function inlineAtoms(content: string): Atom[] | null {
  try {
    return new AtomScanner(content).scan();
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}

/**
 * One left-to-right pass over a paragraph's content. Each construct's method takes the index of
 * its first character and returns the index after it; everything between constructs is text.
 * Throws UNSUPPORTED for anything outside the fast subset.
 */
class AtomScanner {
  private readonly atoms: Atom[] = [];
  /** Where the text not yet emitted starts. */
  private textStart = 0;
  /** The `[` that could open a link: reset by anything a link text here may not hold. */
  private bracket = -1;

  constructor(private readonly c: string) {}

  scan(): Atom[] {
    const c = this.c;
    let i = 0;
    while (i < c.length) {
      const code = c.charCodeAt(i);
      if (code === 96) i = this.codeSpan(i);
      else if (code === 92 || code === 38 || code === 60) unsupported(); // \ & <: escapes, entities, HTML, autolinks
      else if (code === 33 && c.charCodeAt(i + 1) === 91) unsupported(); // ![ an image
      else if (code === NEWLINE && this.bracket !== -1) unsupported(); // a bracket open across a line break: micromark's positions there depend on what follows
      else if (code === 91) this.bracket = i++;
      else if (code === 93) i = this.closeBracket(i);
      else if (code === 95) i = literalUnderscores(c, i);
      else if (code === 42) i = this.delimiter(i);
      else i++;
    }
    if (this.textStart < c.length) this.atoms.push({ kind: 'text', start: this.textStart, end: c.length });
    checkDelimiters(this.atoms);
    return this.atoms;
  }

  /** Adds the text before `atom`, then `atom`; text starts again at `next`. */
  private emit(atom: Atom, next: number): void {
    if (this.textStart < atom.start) this.atoms.push({ kind: 'text', start: this.textStart, end: atom.start });
    this.atoms.push(atom);
    this.textStart = next;
  }

  /** A code span: the next backtick run of the same length closes it. */
  private codeSpan(i: number): number {
    const c = this.c;
    let size = 1;
    while (c.charCodeAt(i + size) === 96) size++;
    const close = closingRun(c, i + size, size);
    this.emit({ kind: 'code', start: i, end: close + size, value: codeSpanValue(c.slice(i + size, close)) }, close + size);
    this.bracket = -1;
    return close + size;
  }

  /** A `]`: the end of a link `[text](destination)` when one follows, else a literal that ends any link text. */
  private closeBracket(i: number): number {
    const c = this.c;
    const after = c.charCodeAt(i + 1);
    if (after === 58) unsupported(); // ]: maybe a definition
    if (after !== 40) {
      this.bracket = -1;
      return i + 1;
    }
    const bracket = this.bracket;
    if (bracket === -1 || bracket + 1 === i) unsupported();
    let j = i + 2;
    while (j < c.length && URL_CHAR.test(c[j]!)) j++;
    if (c.charCodeAt(j) !== 41 || j === i + 2) unsupported();
    this.emit({ kind: 'link', start: bracket, end: j + 1, textStart: bracket + 1, textEnd: i, url: c.slice(i + 2, j) }, j + 1);
    this.bracket = -1;
    return j + 1;
  }

  /** A run of one or two `*` between a word and space or punctuation: opens toward the word, closes after it. */
  private delimiter(i: number): number {
    const c = this.c;
    let end = i;
    while (c.charCodeAt(end) === 42) end++;
    if (end - i > 2) unsupported();
    const before = i === 0 ? SPACE : c.charCodeAt(i - 1);
    const after = end === c.length ? SPACE : c.charCodeAt(end);
    let opens: boolean;
    if (isLoose(before) && isAlnum(after)) opens = true;
    else if (isAlnum(before) && isLoose(after)) opens = false;
    else unsupported();
    this.emit({ kind: 'delimiter', start: i, end, opens }, end);
    this.bracket = -1;
    return end;
  }
}

/** Space, a line ending or punctuation: the side of a `*` run away from its word. */
function isLoose(code: number): boolean {
  return code === SPACE || code === NEWLINE || code === RETURN || isPunct(code);
}

/** Where the backtick run of exactly `size` that closes a code span starts, searching from `from`. */
function closingRun(c: string, from: number, size: number): number {
  let j = from;
  for (;;) {
    const at = c.indexOf('`', j);
    if (at === -1) unsupported();
    let run = 1;
    while (c.charCodeAt(at + run) === 96) run++;
    if (run === size) return at;
    j = at + run;
  }
}

/** A code span's value: one space of padding on each side is dropped (not from a span of spaces only). */
function codeSpanValue(raw: string): string {
  if (raw.includes('\n')) {
    // mdast keeps the line feeds; how micromark pads around them is left to micromark.
    if (/^[ \r\n]|[ \r\n]$/.test(raw)) unsupported();
    return raw;
  }
  return raw.length > 1 && raw.startsWith(' ') && raw.endsWith(' ') && raw.trim() !== '' ? raw.slice(1, -1) : raw;
}

/** `_` inside a word is literal (the index after the run); anywhere else it may be emphasis, which this parser leaves to micromark. */
function literalUnderscores(c: string, i: number): number {
  let end = i;
  while (c.charCodeAt(end) === 95) end++;
  if (!(i > 0 && isAlnum(c.charCodeAt(i - 1)) && isAlnum(c.charCodeAt(end)))) unsupported();
  return end;
}

/** Delimiters must alternate opener, closer, with the same length: no nesting, no leftovers. */
function checkDelimiters(atoms: readonly Atom[]): void {
  const delimiters = atoms.filter((a): a is Delimiter => a.kind === 'delimiter');
  for (let k = 0; k < delimiters.length; k++) {
    const d = delimiters[k]!;
    if (d.opens !== (k % 2 === 0)) unsupported();
    if (!d.opens && d.end - d.start !== delimiters[k - 1]!.end - delimiters[k - 1]!.start) unsupported();
  }
  if (delimiters.length % 2 === 1) unsupported();
}
