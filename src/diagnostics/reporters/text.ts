import pc from 'picocolors';
import type { Diagnostic } from '../../types/index.js';

export interface TextOptions {
  color: boolean;
}

export interface Summary {
  specs: number;
  errors: number;
  warnings: number;
}

/** One compiler-style line per finding (`file:line:col: severity code message`), then hint and related lines. */
export function formatDiagnostic(d: Diagnostic, { color }: TextOptions): string {
  const c = color ? pc : pc.createColors(false);
  const where = `${d.file}:${d.span.start.line}:${d.span.start.column}`;
  const severity = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  const lines = [`${c.bold(where)}: ${severity} ${c.dim(d.code)} ${d.message}`];
  if (d.hint) lines.push(`  ${c.cyan('hint:')} ${d.hint}`);
  for (const r of d.related ?? []) lines.push(`  ${c.dim('related:')} ${r.file}:${r.span.start.line}:${r.span.start.column}: ${r.message}`);
  return lines.join('\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatSummary(s: Summary, { color }: TextOptions): string {
  const c = color ? pc : pc.createColors(false);
  if (s.errors === 0 && s.warnings === 0) return c.green(`✔ ${plural(s.specs, 'spec')} clean`);
  const parts = [s.errors > 0 ? plural(s.errors, 'error') : '', s.warnings > 0 ? plural(s.warnings, 'warning') : ''].filter(Boolean);
  const mark = s.errors > 0 ? c.red('✖') : c.yellow('⚠');
  return `${mark} ${parts.join(', ')} in ${plural(s.specs, 'spec')}`;
}

export function formatText(diagnostics: Diagnostic[], summary: Summary, options: TextOptions): string {
  const body = diagnostics.map((d) => formatDiagnostic(d, options));
  return [...body, formatSummary(summary, options)].join('\n') + '\n';
}
