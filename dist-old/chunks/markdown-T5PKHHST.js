import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  priorityLabel
} from "./chunk-7BPL2OAW.js";
import {
  specAnchor
} from "./chunk-7RERXAOH.js";
import "./chunk-VSAIBY22.js";

// src/report/markdown.ts
var MAX_FAILING_LISTED = 25, MAX_SCENARIOS_LISTED = 10, MAX_RUNS_LISTED = 5, MAX_CLASSES_LISTED = 15, MAX_CLASS_SPECS_LISTED = 10, MAX_QUEUE_LISTED = 10;
function markdownText(text) {
  return String(text).replace(/\r?\n|\r/g, " ").replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@/g, "@\u2060");
}
function usd(v) {
  let n = Number.isFinite(v) ? v : 0;
  return n !== 0 && Math.abs(n) < 0.01 ? `$${n.toPrecision(2)}` : `$${n.toFixed(2)}`;
}
function when(at) {
  let m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(String(at));
  return m ? `${m[1]} ${m[2]}${/Z$/.test(at) ? " UTC" : ""}` : markdownText(at);
}
function more(n, what) {
  return `\u2026and ${n} more ${what}`;
}
var specRef = (id, link) => link ? `[${markdownText(id)}](${linkUrl(link)}#${specAnchor(id)})` : `**${markdownText(id)}**`, linkUrl = (link) => encodeURI(link).replace(/\(/g, "%28").replace(/\)/g, "%29");
function pullRequestLines(model, options) {
  let lines = [], link = options.link, stateOf = new Map(model.specs.map((x) => [x.id, x.state]));
  if (options.changed) {
    lines.push(`### Specs this change reaches (${options.changed.length})`, ""), options.changed.length === 0 && lines.push("None: no spec, context, template, holdout or generated file changed.");
    for (let c of options.changed.slice(0, MAX_FAILING_LISTED)) lines.push(`- ${specRef(c.id, link)} (${markdownText(stateOf.get(c.id) ?? "unknown")}): ${markdownText(c.why)}`);
    options.changed.length > MAX_FAILING_LISTED && lines.push(`- ${more(options.changed.length - MAX_FAILING_LISTED, "specs")}`), lines.push("");
  }
  let stale = model.specs.filter((x) => x.state === "stale");
  if (stale.length > 0) {
    lines.push(`### Stale specs (${stale.length})`, "");
    for (let x of stale.slice(0, MAX_FAILING_LISTED)) lines.push(`- ${specRef(x.id, link)}: ${markdownText(x.why)}`);
    stale.length > MAX_FAILING_LISTED && lines.push(`- ${more(stale.length - MAX_FAILING_LISTED, "stale specs")}`), lines.push("");
  }
  let run = model.lastRun;
  if (run && run.jobs.length > 0) {
    let cost = run.jobs.reduce((sum, j) => sum + j.costUsd, 0);
    lines.push(`### Last run: ${markdownText(run.id)} (${usd(cost)})`, "", "| Spec | State | Attempts | Cost |", "| --- | --- | ---: | ---: |");
    for (let j of run.jobs.slice(0, MAX_FAILING_LISTED)) {
      let state = `${markdownText(j.state)}${j.failureClass ? ` (${markdownText(j.failureClass)})` : ""}${j.note ? `: ${markdownText(j.note)}` : ""}`;
      lines.push(`| ${specRef(j.spec, link)} | ${state} | ${j.attempts} | ${usd(j.costUsd)} |`);
    }
    run.jobs.length > MAX_FAILING_LISTED && lines.push(`| ${more(run.jobs.length - MAX_FAILING_LISTED, "jobs")} | | | |`), lines.push("");
  }
  return lines;
}
function queueLines(model) {
  let q = model.queue, lines = ["### Queue", "", `**${`${q.waiting.length} waiting \xB7 ${q.running.length} running \xB7 ${q.failed.length} failed \xB7 ${q.shipped.length} shipped \xB7 ${q.held.length} held`}**${q.waiting.length > 0 ? " \xB7 `speccc build --next N` takes from the top:" : ""}`, ""];
  q.waiting.slice(0, MAX_QUEUE_LISTED).forEach((e, i) => lines.push(`${i + 1}. **${markdownText(e.id)}** (${priorityLabel(e.priority)}): ${markdownText(e.why)}`)), q.waiting.length > MAX_QUEUE_LISTED && lines.push(`- ${more(q.waiting.length - MAX_QUEUE_LISTED, "waiting")}`), q.waiting.length > 0 && lines.push("");
  let list = (entries, word) => entries.slice(0, MAX_QUEUE_LISTED).map((e) => `${markdownText(e.id)} (${markdownText(word(e))})`).join(", ") + (entries.length > MAX_QUEUE_LISTED ? ` and ${entries.length - MAX_QUEUE_LISTED} more` : "");
  return q.running.length > 0 && lines.push(`Running: ${list(q.running, (e) => e.run ?? "building")}.`, ""), q.held.length > 0 && lines.push(`Held for a person: ${list(q.held, (e) => e.stage)}.`, ""), lines;
}
function renderReportMarkdown(model, options = {}) {
  let s = model.summary, lines = [];
  lines.push(`## speccc report: ${markdownText(model.workspace)}`, "");
  let extra = ["draft", "blocked", "constraint"].map((state) => [state, model.specs.filter((x) => x.state === state).length]).filter(([, n]) => n > 0).map(([state, n]) => `${n} ${state}`);
  lines.push(
    `**${s.promoted} promoted \xB7 ${s.stale} stale \xB7 ${s.failing} failing \xB7 ${s.unverified} unverified** of ${s.total} specs${extra.length ? ` (${extra.join(", ")})` : ""} \xB7 satisfaction ${s.satisfaction === null ? "not measured" : s.satisfaction.toFixed(2)} \xB7 spent ${usd(s.spentUsd)} in ${model.runs.length} ${model.runs.length === 1 ? "run" : "runs"}`,
    ""
  ), lines.push(...pullRequestLines(model, options)), lines.push(...queueLines(model));
  let failing = model.specs.filter((x) => x.state === "failing");
  if (failing.length === 0)
    lines.push("No failing spec.", "");
  else {
    lines.push(`### Failing specs (${failing.length})`, "");
    for (let spec of failing.slice(0, MAX_FAILING_LISTED)) {
      lines.push(`- ${specRef(spec.id, options.link)} (${markdownText(spec.title)}): ${markdownText(spec.why)}`);
      let failed = spec.scenarios.filter((x) => x.passed === !1);
      for (let scenario of failed.slice(0, MAX_SCENARIOS_LISTED)) lines.push(`  - \u2717 ${markdownText(scenario.name)}${scenario.failure ? `: ${markdownText(scenario.failure.replace(/\s+/g, " "))}` : ""}`);
      failed.length > MAX_SCENARIOS_LISTED && lines.push(`  - ${more(failed.length - MAX_SCENARIOS_LISTED, "failing scenarios")}`);
    }
    failing.length > MAX_FAILING_LISTED && lines.push(`- ${more(failing.length - MAX_FAILING_LISTED, "failing specs")}`), lines.push("");
  }
  let blocked = model.specs.filter((x) => x.state === "blocked");
  if (blocked.length > 0) {
    let ids = blocked.slice(0, MAX_FAILING_LISTED).map((x) => markdownText(x.id));
    lines.push(`Blocked by a failing dependency: ${ids.join(", ")}${blocked.length > MAX_FAILING_LISTED ? ` and ${blocked.length - MAX_FAILING_LISTED} more` : ""}.`, "");
  }
  if (model.failureClasses.length > 0) {
    lines.push("### Failures by kind", "", "| Failure | Count | Specs | What to strengthen in the spec |", "| --- | ---: | --- | --- |");
    let classes = [...model.failureClasses].sort((a, b) => b.count - a.count);
    for (let f of classes.slice(0, MAX_CLASSES_LISTED)) {
      let specs = f.specs.slice(0, MAX_CLASS_SPECS_LISTED).map(markdownText).join(", ") + (f.specs.length > MAX_CLASS_SPECS_LISTED ? ` and ${f.specs.length - MAX_CLASS_SPECS_LISTED} more` : "");
      lines.push(`| ${markdownText(f.label)} (${markdownText(f.class)}) | ${f.count} | ${specs} | ${markdownText(f.hint ?? "")} |`);
    }
    lines.push("");
  }
  if (lines.push("### Spend", ""), model.runs.length === 0)
    lines.push("No run recorded yet.", "");
  else {
    let recent = model.runs.slice(-MAX_RUNS_LISTED).reverse();
    lines.push("| Run | At | Cost | Jobs | Failed |", "| --- | --- | ---: | ---: | ---: |");
    for (let r of recent) lines.push(`| ${markdownText(r.id)} | ${when(r.at)} | ${usd(r.costUsd)} | ${r.jobs} | ${r.failed} |`);
    lines.push("");
    let stopped = recent.filter((r) => r.stopped);
    for (let r of stopped) lines.push(`- ${markdownText(r.id)} was ${r.outcome === "cancelled" ? "cancelled" : r.outcome === null ? "cut off" : "stopped"}: ${markdownText(r.stopped)}.`);
    stopped.length > 0 && lines.push("");
    let shown = recent.length < model.runs.length ? `Latest ${recent.length} of ${model.runs.length} runs; ` : "";
    lines.push(`${shown}${usd(s.spentUsd)} spent in all.`, ""), model.lastRun?.cacheMiss && lines.push(`Last run: ${markdownText(model.lastRun.cacheMiss.line)}.`, "");
  }
  let full = options.link ? `[the full report](${linkUrl(options.link)})` : "`speccc report`";
  return lines.push(`<sub>Generated ${when(model.generatedAt)} by speccc ${markdownText(model.specccVersion)}. Every spec in detail: ${full}.</sub>`, ""), lines.join(`
`);
}
export {
  MAX_CLASSES_LISTED,
  MAX_CLASS_SPECS_LISTED,
  MAX_FAILING_LISTED,
  MAX_QUEUE_LISTED,
  MAX_RUNS_LISTED,
  MAX_SCENARIOS_LISTED,
  markdownText,
  renderReportMarkdown
};
