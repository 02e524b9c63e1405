import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  inWorkspace
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import {
  readTemplates
} from "./chunk-2UGXUQJK.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import "./chunk-ZJ2LH7GO.js";
import {
  readGeneratedTree
} from "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/audit.ts
import path from "node:path";
async function runAudit(io, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let { check } = await import("./compile-EUQCMST3.js"), { listRuns, readRun } = await import("./trace-BSEH5DNN.js"), { auditRequests, leakThreshold, scenarioTexts, LEAK_MIN_SHINGLES } = await import("./leak-audit-SNXHPAAC.js"), checked = await check({ root });
    if (checked.configBroken) throw new UsageError("speccc.config.json is invalid; run `speccc check` to see where");
    let { config } = checked, [tree, templates] = await Promise.all([readGeneratedTree(path.join(root, config.paths.generated), SPECCC_VERSION), readTemplates(root, config.paths.templates)]), legitimate = [...tree.files.values(), ...[...templates.defaults, ...templates.overrides].map((t) => t.text), ...checked.workspace.context.map((c) => c.text)], texts = scenarioTexts(checked.holdouts, legitimate), requests = [], runs = 0, skippedRuns = 0, unprinted = 0;
    for (let run of await listRuns(root)) {
      let { events, problems } = await readRun(run);
      for (let p of problems) io.stderr(`speccc: ${path.relative(io.cwd, run.file)}:${p.line}: ${p.message}; skipped
`);
      if (events.some((e) => e.type === "run-start" && (e.command === "scenarios" || e.command === "adopt"))) {
        skippedRuns++;
        continue;
      }
      runs++;
      for (let e of events)
        e.type === "request" && (typeof e.fingerprint != "string" ? unprinted++ : requests.push({ runId: run.runId, spec: e.spec, job: e.job, fingerprint: e.fingerprint }));
    }
    let leaks = auditRequests(requests, texts), scenarios = new Set(texts.map((t) => t.scenario)).size, tooShort = texts.filter((t) => t.shingles.length < LEAK_MIN_SHINGLES).map((t) => t.file);
    if (flags.format === "json")
      io.stdout(JSON.stringify({ runs, requests: requests.length, scenarios, texts: texts.length, leaks, skippedRuns, requestsWithoutFingerprint: unprinted, tooShortToAudit: tooShort }, null, 2) + `
`);
    else {
      for (let l of leaks) io.stdout(leakLine(l, leakThreshold(l.distinctive)));
      for (let f of tooShort) io.stdout(`\u26A0 ${f}: too little text of its own to audit (fewer than ${LEAK_MIN_SHINGLES} five-word runs not found in generated code, templates or context)
`);
      unprinted > 0 && io.stdout(`\u26A0 ${unprinted} traced request${unprinted === 1 ? "" : "s"} carry no fingerprint (traced by an older speccc, or a provider that does not fingerprint): not audited
`);
      let scope = `${requests.length} request${requests.length === 1 ? "" : "s"} in ${runs} run${runs === 1 ? "" : "s"} audited against ${scenarios} scenario${scenarios === 1 ? "" : "s"}${skippedRuns ? ` (${skippedRuns} scenario-writing run${skippedRuns === 1 ? "" : "s"} not audited)` : ""}`;
      io.stdout(leaks.length === 0 ? `\u2714 no leak: ${scope}
` : `\u2716 ${leaks.length} leak${leaks.length === 1 ? "" : "s"}: ${scope}
`);
    }
    return leaks.length === 0 ? EXIT.ok : EXIT.failed;
  });
}
function leakLine(l, threshold) {
  return `\u2716 leak: run ${l.runId}, spec ${l.spec} (job ${l.job.slice(0, 12)}, ${l.requests} request${l.requests === 1 ? "" : "s"}): contains ${l.shared} of the ${l.distinctive} distinctive five-word runs of scenario ${l.scenario} (${l.file}; a leak from ${threshold})
`;
}
var registerAudit = (program, io, done) => {
  program.command("audit").description("Check every traced request against the holdout scenarios (by fingerprint): report any request that contained a scenario.").option("--root <dir>", "workspace root (default: current directory)").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).action((flags) => done(runAudit(io, flags)));
};
export {
  registerAudit,
  runAudit
};
