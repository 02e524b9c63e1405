import fc from 'fast-check';
import { expect, it } from 'vitest';
import { money, multiplyBasisPoints, roundHalfEven } from '../../src/money.js';

const int = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });

it('rounding is to the nearest integer, ties to even', () => {
  fc.assert(
    fc.property(int, int.filter((d) => d !== 0), (n, d) => {
      const r = roundHalfEven(n, d);
      const twiceError = Math.abs(2 * (r * d - n));
      expect(twiceError).toBeLessThanOrEqual(Math.abs(d));
      if (twiceError === Math.abs(d)) expect(Math.abs(r) % 2).toBe(0);
    }),
  );
  fc.assert(
    fc.property(int, (minor) => {
      expect(multiplyBasisPoints(money(minor), 10_000).minor).toBe(minor);
    }),
  );
});
