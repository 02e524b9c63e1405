/**
 * Frontmatter YAML -> its top-level mapping (values and source ranges), two ways.
 *
 * `readSimpleYaml` reads the YAML frontmatter is written in (`key: value` lines whose values are
 * plain words, numbers, quoted strings without escapes, and flat lists in either style) and
 * answers null for anything else: comments, anchors, escapes, nesting, booleans, blank lines.
 * `readYamlDocument` reads a document the `yaml` library has parsed. For every input the first
 * accepts, both give the same mapping, ranges included (test/phases/2-model/simple-yaml.test.ts); the
 * library costs ~0.1 ms a spec, most of modelling one.
 */
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { yaml } from '../../yaml.js';

/** A range in the YAML text: [start, end). */
export type YamlRange = [number, number];

export interface YamlEntry {
  key: string;
  keyRange: YamlRange;
  /** The value's range; for a missing value, an empty range after the key's colon. */
  valueRange: YamlRange;
  /** Each item's range when the value is a list. */
  itemRanges: YamlRange[] | null;
}

export interface YamlMapping {
  entries: YamlEntry[];
  data: Record<string, unknown>;
}

/** The mapping of a parsed document whose contents are a map (what the library gives). */
export function readYamlDocument(doc: Document, data: Record<string, unknown>): YamlMapping {
  const { isScalar, isSeq } = yaml();
  const entries: YamlEntry[] = [];
  for (const pair of (doc.contents as { items: Pair<YamlNode, YamlNode | null>[] }).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyRange: YamlRange = [pair.key?.range?.[0] ?? 0, pair.key?.range?.[1] ?? 0];
    const range = pair.value?.range;
    const valueRange: YamlRange = range ? [range[0], range[1]] : keyRange;
    const itemRanges = isSeq(pair.value) ? pair.value.items.map((item): YamlRange => {
      const r = (item as YamlNode).range;
      return r ? [r[0], r[1]] : valueRange;
    }) : null;
    entries.push({ key, keyRange, valueRange, itemRanges });
  }
  return { entries, data };
}

const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$/;
const ITEM = /^( *)- (.*)$/;
/** Words YAML (1.1 or 1.2) may read as something other than a string. */
const SPECIAL_WORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
const NUMBER = /^(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;

const NOT_SIMPLE = Symbol('not simple YAML');
function notSimple(): never {
  throw NOT_SIMPLE;
}

/** The value of a scalar written as `text` (already trimmed); `flow` inside `[ ]`, where a comma ends it. */
function scalar(text: string, flow: boolean): string | number {
  const first = text[0];
  if (first === '"' || first === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || text.at(-1) !== first || inner.includes(first) || inner.includes('\\') || inner.includes('\n')) notSimple();
    if (flow && inner.includes(',')) notSimple();
    return inner;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*(?: [A-Za-z0-9._/-]+)*$/.test(text) || (flow && text.includes(' '))) notSimple();
  if (/^[0-9]/.test(text)) return NUMBER.test(text) ? Number(text) : notSimple();
  if (SPECIAL_WORD.test(text)) notSimple();
  return text;
}

/** The simple mapping `yaml` holds, or null when it is not written in the simple subset. */
export function readSimpleYaml(yaml: string): YamlMapping | null {
  try {
    return read(yaml);
  } catch (error) {
    if (error === NOT_SIMPLE) return null;
    throw error;
  }
}

function read(yaml: string): YamlMapping {
  // Lines without their line ending (LF or CRLF); `widths` counts the ending too.
  const raw = yaml.split('\n');
  const lines = raw.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const widths = raw.map((l) => l.length + 1);
  const entries: YamlEntry[] = [];
  const data: Record<string, unknown> = {};
  let offset = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const match = KEY.exec(line);
    if (!match) notSimple();
    const key = match[1]!;
    if (Object.hasOwn(data, key) || key === '__proto__') notSimple();
    const keyRange: YamlRange = [offset, offset + key.length];
    const rest = match[2];
    const next = offset + widths[i]!;
    i++;
    if (rest === undefined) {
      // `key:` then a block list, or nothing (null).
      const items: string[] = [];
      const itemRanges: YamlRange[] = [];
      let at = next;
      let indent: string | null = null;
      while (i < lines.length) {
        const item = ITEM.exec(lines[i]!);
        if (!item || (indent !== null && item[1] !== indent) || item[1]!.length > 2) break;
        indent = item[1]!;
        const text = item[2]!;
        if (text !== text.trim() || text === '') notSimple();
        const start = at + indent.length + 2;
        items.push(scalar(text, false) as string);
        itemRanges.push([start, start + text.length]);
        at += widths[i]!;
        i++;
      }
      if (items.length === 0) {
        entries.push({ key, keyRange, valueRange: [keyRange[1] + 1, keyRange[1] + 1], itemRanges: null });
        data[key] = null;
      } else {
        // A block list's range runs to the end of its last line, line feed included.
        entries.push({ key, keyRange, valueRange: [next + indent!.length, Math.min(at, yaml.length)], itemRanges });
        data[key] = items;
      }
      offset = at;
      continue;
    }
    const start = offset + key.length + 2;
    if (rest === '' || rest !== rest.trim()) notSimple();
    if (rest.startsWith('[')) {
      if (!rest.endsWith(']')) notSimple();
      const inner = rest.slice(1, -1);
      const items: unknown[] = [];
      const itemRanges: YamlRange[] = [];
      if (inner.trim() !== '') {
        let at = 1;
        for (const piece of inner.split(',')) {
          const text = piece.trim();
          if (text === '') notSimple();
          const itemStart = start + at + piece.indexOf(text);
          items.push(scalar(text, true));
          itemRanges.push([itemStart, itemStart + text.length]);
          at += piece.length + 1;
        }
      } else if (inner !== '') {
        notSimple();
      }
      entries.push({ key, keyRange, valueRange: [start, start + rest.length], itemRanges });
      data[key] = items;
    } else {
      entries.push({ key, keyRange, valueRange: [start, start + rest.length], itemRanges: null });
      data[key] = scalar(rest, false);
    }
    offset = next;
  }
  if (entries.length === 0) notSimple();
  return { entries, data };
}
