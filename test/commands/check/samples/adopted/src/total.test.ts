import { expect, it } from 'vitest';
import { total } from './total.js';

it('adds prices', () => {
  expect(total([250, 175])).toBe(425);
});
