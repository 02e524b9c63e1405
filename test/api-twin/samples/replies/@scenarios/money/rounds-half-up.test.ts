import { expect, it } from 'vitest';
import { round } from '../../src/money.js';

it('rounds half up', () => {
  expect(round(2.5)).toBe(3);
});
