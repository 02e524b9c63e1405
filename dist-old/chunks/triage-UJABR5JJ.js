import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  inWorkspace,
  parseUsd,
  toJson
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/triage.ts
var usd = (n) => `$${n.toFixed(n > 0 && n < 0.01 ? 4 : 2)}`;
function problemLine(p) {
  return `${p.file}:${p.line}:${p.column}: error ${p.message}
`;
}
function outcomeLine(o) {
  let id = o.request.id;
  if (o.state === "already-decided") return `- ${id}: decided before (${o.record}); left as it is`;
  if (o.state === "not-decided") return `\u2716 ${id}: not decided: ${o.error}; nothing written for it`;
  let d = o.decision, by = d.by === "pre-check" ? " (pre-check)" : "", cost = d.costUsd > 0 ? ` ${usd(d.costUsd)}` : "";
  switch (d.decision) {
    case "accept": {
      let draft = d.draft, verdict = draft.passes ? "passes check" : `does not pass check: ${draft.findings.filter((f) => / error /.test(f)).length} error(s)`;
      return `\u2714 ${id}: accept \u2192 ${draft.file} (${draft.kind === "new" ? "new spec" : `change to ${draft.specId}`}, proposed; ${verdict})${cost}`;
    }
    case "duplicate":
      return `= ${id}: duplicate of ${d.duplicateOf}${by}${cost}`;
    case "reject":
      return `\u2716 ${id}: reject${by}: ${d.changesGovernance ? "asks to change governance (context/), which only people edit" : `conflicts with the mission: "${d.missionLine}"`}${cost}`;
    case "needs-info":
      return `? ${id}: needs info${by}: ${d.questions.length} question${d.questions.length === 1 ? "" : "s"}${cost}`;
  }
}
function outcomeJson(o) {
  let base = { id: o.request.id, title: o.request.title, source: o.request.source, state: o.state };
  if (o.state === "already-decided") return { ...base, record: o.record };
  if (o.state === "not-decided") return { ...base, error: o.error, costUsd: o.costUsd };
  let d = o.decision;
  return {
    ...base,
    record: o.record,
    decision: d.decision,
    by: d.by,
    reasons: d.reasons,
    missionLine: d.missionLine,
    changesGovernance: d.changesGovernance,
    duplicateOf: d.duplicateOf,
    questions: d.questions,
    draft: d.draft ? { kind: d.draft.kind, spec: d.draft.specId, file: d.draft.file, passes: d.draft.passes, findings: d.draft.findings } : null,
    costUsd: d.costUsd
  };
}
async function runTriageCommand(io, inputs, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let maxCost = parseUsd("--max-cost", flags.maxCost), { readRequests, readTriageTemplates } = await import("./triage-files-2J3FC4KA.js"), stdin = io.stdin && !io.stdin.isTTY ? () => io.stdin.read() : null, parsed = await readRequests(io.cwd, inputs, stdin);
    if (parsed.problems.length > 0) {
      for (let p of parsed.problems) io.stdout(problemLine(p));
      return io.stderr(`speccc: triage stopped before deciding anything: fix the requests above
`), EXIT.usage;
    }
    let { check } = await import("./compile-EUQCMST3.js"), checked = await check({ root });
    if (checked.configBroken) throw new UsageError("speccc.config.json is invalid; run `speccc check` to see where");
    let config = checked.config, model = flags.model ?? config.model.default, { priceOf } = await import("./pricing-JYIID7TH.js");
    if (!priceOf(model, config.model.prices)) throw new UsageError(`speccc knows no price for model ${model}, so it cannot cap what triage spends; add it under model.prices in speccc.config.json`);
    let templates = await readTriageTemplates();
    if (flags.dryRun) return dryRun(io, root, { checked, templates, requests: parsed.requests, model, maxCost: (await import("./budget-LYPCFJLB.js")).spendCaps(config, maxCost !== void 0 ? { maxCostUsd: maxCost } : {}).run, format: flags.format });
    let { createRuntime, takeCredentials } = await import("./runtime-3AWIBRCX.js"), { runTriage } = await import("./triage-run-Z6YFCU5I.js"), runtime = createRuntime({ root, config, credentials: takeCredentials(io.env), command: "triage", provider: "anthropic", ...maxCost !== void 0 ? { maxCostUsd: maxCost } : {}, onWarning: (line) => io.stderr(`speccc: warning: ${line}
`) }), outcomes = await runTriage({
      root,
      config,
      runtime,
      workspace: checked.workspace,
      requests: parsed.requests,
      templates,
      model,
      signal: io.signal,
      ...flags.format === "text" ? { onOutcome: (o) => io.stdout(`${outcomeLine(o)}
`) } : {}
    }), spent = runtime.budget.spent();
    return flags.format === "json" ? io.stdout(toJson({ run: runtime.runId, requests: outcomes.map(outcomeJson), spentUsd: spent })) : io.stdout(summaryLine(outcomes, spent)), outcomes.some((o) => o.state === "not-decided") ? EXIT.failed : EXIT.ok;
  });
}
function summaryLine(outcomes, spent) {
  let count = (k) => outcomes.filter((o) => o.state === "decided" && o.decision.decision === k).length, parts = [
    [count("accept"), "accepted"],
    [count("duplicate"), "duplicate"],
    [count("reject"), "rejected"],
    [count("needs-info"), "need info"],
    [outcomes.filter((o) => o.state === "already-decided").length, "decided before"],
    [outcomes.filter((o) => o.state === "not-decided").length, "not decided"]
  ].filter(([n2]) => n2 > 0), n = outcomes.length;
  return `${n} request${n === 1 ? "" : "s"}: ${parts.map(([k, w]) => `${k} ${w}`).join(", ") || "none"}; ${usd(spent)} spent; decisions in triage/decisions/
`;
}
async function dryRun(io, root, input) {
  let { planTriage, triageWorkspace } = await import("./triage-run-Z6YFCU5I.js"), { renderTriageRequest, renderTriageSystem } = await import("./prompt-DWA6KBCG.js"), { estimateTriage } = await import("./estimate-EUOXM4SQ.js"), { TRIAGE_TOOLS } = await import("./tools-UIE7EIMP.js"), tw = triageWorkspace(input.checked.workspace, input.checked.config), planned = await planTriage(root, tw, input.requests), system = renderTriageSystem(input.templates, { context: tw.context, specs: tw.specs }), toModel = planned.filter((p) => p.check.kind === "to-model").map((p) => ({ id: p.request.id, prompt: renderTriageRequest(input.templates, { request: p.request, drafted: [] }) })), counted = await countTriageTokens(io.env, input.model, system, toModel), estimate = estimateTriage({ config: input.checked.config, model: input.model, system, toolsBytes: Buffer.byteLength(JSON.stringify(TRIAGE_TOOLS)), prompts: toModel, counted }), byId = new Map(estimate.requests.map((r) => [r.id, r]));
  if (input.format === "json")
    return io.stdout(toJson({ requests: planned.map((p) => ({ id: p.request.id, title: p.request.title, precheck: p.check.kind === "decided" ? { decision: p.check.decision.decision, reasons: p.check.decision.reasons } : p.check.kind === "already-decided" ? { decidedBefore: p.check.record } : null, estimate: byId.get(p.request.id) ?? null })), model: estimate.model, expectedUsd: estimate.expectedUsd, worstCaseUsd: estimate.worstCaseUsd, estimated: estimate.estimated })), EXIT.ok;
  for (let p of planned) {
    let e = byId.get(p.request.id);
    p.check.kind === "already-decided" ? io.stdout(`  - ${p.request.id}: decided before (${p.check.record})
`) : p.check.kind === "decided" ? io.stdout(`  \u2022 ${p.request.id}: ${p.check.decision.decision} by pre-check, no model call: ${p.check.decision.reasons[0]}
`) : e && io.stdout(`  \u2022 ${p.request.id}: to the model \u2014 ~${e.inputTokens.toLocaleString("en-US")} input tokens${e.counted ? "" : " (estimated)"}, expected ${usd(e.expectedUsd)}, worst case ${usd(e.worstCaseUsd)}
`);
  }
  let fits = input.maxCost === null ? "" : estimate.worstCaseUsd <= input.maxCost ? `; within --max-cost ${usd(input.maxCost)}` : `; above --max-cost ${usd(input.maxCost)}: the budget stops triage before a request could pass it`;
  return io.stdout(`${input.requests.length} request${input.requests.length === 1 ? "" : "s"}, ${toModel.length} to the model (${estimate.model}): expected ${usd(estimate.expectedUsd)}, worst case ${usd(estimate.worstCaseUsd)}${estimate.estimated && toModel.length > 0 ? " (tokens estimated)" : ""}${fits}; nothing sent, nothing written
`), EXIT.ok;
}
async function countTriageTokens(env, model, system, prompts) {
  let counted = /* @__PURE__ */ new Map(), { takeCredentials } = await import("./runtime-3AWIBRCX.js"), credentials = takeCredentials(env);
  if (!credentials.apiKey || prompts.length === 0) return counted;
  let { countInputTokens } = await import("./count-tokens-FV4R6UTU.js"), { TRIAGE_TOOLS } = await import("./tools-UIE7EIMP.js");
  for (let { id, prompt } of prompts) {
    let tokens = await countInputTokens({ apiKey: credentials.apiKey, ...credentials.baseURL ? { baseURL: credentials.baseURL } : {} }, { model, system: credentials.redact(system), prompt: credentials.redact(prompt), tools: TRIAGE_TOOLS });
    tokens !== void 0 && counted.set(id, tokens);
  }
  return counted;
}
var registerTriage = (program, io, done) => {
  program.command("triage").description("Decide on incoming requests against the mission: accept (with a draft spec), duplicate, reject or needs-info, each recorded under triage/decisions/.").argument("[requests...]", "files or folders of requests: .json as `gh issue list --json number,title,body,labels,url` prints them, or .md (default: text on stdin)").option("--root <dir>", "workspace root (default: current directory)").option("--dry-run", "run the pre-checks and price the rest; call no model, write nothing").option("--max-cost <usd>", "stop before any request that could take this run past this many US dollars").option("--model <id>", "the model that decides (default: model.default)").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).action((requests, flags) => done(runTriageCommand(io, requests, flags)));
};
export {
  outcomeLine,
  registerTriage,
  runTriageCommand
};
