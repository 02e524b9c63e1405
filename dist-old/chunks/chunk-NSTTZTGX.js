import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  BATCH_DISCOUNT,
  PRICE_ROWS
} from "./chunk-Z6XS3NX4.js";

// src/prices/pricing.ts
var today = () => (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
function matches(pattern, model) {
  return pattern.endsWith("*") ? model.startsWith(pattern.slice(0, -1)) : model === pattern;
}
function priceOf(model, overrides = {}, day = today()) {
  let own = Object.hasOwn(overrides, model) ? overrides[model] : void 0;
  if (own) {
    let input = own.input;
    return {
      rates: { input, output: own.output, cacheWrite5m: own.cacheWrite5m ?? input * 1.25, cacheWrite1h: own.cacheWrite1h ?? input * 2, cacheRead: own.cacheRead ?? input * 0.1 },
      effective: day,
      source: "speccc.config.json (model.prices)"
    };
  }
  let candidates = PRICE_ROWS.filter((r) => matches(r.model, model) && r.effective <= day);
  if (candidates.length === 0) return;
  let better = (a, b) => {
    let ea = a.model.endsWith("*") ? 0 : 1, eb = b.model.endsWith("*") ? 0 : 1;
    return eb !== ea ? eb > ea : b.model.length !== a.model.length ? b.model.length > a.model.length : b.effective > a.effective;
  }, best = candidates.reduce((a, b) => better(a, b) ? b : a);
  return { rates: best.rates, ...best.longPrompt ? { longPrompt: best.longPrompt } : {}, effective: best.effective, source: best.source };
}
var PER_MILLION = 1e6;
function costOf(price, usage, options = {}) {
  let prompt = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens, rates = price.longPrompt && prompt > price.longPrompt.thresholdTokens ? price.longPrompt.rates : price.rates, write1h = usage.cacheWrite1hTokens ?? 0, write5m = usage.cacheWriteTokens - write1h;
  return (usage.inputTokens * rates.input + usage.outputTokens * rates.output + write5m * rates.cacheWrite5m + write1h * rates.cacheWrite1h + usage.cacheReadTokens * rates.cacheRead) / PER_MILLION * (options.batch ? 0.5 : 1);
}
function utf8Bytes(text) {
  return Buffer.byteLength(text, "utf8");
}
function worstCaseOf(price, inputTokenBound, maxOutputTokens, options = {}) {
  let rates = price.longPrompt && inputTokenBound + maxOutputTokens > price.longPrompt.thresholdTokens ? price.longPrompt.rates : price.rates, highestInput = Math.max(rates.input, rates.cacheWrite5m, rates.cacheWrite1h, rates.cacheRead);
  return (inputTokenBound * highestInput + maxOutputTokens * rates.output) / PER_MILLION * (options.batch ? 0.5 : 1);
}
function expectedCostOf(price, inputTokens, outputTokens, options = {}) {
  return costOf(price, { inputTokens, outputTokens, cacheReadTokens: 0, cacheWriteTokens: 0 }, options);
}

export {
  priceOf,
  costOf,
  utf8Bytes,
  worstCaseOf,
  expectedCostOf
};
