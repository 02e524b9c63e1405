import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  require_picocolors
} from "./chunk-KOHX6JGF.js";
import {
  REASON_TEXT
} from "./chunk-IK4EGIYB.js";
import {
  onlyVerdictStale
} from "./chunk-QW3P2242.js";
import "./chunk-242NOEV2.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-2YZVRG7S.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import {
  __toESM
} from "./chunk-VSAIBY22.js";

// src/commands/build-output.ts
var import_picocolors = __toESM(require_picocolors(), 1);
var MAYBE_LISTED = 5, plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`, usd = (n) => `$${n < 0.01 && n > 0 ? n.toFixed(4) : n.toFixed(2)}`;
function formatPlan(plan, outcomes, estimate, maxCostUsd, color, batch = !1) {
  let c = color ? import_picocolors.default : import_picocolors.default.createColors(!1), lines = [], byId = new Map(estimate.jobs.map((e) => [e.id, e])), maybeShown = 0;
  for (let job of plan.jobs) {
    let outcome = outcomes.get(job.id);
    if (outcome?.state === "fresh") {
      job.state === "stale" && ++maybeShown <= MAYBE_LISTED && lines.push(`  ${c.dim("\u2022")} ${job.id}: dependency changed; rebuilt only if the dependency's outputs change`);
      continue;
    }
    let reasons = job.reasons.map((r) => REASON_TEXT[r]).join(", ");
    if (outcome?.state === "reused") lines.push(`  ${c.yellow("\u2022")} ${job.id}: ${reasons}; a stored result restores it (no agent call)`);
    else if (outcome?.state === "failed" || outcome?.state === "skipped") lines.push(`  ${c.red("\u2022")} ${job.id}: ${reasons}; ${outcome.state === "failed" ? `a recorded verdict says ${outcome.error}` : `${outcome.error}`}`);
    else if (onlyVerdictStale(job)) lines.push(`  ${c.yellow("\u2022")} ${job.id}: ${reasons}; judged again with no agent call`);
    else {
      let e = byId.get(job.id), cost = e ? ` \u2014 ~${e.inputTokens.toLocaleString("en-US")} input tokens${e.counted ? "" : " (estimated)"}, expected ${usd(e.expectedUsd)}, worst case ${usd(e.worstCaseUsd)} (${e.model})` : "";
      lines.push(`  ${c.yellow("\u2022")} ${job.id}: ${reasons}${cost}`);
    }
    for (let d of job.drifted) lines.push(`      drifted: ${d}`);
  }
  maybeShown > MAYBE_LISTED && lines.push(`  ${c.dim(`\u2026 and ${maybeShown - MAYBE_LISTED} more behind a changed dependency`)}`);
  for (let orphan of plan.orphans) lines.push(`  ${c.red("-")} ${orphan}: no spec owns it; it will be removed`);
  let notFresh = plan.jobs.filter((j) => outcomes.get(j.id)?.state !== "fresh"), judgeOnly = notFresh.filter((j) => outcomes.get(j.id)?.state === "stale" && onlyVerdictStale(j)).length, stale = notFresh.length - judgeOnly, maybe = plan.jobs.filter((j) => j.state === "stale" && outcomes.get(j.id)?.state === "fresh").length, judging = judgeOnly > 0 ? `${stale > 0 ? `, ${judgeOnly} more` : `${plural(judgeOnly, "spec")} of ${plan.jobs.length}`} to judge again (no agent call)` : "", head = notFresh.length === 0 && maybe === 0 && plan.orphans.length === 0 ? `${plural(plan.jobs.length, "spec")} up to date` : `${stale > 0 || judgeOnly === 0 ? `${plural(stale, "spec")} of ${plan.jobs.length} to build` : ""}${judging}${maybe > 0 ? `, ${maybe} more if their dependencies' outputs change` : ""}`, price = "";
  if (estimate.jobs.length > 0) {
    let tokens = estimate.jobs.reduce((s, j) => s + j.inputTokens, 0), fits = maxCostUsd === null ? "" : estimate.worstCaseUsd <= maxCostUsd ? `; within --max-cost ${usd(maxCostUsd)}` : `; above --max-cost ${usd(maxCostUsd)}: the budget stops the build before a request could pass it`;
    price = ` (${tokens.toLocaleString("en-US")} input tokens${estimate.estimated ? ", estimated" : ", counted"}; ${batch ? "at Message Batches prices, " : ""}expected ${usd(estimate.expectedUsd)}, worst case ${usd(estimate.worstCaseUsd)}${fits})`;
  }
  return [`${head}${price}`, ...lines].join(`
`) + `
`;
}
function formatOutcome(o, color) {
  let c = color ? import_picocolors.default : import_picocolors.default.createColors(!1);
  switch (o.state) {
    case "built": {
      let u = o.result.usage, attempts = o.attempts > 1 ? `, ${o.attempts} attempts` : "";
      return `${c.green("\u2714")} ${o.id} built: ${o.typechecked === !1 ? "" : "type-checked, "}its tests passed, ${gateLine(o)} (${u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens} in / ${u.outputTokens} out tokens, $${o.spentUsd.toFixed(4)}, ${(o.result.durationMs / 1e3).toFixed(1)} s${attempts})`;
    }
    case "reused":
      return `${c.green("\u2714")} ${o.id} restored from a stored result (no agent call), ${gateLine(o)}`;
    case "staged":
      return `${c.yellow("\u23F8")} ${o.id} staged: passed its checks; promotion is manual, run \`speccc promote ${o.id}\``;
    case "fresh":
      return o.rejudged ? `${c.green("\u2714")} ${o.id} judged again under the current holdouts and settings (no agent call): ${gateLine(o)}` : o.cutOff ? `${c.green("\u2714")} ${o.id} up to date (its dependency was rebuilt with identical outputs)` : "";
    case "failed":
      return o.rejudged ? `${c.red("\u2716")} ${o.id} fails its gate now (${o.failureClass}): ${o.error}; generated/ still holds that output` : `${c.red("\u2716")} ${o.id} failed (${o.failureClass}): ${o.error}; generated/ keeps its previous files`;
    case "skipped":
      return `${c.yellow("-")} ${o.id} skipped: ${o.error}`;
    case "cancelled":
      return `${c.yellow("-")} ${o.id} not built: ${o.error ?? "cancelled"}`;
    default:
      return `${c.yellow("\u2022")} ${o.id} ${o.error ?? "stale"}`;
  }
}
function gateLine(o) {
  let scenarios = o.scenarios ?? [];
  return o.holdout === "unverified" || scenarios.length === 0 ? "no holdout check (unverified)" : `${scenarios.filter((s) => s.passed).length}/${scenarios.length} holdouts passed`;
}
function formatBuildSummary(input, color) {
  if (input.shard) return formatShardSummary({ ...input, shard: input.shard }, color);
  let c = color ? import_picocolors.default : import_picocolors.default.createColors(!1), outcomes = [...input.outcomes.values()], count = (s) => outcomes.filter((o) => o.state === s).length, money = `$${outcomes.reduce((sum, o) => sum + o.spentUsd, 0).toFixed(4)} spent`;
  if (input.cancelled) return `${c.yellow("\u26A0")} build cancelled (${money}): generated/ unchanged; finished jobs are stored and the next build reuses them
`;
  let built = count("built") + count("reused"), failed = count("failed"), skipped = count("skipped"), notBuilt = count("cancelled"), staged = count("staged"), waiting = count("stale"), unverified = outcomes.filter((o) => (o.state === "built" || o.state === "reused") && o.holdout === "unverified").length, rejudged = outcomes.filter((o) => o.state === "fresh" && o.rejudged).length, judgedAgain = rejudged > 0 ? ` (${rejudged} judged again, no agent call)` : "";
  if (built === 0 && failed === 0 && skipped === 0 && notBuilt === 0 && staged === 0 && waiting === 0 && !input.change) return `${c.green("\u2714")} ${plural(input.total, "spec")} up to date
`;
  if (built === 0 && failed === 0 && skipped === 0 && notBuilt === 0 && staged === 0 && waiting === 0 && rejudged > 0) return `${c.green("\u2714")} ${plural(input.total, "spec")} up to date${judgedAgain} (run ${input.runId})
`;
  let change = input.change ? `; generated/: ${input.change.written.length} written, ${input.change.removed.length} removed, ${input.change.unchanged} unchanged` : "", mark = failed + skipped + notBuilt > 0 ? c.red("\u2716") : c.green("\u2714"), parts = [
    `${plural(built, "spec")} built`,
    ...unverified > 0 ? [`${unverified} unverified (no holdout check)`] : [],
    `${failed} failed`,
    ...skipped > 0 ? [`${skipped} skipped (a dependency failed)`] : [],
    ...notBuilt > 0 ? [`${notBuilt} not built (the build stopped)`] : [],
    ...staged > 0 ? [`${staged} staged for manual promotion`] : [],
    ...waiting > 0 ? [`${waiting} left waiting in the queue`] : [],
    `${input.total - built - failed - skipped - notBuilt - staged - waiting} up to date${judgedAgain}`
  ];
  return `${mark} ${parts.join(", ")} (${money}; run ${input.runId})${change}
`;
}
function formatShardSummary(input, color) {
  let c = color ? import_picocolors.default : import_picocolors.default.createColors(!1), outcomes = [...input.outcomes.values()], count = (s) => outcomes.filter((o) => o.state === s).length, spent = outcomes.reduce((sum, o) => sum + o.spentUsd, 0), { index, count: n, owned } = input.shard, bad = count("failed") + count("skipped") + count("cancelled"), mark = input.cancelled || bad > 0 ? c.red("\u2716") : c.green("\u2714"), parts = [
    `${count("built")} built`,
    `${count("reused") + count("staged")} restored`,
    `${count("failed")} failed`,
    ...count("skipped") > 0 ? [`${count("skipped")} skipped (a dependency failed or never reached the shared cache)`] : [],
    ...count("cancelled") > 0 ? [`${count("cancelled")} not built (the build stopped)`] : [],
    `${count("stale")} left to other shards`
  ];
  return `${mark} shard ${index}/${n} (${plural(owned, "job")} of its own): ${parts.join(", ")} ($${spent.toFixed(4)} spent; run ${input.runId}); results are in the shared cache, generated/ is left to the assembling \`speccc build\`
`;
}
function formatCacheSummary(counts) {
  return `remote cache: ${[`${counts.restored} restored`, `${counts.uploaded} uploaded`, ...counts.refused > 0 ? [`${counts.refused} refused`] : [], ...counts.errors > 0 ? [`${counts.errors} failed`] : []].join(", ")}
`;
}
export {
  formatBuildSummary,
  formatCacheSummary,
  formatOutcome,
  formatPlan
};
