/**
 * What a triage run will cost, before anything is sent (`speccc triage --dry-run`), the way
 * `build --dry-run` prices a plan: for each request the pre-checks leave to the model, the input
 * of its first request (counted by the API when a key is at hand, else UTF-8 bytes ÷ 4, labelled
 * an estimate), the expected cost of one decision, and the worst case (every turn at max_tokens,
 * the conversation growing by a whole reply each turn). Pure.
 */
import type { SpecccConfig } from '../types/index.js';
import { expectedCostOf, priceOf, utf8Bytes, worstCaseOf } from '../prices/pricing.js';
import { TRIAGE_MAX_TURNS } from './tools.js';

export interface TriageRequestEstimate {
  id: string;
  inputTokens: number;
  counted: boolean;
  expectedUsd: number;
  worstCaseUsd: number;
}

export interface TriageEstimate {
  model: string;
  requests: TriageRequestEstimate[];
  expectedUsd: number;
  worstCaseUsd: number;
  estimated: boolean;
}

/** A decision with a draft spec: what an accepted request's reply is about (tokens). */
const DECISION_TOKENS = 1_500;
/** A tool result (speccc's answer to record_decision or read_spec) on top of the reply it follows (tokens). */
const TOOL_RESULT_TOKENS = 256;

/** Null when speccc knows no price for the model (`model-unpriced`: say so rather than guess). */
export function estimateTriage(input: {
  config: SpecccConfig;
  model: string;
  system: string;
  toolsBytes: number;
  /** Per request to the model: its prompt. */
  prompts: { id: string; prompt: string }[];
  /** Input tokens counted by the API, by request id. */
  counted: ReadonlyMap<string, number>;
}): TriageEstimate | null {
  const price = priceOf(input.model, input.config.model.prices);
  if (!price) return null;
  const maxOut = input.config.model.maxOutputTokens;
  const turns = Math.min(TRIAGE_MAX_TURNS, input.config.agent.maxTurns);
  const requests = input.prompts.map(({ id, prompt }) => {
    const bytes = utf8Bytes(input.system) + utf8Bytes(prompt) + input.toolsBytes;
    const counted = input.counted.get(id);
    const inputTokens = counted ?? Math.ceil(bytes / 4);
    let worst = 0;
    for (let turn = 0; turn < turns; turn++) worst += worstCaseOf(price, bytes + turn * (maxOut + TOOL_RESULT_TOKENS), maxOut);
    return { id, inputTokens, counted: counted !== undefined, expectedUsd: expectedCostOf(price, inputTokens, DECISION_TOKENS), worstCaseUsd: worst };
  });
  return {
    model: input.model,
    requests,
    expectedUsd: requests.reduce((s, r) => s + r.expectedUsd, 0),
    worstCaseUsd: requests.reduce((s, r) => s + r.worstCaseUsd, 0),
    estimated: requests.some((r) => !r.counted),
  };
}
