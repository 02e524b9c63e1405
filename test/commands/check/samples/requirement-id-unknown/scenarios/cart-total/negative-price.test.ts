import { expect, it } from 'vitest';
import { total } from '../../src/cart.js';

it('[cart-total#R-total-must-reject-a-negativ] a negative price is refused', () => {
  expect(() => total([-1])).toThrow('INVALID_PRICE');
});
