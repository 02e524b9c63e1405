/**
 * Model prices in US dollars per million tokens, as data with the date they were taken.
 * Unknown models are priced as the most expensive known one, so a budget never under-reserves.
 */
import type { TokenUsage } from '../../types.js';

export const PRICES_AS_OF = '2026-11-01';

export interface Price {
  input: number;
  output: number;
  /** Writing the 5-minute prompt cache. */
  cacheWrite: number;
  cacheRead: number;
}

/** Matched by prefix, longest first. */
export const PRICES: Record<string, Price> = {
  'claude-opus-4': { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 },
  'claude-sonnet-4': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-haiku-4': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
  'claude-3-5-haiku': { input: 0.8, output: 4, cacheWrite: 1, cacheRead: 0.08 },
};

const MOST_EXPENSIVE = PRICES['claude-opus-4']!;

export function priceOf(model: string): { price: Price; known: boolean } {
  const key = Object.keys(PRICES)
    .sort((a, b) => b.length - a.length)
    .find((prefix) => model.startsWith(prefix));
  return key ? { price: PRICES[key]!, known: true } : { price: MOST_EXPENSIVE, known: false };
}

export function costUsd(model: string, usage: TokenUsage): number {
  const { price } = priceOf(model);
  return (
    (usage.inputTokens * price.input + usage.outputTokens * price.output + usage.cacheWriteTokens * price.cacheWrite + usage.cacheReadTokens * price.cacheRead) / 1e6
  );
}

/** The most a request can cost: every input token billed at the cache-write price (the highest input rate) plus every possible output token. */
export function worstCaseUsd(model: string, inputTokens: number, maxOutputTokens: number): number {
  const { price } = priceOf(model);
  return (inputTokens * Math.max(price.input, price.cacheWrite) + maxOutputTokens * price.output) / 1e6;
}
