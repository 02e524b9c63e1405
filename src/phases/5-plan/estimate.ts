/**
 * A plan's price, before anything is sent: for every job that will call a model, the input
 * tokens of its first request (counted by the API when a key is at hand, else estimated and
 * labelled so), the expected cost of a first attempt, and the worst case — every turn of every
 * attempt at max_tokens, with the conversation growing by a full reply each turn — capped by the
 * spec's own budget. Pure: token counts arrive as data.
 */
import type { JobOutcome, Plan, SpecccConfig } from '../../types/index.js';
import { expectedCostOf, priceOf, utf8Bytes, worstCaseOf } from '../../prices/pricing.js';
import { onlyVerdictStale } from './verdict-only.js';

export interface JobEstimate {
  id: string;
  model: string;
  inputTokens: number;
  /** True when the API counted the tokens; false for an estimate (UTF-8 bytes ÷ 4). */
  counted: boolean;
  expectedUsd: number;
  worstCaseUsd: number;
}

export interface PlanEstimate {
  jobs: JobEstimate[];
  expectedUsd: number;
  worstCaseUsd: number;
  /** Some counts are estimates. */
  estimated: boolean;
}

/**
 * Each turn sends back the previous reply (at most max_tokens: the same text re-reads as about
 * the same tokens) and a tool result; this bounds the tool result's own tokens.
 */
const TOOL_RESULT_TOKENS = 256;
/** Output of a job never built before, per file it owns (tokens). */
const NEW_FILE_TOKENS = 1_500;

export function estimatePlan(input: {
  plan: Plan;
  outcomes: ReadonlyMap<string, JobOutcome>;
  config: SpecccConfig;
  systemPrompt: string;
  /** Bytes of the tool definitions as sent. */
  toolsBytes: number;
  /** Input tokens counted by the API, by job id (missing: estimate). */
  counted: ReadonlyMap<string, number>;
  /** Priced for the Message Batches API (`build --batch`): half price. */
  batch?: boolean;
}): PlanEstimate {
  const batch = { batch: input.batch === true };
  const jobs: JobEstimate[] = [];
  const attempts = 1 + input.config.validation.maxFixAttempts;
  const turns = input.config.agent.maxTurns;
  const maxOut = input.config.model.maxOutputTokens;
  for (const job of input.plan.jobs) {
    const outcome = input.outcomes.get(job.id);
    if (!outcome || outcome.state !== 'stale') continue; // fresh and restored jobs call no model
    if (onlyVerdictStale(job)) continue; // judged again, never generated
    const prepared = outcome.prepared ?? job.prepared;
    if (!prepared) continue;
    const price = priceOf(prepared.model, input.config.model.prices);
    if (!price) continue; // check reports unpriced models before a plan is made
    const bytes = utf8Bytes(input.systemPrompt) + utf8Bytes(prepared.prompt) + input.toolsBytes;
    const counted = input.counted.get(job.id);
    const inputTokens = counted ?? Math.ceil(bytes / 4);
    const outputTokens = job.spec.frontmatter!.outputs.length * NEW_FILE_TOKENS;
    const expectedUsd = expectedCostOf(price, inputTokens, outputTokens, batch);
    let worst = 0;
    for (let r = 0; r < attempts * turns; r++) worst += worstCaseOf(price, bytes + r * (maxOut + TOOL_RESULT_TOKENS), maxOut, batch);
    const cap = job.spec.frontmatter!.budget_usd;
    jobs.push({ id: job.id, model: prepared.model, inputTokens, counted: counted !== undefined, expectedUsd, worstCaseUsd: cap !== undefined ? Math.min(cap, worst) : worst });
  }
  return {
    jobs,
    expectedUsd: jobs.reduce((s, j) => s + j.expectedUsd, 0),
    worstCaseUsd: jobs.reduce((s, j) => s + j.worstCaseUsd, 0),
    estimated: jobs.some((j) => !j.counted),
  };
}
