import type { Diagnostic } from '../../types/index.js';
import type { Summary } from './text.js';

/** The `--format json` document. Lines and columns are 1-based; end is exclusive. */
export function toJsonReport(diagnostics: Diagnostic[], summary: Summary) {
  return {
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      line: d.span.start.line,
      column: d.span.start.column,
      endLine: d.span.end.line,
      endColumn: d.span.end.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
      hint: d.hint,
      ...(d.related
        ? { related: d.related.map((r) => ({ file: r.file, line: r.span.start.line, column: r.span.start.column, message: r.message })) }
        : {}),
    })),
    specs: summary.specs,
    errors: summary.errors,
    warnings: summary.warnings,
  };
}

export function formatJson(diagnostics: Diagnostic[], summary: Summary): string {
  return JSON.stringify(toJsonReport(diagnostics, summary), null, 2) + '\n';
}
