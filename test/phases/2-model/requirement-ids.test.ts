/**
 * Requirement ids are derived from content, not position: inserting, deleting or reordering
 * other items changes no id; a collision gets a suffix on every colliding item, independent of
 * order; an author's `{#id}` pins an id whatever the text says.
 */
import { describe, expect, it } from 'vitest';
import { parseSpecFile } from '../../../src/phases/1-parse/index.js';
import { modelSpec } from '../../../src/phases/2-model/index.js';
import { slugOf } from '../../../src/phases/2-model/requirements.js';

const spec = (rules: string[], edges: string[] = ['An empty cart totals 0.'], scenarios = '### Scenario: two items\n- **Given** prices 250 and 175\n- **When** the total is computed\n- **Then** it is 425\n') =>
  `---\nid: cart\nkind: feature\nstatus: ready\noutputs: [src/cart.ts, src/cart.test.ts]\n---\n\n# Cart\n\n## What\n\nTotals.\n\n## Rules\n\n${rules.map((r) => `- ${r}`).join('\n')}\n\n## Edge cases\n\n${edges.map((e) => `- ${e}`).join('\n')}\n\n## Evaluation\n\n${scenarios}`;

const model = (text: string) => modelSpec(parseSpecFile('specs/cart.md', new TextEncoder().encode(text)));
const ids = (text: string) => model(text).spec!.requirements.map((r) => r.id);

describe('requirement ids', () => {
  it('are derived from the first words, by kind, in document order', () => {
    expect(ids(spec(['The total must be the sum of the prices.', 'Prices are `integers` of cents.']))).toEqual([
      'cart#R-the-total-must-be-the',
      'cart#R-prices-are-integers-of-cents',
      'cart#E-an-empty-cart-totals-0',
      'cart#S-two-items',
    ]);
    expect(slugOf('Ça coûte 5 €, déjà payé!')).toBe('ca-coute-5-deja-paye');
  });

  it('survive inserting, deleting and reordering other items', () => {
    const before = ids(spec(['The total must be the sum of the prices.', 'Prices are integers of cents.']));
    const after = ids(spec(['A new first rule about discounts.', 'Prices are integers of cents.', 'The total must be the sum of the prices.'], ['A brand-new edge case.', 'An empty cart totals 0.']));
    for (const id of before) expect(after).toContain(id);
  });

  it('suffix every colliding id with a hash of its text, whatever their order', () => {
    const a = 'The total must be the sum of the prices.';
    const b = 'The total must be the sum of the taxes too.';
    const one = ids(spec([a, b]));
    const two = ids(spec([b, a]));
    expect(one[0]).toMatch(/^cart#R-the-total-must-be-the-[0-9a-f]{4}$/);
    expect(one[1]).toMatch(/^cart#R-the-total-must-be-the-[0-9a-f]{4}$/);
    expect(one[0]).not.toBe(one[1]);
    expect(new Set(two)).toEqual(new Set(one));
    // Identical texts still get distinct ids.
    const same = ids(spec([a, a]));
    expect(new Set(same.slice(0, 2)).size).toBe(2);
  });

  it('can be pinned with {#id} on a rule, an edge case, a scenario heading and a one-line scenario', () => {
    const text = spec(
      ['The total must be the sum of the prices. {#R-sum}', 'Prices are integers. {#R-sum-x}'],
      ['An empty cart totals 0. {#empty}'],
      '### Scenario: two items {#S-two}\n- **Given** prices 250 and 175\n- **When** the total is computed\n- **Then** it is 425\n\n- **Given** no prices, **when** the total is computed, **then** it is 0. {#S-none}\n',
    );
    const m = model(text);
    expect(m.spec!.requirements.map((r) => [r.id, r.pinned, r.text])).toEqual([
      ['cart#R-sum', true, 'The total must be the sum of the prices.'],
      ['cart#R-sum-x', true, 'Prices are integers.'],
      ['cart#empty', true, 'An empty cart totals 0.'],
      ['cart#S-two', true, 'two items'],
      ['cart#S-none', true, 'Given no prices, when the total is computed, then it is 0.'],
    ]);
    // The pin is not part of the scenario's name or of its last step.
    expect(m.spec!.scenarios.map((s) => s.name).sort()).toEqual(['Given no prices, when the total is computed, then it is 0.', 'two items']);
    expect(m.spec!.scenarios.find((s) => s.form === 'list')!.then[0]!.text).toBe('it is 0.');
    expect(m.diagnostics).toEqual([]);
  });

  it('a derived id that equals a pinned one gets a suffix; a pinned id used twice is an error at the second pin', () => {
    const m = model(spec(['Zero is fine. {#R-prices-are-whole-cents}', 'Prices are whole cents.']));
    expect(m.spec!.requirements.map((r) => r.id).slice(0, 2)).toEqual(['cart#R-prices-are-whole-cents', expect.stringMatching(/^cart#R-prices-are-whole-cents-[0-9a-f]{4}$/)]);
    const dup = model(spec(['One. {#x}', 'Two. {#x}']));
    expect(dup.diagnostics.map((d) => [d.code, d.span.start.line, d.related?.[0]?.span.start.line])).toEqual([['requirement-id-duplicate', 17, 16]]);
  });
});
