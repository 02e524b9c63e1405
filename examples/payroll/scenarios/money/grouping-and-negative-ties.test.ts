import { expect, it } from 'vitest';
import { cents, formatMoney, roundHalfUp } from '../../src/money.js';

it('large amounts are grouped, and negative ties round away from zero', () => {
  expect(formatMoney(cents(-123_456_789))).toBe('-1,234,567.89');
  expect(roundHalfUp(-15, 10)).toBe(-2);
  expect(roundHalfUp(14, -4)).toBe(-4);
});
