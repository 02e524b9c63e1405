import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  TRIAGE_MAX_TURNS
} from "./chunk-M2F3IZY6.js";
import {
  expectedCostOf,
  priceOf,
  utf8Bytes,
  worstCaseOf
} from "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";

// src/triage/estimate.ts
var DECISION_TOKENS = 1500, TOOL_RESULT_TOKENS = 256;
function estimateTriage(input) {
  let price = priceOf(input.model, input.config.model.prices);
  if (!price) return null;
  let maxOut = input.config.model.maxOutputTokens, turns = Math.min(TRIAGE_MAX_TURNS, input.config.agent.maxTurns), requests = input.prompts.map(({ id, prompt }) => {
    let bytes = utf8Bytes(input.system) + utf8Bytes(prompt) + input.toolsBytes, counted = input.counted.get(id), inputTokens = counted ?? Math.ceil(bytes / 4), worst = 0;
    for (let turn = 0; turn < turns; turn++) worst += worstCaseOf(price, bytes + turn * (maxOut + TOOL_RESULT_TOKENS), maxOut);
    return { id, inputTokens, counted: counted !== void 0, expectedUsd: expectedCostOf(price, inputTokens, DECISION_TOKENS), worstCaseUsd: worst };
  });
  return {
    model: input.model,
    requests,
    expectedUsd: requests.reduce((s, r) => s + r.expectedUsd, 0),
    worstCaseUsd: requests.reduce((s, r) => s + r.worstCaseUsd, 0),
    estimated: requests.some((r) => !r.counted)
  };
}
export {
  estimateTriage
};
