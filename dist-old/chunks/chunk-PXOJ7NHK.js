import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  UsageError
} from "./chunk-EEWYZ6FF.js";

// src/io/stryker.ts
import { createRequire } from "node:module";
var SUPPORTED = [9, 10], majorOf = (version) => Number(/^v?(\d+)/.exec(version)?.[1] ?? NaN);
function strykerMajorFor(nodeVersion = process.version) {
  return majorOf(nodeVersion) >= 22 ? 10 : 9;
}
function strykerInstallHint(nodeVersion = process.version) {
  let major = strykerMajorFor(nodeVersion), why = major === 10 ? "" : ` (Stryker 10 needs Node 22 or later; this is Node ${nodeVersion.replace(/^v/, "")})`;
  return `mutation testing needs @stryker-mutator/core ${major}${why}; run \`npm i -D @stryker-mutator/core@${major} @stryker-mutator/vitest-runner@${major}\``;
}
function checkStryker(nodeVersion = process.version, from = import.meta.url) {
  let require2 = createRequire(from), core;
  try {
    core = require2("@stryker-mutator/core/package.json"), require2.resolve("@stryker-mutator/vitest-runner/package.json");
  } catch {
    return { ok: !1, message: strykerInstallHint(nodeVersion) };
  }
  let major = majorOf(core.version);
  if (!SUPPORTED.includes(major)) return { ok: !1, message: `${strykerInstallHint(nodeVersion)} (found ${core.version})` };
  let needs = majorOf(/(\d+)/.exec(core.engines?.node ?? "")?.[1] ?? "0");
  return majorOf(nodeVersion) < needs ? { ok: !1, message: `${strykerInstallHint(nodeVersion)} (found ${core.version}, which needs Node ${needs} or later)` } : { ok: !0, version: core.version };
}

// src/commands/stryker.ts
function requireStryker(setting) {
  let check = checkStryker();
  if (!check.ok) throw new UsageError(setting ? `${setting} is set, and ${check.message}` : check.message);
}

export {
  requireStryker
};
