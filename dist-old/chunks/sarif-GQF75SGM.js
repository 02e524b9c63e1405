import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  CATALOGUE
} from "./chunk-D7OYEMQK.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";

// src/diagnostics/reporters/sarif.ts
import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
var FINGERPRINT_KEY = "specccFinding/v1", SRCROOT = "%SRCROOT%";
function fileUri(file) {
  return path.isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: file.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}
function rootUri(root) {
  let href = pathToFileURL(path.resolve(root)).href;
  return href.endsWith("/") ? href : `${href}/`;
}
function region(span) {
  let startLine = Math.max(1, span.start.line), startColumn = Math.max(1, span.start.column), endLine = Math.max(startLine, span.end.line), endColumn = Math.max(endLine === startLine ? startColumn : 1, span.end.column);
  return { startLine, startColumn, endLine, endColumn };
}
function location(file, span) {
  return { physicalLocation: { artifactLocation: fileUri(file), region: region(span) } };
}
function fingerprints(diagnostics) {
  let seen = /* @__PURE__ */ new Map();
  return diagnostics.map((d) => {
    let what = JSON.stringify([d.code, d.file, d.message.replace(/\s+/g, " ").trim()]), n = seen.get(what) ?? 0;
    return seen.set(what, n + 1), `${createHash("sha256").update(`${what}
${n}`).digest("hex").slice(0, 32)}`;
  });
}
function rules() {
  return [...CATALOGUE.values()].map((r) => ({
    id: r.code,
    name: r.code,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.doc },
    help: { text: r.hint, markdown: `${r.doc}

**Fix:** ${r.hint}` },
    helpUri: `https://github.com/speccc/speccc/blob/main/docs/diagnostics.md#${r.code}`,
    defaultConfiguration: { level: r.severity === "error" ? "error" : "warning" }
  }));
}
function toSarif(diagnostics, options) {
  let ruleIndex = new Map([...CATALOGUE.keys()].map((code, i) => [code, i])), prints = fingerprints(diagnostics);
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "speccc", version: SPECCC_VERSION, informationUri: "https://github.com/speccc/speccc", rules: rules() } },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(options.root), description: { text: "The speccc workspace root" } } },
        columnKind: "utf16CodeUnits",
        results: diagnostics.map((d, i) => ({
          ruleId: d.code,
          ...ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {},
          level: d.severity === "error" ? "error" : "warning",
          message: { text: d.hint ? `${d.message}. ${d.hint}` : d.message },
          locations: [location(d.file, d.span)],
          partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
          ...d.related ? { relatedLocations: d.related.map((r, j) => ({ id: j, message: { text: r.message }, ...location(r.file, r.span) })) } : {}
        }))
      }
    ]
  };
}
function formatSarif(diagnostics, options) {
  return JSON.stringify(toSarif(diagnostics, options), null, 2) + `
`;
}
export {
  FINGERPRINT_KEY,
  fileUri,
  formatSarif,
  toSarif
};
