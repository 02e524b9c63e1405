import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  createLineIndex,
  linesOf,
  rememberLines
} from "./chunk-Y72MW4XH.js";

// src/phases/2-model/model-codec.ts
var MARK = "@";
function isExactPoint(p, lines) {
  if (p === null || typeof p != "object") return !1;
  let n = 0;
  for (let key in p) {
    if (key !== (n === 0 ? "line" : n === 1 ? "column" : n === 2 ? "offset" : "")) return !1;
    n++;
  }
  if (n !== 3) return !1;
  let { line, column, offset } = p;
  if (!Number.isInteger(offset)) return !1;
  let again = lines.point(offset);
  return again.line === line && again.column === column && again.offset === offset;
}
function rebuildsExactly(value, lines) {
  let n = 0;
  for (let key in value) {
    if (key !== (n === 0 ? "start" : n === 1 ? "end" : "")) return !1;
    n++;
  }
  if (n !== 2) return !1;
  let { start, end } = value;
  return isExactPoint(start, lines) && isExactPoint(end, lines) && start.offset <= end.offset;
}
function compact(value, lines) {
  if (typeof value == "string") return value.charCodeAt(0) === 64 ? MARK + value : value;
  if (value === null || typeof value != "object") return value;
  if (Array.isArray(value)) {
    let out2 = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      let item = value[i];
      out2[i] = item === void 0 || typeof item == "function" ? null : compact(item, lines);
    }
    return out2;
  }
  if (typeof value.toJSON == "function") return compact(value.toJSON(), lines);
  if (lines && rebuildsExactly(value, lines)) return `${MARK}${value.start.offset}:${value.end.offset}`;
  let out = {};
  for (let key in value) {
    let item = value[key];
    item === void 0 || typeof item == "function" || typeof item == "symbol" || (out[key] = compact(item, lines));
  }
  return out;
}
function encodeModel(entry) {
  let spec = entry.spec, lines = spec ? linesOf(spec) : null, stripped = spec ? { ...entry, spec: { ...spec, source: "", sections: spec.sections.map((s) => ({ ...s, markdown: "" })) } } : entry;
  return JSON.stringify(compact(stripped, lines));
}
function restore(value, lines) {
  if (typeof value == "string") {
    if (!value.startsWith(MARK)) return value;
    if (value.startsWith(MARK, 1)) return value.slice(1);
    let colon = value.indexOf(":"), start = Number(value.slice(1, colon)), end = Number(value.slice(colon + 1));
    if (!lines || colon < 0 || !Number.isInteger(start) || !Number.isInteger(end)) throw new Error("malformed span");
    return lines.span(start, end);
  }
  if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) {
      let item = value[i];
      (typeof item == "string" || item !== null && typeof item == "object") && (value[i] = restore(item, lines));
    }
  else if (value !== null && typeof value == "object") {
    let record = value;
    for (let key in record) {
      let item = record[key];
      (typeof item == "string" || item !== null && typeof item == "object") && (record[key] = restore(item, lines));
    }
  }
  return value;
}
var isArray = (v) => Array.isArray(v);
function decodeModel(encoded, expected, text) {
  let raw = JSON.parse(encoded);
  if (!raw || typeof raw != "object" || raw.file !== expected.file || raw.hash !== expected.hash || !isArray(raw.diagnostics)) throw new Error("not this file");
  let spec = raw.spec;
  if (spec === null) return restore(raw, null);
  if (!spec || typeof spec != "object" || spec.file !== expected.file || spec.hash !== expected.hash) throw new Error("not this spec");
  if (![spec.sections, spec.scenarios, spec.strayEvaluationText, spec.links, spec.terms, spec.codeRanges, spec.extraTitles].every(isArray)) throw new Error("not a spec model");
  let source = text(), lines = createLineIndex(source), entry = restore(raw, lines), rebuilt = entry.spec;
  rebuilt.source = source, rememberLines(rebuilt, lines);
  for (let section of rebuilt.sections) {
    let range = section?.bodyRange;
    if (!isArray(range) || !Number.isInteger(range[0]) || !Number.isInteger(range[1])) throw new Error("not a section");
    section.markdown = source.slice(range[0], range[1]);
  }
  return entry;
}
var MODEL_CODEC = { encode: encodeModel, decode: decodeModel };

export {
  encodeModel,
  decodeModel,
  MODEL_CODEC
};
