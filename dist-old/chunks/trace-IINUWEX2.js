import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  inWorkspace,
  readyIdUnknown
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  readGeneratedTree
} from "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/trace.ts
import path from "node:path";
var covering = (t) => t.proven !== !1, coveredReq = (r) => r.tests.some(covering) || r.holdouts.length > 0, KIND = { rule: "rule", "edge-case": "edge case", scenario: "scenario", property: "property" }, plainTitle = (title) => title.replace(/\s*\[[a-z0-9-]+#[^\]\n]*\]\s*/g, " ").replace(/\s+/g, " ").trim() || title, resultText = (r) => r === null ? "not run yet" : `${r.passed ? "passed" : "FAILED"} ${r.source === "build" ? "when built" : "in verify"} ${r.at.replace(/\.\d+Z$/, "Z")}`;
async function runTrace(io, specId, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let { check } = await import("./compile-EUQCMST3.js"), { readVerifyHistory } = await import("./verify-history-YPB3UWLW.js"), { buildableInOrder } = await import("./5-plan-VLFBFK3S.js"), { traceReport } = await import("./coverage-DJD3ZEWV.js"), checked = await check({ root });
    if (checked.configBroken) throw new UsageError("speccc.config.json is invalid; run `speccc check` to see where");
    let buildable = buildableInOrder(checked.workspace), specs = specId === void 0 ? buildable : buildable.filter((s) => s.frontmatter.id === specId);
    if (specId !== void 0 && specs.length === 0)
      throw new UsageError(readyIdUnknown(specId, buildable.map((s) => s.frontmatter.id)));
    let tree = await readGeneratedTree(path.join(root, checked.config.paths.generated), SPECCC_VERSION), history = await readVerifyHistory(root), lastVerified = /* @__PURE__ */ new Map();
    for (let line of history?.lines ?? []) for (let r of line.results) lastVerified.set(`${r.spec}/${r.scenario}`, { passed: r.passed, at: line.at });
    let report = traceReport({
      specs: [...specs].sort((a, b) => a.frontmatter.id < b.frontmatter.id ? -1 : 1),
      workspace: checked.workspace,
      manifest: tree.manifest,
      hashes: tree.hashes,
      files: tree.files,
      holdouts: checked.holdouts,
      lastVerified
    }), all = report.flatMap((s) => s.requirements), untested = all.filter((r) => !coveredReq(r));
    if (flags.format === "json")
      io.stdout(JSON.stringify({ specs: report, requirements: all.length, covered: all.length - untested.length, untested: untested.map((r) => r.id) }, null, 2) + `
`);
    else {
      for (let spec of report) printSpec(io, spec);
      io.stdout(`${untested.length === 0 ? "\u2714" : flags.strict ? "\u2716" : "\u26A0"} ${all.length - untested.length} of ${all.length} requirements covered${untested.length ? `; untested: ${untested.map((r) => r.id).join(", ")}` : ""}
`);
    }
    return flags.strict && untested.length > 0 ? EXIT.failed : EXIT.ok;
  });
}
function printSpec(io, spec) {
  let covered = spec.requirements.filter(coveredReq).length, state = spec.state === "built" ? `built ${spec.builtAt?.replace(/\.\d+Z$/, "Z") ?? ""}` : spec.state === "drifted" ? "generated files edited since the build: its tests are not counted" : "not built yet";
  io.stdout(`${spec.spec} (${spec.file}; ${state}): ${covered} of ${spec.requirements.length} requirements covered
`);
  for (let r of spec.requirements) {
    let ok = coveredReq(r), why = r.tests.length > 0 ? ": its tests do not pin it down (none failed when its code was mutated)" : ": nothing covers it";
    io.stdout(`  ${ok ? "\u2714" : "\u26A0"} ${r.id} (${KIND[r.kind]}, line ${r.line})${ok ? "" : why}
`);
    for (let t of r.tests) io.stdout(`      test    ${t.file}:${t.line} ${JSON.stringify(plainTitle(t.title))} \u2014 ${resultText(t.result)}${t.proven === !0 ? "; fails on a mutant of the code" : t.proven === !1 ? "; passes every mutant of the code: proves nothing about it" : ""}
`);
    for (let h of r.holdouts) io.stdout(`      holdout ${h.name}${h.check ? "" : " (no automated check)"} \u2014 ${resultText(h.result)}
`);
  }
}
var registerTrace = (program, io, done) => {
  program.command("trace").description("For every requirement of each ready spec: the generated tests and holdout scenarios that cover it, and their last results.").argument("[spec-id]", "only this spec").option("--root <dir>", "workspace root (default: current directory)").option("--strict", "exit 1 unless every requirement is covered by a test that proves it or by a holdout scenario").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).action((specId, flags) => done(runTrace(io, specId, flags)));
};
export {
  registerTrace,
  runTrace
};
