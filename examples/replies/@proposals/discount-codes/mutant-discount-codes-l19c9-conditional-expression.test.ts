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

it('an unknown code is refused by name', () => {
  expect(codeOf(() => applyDiscounts(money(10_000), ['WELCOME'], catalogue))).toBe('UNKNOWN_CODE');
});
