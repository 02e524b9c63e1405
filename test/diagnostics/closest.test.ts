import { describe, expect, it } from 'vitest';
import { closest } from '../../src/diagnostics/closest.js';

describe('did you mean', () => {
  it('finds a key behind a typo: a letter missing, extra, wrong, or two swapped', () => {
    const keys = ['paths', 'model', 'concurrency', 'budgetUsd', 'validation'];
    expect(closest('concurency', keys)).toBe('concurrency');
    expect(closest('modell', keys)).toBe('model');
    expect(closest('modle', keys)).toBe('model'); // a swap is one edit
    expect(closest('budget_usd', keys)).toBe('budgetUsd');
  });
  it('suggests nothing for a word that is not near any', () => {
    expect(closest('colour', ['paths', 'model'])).toBeUndefined();
  });
  it('takes an abbreviation or a suffixed name when exactly one candidate fits it', () => {
    expect(closest('mon', ['money', 'line-items'])).toBe('money');
    expect(closest('money-v2', ['money', 'line-items'])).toBe('money');
    // Two candidates begin with it: no guess. Two letters are too few to go on.
    expect(closest('line', ['line-items', 'line-totals'])).toBeUndefined();
    expect(closest('mo', ['money'])).toBeUndefined();
    // A near miss by edit distance wins over a prefix.
    expect(closest('check', ['chec', 'checkout'])).toBe('chec');
  });
});
