/**
 * Text -> requests, for each form `speccc triage` takes: GitHub issues as `gh issue list --json`
 * (or `gh issue view --json`) prints them, a markdown file, or plain text on stdin. Pure. A file
 * that cannot be read as requests is a located problem, never an exception: the command prints
 * every problem and triages nothing until they are fixed.
 */
import { sha256 } from '../hash.js';
import type { InputProblem, TriageRequest } from './types.js';

export interface Parsed {
  requests: TriageRequest[];
  problems: InputProblem[];
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/**
 * Where JSON.parse stopped: V8 says `at position N` (Node 20) or `(line L column C)` (Node 22 on);
 * an input that ends too early is located at its end.
 */
function jsonErrorAt(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(message);
  return positionOf(text, pos ? Number(pos[1]) : text.length);
}

/** The message without V8's excerpt of the input and position, which the location replaces. */
function jsonErrorText(message: string): string {
  return message
    .replace(/^Unexpected token '(.)', ".*" is not valid JSON$/s, "unexpected `$1`")
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/^Unexpected end of JSON input$/, 'the JSON ends before it is complete');
}

/** Where each item of a top-level JSON array starts (offsets), so a problem with one issue points at it. Valid JSON only. */
function itemOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expecting && c !== ']') {
      offsets.push(i);
      expecting = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return offsets;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Label names, from gh's `[{ name }]` or plain strings. */
function labelsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((l) => (typeof l === 'string' ? [l] : isObject(l) && typeof l.name === 'string' ? [l.name] : []));
}

/**
 * GitHub issues as `gh issue list --json number,title,body,labels,url` prints them: an array of
 * objects (or one object, as `gh issue view --json` prints it). `number` and `title` are
 * required; `body`, `labels` and `url` are read when present.
 */
export function requestsFromIssues(file: string, text: string): Parsed {
  const problems: InputProblem[] = [];
  const at = (offset: number, message: string) => problems.push({ file, ...positionOf(text, offset), message });
  if (text.trim() === '') {
    at(0, 'the file is empty; expected the JSON array `gh issue list --json number,title,body` prints');
    return { requests: [], problems };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ file, ...jsonErrorAt(text, message), message: `not valid JSON: ${jsonErrorText(message)}` });
    return { requests: [], problems };
  }
  const items = Array.isArray(value) ? value : [value];
  const offsets = Array.isArray(value) ? itemOffsets(text) : [text.search(/\S/)];
  const requests: TriageRequest[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const offset = offsets[i] ?? 0;
    if (!isObject(item)) return at(offset, `item ${i + 1} is ${item === null ? 'null' : Array.isArray(item) ? 'a list' : `a ${typeof item}`}; expected an issue object with \`number\` and \`title\``);
    const number = item.number;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) return at(offset, `item ${i + 1} has no issue \`number\` (a whole number); add \`number\` to \`gh issue list --json\``);
    if (typeof item.title !== 'string') return at(offset, `issue ${number} has no \`title\` (a string); add \`title\` to \`gh issue list --json\``);
    if (item.body !== undefined && item.body !== null && typeof item.body !== 'string') return at(offset, `issue ${number}'s \`body\` is not a string`);
    if (seen.has(`gh-${number}`)) return at(offset, `issue ${number} appears twice in this file`);
    seen.add(`gh-${number}`);
    requests.push({
      id: `gh-${number}`,
      title: item.title.trim(),
      body: typeof item.body === 'string' ? item.body.trim() : '',
      labels: labelsOf(item.labels),
      url: typeof item.url === 'string' ? item.url : null,
      source: file,
    });
  });
  return { requests, problems };
}

/** A markdown request: its first `# ` heading (or first line) is the title, the whole text the body. Its id is the file's stem. */
export function requestFromMarkdown(file: string, text: string): Parsed {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return { requests: [], problems: [{ file, line: 1, column: 1, message: 'the request is empty; write what should change, for whom, and how you would know it works' }] };
  const stem = file.split(/[\\/]/).pop()!.replace(/\.(md|markdown)$/i, '');
  return { requests: [{ id: slug(stem) || 'request', ...titleAndBody(body), labels: [], url: null, source: file }], problems: [] };
}

/** Text on stdin: one request, its id made from its text (the same text is the same request). */
export function requestFromText(text: string): Parsed {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return { requests: [], problems: [{ file: 'stdin', line: 1, column: 1, message: 'stdin held no request; pipe the request text in, or name a file or folder' }] };
  const id = `stdin-${sha256(body).slice(0, 8)}`;
  return { requests: [{ id, ...titleAndBody(body), labels: [], url: null, source: 'stdin' }], problems: [] };
}

function titleAndBody(text: string): { title: string; body: string } {
  const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text);
  const title = heading ? heading[1]!.trim() : text.split('\n')[0]!.trim();
  const body = heading ? text.replace(heading[0], '').trim() : text.split('\n').slice(1).join('\n').trim();
  return { title: title.length > 120 ? `${title.slice(0, 119)}…` : title, body: heading || body !== '' ? body : '' };
}

/** Lower-case letters and digits joined by `-`, accents folded: a request's id or a spec id from a title. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
