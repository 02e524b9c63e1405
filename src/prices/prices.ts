/**
 * Anthropic list prices, as data: USD per million tokens, each row with the date it took effect
 * and where it was read. A model's price on a given day is the row with the latest `effective`
 * date not after that day. Prices change on dated announcements: add a row, never edit one, so
 * a past run's cost still reads the same. `speccc.config.json` (`model.prices`) can override or
 * add a model. Checked against platform.claude.com's model pages on 2026-11-25.
 */
export interface Rates {
  input: number;
  output: number;
  /** Writing the 5-minute prompt cache (1.25× input on the current lineup). */
  cacheWrite5m: number;
  /** Writing the 1-hour prompt cache (2× input). */
  cacheWrite1h: number;
  /** Reading the prompt cache (0.1× input, cut further on some models). */
  cacheRead: number;
}

export interface PriceRow {
  /** A model id, or a family prefix ending in `*` (matches dated ids such as claude-haiku-4-5-20251001). */
  model: string;
  /** YYYY-MM-DD. */
  effective: string;
  source: string;
  rates: Rates;
  /** A second band: a request whose prompt (input + cache reads + cache writes) exceeds the threshold pays these rates on every token, output included. */
  longPrompt?: { thresholdTokens: number; rates: Rates };
  /**
   * The model is no longer in the Models API's list (gone from the SDK's `Model` union by 1.13,
   * checked 2026-11-25): the row stays so past runs keep their price. Every other row's model is
   * in the list (test/prices/lineup.test.ts holds the twin's list, which is the SDK's, to it).
   */
  retired?: true;
}

/** The Batch API halves input and output; the discount stacks with prompt-caching prices. */
export const BATCH_DISCOUNT = 0.5;

const standard = (input: number, output: number, cacheReadShare = 0.1): Rates => ({
  input,
  output,
  cacheWrite5m: input * 1.25,
  cacheWrite1h: input * 2,
  cacheRead: input * cacheReadShare,
});

const MODELS_PAGE = 'https://platform.claude.com/docs/en/about-claude/models/overview';
const PRICING_PAGE = 'https://platform.claude.com/docs/en/about-claude/pricing';

export const PRICE_ROWS: readonly PriceRow[] = [
  { model: 'claude-fable-5-2', effective: '2026-11-01', source: PRICING_PAGE, rates: standard(10, 50, 0.025) },
  { model: 'claude-fable-5-1', effective: '2026-08-01', source: `${MODELS_PAGE} (Fable 5.1)`, rates: standard(10, 50, 0.025) },
  { model: 'claude-fable-5', effective: '2026-06-09', source: `${MODELS_PAGE} (Fable 5)`, rates: standard(10, 50) },
  { model: 'claude-mythos-5-2', effective: '2026-11-01', source: PRICING_PAGE, rates: standard(10, 50, 0.025) },
  { model: 'claude-mythos-5-1', effective: '2026-08-01', source: PRICING_PAGE, rates: standard(10, 50, 0.025) },
  { model: 'claude-mythos-5', effective: '2026-06-09', source: PRICING_PAGE, rates: standard(10, 50) },
  { model: 'claude-opus-5-5', effective: '2026-09-01', source: 'https://platform.claude.com/docs/en/about-claude/models/whats-new-opus-5-5', rates: standard(4, 20, 0.05) },
  { model: 'claude-opus-5', effective: '2026-07-24', source: 'https://platform.claude.com/docs/en/about-claude/models/whats-new-opus-5', rates: standard(5, 25) },
  { model: 'claude-sonnet-5-5', effective: '2026-09-01', source: 'https://platform.claude.com/docs/en/models/sonnet-5-5/overview', rates: standard(2, 10, 0.1) },
  // 2026-10-07: Sonnet 5.5 cache reads cut from 0.10x to 0.05x input.
  { model: 'claude-sonnet-5-5', effective: '2026-10-07', source: `${PRICING_PAGE} (cache-read cut of 2026-10-07)`, rates: standard(2, 10, 0.05) },
  { model: 'claude-sonnet-5', effective: '2026-06-30', source: 'https://platform.claude.com/docs/en/models/sonnet-5/overview', rates: standard(2, 10) },
  {
    model: 'claude-haiku-5-5',
    effective: '2026-10-07',
    source: `${PRICING_PAGE} (Haiku 5.5, two bands by prompt length)`,
    rates: standard(0.1, 0.5),
    longPrompt: { thresholdTokens: 100_000, rates: standard(0.5, 2.5) },
  },
  { model: 'claude-haiku-4-5*', effective: '2025-10-15', source: MODELS_PAGE, rates: standard(1, 5) },
  { model: 'claude-opus-4-8', effective: '2026-05-28', source: MODELS_PAGE, rates: standard(5, 25) },
  { model: 'claude-opus-4-7', effective: '2026-04-16', source: MODELS_PAGE, rates: standard(5, 25) },
  { model: 'claude-opus-4-6', effective: '2026-02-05', source: MODELS_PAGE, rates: standard(5, 25) },
  { model: 'claude-opus-4-5*', effective: '2025-11-24', source: MODELS_PAGE, rates: standard(5, 25) },
  { model: 'claude-opus-4-1*', effective: '2025-08-05', source: MODELS_PAGE, rates: standard(15, 75), retired: true },

  { model: 'claude-opus-4-0*', effective: '2025-05-22', source: MODELS_PAGE, rates: standard(15, 75), retired: true },

  { model: 'claude-opus-4-20250514', effective: '2025-05-22', source: MODELS_PAGE, rates: standard(15, 75), retired: true },

  { model: 'claude-sonnet-4*', effective: '2025-05-22', source: MODELS_PAGE, rates: standard(3, 15) },
  { model: 'claude-3-5-haiku*', effective: '2024-11-04', source: MODELS_PAGE, rates: standard(0.8, 4), retired: true },

];

/** The lineup speccc routes to by default (bundled example and `speccc init`). */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';
export const ROUTING = { architecture: 'claude-opus-5-5', feature: 'claude-sonnet-5-5', constraint: 'claude-haiku-5-5' } as const;
