/**
 * Prices -> costs. `costOf` is what a request's usage costs (the bill); `worstCaseOf` is the
 * most a request can cost before it is sent (the budget's reservation): every input token at
 * the highest input rate it could be billed at, every possible output token, and the higher
 * band when the prompt could cross a band's threshold. Input tokens are bounded by the UTF-8
 * byte length of the request (no token is shorter than one byte), so the bound holds for any
 * language — characters ÷ 4 underestimates CJK text threefold.
 */
import type { TokenUsage } from '../types/index.js';
import { BATCH_DISCOUNT, PRICE_ROWS, type PriceRow, type Rates } from './prices.js';

/** `model.prices` in speccc.config.json: a model's rates, replacing or adding to the table. */
export type PriceOverrides = Readonly<Record<string, Partial<Rates> & { input: number; output: number }>>;

export interface ModelPrice {
  rates: Rates;
  longPrompt?: PriceRow['longPrompt'];
  effective: string;
  source: string;
}

const today = () => new Date().toISOString().slice(0, 10);

function matches(pattern: string, model: string): boolean {
  return pattern.endsWith('*') ? model.startsWith(pattern.slice(0, -1)) : model === pattern;
}

/** The price in force for `model` on `day` (YYYY-MM-DD), or undefined when speccc knows none: never a guess. */
export function priceOf(model: string, overrides: PriceOverrides = {}, day: string = today()): ModelPrice | undefined {
  const own = Object.hasOwn(overrides, model) ? overrides[model] : undefined;
  if (own) {
    const input = own.input;
    return {
      rates: { input, output: own.output, cacheWrite5m: own.cacheWrite5m ?? input * 1.25, cacheWrite1h: own.cacheWrite1h ?? input * 2, cacheRead: own.cacheRead ?? input * 0.1 },
      effective: day,
      source: 'speccc.config.json (model.prices)',
    };
  }
  const candidates = PRICE_ROWS.filter((r) => matches(r.model, model) && r.effective <= day);
  if (candidates.length === 0) return undefined;
  // Exact ids beat family prefixes, longer prefixes beat shorter ones, later rows beat earlier ones.
  const better = (a: PriceRow, b: PriceRow): boolean => {
    const ea = a.model.endsWith('*') ? 0 : 1;
    const eb = b.model.endsWith('*') ? 0 : 1;
    if (eb !== ea) return eb > ea;
    if (b.model.length !== a.model.length) return b.model.length > a.model.length;
    return b.effective > a.effective;
  };
  const best = candidates.reduce((a, b) => (better(a, b) ? b : a));
  return { rates: best.rates, ...(best.longPrompt ? { longPrompt: best.longPrompt } : {}), effective: best.effective, source: best.source };
}

export interface CostOptions {
  /** Sent through the Message Batches API: half price. */
  batch?: boolean;
}

const PER_MILLION = 1_000_000;

/** What a request's usage costs, in USD. */
export function costOf(price: ModelPrice, usage: TokenUsage, options: CostOptions = {}): number {
  const prompt = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  const rates = price.longPrompt && prompt > price.longPrompt.thresholdTokens ? price.longPrompt.rates : price.rates;
  const write1h = usage.cacheWrite1hTokens ?? 0;
  const write5m = usage.cacheWriteTokens - write1h;
  const usd =
    usage.inputTokens * rates.input +
    usage.outputTokens * rates.output +
    write5m * rates.cacheWrite5m +
    write1h * rates.cacheWrite1h +
    usage.cacheReadTokens * rates.cacheRead;
  return (usd / PER_MILLION) * (options.batch ? BATCH_DISCOUNT : 1);
}

/** UTF-8 bytes of a text: an upper bound on the tokens it can be billed as. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The most a request can cost: input bounded by its UTF-8 size at the highest input rate, every output token, the higher band if it could apply. */
export function worstCaseOf(price: ModelPrice, inputTokenBound: number, maxOutputTokens: number, options: CostOptions = {}): number {
  const rates = price.longPrompt && inputTokenBound + maxOutputTokens > price.longPrompt.thresholdTokens ? price.longPrompt.rates : price.rates;
  const highestInput = Math.max(rates.input, rates.cacheWrite5m, rates.cacheWrite1h, rates.cacheRead);
  return ((inputTokenBound * highestInput + maxOutputTokens * rates.output) / PER_MILLION) * (options.batch ? BATCH_DISCOUNT : 1);
}

/** The expected cost of a request whose input tokens are known or estimated: input at the plain rate (no cache), a typical output. */
export function expectedCostOf(price: ModelPrice, inputTokens: number, outputTokens: number, options: CostOptions = {}): number {
  return costOf(price, { inputTokens, outputTokens, cacheReadTokens: 0, cacheWriteTokens: 0 }, options);
}
