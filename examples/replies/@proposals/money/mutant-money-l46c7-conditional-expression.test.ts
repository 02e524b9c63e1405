import { expect, it } from 'vitest';
import { roundHalfEven } from '../../src/money.js';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
}

it('dividing by zero is refused', () => {
  expect(codeOf(() => roundHalfEven(7, 0))).toBe('DIVIDE_BY_ZERO');
  expect(codeOf(() => roundHalfEven(0, 0))).toBe('DIVIDE_BY_ZERO');
});
