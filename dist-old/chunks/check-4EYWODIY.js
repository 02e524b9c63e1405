import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  changedFiles,
  inWorkspace
} from "./chunk-EEWYZ6FF.js";
import {
  formatText
} from "./chunk-XUT6XZ5M.js";
import "./chunk-KOHX6JGF.js";
import {
  recoverUnderLock
} from "./chunk-RYE4YOPW.js";
import {
  checkDigest,
  readInputs,
  storeReport,
  storedReport
} from "./chunk-DUKS3JMJ.js";
import "./chunk-XAD3VXWC.js";
import {
  enclosingMonorepo,
  holdoutTextsDigest,
  holdoutTextsOf,
  readScenarioFiles
} from "./chunk-YSUJQ6UY.js";
import "./chunk-2UGXUQJK.js";
import "./chunk-CMLTEYZG.js";
import "./chunk-H4KJMLKH.js";
import {
  readRawConfig
} from "./chunk-PXJADTX7.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-JMVWX2PN.js";
import "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/check.ts
import path from "node:path";
import { readFileSync } from "node:fs";
async function checkReport(options) {
  let read = options.useCache ? await readInputs(options.root, options.raw, { for: "check" }) : void 0, scenarioFiles = read ? await readScenarioFiles(read.scenarios.listing, read.scenarios.read) : void 0, holdouts = read ? holdoutTextsDigest(holdoutTextsOf(read.scenarios.listing, scenarioFiles)) : "", since = [...options.changed ? [`since:${options.changed.join("\0")}`] : [], ...options.member !== void 0 ? [`member:${options.member}`] : []], digest = read ? checkDigest(read.inputs, [...options.paths.map((p) => path.resolve(options.cwd, p)), `scenarios:${holdouts}`, ...since]) : void 0, stored = digest ? await storedReport(options.root, digest) : void 0;
  if (stored) return stored;
  let [{ readSnapshot }, { checkSnapshot }] = await Promise.all([import("./snapshot-HTE7RGI2.js"), import("./check-DDTXOSZQ.js")]), snapshot = await readSnapshot(options.root, read ? { inputs: read, scenarioFiles } : {}), result = await checkSnapshot(snapshot, { paths: options.paths, cwd: options.cwd, useCache: options.useCache, ...options.changed ? { changed: options.changed } : {}, ...options.member !== void 0 ? { member: options.member } : {} }), report = { diagnostics: result.diagnostics, specs: result.specs, errors: result.errors, warnings: result.warnings, configBroken: result.configBroken };
  return digest && await storeReport(options.root, digest, report), report;
}
function sourcesOf(root) {
  let seen = /* @__PURE__ */ new Map();
  return (file) => {
    if (!seen.has(file))
      try {
        seen.set(file, readFileSync(path.join(root, file), "utf8"));
      } catch {
        seen.set(file, void 0);
      }
    return seen.get(file);
  };
}
async function runCheck(io, paths, flags) {
  return inWorkspace(io, flags.root, async (folder) => {
    let mono = await enclosingMonorepo(folder), root = mono?.root ?? folder, raw = await readRawConfig(root);
    await recoverUnderLock(root, raw, !1);
    let changed = flags.since === void 0 ? void 0 : await changedFiles(root, flags.since), result = await checkReport({ root, raw, paths, cwd: io.cwd, useCache: flags.cache, ...changed ? { changed } : {}, ...mono ? { member: mono.member.name } : {} }), summary = { specs: result.specs, errors: result.errors, warnings: result.warnings };
    return flags.format === "json" ? io.stdout((await import("./json-LNNPY34D.js")).formatJson(result.diagnostics, summary)) : flags.format === "sarif" ? io.stdout((await import("./sarif-GQF75SGM.js")).formatSarif(result.diagnostics, { root })) : io.stdout(formatText(result.diagnostics, summary, { color: io.color, ...io.color ? { sourceOf: sourcesOf(root) } : {} })), result.configBroken ? EXIT.usage : result.errors + (flags.strict ? result.warnings : 0) > 0 ? EXIT.failed : EXIT.ok;
  });
}
var registerCheck = (program, io, done) => {
  let command = program.command("check");
  command.description("Check that every spec is complete, unambiguous and consistent (no model calls).").argument("[paths...]", "only report on these spec files or folders").option("--root <dir>", "workspace root (default: current directory)").addOption(command.createOption("--format <format>", "output format").choices(["text", "json", "sarif"]).default("text")).option("--strict", "warnings fail the check too").option("--no-cache", "ignore and do not update the parse cache under .speccc/").option("--since <ref>", "only findings in the specs a change since this git ref reaches (committed, staged, unstaged and untracked), and everything downstream").action((paths, flags) => done(runCheck(io, paths, flags)));
};
export {
  registerCheck,
  runCheck
};
