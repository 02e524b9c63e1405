import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  RULES,
  RULE_CODES,
  SPEC_LOCAL_RULES
} from "./chunk-CXSIFPJL.js";
import {
  diagnostics,
  linesOf
} from "./chunk-Y72MW4XH.js";
import {
  CATALOGUE
} from "./chunk-D7OYEMQK.js";
import {
  closest
} from "./chunk-N6LFTOTB.js";

// src/phases/3-check/suppressions.ts
var DIRECTIVE = /<!--\s*speccc-(disable-next-line|disable|enable)(?=[\s-])([\s\S]*?)-->/g;
function findDirectives(spec, lines) {
  let out = [];
  for (let [start, end] of spec.codeRanges) {
    let text = spec.source.slice(start, end);
    if (/^ {0,3}</.test(text))
      for (let m of text.matchAll(DIRECTIVE)) {
        let codes = m[2].split(/\s--\s|\s--$/)[0].split(/[\s,]+/).filter(Boolean), offset = start + m.index;
        out.push({ kind: m[1], codes, span: lines.span(offset, offset + m[0].length), offset, used: /* @__PURE__ */ new Set() });
      }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
function severityOf(code, defaultSeverity, rules) {
  let entry = CATALOGUE.get(code);
  if (entry?.locked) return defaultSeverity;
  let set = rules[code];
  return set === "off" ? null : set === "warn" ? "warning" : set === "error" ? "error" : entry?.offByDefault ? null : defaultSeverity;
}
function applySuppressions(found, specs, lines, config, known) {
  let rules = config.rules, configured = found.flatMap((f) => {
    let severity2 = severityOf(f.code, f.severity, rules);
    return severity2 === null ? [] : [severity2 === f.severity ? f : { ...f, severity: severity2 }];
  }), bySpec = /* @__PURE__ */ new Map();
  for (let spec of specs) {
    let directives = spec.source.includes("speccc-") ? findDirectives(spec, lines(spec)) : [];
    directives.length > 0 && bySpec.set(spec.file, { spec, directives });
  }
  if (bySpec.size === 0) return configured;
  let kept = configured.filter((f) => {
    let entry = bySpec.get(f.file);
    if (!entry || CATALOGUE.get(f.code)?.locked) return !0;
    let by = suppressor(entry.directives, f);
    return by ? (by.used.add(f.code), !1) : !0;
  }), unused = [];
  for (let { spec, directives } of bySpec.values())
    for (let directive of directives)
      if (directive.kind !== "enable") {
        if (directive.codes.length === 0) {
          unused.push(diagnostics.unusedSuppression({ file: spec.file, span: directive.span, message: `Suppression \`speccc-${directive.kind}\` names no code; expected the codes it suppresses, e.g. \`speccc-${directive.kind} vague-wording -- why\`` }));
          continue;
        }
        for (let code of directive.codes)
          directive.used.has(code) || unused.push(diagnostics.unusedSuppression({ file: spec.file, span: directive.span, ...unusedWhy(directive, code, known) }));
      }
  let severity = severityOf("unused-suppression", "warning", rules);
  return severity === null ? kept : [...kept, ...unused.map((u) => u.severity === severity ? u : { ...u, severity })];
}
function suppressor(directives, f) {
  let line = f.span.start.line, offset = f.span.start.offset, next = directives.find((x) => x.kind === "disable-next-line" && x.span.end.line + 1 === line && x.codes.includes(f.code));
  if (next) return next;
  let state;
  for (let x of directives) {
    if (x.offset > offset) break;
    x.kind === "disable" && x.codes.includes(f.code) ? state = x : x.kind === "enable" && (x.codes.length === 0 || x.codes.includes(f.code)) && (state = void 0);
  }
  return state;
}
function unusedWhy(directive, code, known) {
  let entry = CATALOGUE.get(code);
  if (entry?.locked) return { message: `Suppression of \`${code}\` has no effect: ${entry.locked}; expected only codes that can be suppressed`, hint: "Fix the finding instead; this code cannot be suppressed." };
  if (!known.has(code)) {
    let near = closest(code, known);
    return {
      message: `Suppression names \`${code}\`, which is not a code of a check rule; expected a code from docs/diagnostics.md`,
      ...near ? { hint: `Did you mean \`${near}\`?` } : {}
    };
  }
  let where = directive.kind === "disable-next-line" ? "on the next line" : "after it";
  return { message: `Suppression of \`${code}\` suppresses nothing: no \`${code}\` finding ${where}; expected it to be removed` };
}

// src/phases/3-check/index.ts
var SPEC_LOCAL = new Set(SPEC_LOCAL_RULES);
function checkWorkspace(input, rules = RULES) {
  let lines = linesOf, context = { ...input, lines }, unchecked = [], cached = /* @__PURE__ */ new Map();
  for (let file of input.workspace.files)
    if (!file.checked) unchecked.push(file);
    else
      for (let id in file.checked) {
        let list = cached.get(id);
        list || cached.set(id, list = []), list.push(...file.checked[id]);
      }
  let local = { ...context, workspace: { ...input.workspace, files: unchecked } }, found = dedupe(
    rules.flatMap(
      (rule) => SPEC_LOCAL.has(rule) ? [...cached.get(rule.id) ?? [], ...unchecked.length > 0 ? rule.check(local) : []] : rule.check(context)
    )
  ), specs = input.workspace.files.flatMap((f) => f.spec ? [f.spec] : []);
  return sortDiagnostics(applySuppressions(found, specs, lines, input.config, RULE_CODES));
}
function sortDiagnostics(list) {
  return [...list].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
function dedupe(list) {
  let seen = /* @__PURE__ */ new Set();
  return list.filter((d) => {
    let key = `${d.file}:${d.span.start.offset}:${d.span.end.offset}:${d.code}:${d.message}`;
    return seen.has(key) ? !1 : (seen.add(key), !0);
  });
}

export {
  applySuppressions,
  checkWorkspace,
  sortDiagnostics,
  dedupe
};
