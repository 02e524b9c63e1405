import { expect, it } from 'vitest';
import { money, multiplyBasisPoints } from '../../src/money.js';

it('negative amounts round half to even too', () => {
  expect(multiplyBasisPoints(money(-135), 1_000).minor).toBe(-14);
  expect(multiplyBasisPoints(money(-125), 1_000).minor).toBe(-12);
});
