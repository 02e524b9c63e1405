/**
 * Phase 1: a spec file's bytes -> decoded text, markdown tree and raw frontmatter.
 * Entry: parseSpecFile; parsedFromTree when a unified pipeline has parsed the tree already (the
 * remark plugin, src/remark/). Pure (no I/O); problems with the bytes themselves become diagnostics.
 */
import type { Root } from 'mdast';
import type { Diagnostic, Span } from '../../types/index.js';
import { diagnostics as d } from '../../diagnostics/messages.js';
import { decodeSpecBytes } from './decode.js';
import { sha256 } from '../../hash.js';
import { findExcessiveNesting } from './nesting.js';
import { createLineIndex, type LineIndex } from './line-index.js';
import { parseSpecMarkdown } from './fast-markdown.js';
import { parseReferenceMarkdown } from './reference-markdown.js';
import { findUnclosedFrontmatter } from './unclosed-frontmatter.js';

/** Files above this size are not parsed: a spec is prose for an agent, not a data dump. */
export const MAX_SPEC_BYTES = 1024 * 1024;

export interface RawFrontmatter {
  /** The YAML between the fences. */
  yaml: string;
  /** Offset in the text where `yaml` starts. */
  yamlOffset: number;
  /** The whole block, fences included. */
  span: Span;
}

export interface ParsedFile {
  file: string;
  hash: string;
  /** Null when the bytes are not a readable text spec (diagnostics say why). */
  text: string | null;
  tree: Root | null;
  lines: LineIndex | null;
  frontmatter: RawFrontmatter | null;
  diagnostics: Diagnostic[];
}

/** `hash` is the bytes' sha256 when the caller has it already. */
export function parseSpecFile(file: string, bytes: Uint8Array, hash: string = sha256(bytes)): ParsedFile {
  const read = readSpecText(file, bytes, hash);
  if (!read.ok) return read.parsed;
  const { text, lines } = read;
  let tree: Root;
  try {
    // The fast parser gives the reference tree for the markdown specs are written in, or null.
    tree = parseSpecMarkdown(text, lines) ?? parseReferenceMarkdown(text);
  } catch (error) {
    // micromark is recursive: pathological nesting can exhaust the stack. That is the input's
    // fault, not a crash: report it where the file starts.
    const reason = error instanceof RangeError ? 'nesting is too deep to parse' : 'the markdown parser failed';
    return {
      ...unreadable(file, hash, d.markdownUnparsable({ file, span: lines.span(0, 0), message: `Markdown could not be parsed: ${reason}; expected ordinary markdown nesting` })),
      text,
      lines,
    };
  }
  return withFrontmatter(file, hash, text, lines, tree);
}

/**
 * A spec's bytes and the tree a unified pipeline parsed from them (remark-parse and
 * remark-frontmatter, as in the remark plugin) -> what parseSpecFile gives for the bytes: the same
 * checks of the bytes, the pipeline's tree instead of a parse of our own.
 */
export function parsedFromTree(file: string, bytes: Uint8Array, tree: Root): ParsedFile {
  const hash = sha256(bytes);
  const read = readSpecText(file, bytes, hash);
  return read.ok ? withFrontmatter(file, hash, read.text, read.lines, tree) : read.parsed;
}

const unreadable = (file: string, hash: string, diagnostic: Diagnostic): ParsedFile => ({
  file, hash, text: null, tree: null, lines: null, frontmatter: null, diagnostics: [diagnostic],
});

type ReadText = { ok: true; text: string; lines: LineIndex } | { ok: false; parsed: ParsedFile };

/** The bytes as text to parse, or the file as unreadable with the diagnostic that says why. */
function readSpecText(file: string, bytes: Uint8Array, hash: string): ReadText {
  const start = { line: 1, column: 1, offset: 0 };
  if (bytes.length > MAX_SPEC_BYTES) {
    return {
      ok: false,
      parsed: unreadable(file, hash, d.fileTooLarge({ file, span: { start, end: start }, message: `File is ${bytes.length} bytes; expected a spec of at most ${MAX_SPEC_BYTES} bytes` })),
    };
  }
  const decoded = decodeSpecBytes(bytes);
  if (!decoded.ok) {
    const lossy = new TextDecoder('utf-8').decode(bytes.subarray(0, decoded.byteOffset));
    const at = createLineIndex(lossy).point(lossy.length);
    const code = decoded.reason === 'binary' ? 'file-binary' : 'file-not-utf8';
    const message =
      decoded.reason === 'binary'
        ? `File contains a NUL byte at byte ${decoded.byteOffset}; expected a UTF-8 markdown text file`
        : `File has an invalid UTF-8 byte sequence at byte ${decoded.byteOffset}; expected UTF-8 text`;
    return { ok: false, parsed: unreadable(file, hash, (code === 'file-binary' ? d.fileBinary : d.fileNotUtf8)({ file, span: { start: at, end: at }, message })) };
  }
  const text = decoded.text;
  const lines = createLineIndex(text);
  if (text.trim() === '') {
    const empty = d.fileEmpty({ file, span: { start, end: start }, message: 'File is empty; expected a spec with frontmatter, a title and sections' });
    return { ok: false, parsed: { ...unreadable(file, hash, empty), text, lines } };
  }
  const deep = findExcessiveNesting(text);
  if (deep) {
    const problem = d.markdownUnparsable({ file, span: lines.span(deep.offset, deep.offset), message: deep.message });
    return { ok: false, parsed: { ...unreadable(file, hash, problem), text, lines } };
  }
  return { ok: true, text, lines };
}

/** The parsed file around its tree: the frontmatter block the tree holds, or the unclosed one it does not. */
function withFrontmatter(file: string, hash: string, text: string, lines: LineIndex, tree: Root): ParsedFile {
  const first = tree.children[0];
  let frontmatter: RawFrontmatter | null = null;
  if (first?.type === 'yaml' && first.position?.start.offset !== undefined && first.position.end.offset !== undefined) {
    const blockStart = first.position.start.offset;
    const blockEnd = first.position.end.offset;
    const yamlOffset = text.indexOf('\n', blockStart) + 1;
    frontmatter = { yaml: first.value, yamlOffset, span: lines.span(blockStart, blockEnd) };
  }
  const diagnostics: Diagnostic[] = [];
  const unclosed = frontmatter ? null : findUnclosedFrontmatter(text, lines);
  if (unclosed) {
    // Reported as what it is, and read as if closed where it most likely ends, so that the rest
    // of the spec is checked as usual instead of failing for want of an id and a kind.
    frontmatter = { yaml: unclosed.yaml, yamlOffset: unclosed.yamlOffset, span: lines.span(0, unclosed.end) };
    diagnostics.push(
      d.frontmatterUnclosed({
        file,
        span: lines.span(unclosed.opening[0], unclosed.opening[1]),
        message: 'Frontmatter opened by `---` on line 1 is never closed; expected a `---` line after its last field',
        hint: unclosed.dots
          ? `Write \`---\` instead of \`...\` on line ${unclosed.lastLine + 1}: YAML's end marker does not close markdown frontmatter.`
          : `Add a \`---\` line after line ${unclosed.lastLine}, the last field.`,
      }),
    );
  }
  return { file, hash, text, tree, lines, frontmatter, diagnostics };
}
