import { expect, it } from 'vitest';
import { money } from '../../src/money.js';
import { applyDiscounts } from '../../src/discount-codes.js';

it('codes typed by customers are matched forgivingly', () => {
  const result = applyDiscounts(money(5_000), ['  spring'], { SPRING: { kind: 'fixed', amount: money(700) } });
  expect(result).toEqual({ discount: money(700), applied: ['SPRING'] });
});
