import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  SurvivorsFileSchema
} from "./chunk-7XOQCP22.js";

// src/proposals/mutants.ts
function parseSurvivors(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: !1, message: "is not valid JSON" };
  }
  let parsed = SurvivorsFileSchema.safeParse(value);
  if (!parsed.success) {
    let where = parsed.error.issues[0]?.path.join(".") ?? "";
    return { ok: !1, message: `does not hold what \`verify --mutate\` writes${where ? ` (at ${where})` : ""}` };
  }
  return { ok: !0, at: parsed.data.at, specs: parsed.data.specs.map((s) => ({ spec: s.spec, score: s.score, survivors: s.survivors })) };
}
var kebab = (text) => text.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 40);
function draftName(m) {
  return `mutant-${kebab(m.file.replace(/^.*\//, "").replace(/\.[^.]+$/, "")) || "code"}-l${m.line}c${m.column}-${kebab(m.mutator) || "mutant"}`;
}
var mutantLabel = (m) => `${m.mutator} at ${m.file}:${m.line}:${m.column}`;
function offsetOf(source, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    let next = source.indexOf(`
`, at);
    if (next < 0) return null;
    at = next + 1;
  }
  let lineEnd = source.indexOf(`
`, at) < 0 ? source.length : source.indexOf(`
`, at), offset = at + column - 1;
  return offset > lineEnd + 1 ? null : offset;
}
function applyMutant(source, m) {
  let start = offsetOf(source, m.line, m.column), end = offsetOf(source, m.end.line, m.end.column);
  return start === null || end === null || end < start || source.slice(start, end) !== m.original ? null : source.slice(0, start) + m.replacement + source.slice(end);
}
function mutantsToDraft(survivors, max, taken) {
  let rank = (m) => (m.mutator === "StringLiteral" ? 2 : 0) + (m.status === "NoCoverage" ? 1 : 0), open = survivors.filter((m) => !taken.has(draftName(m))).sort((a, b) => rank(a) - rank(b)), lines = /* @__PURE__ */ new Set(), first = [], rest = [];
  for (let m of open) {
    let line = `${m.file}:${m.line}`;
    (lines.has(line) ? rest : first).push(m), lines.add(line);
  }
  return [...first, ...rest].slice(0, max);
}

export {
  parseSurvivors,
  draftName,
  mutantLabel,
  applyMutant,
  mutantsToDraft
};
