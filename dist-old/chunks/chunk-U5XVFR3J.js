import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/hash.ts
import { createHash } from "node:crypto";
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
function canonicalJson(value) {
  return Array.isArray(value) ? value.every(isPlainDeep) ? JSON.stringify(value) : `[${value.map(canonicalJson).join(",")}]` : value instanceof Map ? canonicalJson(Object.fromEntries(value)) : value && typeof value == "object" ? `{${Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}` : JSON.stringify(value);
}
var isPlainDeep = (v) => v === null || typeof v == "string" || typeof v == "number" || typeof v == "boolean" || Array.isArray(v) && v.every(isPlainDeep);

export {
  sha256,
  canonicalJson
};
