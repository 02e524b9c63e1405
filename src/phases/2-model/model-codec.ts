/**
 * A modelled spec file <-> one compact line of JSON: the form the parse cache stores and parse
 * workers hand back (one string to copy, stored as it came, instead of a structured clone).
 *
 * Compact because most of a model is spans ({start: {line, column, offset}, end: …}, 40% of its
 * JSON) and text that is a slice of the file: spans are written as `@start:end` offsets and
 * rebuilt from the file's text; the source and each section's markdown are left out and sliced
 * back. A span is compacted only when rebuilding it gives exactly the same object, so decoding
 * always returns the model that was encoded (as JSON: undefined fields are dropped, as the parse
 * cache always did). A string that starts with `@` is written with a second `@`.
 *
 * decodeModel throws on anything that is not an encoded model of this file and content: callers
 * treat that as a cache miss.
 */
import type { ModelledFile, Span } from '../../types/index.js';
import { createLineIndex, linesOf, rememberLines, type LineIndex } from '../1-parse/line-index.js';

const MARK = '@';

/** True when `p` is a point with exactly the keys line, column, offset (in that order) that `lines` gives for its offset. */
function isExactPoint(p: unknown, lines: LineIndex): p is Span['start'] {
  if (p === null || typeof p !== 'object') return false;
  let n = 0;
  for (const key in p) {
    if (key !== (n === 0 ? 'line' : n === 1 ? 'column' : n === 2 ? 'offset' : '')) return false;
    n++;
  }
  if (n !== 3) return false;
  const { line, column, offset } = p as Span['start'];
  if (!Number.isInteger(offset)) return false;
  const again = lines.point(offset);
  return again.line === line && again.column === column && again.offset === offset;
}

/** True when `value` is a span (exactly start, end) that `lines` rebuilds exactly from its offsets. */
function rebuildsExactly(value: object, lines: LineIndex): value is Span {
  let n = 0;
  for (const key in value) {
    if (key !== (n === 0 ? 'start' : n === 1 ? 'end' : '')) return false;
    n++;
  }
  if (n !== 2) return false;
  const { start, end } = value as Span;
  return isExactPoint(start, lines) && isExactPoint(end, lines) && start.offset <= end.offset;
}

/**
 * `value` as JSON.stringify would see it after the codec's rewriting: spans that rebuild exactly
 * as `@start:end`, strings starting with `@` escaped. One walk that builds the rewritten copy,
 * which measured about twice as fast as a replacer function called for every value.
 */
function compact(value: unknown, lines: LineIndex | null): unknown {
  if (typeof value === 'string') return value.charCodeAt(0) === 64 ? MARK + value : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item === undefined || typeof item === 'function' ? null : compact(item, lines);
    }
    return out;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return compact((value as { toJSON(): unknown }).toJSON(), lines);
  if (lines && rebuildsExactly(value, lines)) return `${MARK}${value.start.offset}:${value.end.offset}`;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out[key] = compact(item, lines);
  }
  return out;
}

/** The entry without its source text and section markdown, spans as offsets, as one line of JSON. */
export function encodeModel(entry: ModelledFile): string {
  const spec = entry.spec;
  const lines = spec ? linesOf(spec) : null;
  const stripped: ModelledFile = spec ? { ...entry, spec: { ...spec, source: '', sections: spec.sections.map((s) => ({ ...s, markdown: '' })) } } : entry;
  return JSON.stringify(compact(stripped, lines));
}

function restore(value: unknown, lines: LineIndex | null): unknown {
  if (typeof value === 'string') {
    if (!value.startsWith(MARK)) return value;
    if (value.startsWith(MARK, 1)) return value.slice(1);
    const colon = value.indexOf(':');
    const start = Number(value.slice(1, colon));
    const end = Number(value.slice(colon + 1));
    if (!lines || colon < 0 || !Number.isInteger(start) || !Number.isInteger(end)) throw new Error('malformed span');
    return lines.span(start, end);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string' || (item !== null && typeof item === 'object')) value[i] = restore(item, lines);
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (typeof item === 'string' || (item !== null && typeof item === 'object')) record[key] = restore(item, lines);
    }
  }
  return value;
}

const isArray = (v: unknown) => Array.isArray(v);

/** The model `encodeModel` wrote for this file and content, rebuilt around `text` (the decoded file). Throws when it is not one. */
export function decodeModel(encoded: string, expected: { file: string; hash: string }, text: () => string): ModelledFile {
  const raw = JSON.parse(encoded) as Partial<ModelledFile> | null;
  if (!raw || typeof raw !== 'object' || raw.file !== expected.file || raw.hash !== expected.hash || !isArray(raw.diagnostics)) throw new Error('not this file');
  const spec = raw.spec;
  if (spec === null) return restore(raw, null) as ModelledFile;
  if (!spec || typeof spec !== 'object' || spec.file !== expected.file || spec.hash !== expected.hash) throw new Error('not this spec');
  if (![spec.sections, spec.scenarios, spec.strayEvaluationText, spec.links, spec.terms, spec.codeRanges, spec.extraTitles].every(isArray)) throw new Error('not a spec model');
  const source = text();
  const lines = createLineIndex(source);
  const entry = restore(raw, lines) as ModelledFile;
  const rebuilt = entry.spec!;
  rebuilt.source = source;
  rememberLines(rebuilt, lines);
  for (const section of rebuilt.sections) {
    const range = section?.bodyRange;
    if (!isArray(range) || !Number.isInteger(range[0]) || !Number.isInteger(range[1])) throw new Error('not a section');
    section.markdown = source.slice(range[0], range[1]);
  }
  return entry;
}

/** The codec as one value, for the parse cache (io/parse-cache.ts takes it as a `ModelCodec`). */
export const MODEL_CODEC = { encode: encodeModel, decode: decodeModel };
