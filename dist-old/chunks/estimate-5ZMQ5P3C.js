import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  onlyVerdictStale
} from "./chunk-QW3P2242.js";
import {
  expectedCostOf,
  priceOf,
  utf8Bytes,
  worstCaseOf
} from "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";

// src/phases/5-plan/estimate.ts
var TOOL_RESULT_TOKENS = 256, NEW_FILE_TOKENS = 1500;
function estimatePlan(input) {
  let batch = { batch: input.batch === !0 }, jobs = [], attempts = 1 + input.config.validation.maxFixAttempts, turns = input.config.agent.maxTurns, maxOut = input.config.model.maxOutputTokens;
  for (let job of input.plan.jobs) {
    let outcome = input.outcomes.get(job.id);
    if (!outcome || outcome.state !== "stale" || onlyVerdictStale(job)) continue;
    let prepared = outcome.prepared ?? job.prepared;
    if (!prepared) continue;
    let price = priceOf(prepared.model, input.config.model.prices);
    if (!price) continue;
    let bytes = utf8Bytes(input.systemPrompt) + utf8Bytes(prepared.prompt) + input.toolsBytes, counted = input.counted.get(job.id), inputTokens = counted ?? Math.ceil(bytes / 4), outputTokens = job.spec.frontmatter.outputs.length * NEW_FILE_TOKENS, expectedUsd = expectedCostOf(price, inputTokens, outputTokens, batch), worst = 0;
    for (let r = 0; r < attempts * turns; r++) worst += worstCaseOf(price, bytes + r * (maxOut + TOOL_RESULT_TOKENS), maxOut, batch);
    let cap = job.spec.frontmatter.budget_usd;
    jobs.push({ id: job.id, model: prepared.model, inputTokens, counted: counted !== void 0, expectedUsd, worstCaseUsd: cap !== void 0 ? Math.min(cap, worst) : worst });
  }
  return {
    jobs,
    expectedUsd: jobs.reduce((s, j) => s + j.expectedUsd, 0),
    worstCaseUsd: jobs.reduce((s, j) => s + j.worstCaseUsd, 0),
    estimated: jobs.some((j) => !j.counted)
  };
}
export {
  estimatePlan
};
