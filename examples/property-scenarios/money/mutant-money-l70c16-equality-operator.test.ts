import { expect, it } from 'vitest';
import { formatMoney, money } from '../../src/money.js';

it('zero is formatted without a minus', () => {
  expect(formatMoney(money(0))).toBe('0.00');
});
