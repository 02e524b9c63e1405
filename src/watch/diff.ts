import type { Diagnostic } from '../types/index.js';

const keyOf = (d: Diagnostic) => `${d.file}:${d.span.start.line}:${d.span.start.column}:${d.code}:${d.message}`;

export interface DiagnosticsDiff {
  added: Diagnostic[];
  fixed: Diagnostic[];
}

/** What changed between two rounds: findings that are new, and findings that went away. */
export function diffDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): DiagnosticsDiff {
  const was = new Set(before.map(keyOf));
  const now = new Set(after.map(keyOf));
  return { added: after.filter((d) => !was.has(keyOf(d))), fixed: before.filter((d) => !now.has(keyOf(d))) };
}

/** `✔ 12 specs clean` / `✖ 2 errors in specs/auth.md` / `⚠ 1 warning in 3 files`. */
export function statusLine(diagnostics: readonly Diagnostic[], specs: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.length - errors.length;
  if (diagnostics.length === 0) return `✔ ${specs} spec${specs === 1 ? '' : 's'} clean`;
  const files = [...new Set(diagnostics.map((d) => d.file))];
  const where = files.length === 1 ? files[0] : `${files.length} files`;
  const parts = [errors.length ? `${errors.length} error${errors.length === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
  return `${errors.length ? '✖' : '⚠'} ${parts.join(', ')} in ${where}`;
}
