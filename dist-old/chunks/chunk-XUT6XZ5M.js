import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  require_picocolors
} from "./chunk-KOHX6JGF.js";
import {
  __toESM
} from "./chunk-VSAIBY22.js";

// src/diagnostics/reporters/text.ts
var import_picocolors = __toESM(require_picocolors(), 1);
function formatDiagnostic(d, options) {
  let c = options.color ? import_picocolors.default : import_picocolors.default.createColors(!1), where = `${d.file}:${d.span.start.line}:${d.span.start.column}`, severity = d.severity === "error" ? c.red(c.bold("error")) : c.yellow(c.bold("warning")), lines = [`${c.bold(where)}: ${severity} ${c.dim(d.code)} ${d.message}`], frame = options.sourceOf ? codeFrame(options.sourceOf(d.file), d, c) : [];
  lines.push(...frame), d.hint && lines.push(`  ${c.cyan("hint:")} ${d.hint}`);
  for (let r of d.related ?? []) lines.push(`  ${c.dim("related:")} ${r.file}:${r.span.start.line}:${r.span.start.column}: ${r.message}`);
  return lines.join(`
`);
}
function codeFrame(text, d, c) {
  if (text === void 0) return [];
  let line = text.split(/\r?\n/)[d.span.start.line - 1];
  if (line === void 0 || line.length > 500) return [];
  let start = Math.max(0, Math.min(d.span.start.column - 1, line.length)), end = d.span.end.line === d.span.start.line ? Math.max(start + 1, Math.min(d.span.end.column - 1, line.length)) : Math.max(start + 1, line.length), gutter = String(d.span.start.line), pad = line.slice(0, start).replace(/[^\t]/g, " ");
  return [`  ${c.dim(`${gutter} |`)} ${line}`, `  ${" ".repeat(gutter.length)} ${c.dim("|")} ${pad}${c.red("^".repeat(end - start))}`];
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function formatSummary(s, { color }) {
  let c = color ? import_picocolors.default : import_picocolors.default.createColors(!1);
  if (s.errors === 0 && s.warnings === 0) return c.green(`\u2714 ${plural(s.specs, "spec")} clean`);
  let parts = [s.errors > 0 ? plural(s.errors, "error") : "", s.warnings > 0 ? plural(s.warnings, "warning") : ""].filter(Boolean);
  return `${s.errors > 0 ? c.red("\u2716") : c.yellow("\u26A0")} ${parts.join(", ")} in ${plural(s.specs, "spec")}`;
}
function formatText(diagnostics, summary, options) {
  return [...diagnostics.map((d) => formatDiagnostic(d, options)), formatSummary(summary, options)].join(`
`) + `
`;
}

export {
  formatDiagnostic,
  formatSummary,
  formatText
};
