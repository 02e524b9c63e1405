import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  requireStryker
} from "./chunk-PXOJ7NHK.js";
import {
  EXIT,
  inWorkspace,
  parseUsd
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/watch.ts
async function runWatch(io, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let perBuild = parseUsd("--max-cost", flags.maxCost), perSession = parseUsd("--session-max-cost", flags.sessionMaxCost), { watchWorkspace } = await import("./watch-3RX42UP5.js"), builds = null;
    if (flags.build) {
      let { watchBuilds } = await import("./watch-3E6UD3NT.js"), { takeCredentials } = await import("./runtime-3AWIBRCX.js");
      builds = await watchBuilds({ root, credentials: takeCredentials(io.env), provider: flags.provider, ...perBuild !== void 0 ? { maxCostUsd: perBuild } : {}, ...perSession !== void 0 ? { sessionMaxCostUsd: perSession } : {}, requireTools });
      for (let warning of builds.warnings) io.stderr(`speccc: warning: ${warning}
`);
    }
    let show = await watchOutput(io, flags.format === "json", builds?.session, perBuild);
    return await watchWorkspace({ root, signal: io.signal, runtimeForBuild: builds?.runtimeForBuild ?? null, onRound: show.round, onBuild: show.build, onReady: () => show.ready(root) }), show.clear(), EXIT.ok;
  });
}
var requireTools = (config) => {
  config.promotion.minMutationScore !== void 0 && requireStryker("promotion.minMutationScore");
};
async function watchOutput(io, json, session, perBuild) {
  let { formatDiagnostic } = await import("./text-ABYEJU6I.js"), { formatBuildSummary } = await import("./build-output-UD52JLDZ.js"), emit = (event) => io.stdout(JSON.stringify(event) + `
`), statusShown = !1, clear = () => {
    io.isTTY && !json && statusShown && io.stdout("\r\x1B[2K"), statusShown = !1;
  }, caps = () => session ? ` \u2014 session $${session.spent().toFixed(4)}${session.cap !== null ? ` of $${session.cap.toFixed(2)}` : ""}${perBuild !== void 0 ? `, $${perBuild.toFixed(2)} a build` : ""}` : "", lastStatus = "", status = (text) => {
    lastStatus = text, io.isTTY && !json ? (io.stdout(`\r\x1B[2K${text}${caps()}`), statusShown = !0) : io.stdout(`${text}
`);
  };
  return { round: (round2) => {
    if (json) {
      emit({ type: "check", changed: round2.changed, added: round2.added, fixed: round2.fixed, specs: round2.specs, errors: round2.errors, warnings: round2.diagnostics.length - round2.errors, durationMs: Math.round(round2.durationMs) }), emit({ type: "status", text: round2.status });
      return;
    }
    (round2.added.length > 0 || round2.fixed.length > 0) && clear();
    for (let d of round2.fixed) io.stdout(`fixed: ${d.file}:${d.span.start.line}:${d.span.start.column} ${d.code}
`);
    let sources = new Map(round2.workspace.files.flatMap((f) => f.spec ? [[f.file, f.spec.source]] : []));
    for (let d of round2.added) io.stdout(formatDiagnostic(d, { color: io.color, ...io.color ? { sourceOf: (f) => sources.get(f) } : {} }) + `
`);
    status(round2.status);
  }, build: (event) => {
    if (json) {
      emit({ type: "build", state: event.type, ..."runId" in event ? { run: event.runId } : {}, ...event.type === "error" ? { message: event.message } : {}, ...event.type === "done" && event.result.kind === "built" ? { built: [...event.result.outcomes.values()].filter((o) => o.state === "built" || o.state === "reused").map((o) => o.id), failed: [...event.result.outcomes.values()].filter((o) => o.state === "failed").map((o) => o.id) } : {} });
      return;
    }
    if (clear(), event.type === "start") io.stdout(`building (run ${event.runId}) \u2026
`);
    else if (event.type === "done") {
      let r = event.result;
      if (r.kind === "up-to-date") io.stdout(`\u2714 ${r.specs} specs up to date
`);
      else if (r.kind === "blocked") io.stdout(`\u2716 build blocked: ${r.diagnostics.length} error(s)
`);
      else if (r.kind === "built") {
        for (let o of r.outcomes.values()) (o.state === "built" || o.state === "reused" || o.state === "failed") && io.stdout(`  ${o.state === "failed" ? "\u2716" : "\u2714"} ${o.id} ${o.state}${o.failureClass ? ` (${o.failureClass})` : ""}
`);
        io.stdout(formatBuildSummary({ outcomes: r.outcomes, total: r.plan.jobs.length, change: r.change, cancelled: r.cancelled, runId: r.runId }, io.color));
      }
    } else event.type === "error" ? io.stdout(`build failed: ${event.message}
`) : event.type === "cancelled" && io.stdout(`build cancelled by a newer change
`);
  }, ready: (root) => {
    if (json) return emit({ type: "ready" });
    let shown = statusShown;
    clear(), io.stderr(`watching ${root} (Ctrl-C to stop)
`), shown && lastStatus && status(lastStatus);
  }, clear };
}
var registerWatch = (program, io, done) => {
  program.command("watch").description("Re-check specs as they are saved; with --build, rebuild what a clean check makes stale, through the full gate.").option("--root <dir>", "workspace root (default: current directory)").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).option("--build", "rebuild affected ready specs after each clean check").option("--max-cost <usd>", "with --build: the most each build may spend").option("--session-max-cost <usd>", "with --build: the most the whole watch session may spend").addOption(new Option("--provider <name>", "who writes the code with --build").choices(["anthropic", "replay"]).default("anthropic")).action((flags) => done(runWatch(io, flags)));
};
export {
  registerWatch,
  runWatch
};
