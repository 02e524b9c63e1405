import { describe, expect, it } from 'vitest';
import { cents, PayrollError } from './money.js';
import { annualTax, marginalRate, validateBrackets, type Bracket } from './tax-brackets.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error instanceof PayrollError ? error.code : error;
  }
  return 'no error';
};
const three: Bracket[] = [{ upTo: 1_000_000, rateBp: 0 }, { upTo: 4_000_000, rateBp: 2_000 }, { upTo: null, rateBp: 4_000 }];

describe('tax brackets', () => {
  it('[tax-brackets#S-three-brackets] [tax-brackets#R-a-bracket-taxes-the-part] [tax-brackets#R-marginalrate-income-brackets-returns-the] three brackets', () => {
    expect(annualTax(cents(5_000_000), three).cents).toBe(1_000_000);
    expect(marginalRate(cents(5_000_000), three)).toBe(4_000);
    expect(marginalRate(cents(0), three)).toBe(0);
  });

  it('[tax-brackets#S-rounding-once] [tax-brackets#R-annualtax-sums-part-ratebp-over] [tax-brackets#E-a-single-top-bracket-taxes] rounding once', () => {
    expect(annualTax(cents(1_004), [{ upTo: null, rateBp: 1_250 }]).cents).toBe(126);
  });

  it('[tax-brackets#S-brackets-out-of-order] [tax-brackets#R-validatebrackets-brackets-returns-nothing-for] brackets out of order', () => {
    expect(codeOf(() => annualTax(cents(1), [{ upTo: 4_000_000, rateBp: 0 }, { upTo: 1_000_000, rateBp: 0 }, { upTo: null, rateBp: 0 }]))).toBe('INVALID_BRACKETS');
    expect(codeOf(() => validateBrackets([]))).toBe('INVALID_BRACKETS');
    expect(codeOf(() => validateBrackets([{ upTo: 100, rateBp: 0 }]))).toBe('INVALID_BRACKETS');
    expect(validateBrackets(three)).toBeUndefined();
  });

  it('[tax-brackets#R-an-income-of-0-or] [tax-brackets#E-an-income-exactly-at-a] zero incomes and bounds', () => {
    expect(annualTax(cents(-500), three).cents).toBe(0);
    expect(annualTax(cents(4_000_000), three).cents).toBe(600_000);
    expect(marginalRate(cents(4_000_000), three)).toBe(2_000);
  });
});
