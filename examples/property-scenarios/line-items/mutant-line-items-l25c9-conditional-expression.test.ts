import { expect, it } from 'vitest';
import { parseLineItems } from '../../src/line-items.js';

it('a line that is not an object is refused by its index', () => {
  const good = { description: 'Widget', quantity: 1, unitPrice: 100, category: 'standard' };
  for (const bad of [null, 'Widget', 7]) {
    let caught: { code?: unknown; message?: unknown } | undefined;
    try {
      parseLineItems([good, bad]);
    } catch (error) {
      caught = error as { code?: unknown; message?: unknown };
    }
    expect(caught?.code).toBe('INVALID_LINE');
    expect(String(caught?.message)).toContain('1');
  }
});
