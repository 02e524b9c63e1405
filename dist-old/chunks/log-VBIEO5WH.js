import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  inWorkspace,
  toJson
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/log.ts
function summariseRun(events) {
  let bySpec = /* @__PURE__ */ new Map(), of = (spec) => {
    let s = bySpec.get(spec);
    return s || bySpec.set(spec, s = { spec, state: "running", requests: 0, retries: 0, refusals: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0, durationMs: 0, countedInputTokens: 0, countedRequests: 0, countedBilledInputTokens: 0, reservedUsd: 0 }), s;
  }, firstStart = /* @__PURE__ */ new Map();
  for (let e of events)
    switch (e.type) {
      case "job-start":
        firstStart.has(e.spec) || firstStart.set(e.spec, e.at);
        break;
      case "request": {
        let s = of(e.spec);
        s.requests++, s.inputTokens += e.inputTokens, s.outputTokens += e.outputTokens, s.cacheReadTokens += e.cacheReadTokens, s.cacheWriteTokens += e.cacheWriteTokens, s.costUsd += e.costUsd, s.reservedUsd += e.reservedUsd ?? 0, e.countedInputTokens !== void 0 && (s.countedRequests++, s.countedInputTokens += e.countedInputTokens, s.countedBilledInputTokens += e.inputTokens + e.cacheReadTokens + e.cacheWriteTokens);
        break;
      }
      case "retry":
        of(e.spec).retries++;
        break;
      case "refusal": {
        let s = of(e.spec);
        s.refusals++, e.fallback && (s.fallbackModel = e.fallback);
        break;
      }
      case "triage":
        of(e.spec).state = e.decision ?? "not decided";
        break;
      case "job": {
        let s = of(e.spec);
        s.state = e.state, e.failureClass && (s.failureClass = e.failureClass), e.holdout && (s.holdout = e.holdout), e.durationMs !== void 0 ? s.durationMs = e.durationMs : firstStart.has(e.spec) && (s.durationMs = Math.max(0, Date.parse(e.at) - Date.parse(firstStart.get(e.spec))));
        break;
      }
      default:
        break;
    }
  return [...bySpec.values()].sort((a, b) => a.spec < b.spec ? -1 : 1);
}
async function cacheMissOf(runs, chosen, events) {
  let { readRun } = await import("./trace-BSEH5DNN.js"), { explainCacheMiss } = await import("./cache-miss-TVZ2A2YF.js");
  if (!events.some((e) => e.type === "prefix")) return null;
  for (let i = runs.indexOf(chosen) - 1; i >= 0; i--) {
    let earlier = (await readRun(runs[i])).events;
    if (earlier.some((e) => e.type === "prefix") && earlier.some((e) => e.type === "request")) return explainCacheMiss({ id: runs[i].runId, events: earlier }, { events });
  }
  return null;
}
async function runLog(io, runId, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let { listRuns, readRun } = await import("./trace-BSEH5DNN.js"), runs = await listRuns(root), chosen = runId ? runs.find((r) => r.runId === runId || r.runId.startsWith(runId)) : runs.at(-1);
    if (!chosen) throw new UsageError(runId ? `no run ${runId} in .speccc/runs/` : "no build runs recorded yet; run `speccc build`");
    let { events, problems } = await readRun(chosen);
    for (let p of problems) io.stderr(`speccc: .speccc/runs/${chosen.runId}.jsonl:${p.line}: ${p.message}; skipped
`);
    let specs = summariseRun(events), cacheMiss = await cacheMissOf(runs, chosen, events), total = specs.reduce(
      (t, s) => ({ requests: t.requests + s.requests, retries: t.retries + s.retries, input: t.input + s.inputTokens + s.cacheReadTokens + s.cacheWriteTokens, output: t.output + s.outputTokens, cost: t.cost + s.costUsd }),
      { requests: 0, retries: 0, input: 0, output: 0, cost: 0 }
    ), { failureClassInfo } = await import("./failure-classes-XS53MVYW.js"), { readRawConfig } = await import("./raw-config-TL7G7KSI.js"), workspace = { scenariosDir: (await readRawConfig(root)).paths.scenarios }, hintOf = (s) => s.state === "failed" && s.failureClass ? failureClassInfo(s.failureClass, workspace).hint : void 0;
    if (flags.format === "json")
      return io.stdout(toJson({ run: chosen.runId, specs: specs.map((s) => ({ ...s, ...hintOf(s) ? { hint: hintOf(s) } : {} })), total, ...cacheMiss ? { cacheMiss } : {} })), EXIT.ok;
    let status = (s) => {
      let why = s.failureClass ? ` (${s.failureClass})` : s.holdout === "unverified" ? " (unverified)" : "", fallback = s.fallbackModel ? `, refused; fell back to ${s.fallbackModel}` : "";
      return `${s.state}${why}${fallback}`;
    }, counted = (s) => s.countedRequests === 0 ? "-" : `${s.countedInputTokens}/${s.countedBilledInputTokens}`, rows = [
      ["spec", "status", "requests", "retries", "in tokens", "cache r/w", "counted/billed in", "out tokens", "cost", "reserved", "time"],
      ...specs.map((s) => [s.spec, status(s), String(s.requests), String(s.retries), String(s.inputTokens), `${s.cacheReadTokens}/${s.cacheWriteTokens}`, counted(s), String(s.outputTokens), `$${s.costUsd.toFixed(4)}`, `$${s.reservedUsd.toFixed(4)}`, `${(s.durationMs / 1e3).toFixed(1)} s`])
    ], widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    io.stdout(`run ${chosen.runId}
`);
    for (let r of rows) io.stdout(r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd() + `
`);
    io.stdout(`total: ${total.requests} requests, ${total.retries} retries, ${total.input} input and ${total.output} output tokens, $${total.cost.toFixed(4)}
`), cacheMiss && io.stdout(`${(await import("./cache-miss-TVZ2A2YF.js")).cacheMissLine(cacheMiss)}
`);
    let failed = specs.filter((s) => hintOf(s));
    if (failed.length > 0) {
      io.stdout(`what to strengthen in the spec:
`);
      for (let s of failed) io.stdout(`  ${s.spec} (${s.failureClass}): ${hintOf(s)}
`);
    }
    return EXIT.ok;
  });
}
var registerLog = (program, io, done) => {
  program.command("log").description("Summarise a build run from its trace: per spec status and failure class, tokens, cost, time and retries.").argument("[run-id]", "run id (default: the latest)").option("--root <dir>", "workspace root (default: current directory)").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).action((runId, flags) => done(runLog(io, runId, flags)));
};
export {
  registerLog,
  runLog,
  summariseRun
};
