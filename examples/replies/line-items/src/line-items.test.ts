import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import { lineNet, parseLineItems } from './line-items.js';

const tea = { description: 'Tea', quantity: 3, unitPrice: 250, category: 'reduced' };

describe('line items', () => {
  it('[line-items#S-one-valid-line] scenario: one valid line', () => {
    const [line] = parseLineItems([tea]);
    expect(lineNet(line!).minor).toBe(750);
  });

  it('[line-items#S-an-invalid-quantity-names-the-line] scenario: an invalid quantity names the line', () => {
    expect(() => parseLineItems([tea, { ...tea, quantity: 0 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_LINE', message: expect.stringMatching(/line 1.*quantity/) }),
    );
  });

  it('rejects a non-list and an empty invoice', () => {
    expect(() => parseLineItems('tea')).toThrow(expect.objectContaining({ code: 'NOT_A_LIST' }));
    expect(() => parseLineItems([])).toThrow(expect.objectContaining({ code: 'EMPTY_INVOICE' }));
  });

  it('[line-items#R-parselineitems-returns-the-lines-in] returns the lines in input order with unitPrice as Money', () => {
    const lines = parseLineItems([tea, { ...tea, description: 'Cake', unitPrice: 400, category: 'standard' }]);
    expect(lines.map((l) => l.description)).toEqual(['Tea', 'Cake']);
    expect(lines[1]!.unitPrice).toEqual({ minor: 400 });
  });

  it('[line-items#R-linenet-line-returns-quantity-unitprice] multiplies quantity by unit price and reports overflow', () => {
    expect(lineNet(parseLineItems([{ ...tea, quantity: 4 }])[0]!).minor).toBe(1_000);
    const huge = { description: 'Gold', quantity: 10_000, unitPrice: money(Number.MAX_SAFE_INTEGER), category: 'standard' as const };
    expect(() => lineNet(huge)).toThrow(expect.objectContaining({ code: 'OVERFLOW' }));
  });

  it('[line-items#R-parselineitems-must-ignore-unknown-extra] ignores unknown extra fields', () => {
    expect(parseLineItems([{ ...tea, colour: 'green' }])[0]).not.toHaveProperty('colour');
  });

  it('[line-items#E-a-description-of-exactly-200] accepts 200 characters of description and rejects 201', () => {
    expect(parseLineItems([{ ...tea, description: 'x'.repeat(200) }])).toHaveLength(1);
    expect(() => parseLineItems([{ ...tea, description: 'x'.repeat(201) }])).toThrow(expect.objectContaining({ code: 'INVALID_LINE' }));
  });

  it('[line-items#E-a-quantity-of-0-a] rejects a quantity of 0, a negative quantity and 2.5', () => {
    for (const quantity of [0, -1, 2.5]) expect(() => parseLineItems([{ ...tea, quantity }])).toThrow(expect.objectContaining({ code: 'INVALID_LINE' }));
  });

  it('[line-items#E-a-unit-price-of-0] accepts a free line', () => {
    expect(lineNet(parseLineItems([{ ...tea, unitPrice: 0 }])[0]!).minor).toBe(0);
  });
});
