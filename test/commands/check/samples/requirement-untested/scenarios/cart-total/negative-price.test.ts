import { expect, it } from 'vitest';
import { total } from '../../src/cart.js';

it('a negative price is refused', () => {
  expect(() => total([-1])).toThrow('INVALID_PRICE');
});
