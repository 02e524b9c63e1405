import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import "./chunk-VSAIBY22.js";

// src/diagnostics/reporters/json.ts
function toJsonReport(diagnostics, summary) {
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
      ...d.related ? { related: d.related.map((r) => ({ file: r.file, line: r.span.start.line, column: r.span.start.column, message: r.message })) } : {}
    })),
    specs: summary.specs,
    errors: summary.errors,
    warnings: summary.warnings
  };
}
function formatJson(diagnostics, summary) {
  return JSON.stringify(toJsonReport(diagnostics, summary), null, 2) + `
`;
}
export {
  formatJson,
  toJsonReport
};
