import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/prices/prices.ts
var BATCH_DISCOUNT = 0.5, standard = (input, output, cacheReadShare = 0.1) => ({
  input,
  output,
  cacheWrite5m: input * 1.25,
  cacheWrite1h: input * 2,
  cacheRead: input * cacheReadShare
}), MODELS_PAGE = "https://platform.claude.com/docs/en/about-claude/models/overview", PRICING_PAGE = "https://platform.claude.com/docs/en/about-claude/pricing", PRICE_ROWS = [
  { model: "claude-fable-5-2", effective: "2026-11-01", source: PRICING_PAGE, rates: standard(10, 50, 0.025) },
  { model: "claude-fable-5-1", effective: "2026-08-01", source: `${MODELS_PAGE} (Fable 5.1)`, rates: standard(10, 50, 0.025) },
  { model: "claude-fable-5", effective: "2026-06-09", source: `${MODELS_PAGE} (Fable 5)`, rates: standard(10, 50) },
  { model: "claude-mythos-5-2", effective: "2026-11-01", source: PRICING_PAGE, rates: standard(10, 50, 0.025) },
  { model: "claude-mythos-5-1", effective: "2026-08-01", source: PRICING_PAGE, rates: standard(10, 50, 0.025) },
  { model: "claude-mythos-5", effective: "2026-06-09", source: PRICING_PAGE, rates: standard(10, 50) },
  { model: "claude-opus-5-5", effective: "2026-09-01", source: "https://platform.claude.com/docs/en/about-claude/models/whats-new-opus-5-5", rates: standard(4, 20, 0.05) },
  { model: "claude-opus-5", effective: "2026-07-24", source: "https://platform.claude.com/docs/en/about-claude/models/whats-new-opus-5", rates: standard(5, 25) },
  { model: "claude-sonnet-5-5", effective: "2026-09-01", source: "https://platform.claude.com/docs/en/models/sonnet-5-5/overview", rates: standard(2, 10, 0.1) },
  // 2026-10-07: Sonnet 5.5 cache reads cut from 0.10x to 0.05x input.
  { model: "claude-sonnet-5-5", effective: "2026-10-07", source: `${PRICING_PAGE} (cache-read cut of 2026-10-07)`, rates: standard(2, 10, 0.05) },
  { model: "claude-sonnet-5", effective: "2026-06-30", source: "https://platform.claude.com/docs/en/models/sonnet-5/overview", rates: standard(2, 10) },
  {
    model: "claude-haiku-5-5",
    effective: "2026-10-07",
    source: `${PRICING_PAGE} (Haiku 5.5, two bands by prompt length)`,
    rates: standard(0.1, 0.5),
    longPrompt: { thresholdTokens: 1e5, rates: standard(0.5, 2.5) }
  },
  { model: "claude-haiku-4-5*", effective: "2025-10-15", source: MODELS_PAGE, rates: standard(1, 5) },
  { model: "claude-opus-4-8", effective: "2026-05-28", source: MODELS_PAGE, rates: standard(5, 25) },
  { model: "claude-opus-4-7", effective: "2026-04-16", source: MODELS_PAGE, rates: standard(5, 25) },
  { model: "claude-opus-4-6", effective: "2026-02-05", source: MODELS_PAGE, rates: standard(5, 25) },
  { model: "claude-opus-4-5*", effective: "2025-11-24", source: MODELS_PAGE, rates: standard(5, 25) },
  { model: "claude-opus-4-1*", effective: "2025-08-05", source: MODELS_PAGE, rates: standard(15, 75), retired: !0 },
  { model: "claude-opus-4-0*", effective: "2025-05-22", source: MODELS_PAGE, rates: standard(15, 75), retired: !0 },
  { model: "claude-opus-4-20250514", effective: "2025-05-22", source: MODELS_PAGE, rates: standard(15, 75), retired: !0 },
  { model: "claude-sonnet-4*", effective: "2025-05-22", source: MODELS_PAGE, rates: standard(3, 15) },
  { model: "claude-3-5-haiku*", effective: "2024-11-04", source: MODELS_PAGE, rates: standard(0.8, 4), retired: !0 }
], DEFAULT_MODEL = "claude-sonnet-5-5", ROUTING = { architecture: "claude-opus-5-5", feature: "claude-sonnet-5-5", constraint: "claude-haiku-5-5" };

export {
  BATCH_DISCOUNT,
  PRICE_ROWS,
  DEFAULT_MODEL,
  ROUTING
};
