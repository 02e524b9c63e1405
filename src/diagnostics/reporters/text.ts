import { palette, type Palette } from './palette.js';
import type { Diagnostic } from '../../types/index.js';

export interface TextOptions {
  color: boolean;
  /** The text of a reported file, for a code frame under each finding (terminals only). */
  sourceOf?: (file: string) => string | undefined;
}

export interface Summary {
  specs: number;
  errors: number;
  warnings: number;
}

/** One compiler-style line per finding (`file:line:col: severity code message`), then hint and related lines. */
export function formatDiagnostic(d: Diagnostic, options: TextOptions): string {
  const c = palette(options.color);
  const where = `${d.file}:${d.span.start.line}:${d.span.start.column}`;
  const severity = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  const lines = [`${c.bold(where)}: ${severity} ${c.dim(d.code)} ${d.message}`];
  const frame = options.sourceOf ? codeFrame(options.sourceOf(d.file), d, c) : [];
  lines.push(...frame);
  if (d.hint) lines.push(`  ${c.cyan('hint:')} ${d.hint}`);
  for (const r of d.related ?? []) lines.push(`  ${c.dim('related:')} ${r.file}:${r.span.start.line}:${r.span.start.column}: ${r.message}`);
  return lines.join('\n');
}

/**
 * The finding's first line with a caret under its span, as tsc and eslint print it. Columns
 * are 1-based UTF-16 units (see Point); tabs are kept so the caret lines up under them.
 */
function codeFrame(text: string | undefined, d: Diagnostic, c: Palette): string[] {
  if (text === undefined) return [];
  const source = text.split(/\r?\n/);
  const line = source[d.span.start.line - 1];
  if (line === undefined || line.length > 500) return [];
  const start = Math.max(0, Math.min(d.span.start.column - 1, line.length));
  const end = d.span.end.line === d.span.start.line ? Math.max(start + 1, Math.min(d.span.end.column - 1, line.length)) : Math.max(start + 1, line.length);
  const gutter = String(d.span.start.line);
  const pad = line.slice(0, start).replace(/[^\t]/g, ' ');
  return [`  ${c.dim(`${gutter} |`)} ${line}`, `  ${' '.repeat(gutter.length)} ${c.dim('|')} ${pad}${c.red('^'.repeat(end - start))}`];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatSummary(s: Summary, { color }: TextOptions): string {
  const c = palette(color);
  if (s.errors === 0 && s.warnings === 0) return c.green(`✔ ${plural(s.specs, 'spec')} clean`);
  const parts = [s.errors > 0 ? plural(s.errors, 'error') : '', s.warnings > 0 ? plural(s.warnings, 'warning') : ''].filter(Boolean);
  const mark = s.errors > 0 ? c.red('✖') : c.yellow('⚠');
  return `${mark} ${parts.join(', ')} in ${plural(s.specs, 'spec')}`;
}

export function formatText(diagnostics: Diagnostic[], summary: Summary, options: TextOptions): string {
  const body = diagnostics.map((d) => formatDiagnostic(d, options));
  return [...body, formatSummary(summary, options)].join('\n') + '\n';
}
