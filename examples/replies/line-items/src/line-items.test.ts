import { describe, expect, it } from 'vitest';
import { lineNet, parseLineItems } from './line-items.js';

const tea = { description: 'Tea', quantity: 3, unitPrice: 250, category: 'reduced' };

describe('line items', () => {
  it('scenario: one valid line', () => {
    const [line] = parseLineItems([tea]);
    expect(lineNet(line!).minor).toBe(750);
  });

  it('scenario: an invalid quantity names the line', () => {
    expect(() => parseLineItems([tea, { ...tea, quantity: 0 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_LINE', message: expect.stringMatching(/line 1.*quantity/) }),
    );
  });

  it('rejects a non-list and an empty invoice', () => {
    expect(() => parseLineItems('tea')).toThrow(expect.objectContaining({ code: 'NOT_A_LIST' }));
    expect(() => parseLineItems([])).toThrow(expect.objectContaining({ code: 'EMPTY_INVOICE' }));
  });

  it('edge cases: description length, quantities, free lines, extra fields', () => {
    expect(parseLineItems([{ ...tea, description: 'x'.repeat(200) }])).toHaveLength(1);
    expect(() => parseLineItems([{ ...tea, description: 'x'.repeat(201) }])).toThrow(expect.objectContaining({ code: 'INVALID_LINE' }));
    for (const quantity of [0, -1, 2.5]) expect(() => parseLineItems([{ ...tea, quantity }])).toThrow(expect.objectContaining({ code: 'INVALID_LINE' }));
    expect(lineNet(parseLineItems([{ ...tea, unitPrice: 0 }])[0]!).minor).toBe(0);
    expect(parseLineItems([{ ...tea, colour: 'green' }])[0]).not.toHaveProperty('colour');
  });
});
