import { expect, it } from 'vitest';
import { money } from '../../src/money.js';
import { applyDiscounts } from '../../src/discount-codes.js';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
}
const catalogue = { SAVE10: { kind: 'percent', basisPoints: 1_000 }, HALF: { kind: 'percent', basisPoints: 5_000 }, FIVER: { kind: 'fixed', amount: money(500) } } as const;

it('two percent codes do not stack', () => {
  expect(codeOf(() => applyDiscounts(money(10_000), ['SAVE10', 'HALF'], catalogue))).toBe('PERCENT_CODES_DO_NOT_STACK');
});
