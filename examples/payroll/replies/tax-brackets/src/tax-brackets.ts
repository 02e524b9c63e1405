/** Progressive income tax over brackets of annual income. */
import { cents, PayrollError, roundHalfUp, type Money } from './money.js';

/** A band of annual income up to `upTo` cents (null: no upper bound), taxed at `rateBp`. */
export interface Bracket {
  readonly upTo: number | null;
  readonly rateBp: number;
}

/** Ascending safe-integer bounds above 0, only the last one null, rates 0 to 10,000 bp. [tax-brackets#R-validatebrackets-brackets-returns-nothing-for, tax-brackets#S-brackets-out-of-order] */
export function validateBrackets(brackets: readonly Bracket[]): void {
  if (brackets.length === 0) throw new PayrollError('INVALID_BRACKETS', 'no brackets');
  let previous = 0;
  brackets.forEach((bracket, index) => {
    const last = index === brackets.length - 1;
    if (!Number.isInteger(bracket.rateBp) || bracket.rateBp < 0 || bracket.rateBp > 10_000) {
      throw new PayrollError('INVALID_BRACKETS', `bracket ${index + 1}: a rate of ${String(bracket.rateBp)} bp`);
    }
    if (bracket.upTo === null) {
      if (!last) throw new PayrollError('INVALID_BRACKETS', `bracket ${index + 1} has no bound but is not the last`);
      return;
    }
    if (last) throw new PayrollError('INVALID_BRACKETS', 'the last bracket has a bound');
    if (!Number.isSafeInteger(bracket.upTo) || bracket.upTo <= previous) {
      throw new PayrollError('INVALID_BRACKETS', `bracket ${index + 1}: the bound ${String(bracket.upTo)} is not above ${previous}`);
    }
    previous = bracket.upTo;
  });
}

/** Each bracket taxes the part of the income above the previous bound, up to its own; rounded once. [tax-brackets#R-a-bracket-taxes-the-part, tax-brackets#R-annualtax-sums-part-ratebp-over, tax-brackets#R-an-income-of-0-or, tax-brackets#E-an-income-exactly-at-a, tax-brackets#E-a-single-top-bracket-taxes, tax-brackets#S-three-brackets, tax-brackets#S-rounding-once] */
export function annualTax(income: Money, brackets: readonly Bracket[]): Money {
  validateBrackets(brackets);
  let exact = 0;
  let lower = 0;
  for (const bracket of brackets) {
    const upper = bracket.upTo ?? Number.POSITIVE_INFINITY;
    const part = Math.min(income.cents, upper) - lower;
    if (part <= 0) break;
    exact += part * bracket.rateBp;
    lower = upper;
  }
  if (!Number.isSafeInteger(exact)) throw new PayrollError('OVERFLOW', 'the tax overflows a safe integer');
  return cents(roundHalfUp(exact, 10_000));
}

/** The rate of the bracket that taxes the income's last cent. [tax-brackets#R-marginalrate-income-brackets-returns-the, tax-brackets#S-three-brackets] */
export function marginalRate(income: Money, brackets: readonly Bracket[]): number {
  validateBrackets(brackets);
  const bracket = brackets.find((b) => b.upTo === null || income.cents <= b.upTo);
  return (bracket ?? brackets[0]!).rateBp;
}
