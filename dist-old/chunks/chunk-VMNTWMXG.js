import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  defaultConfig,
  parseConfig
} from "./chunk-44ZR3LL4.js";
import {
  CONFIG_FILE,
  readRawConfig
} from "./chunk-PXJADTX7.js";
import {
  diagnostics
} from "./chunk-Y72MW4XH.js";

// src/io/config-file.ts
async function loadConfig(root) {
  return loadedConfigOf(await readRawConfig(root));
}
function loadedConfigOf(raw) {
  if (raw.unread === void 0) return parseConfig(raw.text);
  if (raw.unread === "ENOENT") return { config: defaultConfig(), file: null, diagnostics: [], spans: /* @__PURE__ */ new Map() };
  let origin = { line: 1, column: 1, offset: 0 }, why = raw.unread === "EISDIR" ? "is a folder" : `cannot be read (${raw.unread})`;
  return {
    config: defaultConfig(),
    file: CONFIG_FILE,
    diagnostics: [diagnostics.configUnreadable({ file: CONFIG_FILE, span: { start: origin, end: origin }, message: `${CONFIG_FILE} ${why}; expected a JSON file` })],
    spans: /* @__PURE__ */ new Map()
  };
}

export {
  loadConfig,
  loadedConfigOf
};
