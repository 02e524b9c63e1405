/**
 * The budget is a cap, for any text: jobs whose prompts and replies are CJK, emoji or mixed run
 * concurrently through the real provider against the twin (which bills non-ASCII text at about
 * a token a character, as the real tokenizer does), and the sum of what the usage implies never
 * exceeds the cap. Reservations bound input by UTF-8 bytes; characters ÷ 4 would under-reserve
 * CJK text threefold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBudget } from '../../../src/phases/6-generate/budget.js';
import { createSandbox } from '../../../src/phases/6-generate/sandbox.js';
import { priceOf, utf8Bytes, worstCaseOf } from '../../../src/prices/pricing.js';
import { startTwin, writeFilesReply } from '../../../src/api-twin/index.js';
import { agentFor } from '../../helpers/provider.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

const text = fc.array(fc.constantFrom('価格', '合計は', 'の請求書', '🧾', 'Σ', 'ünïcödé', 'total ', '税込み', '😀😀', 'line item '), { minLength: 1000, maxLength: 4000 }).map((parts) => parts.join(''));

describe('budget cap (property, against the twin)', () => {
  it('the sum of billed costs never exceeds the cap, whatever the script', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 2, maxLength: 5 }), text, fc.double({ min: 0.002, max: 0.05, noNaN: true }), async (prompts, reply, cap) => {
        const root = workspaces.empty('speccc-cap-');
        const twin = await startTwin({ script: [{ reply: writeFilesReply({ 'src/a.ts': reply }) }] });
        try {
          const budget = createBudget(cap);
          const { agent } = agentFor(root, twin.url, { budget, maxTurns: 3 });
          const outcomes = await Promise.all(
            prompts.map((prompt, i) =>
              agent.run(
                { specId: `s${i}`, jobKey: 'k'.repeat(64), model: 'claude-sonnet-5-5', effort: 'high', maxOutputTokens: 256, system: prompt.slice(0, 500), prompt, signal: new AbortController().signal },
                createSandbox({ outputs: ['src/a.ts'], readable: new Map() }),
              ),
            ),
          );
          const billed = outcomes.reduce((s, o) => s + o.costUsd, 0);
          expect(billed).toBeLessThanOrEqual(cap + 1e-12);
          expect(budget.spent()).toBeCloseTo(billed, 12);
        } finally {
          await twin.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 60_000);

  it('for CJK text the reservation covers the bill, where characters ÷ 4 would not', () => {
    const prompt = '合計は税込みの請求書の価格'.repeat(200);
    const price = priceOf('claude-sonnet-5-5')!;
    const tokens = [...prompt].length; // the twin (and the real tokenizer) bill about one token per CJK character
    const charsOver4 = Math.ceil(prompt.length / 4);
    expect(charsOver4).toBeLessThan(tokens / 3);
    expect(worstCaseOf(price, utf8Bytes(prompt), 0)).toBeGreaterThanOrEqual((tokens * price.rates.cacheWrite1h) / 1e6);
  });
});
