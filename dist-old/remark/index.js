import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  applySuppressions,
  dedupe,
  sortDiagnostics
} from "../chunks/chunk-4DSQAG4B.js";
import {
  ConfigSchema,
  RULE_SEVERITIES
} from "../chunks/chunk-NDE2NKID.js";
import "../chunks/chunk-7ZPQIYN7.js";
import {
  checkSpecsLocally
} from "../chunks/chunk-IJAXASXU.js";
import {
  modelSpec,
  parseSpecFile,
  parsedFromTree
} from "../chunks/chunk-52CFOBE7.js";
import {
  RULE_CODES,
  SPEC_LOCAL_RULES
} from "../chunks/chunk-CXSIFPJL.js";
import "../chunks/chunk-MIBJWLH2.js";
import "../chunks/chunk-242NOEV2.js";
import "../chunks/chunk-U5XVFR3J.js";
import {
  createLineIndex
} from "../chunks/chunk-Y72MW4XH.js";
import {
  CATALOGUE
} from "../chunks/chunk-D7OYEMQK.js";
import "../chunks/chunk-VTZR3R7R.js";
import {
  closest
} from "../chunks/chunk-N6LFTOTB.js";
import "../chunks/chunk-GA32XAUT.js";
import "../chunks/chunk-SZ6YGT22.js";
import "../chunks/chunk-NSTTZTGX.js";
import "../chunks/chunk-Z6XS3NX4.js";
import "../chunks/chunk-VSAIBY22.js";

// src/remark/index.ts
import path from "node:path";

// src/remark/check-spec.ts
var WORKSPACE_CODES = (() => {
  let local = new Set(SPEC_LOCAL_RULES.flatMap((rule) => rule.codes));
  return [...RULE_CODES].filter((code) => !local.has(code) && code !== "unused-suppression");
})();
function checkSpec(input) {
  let { file, bytes, tree, config } = input, parsed = tree.children[0]?.type === "yaml" && positioned(tree) ? parsedFromTree(file, bytes, tree) : parseSpecFile(file, bytes), model = modelSpec(parsed);
  if (!model.spec) return { diagnostics: sortDiagnostics(model.diagnostics), source: parsed.text };
  let found = dedupe(Object.values(checkSpecsLocally([model])[0]).flat()), lines = createLineIndex(model.spec.source), configured = applySuppressions(found, [model.spec], () => lines, config, RULE_CODES).filter((d) => !unusedOfWorkspaceCode(d));
  return { diagnostics: sortDiagnostics([...model.diagnostics, ...configured]), source: model.spec.source };
}
function unusedOfWorkspaceCode(d) {
  return d.code === "unused-suppression" && WORKSPACE_CODES.some((code) => d.message.startsWith(`Suppression of \`${code}\` suppresses nothing`));
}
function positioned(node) {
  return node.position?.start.offset === void 0 || node.position.end.offset === void 0 ? !1 : !("children" in node) || node.children.every((child) => positioned(child));
}

// src/remark/options.ts
function configFromOptions(options) {
  let rules = options?.rules ?? {};
  if (typeof rules != "object" || Array.isArray(rules)) throw new Error(`speccc/remark: \`rules\` is ${Array.isArray(rules) ? "an array" : typeof rules}; expected an object of code: 'off' | 'warn' | 'error'`);
  for (let [code, level] of Object.entries(rules)) {
    if (!RULE_CODES.has(code)) {
      let guess = closest(code, RULE_CODES);
      throw new Error(`speccc/remark: unknown rule \`${code}\` in \`rules\`; ${guess ? `did you mean \`${guess}\`?` : "expected the code of a check rule (docs/diagnostics.md)"}`);
    }
    if (!RULE_SEVERITIES.includes(level))
      throw new Error(`speccc/remark: rule \`${code}\` is set to ${JSON.stringify(level)}; expected one of ${RULE_SEVERITIES.map((s) => `'${s}'`).join(", ")}`);
    let locked = CATALOGUE.get(code)?.locked;
    if (locked && level !== "error") throw new Error(`speccc/remark: rule \`${code}\` cannot be set to \`${level}\`: ${locked}; expected it left out of \`rules\``);
  }
  let { $schema: _, ...config } = ConfigSchema.parse({ rules });
  return config;
}

// src/remark/report.ts
var DOCS = "https://github.com/speccc/speccc/blob/main/docs/diagnostics.md", at = (span) => `${span.start.line}:${span.start.column}`;
function reportOnFile(file, findings, source) {
  for (let finding of findings) {
    let message = file.message(finding.message, { start: { ...finding.span.start }, end: { ...finding.span.end } }, `speccc:${finding.code}`);
    message.fatal = finding.severity === "error", message.url = `${DOCS}#${finding.code}`;
    let related = (finding.related ?? []).map((r) => `${r.message} at ${r.file === finding.file ? "" : `${r.file}:`}${at(r.span)}`), note = [finding.hint, ...related].filter(Boolean).join(`
`);
    note && (message.note = note), finding.replacement !== void 0 && (message.expected = [finding.replacement], source !== null && (message.actual = source.slice(finding.span.start.offset, finding.span.end.offset)));
  }
}

// src/remark/index.ts
var remarkSpeccc = function(options) {
  let config = configFromOptions(options);
  return (tree, file) => {
    let value = file.value ?? "", bytes = typeof value == "string" ? new TextEncoder().encode(value) : value, { diagnostics, source } = checkSpec({ file: specPath(file), bytes, tree, config });
    reportOnFile(file, diagnostics, source);
  };
}, remark_default = remarkSpeccc;
function specPath(file) {
  return file.path ? path.relative(file.cwd, path.resolve(file.cwd, file.path)).split(path.sep).join("/") : "spec.md";
}
export {
  remark_default as default,
  remarkSpeccc
};
