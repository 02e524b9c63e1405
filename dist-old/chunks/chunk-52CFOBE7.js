import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  outlineBody,
  toString
} from "./chunk-CXSIFPJL.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import {
  createLineIndex,
  diagnostics,
  rememberLines
} from "./chunk-Y72MW4XH.js";
import {
  yaml
} from "./chunk-VTZR3R7R.js";
import {
  closest
} from "./chunk-N6LFTOTB.js";
import {
  FRONTMATTER_FIELDS,
  FrontmatterSchema,
  KEBAB_CASE,
  PRIORITY_WORDS,
  SPEC_KINDS,
  SPEC_STATUSES
} from "./chunk-GA32XAUT.js";

// src/phases/1-parse/decode.ts
var UTF8 = new TextDecoder("utf-8", { fatal: !0, ignoreBOM: !1 });
function decodeSpecBytes(bytes) {
  let probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) if (bytes[i] === 0) return { ok: !1, reason: "binary", byteOffset: i };
  try {
    return { ok: !0, text: UTF8.decode(bytes) };
  } catch {
    return { ok: !1, reason: "not-utf8", byteOffset: firstInvalidUtf8(bytes) };
  }
}
function firstInvalidUtf8(bytes) {
  let i = 0;
  for (; i < bytes.length; ) {
    let b = bytes[i], need = b < 128 ? 0 : b >= 194 && b < 224 ? 1 : b >= 224 && b < 240 ? 2 : b >= 240 && b < 245 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      let c = bytes[i + k];
      if (c === void 0 || (c & 192) !== 128) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

// src/phases/1-parse/nesting.ts
var MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
function findExcessiveNesting(text) {
  let offset = 0, fence = null, nested = 0;
  for (let line of text.split(`
`)) {
    let fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch)
      fence === null ? fence = fenceMatch[1][0] : fenceMatch[1][0] === fence && (fence = null);
    else if (fence === null) {
      let depth = depthOf(line);
      if (depth > 16) return { offset, message: `Markdown is nested ${depth} levels deep here; expected at most 16` };
      if (depth >= 2 && ++nested > 500)
        return { offset, message: "Markdown has more than 500 nested list or quote lines; expected a spec-sized document" };
    }
    offset += line.length + 1;
  }
  return null;
}
function depthOf(line) {
  let depth = 0, spaces = 0, i = 0;
  for (; ; ) {
    for (; i < line.length && (line[i] === " " || line[i] === "	"); )
      spaces += line[i] === "	" ? 4 : 1, i++;
    if (line[i] === ">") {
      depth++, i++;
      continue;
    }
    let marker = MARKER.exec(line.slice(i, i + 12));
    if (marker) {
      depth++, i += marker[0].length;
      continue;
    }
    break;
  }
  return depth + Math.floor(spaces / 2);
}

// src/phases/1-parse/fast-markdown.ts
var UNSUPPORTED = /* @__PURE__ */ Symbol("outside the fast subset");
function parseSpecMarkdown(text, lines) {
  if (/\r(?!\n)/.test(text) || text.includes("\0") || text.startsWith("\uFEFF")) return null;
  try {
    return new BlockParser(text, lines).root();
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}
function unsupported() {
  throw UNSUPPORTED;
}
var SPACE = 32, NEWLINE = 10, RETURN = 13;
function isAlnum(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122;
}
function isPunct(code) {
  return code >= 33 && code <= 47 || code >= 58 && code <= 64 || code >= 91 && code <= 96 || code >= 123 && code <= 126;
}
var THEMATIC = /^([-*_])(?: *\1){2,} *$/, SETEXT = /^(?:=+|-+) *$/, HEADING = /^#{1,6} +[^ ]/, ORDERED = /^\d{1,9}[.)](?: |$)/, MARKER2 = /^(?:([-*+])|(\d{1,9})([.)])) /, FENCE = /^(?:`{3,}|~{3,})/;
function classify(line, from) {
  if (from >= line.length) return "blank";
  if (line.includes("	")) return "other";
  let rest = from === 0 ? line : line.slice(from);
  switch (line.charCodeAt(from)) {
    case SPACE:
      return /^ *$/.test(rest) ? "blank" : "other";
    case 35:
      return HEADING.test(rest) && !rest.endsWith("#") ? "heading" : "other";
    case 45:
    // -
    case 42:
    // *
    case 43:
      return THEMATIC.test(rest) || SETEXT.test(rest) ? "other" : rest.length === 1 || line.charCodeAt(from + 1) === SPACE ? /^. +[^ ]/.test(rest) ? "bullet" : "other" : "text";
    case 95:
      return THEMATIC.test(rest) ? "other" : "text";
    case 61:
      return SETEXT.test(rest) ? "other" : "text";
    case 96:
    // `
    case 126:
      return FENCE.test(rest) ? "fence" : "text";
    case 60:
      return rest.startsWith("<!--") ? "comment" : "other";
    case 62:
      return "other";
    default:
      return ORDERED.test(rest) ? /^\d+[.)] +[^ ]/.test(rest) ? "ordered" : "other" : "text";
  }
}
var isItem = (kind) => kind === "bullet" || kind === "ordered", startsAtOne = (kind, line, from) => kind === "ordered" && /^1[.)]/.test(line.slice(from));
function indentOf(line) {
  let i = 0;
  for (; line.charCodeAt(i) === SPACE; ) i++;
  return i;
}
var BlockParser = class {
  constructor(text, index) {
    this.text = text;
    this.index = index;
    let start = 0;
    for (; ; ) {
      let nl = text.indexOf(`
`, start);
      if (this.starts.push(start), this.ends.push(nl === -1 ? text.length : nl > start && text.charCodeAt(nl - 1) === RETURN ? nl - 1 : nl), nl === -1) break;
      start = nl + 1;
    }
  }
  text;
  index;
  starts = [];
  ends = [];
  line(i) {
    return this.text.slice(this.starts[i], this.ends[i]);
  }
  position(start, end) {
    return { start: this.index.point(start), end: this.index.point(end) };
  }
  root() {
    let count = this.starts.length, children = [], i = 0;
    if (this.line(0) === "---") {
      let yaml2 = this.frontmatter();
      children.push(yaml2.node), i = yaml2.next;
    }
    for (; i < count; ) {
      let line = this.line(i), kind = classify(line, 0);
      if (kind === "blank")
        i++;
      else if (kind === "heading")
        children.push(this.heading(i, line)), i++;
      else if (kind === "fence") {
        let code = this.fence(i, line);
        children.push(code.node), i = code.next;
      } else if (kind === "comment") {
        let html = this.comment(i);
        children.push(html.node), i = html.next;
      } else if (kind === "bullet" || kind === "ordered") {
        let list = this.list(i, 0);
        children.push(list.node), i = list.next, i < count && isItem(classify(this.line(i), 0)) && unsupported();
      } else if (kind === "text") {
        let paragraph = this.paragraph(i);
        children.push(paragraph.node), i = paragraph.next;
      } else
        unsupported();
    }
    return { type: "root", children, position: this.position(0, this.text.length) };
  }
  frontmatter() {
    for (let j = 1; j < this.starts.length; j++) {
      let line = this.line(j);
      if (line === "---")
        return { node: { type: "yaml", value: j === 1 ? "" : this.text.slice(this.starts[1], this.ends[j - 1]), position: this.position(0, this.ends[j]) }, next: j + 1 };
      /^--- +$/.test(line) && unsupported();
    }
    return unsupported();
  }
  heading(i, line) {
    line.endsWith(" ") && unsupported();
    let at = 0;
    for (; line.charCodeAt(at) === 35; ) at++;
    let depth = at;
    for (; line.charCodeAt(at) === SPACE; ) at++;
    let start = this.starts[i];
    return {
      type: "heading",
      depth,
      children: this.inline([{ start: start + at, end: this.ends[i] }]),
      position: this.position(start, this.ends[i])
    };
  }
  fence(i, line) {
    let marker = line[0], size = 0;
    for (; line[size] === marker; ) size++;
    let info = line.slice(size).trim();
    (/[`\\&]/.test(info) || line.endsWith(" ")) && unsupported();
    for (let j = i + 1; j < this.starts.length; j++) {
      let candidate = this.line(j), indent = indentOf(candidate);
      if (indent > 0 && indent < 4 && candidate[indent] === marker && unsupported(), indent > 0 || candidate[0] !== marker) continue;
      let run = 0;
      for (; candidate[run] === marker; ) run++;
      if (run < size) continue;
      run !== candidate.length && unsupported();
      let space = info.indexOf(" ");
      return { node: {
        type: "code",
        lang: info === "" ? null : space === -1 ? info : info.slice(0, space),
        meta: space === -1 ? null : info.slice(space).trim(),
        value: j === i + 1 ? "" : this.text.slice(this.starts[i + 1], this.ends[j - 1]),
        position: this.position(this.starts[i], this.ends[j])
      }, next: j + 1 };
    }
    return unsupported();
  }
  /**
   * An HTML comment block at the top level (CommonMark's HTML block of kind 2): from its line to
   * the end of the line holding `-->`, raw. The suppression comments are written so.
   */
  comment(i) {
    let opened = this.starts[i] + 4;
    (this.text.startsWith(">", opened) || this.text.startsWith("->", opened)) && unsupported();
    let close = this.text.indexOf("-->", opened);
    close === -1 && unsupported();
    let j = i;
    for (; this.ends[j] < close; ) j++;
    return { node: { type: "html", value: this.text.slice(this.starts[i], this.ends[j]), position: this.position(this.starts[i], this.ends[j]) }, next: j + 1 };
  }
  /** A top-level paragraph: lines until a blank line or a line that interrupts it. */
  paragraph(i) {
    let segments = [], j = i;
    for (; j < this.starts.length; j++) {
      let line = this.line(j), kind = classify(line, 0);
      if (j > i && (kind === "blank" || kind === "heading" || kind === "fence" || kind === "comment" || kind === "bullet" || startsAtOne(kind, line, 0))) break;
      (kind !== "text" || line.endsWith(" ")) && unsupported(), segments.push({ start: this.starts[j], end: this.ends[j] });
    }
    return { node: this.paragraphNode(segments), next: j };
  }
  paragraphNode(segments) {
    return { type: "paragraph", children: this.inline(segments), position: this.position(segments[0].start, segments.at(-1).end) };
  }
  /**
   * A bullet or ordered list whose markers sit at column `indent` (0-based). Each item is a
   * paragraph (its lines indented to the item's content) optionally followed by a nested list;
   * blank lines may separate items (a loose list), never the parts of one. Returns at the end,
   * after blank lines before a line at column 0, or at a less indented item, which belongs to an
   * enclosing list.
   */
  list(i, indent) {
    let opening = MARKER2.exec(this.line(i).slice(indent)), ordered = opening[2] !== void 0, delimiter = ordered ? opening[3] : opening[1], count = this.starts.length, items = [], spread = !1;
    for (; ; ) {
      let first = this.line(i), content = indent + MARKER2.exec(first.slice(indent))[0].length;
      (classify(first, content) !== "text" || first.endsWith(" ")) && unsupported();
      let segments = [{ start: this.starts[i] + content, end: this.ends[i] }], nested = null, j = i + 1;
      for (; j < count; ) {
        let line2 = this.line(j), depth2 = indentOf(line2);
        if (depth2 === line2.length || depth2 !== content) break;
        nested !== null && unsupported();
        let kind2 = classify(line2, depth2);
        if (kind2 === "text")
          line2.endsWith(" ") && unsupported(), segments.push({ start: this.starts[j] + depth2, end: this.ends[j] }), j++;
        else if (kind2 === "bullet" || startsAtOne(kind2, line2, depth2)) {
          let inner = this.list(j, content);
          nested = inner, j = inner.next;
        } else
          unsupported();
      }
      let paragraph = this.paragraphNode(segments), children = nested ? [paragraph, nested.node] : [paragraph], itemEnd = (nested?.node ?? paragraph).position.end.offset;
      items.push({ type: "listItem", spread: !1, checked: null, children, position: this.position(this.starts[i] + indent, itemEnd) });
      let blank = nested?.blank ?? !1;
      for (; j < count && classify(this.line(j), 0) === "blank"; )
        j++, blank = !0;
      let done = () => ({
        node: {
          type: "list",
          ordered,
          start: ordered ? Number(opening[2]) : null,
          spread,
          children: items,
          position: this.position(items[0].position.start.offset, itemEnd)
        },
        next: j,
        blank
      });
      if (j >= count) return done();
      let line = this.line(j), depth = indentOf(line), kind = classify(line, depth), next = isItem(kind) ? MARKER2.exec(line.slice(depth)) : null;
      if (next && depth === indent && (ordered ? next[3] : next[1]) === delimiter) {
        blank && (spread = !0), i = j;
        continue;
      }
      return next && depth < indent || kind === "comment" && depth === 0 || blank && depth === 0 ? done() : unsupported();
    }
  }
  /** Inline content of a paragraph or heading whose lines are `segments`. */
  inline(segments) {
    return new InlineParser(this.text, segments, this.index).parse();
  }
}, URL_CHAR = /[A-Za-z0-9\-._~:/?#@!$+,;=%]/, InlineParser = class {
  constructor(text, segments, index) {
    this.segments = segments;
    this.index = index;
    this.offsets = [];
    let at = 0, content = "";
    segments.forEach((s, k) => {
      this.offsets.push(at);
      let ending = k === segments.length - 1 ? "" : text.charCodeAt(s.end) === RETURN ? `\r
` : `
`;
      content += text.slice(s.start, s.end) + ending, at += s.end - s.start + ending.length;
    }), this.content = content;
  }
  segments;
  index;
  /** The paragraph's text: its lines (without their indentation) joined by their line endings (LF or CRLF, as mdast keeps them). */
  content;
  /** Where each segment starts in `content`. */
  offsets;
  /**
   * A position in `content` -> its offset in the source. Where a node ends just after a line
   * feed, micromark puts the end at the start of the next line, before its indentation; a node
   * that starts there starts after the indentation.
   */
  source(at, isEnd) {
    let k = this.offsets.length - 1;
    for (; k > 0 && (isEnd ? this.offsets[k] >= at : this.offsets[k] > at); ) k--;
    return this.segments[k].start + (at - this.offsets[k]);
  }
  position(start, end) {
    return { start: this.index.point(this.source(start, !1)), end: this.index.point(this.source(end, !0)) };
  }
  parse() {
    let atoms = this.atoms(), k = 0, out = [];
    for (; k < atoms.length; ) {
      let atom = atoms[k];
      if (atom.kind === "delimiter") {
        let close = k + 1;
        for (; atoms[close].kind !== "delimiter"; ) close++;
        let closer = atoms[close], inner = atoms.slice(k + 1, close).map((a) => this.node(a)), position = this.position(atom.start, closer.end);
        out.push(atom.end - atom.start === 2 ? { type: "strong", children: inner, position } : { type: "emphasis", children: inner, position }), k = close + 1;
      } else
        out.push(this.node(atom)), k++;
    }
    return out;
  }
  node(atom) {
    let position = this.position(atom.start, atom.end);
    switch (atom.kind) {
      case "text":
        return { type: "text", value: this.content.slice(atom.start, atom.end), position };
      case "code":
        return { type: "inlineCode", value: atom.value, position };
      case "link": {
        let label = { type: "text", value: this.content.slice(atom.textStart, atom.textEnd), position: this.position(atom.textStart, atom.textEnd) };
        return { type: "link", title: null, url: atom.url, children: [label], position };
      }
    }
  }
  /** The content cut into text, code spans, links and emphasis delimiters, in order; delimiters checked to pair up. */
  atoms() {
    return new AtomScanner(this.content).scan();
  }
};
var AtomScanner = class {
  constructor(c) {
    this.c = c;
  }
  c;
  atoms = [];
  /** Where the text not yet emitted starts. */
  textStart = 0;
  /** The `[` that could open a link: reset by anything a link text here may not hold. */
  bracket = -1;
  scan() {
    let c = this.c, i = 0;
    for (; i < c.length; ) {
      let code = c.charCodeAt(i);
      code === 96 ? i = this.codeSpan(i) : code === 92 || code === 38 || code === 60 || code === 33 && c.charCodeAt(i + 1) === 91 || code === NEWLINE && this.bracket !== -1 ? unsupported() : code === 91 ? this.bracket = i++ : code === 93 ? i = this.closeBracket(i) : code === 95 ? i = literalUnderscores(c, i) : code === 42 ? i = this.delimiter(i) : i++;
    }
    return this.textStart < c.length && this.atoms.push({ kind: "text", start: this.textStart, end: c.length }), checkDelimiters(this.atoms), this.atoms;
  }
  /** Adds the text before `atom`, then `atom`; text starts again at `next`. */
  emit(atom, next) {
    this.textStart < atom.start && this.atoms.push({ kind: "text", start: this.textStart, end: atom.start }), this.atoms.push(atom), this.textStart = next;
  }
  /** A code span: the next backtick run of the same length closes it. */
  codeSpan(i) {
    let c = this.c, size = 1;
    for (; c.charCodeAt(i + size) === 96; ) size++;
    let close = closingRun(c, i + size, size);
    return this.emit({ kind: "code", start: i, end: close + size, value: codeSpanValue(c.slice(i + size, close)) }, close + size), this.bracket = -1, close + size;
  }
  /** A `]`: the end of a link `[text](destination)` when one follows, else a literal that ends any link text. */
  closeBracket(i) {
    let c = this.c, after = c.charCodeAt(i + 1);
    if (after === 58 && unsupported(), after !== 40)
      return this.bracket = -1, i + 1;
    let bracket = this.bracket;
    (bracket === -1 || bracket + 1 === i) && unsupported();
    let j = i + 2;
    for (; j < c.length && URL_CHAR.test(c[j]); ) j++;
    return (c.charCodeAt(j) !== 41 || j === i + 2) && unsupported(), this.emit({ kind: "link", start: bracket, end: j + 1, textStart: bracket + 1, textEnd: i, url: c.slice(i + 2, j) }, j + 1), this.bracket = -1, j + 1;
  }
  /** A run of one or two `*` between a word and space or punctuation: opens toward the word, closes after it. */
  delimiter(i) {
    let c = this.c, end = i;
    for (; c.charCodeAt(end) === 42; ) end++;
    end - i > 2 && unsupported();
    let before = i === 0 ? SPACE : c.charCodeAt(i - 1), after = end === c.length ? SPACE : c.charCodeAt(end), opens;
    return isLoose(before) && isAlnum(after) ? opens = !0 : isAlnum(before) && isLoose(after) ? opens = !1 : unsupported(), this.emit({ kind: "delimiter", start: i, end, opens }, end), this.bracket = -1, end;
  }
};
function isLoose(code) {
  return code === SPACE || code === NEWLINE || code === RETURN || isPunct(code);
}
function closingRun(c, from, size) {
  let j = from;
  for (; ; ) {
    let at = c.indexOf("`", j);
    at === -1 && unsupported();
    let run = 1;
    for (; c.charCodeAt(at + run) === 96; ) run++;
    if (run === size) return at;
    j = at + run;
  }
}
function codeSpanValue(raw) {
  return raw.includes(`
`) ? (/^[ \r\n]|[ \r\n]$/.test(raw) && unsupported(), raw) : raw.length > 1 && raw.startsWith(" ") && raw.endsWith(" ") && raw.trim() !== "" ? raw.slice(1, -1) : raw;
}
function literalUnderscores(c, i) {
  let end = i;
  for (; c.charCodeAt(end) === 95; ) end++;
  return i > 0 && isAlnum(c.charCodeAt(i - 1)) && isAlnum(c.charCodeAt(end)) || unsupported(), end;
}
function checkDelimiters(atoms) {
  let delimiters = atoms.filter((a) => a.kind === "delimiter");
  for (let k = 0; k < delimiters.length; k++) {
    let d = delimiters[k];
    d.opens !== (k % 2 === 0) && unsupported(), !d.opens && d.end - d.start !== delimiters[k - 1].end - delimiters[k - 1].start && unsupported();
  }
  delimiters.length % 2 === 1 && unsupported();
}

// src/phases/1-parse/reference-markdown.ts
import { createRequire } from "node:module";
function makeReference() {
  let require2 = createRequire(import.meta.url), { unified } = require2("unified"), remarkParse = require2("remark-parse").default, remarkFrontmatter = require2("remark-frontmatter").default;
  return unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).freeze();
}
var reference;
function parseReferenceMarkdown(text) {
  return (reference ??= makeReference()).parse(text);
}

// src/phases/1-parse/unclosed-frontmatter.ts
var OPENING = /^---[ \t]*(?:\r?\n|$)/, KEY = /^[A-Za-z_][\w-]*[ \t]*:(?:[ \t].*)?$/, CONTINUED = /^[ \t]+\S|^-[ \t]/;
function findUnclosedFrontmatter(text, lines) {
  let open = OPENING.exec(text);
  if (!open || open[0].length === text.length) return null;
  let yamlOffset = open[0].length, at = yamlOffset, end = yamlOffset;
  for (let first = !0; at < text.length; first = !1) {
    let next = text.indexOf(`
`, at), stop = next === -1 ? text.length : next, line = text.slice(at, stop).replace(/\r$/, "");
    if (!(KEY.test(line) || !first && CONTINUED.test(line))) break;
    end = at + line.length, at = stop + 1;
  }
  if (end === yamlOffset) return null;
  let dots = /^\.\.\.[ \t]*\r?$/.test(text.slice(at, text.indexOf(`
`, at) === -1 ? void 0 : text.indexOf(`
`, at)));
  return { opening: [0, open[0].replace(/\r?\n$/, "").length], yaml: text.slice(yamlOffset, end), yamlOffset, end, lastLine: lines.point(end).line, dots };
}

// src/phases/1-parse/index.ts
var MAX_SPEC_BYTES = 1024 * 1024;
function parseSpecFile(file, bytes, hash = sha256(bytes)) {
  let read2 = readSpecText(file, bytes, hash);
  if (!read2.ok) return read2.parsed;
  let { text, lines } = read2, tree;
  try {
    tree = parseSpecMarkdown(text, lines) ?? parseReferenceMarkdown(text);
  } catch (error) {
    let reason = error instanceof RangeError ? "nesting is too deep to parse" : "the markdown parser failed";
    return {
      ...unreadable(file, hash, diagnostics.markdownUnparsable({ file, span: lines.span(0, 0), message: `Markdown could not be parsed: ${reason}; expected ordinary markdown nesting` })),
      text,
      lines
    };
  }
  return withFrontmatter(file, hash, text, lines, tree);
}
function parsedFromTree(file, bytes, tree) {
  let hash = sha256(bytes), read2 = readSpecText(file, bytes, hash);
  return read2.ok ? withFrontmatter(file, hash, read2.text, read2.lines, tree) : read2.parsed;
}
var unreadable = (file, hash, diagnostic) => ({
  file,
  hash,
  text: null,
  tree: null,
  lines: null,
  frontmatter: null,
  diagnostics: [diagnostic]
});
function readSpecText(file, bytes, hash) {
  let start = { line: 1, column: 1, offset: 0 };
  if (bytes.length > MAX_SPEC_BYTES)
    return {
      ok: !1,
      parsed: unreadable(file, hash, diagnostics.fileTooLarge({ file, span: { start, end: start }, message: `File is ${bytes.length} bytes; expected a spec of at most ${MAX_SPEC_BYTES} bytes` }))
    };
  let decoded = decodeSpecBytes(bytes);
  if (!decoded.ok) {
    let lossy = new TextDecoder("utf-8").decode(bytes.subarray(0, decoded.byteOffset)), at = createLineIndex(lossy).point(lossy.length), code = decoded.reason === "binary" ? "file-binary" : "file-not-utf8", message = decoded.reason === "binary" ? `File contains a NUL byte at byte ${decoded.byteOffset}; expected a UTF-8 markdown text file` : `File has an invalid UTF-8 byte sequence at byte ${decoded.byteOffset}; expected UTF-8 text`;
    return { ok: !1, parsed: unreadable(file, hash, (code === "file-binary" ? diagnostics.fileBinary : diagnostics.fileNotUtf8)({ file, span: { start: at, end: at }, message })) };
  }
  let text = decoded.text, lines = createLineIndex(text);
  if (text.trim() === "") {
    let empty = diagnostics.fileEmpty({ file, span: { start, end: start }, message: "File is empty; expected a spec with frontmatter, a title and sections" });
    return { ok: !1, parsed: { ...unreadable(file, hash, empty), text, lines } };
  }
  let deep = findExcessiveNesting(text);
  if (deep) {
    let problem = diagnostics.markdownUnparsable({ file, span: lines.span(deep.offset, deep.offset), message: deep.message });
    return { ok: !1, parsed: { ...unreadable(file, hash, problem), text, lines } };
  }
  return { ok: !0, text, lines };
}
function withFrontmatter(file, hash, text, lines, tree) {
  let first = tree.children[0], frontmatter = null;
  if (first?.type === "yaml" && first.position?.start.offset !== void 0 && first.position.end.offset !== void 0) {
    let blockStart = first.position.start.offset, blockEnd = first.position.end.offset, yamlOffset = text.indexOf(`
`, blockStart) + 1;
    frontmatter = { yaml: first.value, yamlOffset, span: lines.span(blockStart, blockEnd) };
  }
  let diagnostics2 = [], unclosed = frontmatter ? null : findUnclosedFrontmatter(text, lines);
  return unclosed && (frontmatter = { yaml: unclosed.yaml, yamlOffset: unclosed.yamlOffset, span: lines.span(0, unclosed.end) }, diagnostics2.push(
    diagnostics.frontmatterUnclosed({
      file,
      span: lines.span(unclosed.opening[0], unclosed.opening[1]),
      message: "Frontmatter opened by `---` on line 1 is never closed; expected a `---` line after its last field",
      hint: unclosed.dots ? `Write \`---\` instead of \`...\` on line ${unclosed.lastLine + 1}: YAML's end marker does not close markdown frontmatter.` : `Add a \`---\` line after line ${unclosed.lastLine}, the last field.`
    })
  )), { file, hash, text, tree, lines, frontmatter, diagnostics: diagnostics2 };
}

// src/phases/2-model/index.ts
import path from "node:path";

// src/phases/2-model/simple-yaml.ts
function readYamlDocument(doc, data) {
  let { isScalar, isSeq } = yaml(), entries = [];
  for (let pair of doc.contents.items) {
    let key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key), keyRange = [pair.key?.range?.[0] ?? 0, pair.key?.range?.[1] ?? 0], range = pair.value?.range, valueRange = range ? [range[0], range[1]] : keyRange, itemRanges = isSeq(pair.value) ? pair.value.items.map((item) => {
      let r = item.range;
      return r ? [r[0], r[1]] : valueRange;
    }) : null;
    entries.push({ key, keyRange, valueRange, itemRanges });
  }
  return { entries, data };
}
var KEY2 = /^([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$/, ITEM = /^( *)- (.*)$/, SPECIAL_WORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i, NUMBER = /^(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/, NOT_SIMPLE = /* @__PURE__ */ Symbol("not simple YAML");
function notSimple() {
  throw NOT_SIMPLE;
}
function scalar(text, flow) {
  let first = text[0];
  if (first === '"' || first === "'") {
    let inner = text.slice(1, -1);
    return (text.length < 2 || text.at(-1) !== first || inner.includes(first) || inner.includes("\\") || inner.includes(`
`)) && notSimple(), flow && inner.includes(",") && notSimple(), inner;
  }
  return (!/^[A-Za-z0-9][A-Za-z0-9._/-]*(?: [A-Za-z0-9._/-]+)*$/.test(text) || flow && text.includes(" ")) && notSimple(), /^[0-9]/.test(text) ? NUMBER.test(text) ? Number(text) : notSimple() : (SPECIAL_WORD.test(text) && notSimple(), text);
}
function readSimpleYaml(yaml2) {
  try {
    return read(yaml2);
  } catch (error) {
    if (error === NOT_SIMPLE) return null;
    throw error;
  }
}
function read(yaml2) {
  let raw = yaml2.split(`
`), lines = raw.map((l) => l.endsWith("\r") ? l.slice(0, -1) : l), widths = raw.map((l) => l.length + 1), entries = [], data = {}, offset = 0, i = 0;
  for (; i < lines.length; ) {
    let line = lines[i], match = KEY2.exec(line);
    match || notSimple();
    let key = match[1];
    (Object.hasOwn(data, key) || key === "__proto__") && notSimple();
    let keyRange = [offset, offset + key.length], rest = match[2], next = offset + widths[i];
    if (i++, rest === void 0) {
      let items = [], itemRanges = [], at = next, indent = null;
      for (; i < lines.length; ) {
        let item = ITEM.exec(lines[i]);
        if (!item || indent !== null && item[1] !== indent || item[1].length > 2) break;
        indent = item[1];
        let text = item[2];
        (text !== text.trim() || text === "") && notSimple();
        let start2 = at + indent.length + 2;
        items.push(scalar(text, !1)), itemRanges.push([start2, start2 + text.length]), at += widths[i], i++;
      }
      items.length === 0 ? (entries.push({ key, keyRange, valueRange: [keyRange[1] + 1, keyRange[1] + 1], itemRanges: null }), data[key] = null) : (entries.push({ key, keyRange, valueRange: [next + indent.length, Math.min(at, yaml2.length)], itemRanges }), data[key] = items), offset = at;
      continue;
    }
    let start = offset + key.length + 2;
    if ((rest === "" || rest !== rest.trim()) && notSimple(), rest.startsWith("[")) {
      rest.endsWith("]") || notSimple();
      let inner = rest.slice(1, -1), items = [], itemRanges = [];
      if (inner.trim() !== "") {
        let at = 1;
        for (let piece of inner.split(",")) {
          let text = piece.trim();
          text === "" && notSimple();
          let itemStart = start + at + piece.indexOf(text);
          items.push(scalar(text, !0)), itemRanges.push([itemStart, itemStart + text.length]), at += piece.length + 1;
        }
      } else inner !== "" && notSimple();
      entries.push({ key, keyRange, valueRange: [start, start + rest.length], itemRanges }), data[key] = items;
    } else
      entries.push({ key, keyRange, valueRange: [start, start + rest.length], itemRanges: null }), data[key] = scalar(rest, !1);
    offset = next;
  }
  return entries.length === 0 && notSimple(), { entries, data };
}

// src/phases/2-model/frontmatter.ts
var MAX_ALIASES = 20;
function modelFrontmatter(file, raw, lines) {
  let at = (start, end) => lines.span(raw.yamlOffset + start, raw.yamlOffset + end), spans = { block: raw.span, fields: {}, depends_on: [], outputs: [], uses_twins: [] }, diagnostics2 = [], fail = () => ({ frontmatter: null, spans, diagnostics: diagnostics2 }), mapping = readSimpleYaml(raw.yaml) ?? readWithLibrary(file, raw, at, diagnostics2);
  if (!mapping) return fail();
  let keySpans = /* @__PURE__ */ new Map();
  for (let { key, keyRange, valueRange, itemRanges } of mapping.entries)
    keySpans.set(key, at(keyRange[0], keyRange[1])), spans.fields[key] = at(valueRange[0], valueRange[1]), (key === "depends_on" || key === "outputs" || key === "uses_twins") && itemRanges && (spans[key] = itemRanges.map(([s, e]) => at(s, e)));
  let data = mapping.data, parsed = FrontmatterSchema.safeParse(data);
  if (parsed.success) return { frontmatter: parsed.data, spans, diagnostics: diagnostics2 };
  for (let issue of parsed.error.issues) diagnostics2.push(issueToDiagnostic(file, issue, data, spans, keySpans));
  return fail();
}
function readWithLibrary(file, raw, at, diagnostics2) {
  let { isMap, isScalar, parseDocument } = yaml(), doc = parseDocument(raw.yaml, { uniqueKeys: !0, prettyErrors: !1, strict: !0 });
  for (let error of doc.errors) {
    let [start, end] = error.pos, firstLine = error.message.split(`
`)[0] ?? error.message;
    diagnostics2.push(
      diagnostics.yamlInvalid({ file, span: at(start, Math.max(end, start + 1)), message: `Frontmatter is not valid YAML: ${firstLine}` })
    );
  }
  if (diagnostics2.length > 0) return null;
  let contents = doc.contents;
  if (contents === null || isScalar(contents) && (contents.value === null || contents.value === ""))
    return diagnostics2.push(
      diagnostics.frontmatterMissingField({ file, span: raw.span, message: "Frontmatter is empty; expected at least id, kind and status" })
    ), null;
  if (!isMap(contents)) {
    let range = contents.range ?? [0, 0];
    return diagnostics2.push(
      diagnostics.frontmatterNotMapping({ file, span: at(range[0], range[1]), message: "Frontmatter is not a mapping; expected `key: value` lines" })
    ), null;
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return diagnostics2.push(
      diagnostics.yamlInvalid({
        file,
        span: raw.span,
        message: `Frontmatter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
        hint: "Remove YAML aliases (*name); frontmatter never needs them."
      })
    ), null;
  }
  return readYamlDocument(doc, data);
}
function issueToDiagnostic(file, issue, data, spans, keySpans) {
  let [field, index] = issue.path;
  if (issue.code === "unrecognized_keys") {
    let key = issue.keys[0] ?? "", suggestion = closest(key, FRONTMATTER_FIELDS);
    return diagnostics.frontmatterUnknownField({
      file,
      span: keySpans.get(key) ?? spans.block,
      message: `Unknown frontmatter field \`${key}\`; expected one of ${FRONTMATTER_FIELDS.join(", ")}`,
      ...suggestion ? { hint: `Did you mean \`${suggestion}\`?` } : {}
    });
  }
  let value = field !== void 0 ? data[field] : void 0;
  if (field !== void 0 && value === void 0 && issue.path.length === 1)
    return diagnostics.frontmatterMissingField({
      file,
      span: { start: spans.block.start, end: spans.block.start },
      message: `Frontmatter has no \`${field}\`; expected ${describeExpected(field)}`
    });
  let span = field === void 0 ? spans.block : typeof index == "number" && (field === "depends_on" || field === "outputs" || field === "uses_twins") ? spans[field][index] ?? spans.fields[field] ?? spans.block : spans.fields[field] ?? spans.block, shown = typeof index == "number" && Array.isArray(value) ? value[index] : value, where = typeof index == "number" ? `\`${field}\` item ${index + 1}` : `\`${field}\``;
  return diagnostics.frontmatterInvalidValue({
    file,
    span,
    message: `Field ${where} is ${show(shown)}; expected ${describeExpected(field ?? "", issue)}`
  });
}
function describeExpected(field, issue) {
  switch (field) {
    case "id":
      return "a kebab-case id such as `invoice-totals`";
    case "kind":
      return `one of ${SPEC_KINDS.join(", ")}`;
    case "status":
      return `one of ${SPEC_STATUSES.join(", ")}`;
    case "priority":
      return `one of ${PRIORITY_WORDS.join(", ")}, or a whole number (0 is the most urgent)`;
    case "depends_on":
      return "a list of spec ids";
    case "outputs":
      return "a list of paths relative to the generated root";
    case "uses_twins":
      return "a list of twin spec ids";
    case "model":
      return "a model name such as `claude-sonnet-4-5`";
    case "budget_usd":
      return "a positive number of US dollars";
    case "version":
      return "a string or number";
    case "owner":
      return "`hand` (files an adopted project keeps writing by hand) or `speccc`";
    default: {
      let values = issue?.values;
      return Array.isArray(values) && values.length > 0 ? `one of ${values.map(String).join(", ")}` : issue?.message ?? "a valid value";
    }
  }
}
function show(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value == "object") return "a mapping";
  if (typeof value == "string") {
    let s = value.length > 40 ? `${value.slice(0, 40)}\u2026` : value;
    return KEBAB_CASE.test(value) ? `\`${s}\`` : `\`${s}\` (a string)`;
  }
  return `\`${String(value)}\` (a ${typeof value})`;
}

// src/phases/2-model/pinned.ts
var PINNED_AT_END = /\{#([A-Za-z0-9][A-Za-z0-9_.-]{0,63})\}\s*$/, PINNED_ANYWHERE = /\s*\{#[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\}(?=\s*$)/;
function findPinned(source, start, end) {
  let slice = source.slice(start, end), m = PINNED_AT_END.exec(slice);
  if (m)
    return { value: m[1], start: start + m.index, end: start + m.index + m[0].trimEnd().length };
}
function stripPinned(text) {
  return text.replace(PINNED_ANYWHERE, "").trimEnd();
}

// src/phases/2-model/scenarios.ts
var LINE_START = /^(\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__|\*|_)?)(given|when|then|and|but|for any|for all)\b/i, INNER = /(?:(?:\*\*|__)(given|when|then)\b(?:\*\*|__)?|[,;.]\s*(given|when|then)\b)/gi, keywordOf = (word) => {
  let lower = word.toLowerCase().replace(/\s+/g, " ");
  return lower === "for all" ? "for any" : lower;
};
function cleanStepText(raw) {
  return stripPinned(raw).replace(/^(?:\*\*|__|\*|_)?\s*[:,]?\s*/, "").replace(/\*\*|__/g, "").replace(/[\s,;]+$/, "").replace(/\s+/g, " ").trim();
}
function lineSegments(line, lineOffset) {
  let head = LINE_START.exec(line);
  if (!head) return [];
  let cuts = [], kwStart = head[1].length;
  cuts.push({ keyword: keywordOf(head[2]), at: kwStart, textAt: kwStart + head[2].length }), INNER.lastIndex = kwStart + head[2].length;
  for (let m = INNER.exec(line); m; m = INNER.exec(line)) {
    let word = m[1] ?? m[2], wordAt = m.index + m[0].toLowerCase().lastIndexOf(word.toLowerCase());
    cuts.push({ keyword: word.toLowerCase(), at: m.index, textAt: wordAt + word.length });
  }
  let trimmedEnd = line.replace(/\s+$/, "").length;
  return cuts.map((cut, i) => {
    let end = i + 1 < cuts.length ? cuts[i + 1].at : trimmedEnd, start = i === 0 ? cut.at : cut.at + (line.slice(cut.at).match(/^[,;.]\s*/)?.[0].length ?? 0);
    return {
      keyword: cut.keyword,
      text: cleanStepText(line.slice(cut.textAt, end)),
      start: lineOffset + start,
      end: lineOffset + Math.max(start, end)
    };
  });
}
function sourceSegments(text, start, end) {
  let out = [], offset = start;
  for (let line of text.slice(start, end).split(`
`))
    out.push(...lineSegments(line.replace(/\r$/, ""), offset)), offset += line.length + 1;
  return out;
}
function toScenario(name, form, span, segments, lines, pinnedIn, text, property = !1) {
  let scenario = { name, form, span: lines.span(span[0], span[1]), given: [], when: [], then: [] }, pinned = findPinned(text, pinnedIn[0], pinnedIn[1]);
  pinned && (scenario.pinned = { value: pinned.value, span: lines.span(pinned.start, pinned.end) }), (property || segments.some((s) => s.keyword === "for any")) && (scenario.kind = "property", scenario.forAny = []);
  let previous;
  for (let segment of segments) {
    let keyword = segment.keyword === "and" || segment.keyword === "but" ? previous ?? "given" : segment.keyword, span2 = lines.span(segment.start, segment.end);
    keyword === "for any" ? scenario.forAny.push({ keyword: "given", text: segment.text, span: span2 }) : scenario[keyword].push({ keyword, text: segment.text, span: span2 }), previous = keyword;
  }
  return scenario;
}
var isWholeScenario = (segments) => ["given", "when", "then"].every((k) => segments.some((s) => s.keyword === k)) || ["for any", "then"].every((k) => segments.some((s) => s.keyword === k)), off = (node) => [node.position.start.offset, node.position.end.offset];
function extractScenarios(nodes, text, lines) {
  let scenarios = [], stray = [], block, closeBlock = () => {
    block && scenarios.push(toScenario(block.name, "block", [block.start, block.end], block.segments, lines, [block.start, block.headingEnd], text, block.property)), block = void 0;
  }, previousEnd = nodes[0] ? off(nodes[0])[0] : 0, afterTitle = !1;
  for (let node of nodes) {
    let [start, end] = off(node);
    if (/^#[ \t]/m.test(text.slice(previousEnd, start)) && (closeBlock(), afterTitle = !0), previousEnd = end, node.type === "heading" && node.depth <= 3) {
      closeBlock();
      let heading = stripPinned(toString(node)), property = /^\s*property\s*[:\-–—]/i.test(heading);
      block = { name: heading.replace(/^\s*(?:scenario|property)\s*[:\-–—]?\s*/i, "").trim() || (property ? "unnamed property" : "unnamed scenario"), start, end, headingEnd: end, segments: [], property };
      continue;
    }
    if (node.type === "list") {
      node.children.forEach((item, i) => {
        let [is, ie] = off(item), segments = sourceSegments(text, is, ie);
        if (segments.length === 0) {
          !afterTitle && (block || scenarios.length > 0) && stray.push(lines.span(is, ie));
          return;
        }
        if (block && !isWholeScenario(segments)) {
          block.segments.push(...segments), block.end = ie;
          return;
        }
        let plain = stripPinned(toString(item).replace(/\s+/g, " ").trim()), name = plain.length > 60 ? `${plain.slice(0, 57)}\u2026` : plain || `scenario ${i + 1}`;
        scenarios.push(toScenario(name, "list", [is, ie], segments, lines, [is, ie], text));
      });
      continue;
    }
    if (node.type === "paragraph" || node.type === "blockquote") {
      let segments = sourceSegments(text, start, end);
      block && segments.length > 0 ? (block.segments.push(...segments), block.end = end) : !afterTitle && (block || scenarios.length > 0) && stray.push(lines.span(start, end));
    }
  }
  return closeBlock(), { scenarios, stray };
}

// src/phases/2-model/requirements.ts
var PREFIX = { rule: "R", "edge-case": "E", scenario: "S", property: "P" }, SLUG_WORDS = { rule: 5, "edge-case": 5, scenario: 8, property: 8 }, SLUG_CHARS = 48, ASCII = /^[\x00-\x7f]*$/;
function slugOf(text, maxWords = SLUG_WORDS.rule) {
  let words = (ASCII.test(text) ? text : text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")).toLowerCase().match(/[a-z0-9]+/g) ?? [], slug = "";
  for (let word of words.slice(0, maxWords)) {
    let next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_CHARS) break;
    slug = next;
  }
  return slug || (words[0] ?? "").slice(0, SLUG_CHARS);
}
var off2 = (node) => [node.position.start.offset, node.position.end.offset], collapse = (s) => s.replace(/\s+/g, " ").trim();
function sectionItems(kind, nodes, source, lines) {
  let items = [], lists = nodes.filter((n) => n.type === "list"), add = (node, first) => {
    let [start, end] = off2(node), [ps, pe] = first?.type === "paragraph" ? off2(first) : [start, end], pinned = findPinned(source, ps, pe), text = collapse(stripPinned(collapse(toString(node))));
    !text && !pinned || items.push({ kind, text, span: lines.span(start, end), ...pinned ? { pinned: { value: pinned.value, span: lines.span(pinned.start, pinned.end) } } : {} });
  };
  if (lists.length > 0)
    for (let list of lists) for (let item of list.children) add(item, item.children[0]);
  else
    for (let node of nodes) node.type === "paragraph" && add(node, node);
  return items;
}
function extractRequirements(input) {
  let items = [];
  for (let { section, nodes } of input.sections)
    section.name === "rules" && items.push(...sectionItems("rule", nodes, input.source, input.lines)), section.name === "edge-cases" && items.push(...sectionItems("edge-case", nodes, input.source, input.lines));
  for (let s of input.scenarios) items.push({ kind: s.kind === "property" ? "property" : "scenario", text: s.name, span: s.span, ...s.pinned ? { pinned: s.pinned } : {} });
  items.sort((a, b) => a.span.start.offset - b.span.start.offset);
  let diagnostics2 = [], pinnedFirst = /* @__PURE__ */ new Map();
  for (let item of items) {
    if (!item.pinned) continue;
    let first = pinnedFirst.get(item.pinned.value);
    if (!first) {
      pinnedFirst.set(item.pinned.value, item);
      continue;
    }
    diagnostics2.push(
      diagnostics.requirementIdDuplicate({
        file: input.file,
        span: item.pinned.span,
        message: `Requirement id \`${item.pinned.value}\` is pinned twice in this spec; expected each pinned id once`,
        related: [{ file: input.file, span: first.pinned.span, message: `\`${item.pinned.value}\` is first pinned here` }]
      })
    );
  }
  let derived = items.map((item) => item.pinned ? null : `${PREFIX[item.kind]}-${slugOf(item.text, SLUG_WORDS[item.kind]) || sha256(item.text).slice(0, 8)}`), count = /* @__PURE__ */ new Map();
  for (let local of derived) local && count.set(local, (count.get(local) ?? 0) + 1);
  let taken = new Set(pinnedFirst.keys()), locals = items.map((item, i) => {
    if (item.pinned) return item.pinned.value;
    let local = derived[i];
    ((count.get(local) ?? 0) > 1 || pinnedFirst.has(local)) && (local = `${local}-${sha256(`${item.kind}
${item.text}`).slice(0, 4)}`);
    let base = local;
    for (let n = 2; taken.has(local); n++) local = `${base}-${n}`;
    return taken.add(local), local;
  });
  return { requirements: items.map((item, i) => ({
    id: `${input.specId ?? ""}#${locals[i]}`,
    local: locals[i],
    kind: item.kind,
    text: item.text,
    pinned: !!item.pinned,
    span: item.span
  })), diagnostics: diagnostics2 };
}

// src/phases/2-model/index.ts
function modelSpec(parsed) {
  let { file, hash, text, tree, lines } = parsed;
  if (text === null || tree === null || lines === null) return { file, hash, spec: null, diagnostics: parsed.diagnostics };
  let diagnostics2 = [...parsed.diagnostics], frontmatter = null, frontmatterSpans = null;
  if (parsed.frontmatter) {
    let result = modelFrontmatter(file, parsed.frontmatter, lines);
    frontmatter = result.frontmatter, frontmatterSpans = result.spans, diagnostics2.push(...result.diagnostics);
  } else
    diagnostics2.push(
      diagnostics.frontmatterMissing({
        file,
        span: lines.span(0, 0),
        message: "Spec has no YAML frontmatter; expected a `---` block with id, kind and status at the top"
      })
    );
  let outline = outlineBody(tree, text, lines), evaluation = outline.sections.filter((s) => s.section.name === "evaluation"), codeRanges = collectCodeRanges(tree), extracted = evaluation.map((s) => extractScenarios(s.nodes, text, lines)), scenarios = extracted.flatMap((e) => e.scenarios), requirements = extractRequirements({ file, specId: frontmatter?.id ?? null, sections: outline.sections, scenarios, source: text, lines });
  diagnostics2.push(...requirements.diagnostics);
  let spec = {
    file,
    hash,
    source: text,
    frontmatter,
    frontmatterSpans,
    title: outline.titles[0] ?? null,
    extraTitles: outline.titles.slice(1).map((t) => t.span),
    sections: outline.sections.map((s) => s.section),
    scenarios,
    strayEvaluationText: extracted.flatMap((e) => e.stray),
    requirements: requirements.requirements,
    links: collectLinks(tree, file, lines),
    terms: collectTerms(text, codeRanges, parsed.frontmatter ? parsed.frontmatter.span.end.offset : 0, lines),
    codeRanges
  };
  return rememberLines(spec, lines), { file, hash, spec, diagnostics: diagnostics2 };
}
function walk(node, visit) {
  if (visit(node), "children" in node) for (let child of node.children) walk(child, visit);
}
function collectCodeRanges(tree) {
  let ranges = [];
  return walk(tree, (node) => {
    (node.type === "code" || node.type === "inlineCode" || node.type === "html") && node.position && ranges.push([node.position.start.offset, node.position.end.offset]);
  }), ranges;
}
function collectLinks(tree, file, lines) {
  let links = [];
  return walk(tree, (node) => {
    if (node.type !== "link" && node.type !== "definition" || !node.position) return;
    let href = node.url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#") || href.startsWith("/")) return;
    let pathPart = decodeURIComponentSafe(href.split("#")[0].split("?")[0]);
    if (!pathPart.toLowerCase().endsWith(".md")) return;
    let target = path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
    links.push({ href, target, span: lines.span(node.position.start.offset, node.position.end.offset) });
  }), links;
}
function decodeURIComponentSafe(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
var TERM = /\[\[([^[\]\n]{1,80})\]\]/g;
function collectTerms(text, code, bodyStart, lines) {
  let terms = [];
  for (let match of text.matchAll(TERM)) {
    let start = match.index;
    start < bodyStart || code.some(([s, e]) => start >= s && start < e) || terms.push({ term: match[1].trim(), span: lines.span(start, start + match[0].length) });
  }
  return terms;
}

export {
  parseSpecFile,
  parsedFromTree,
  modelSpec
};
