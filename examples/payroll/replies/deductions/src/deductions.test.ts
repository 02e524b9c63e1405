import { describe, expect, it } from 'vitest';
import { deductions } from './deductions.js';
import { cents, PayrollError } from './money.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error instanceof PayrollError ? error.code : error;
  }
  return 'no error';
};
const pay = (gross: number) => ({ regular: cents(gross), overtime: cents(0), gross: cents(gross) });
const figures = (d: ReturnType<typeof deductions>) => [d.gross.cents, d.pension.cents, d.benefit.cents, d.shortfall.cents, d.taxable.cents];

describe('deductions', () => {
  it('[deductions#S-pension-and-benefits] [deductions#R-the-pension-contribution-is-gross] [deductions#R-the-taxable-income-is-the] [deductions#R-deductions-returns-gross-pension-benefit] pension and benefits', () => {
    const d = deductions(pay(78_163), { pensionBp: 500, pensionCapCents: 10_000, benefitCents: 2_500 });
    expect(figures(d)).toEqual([78_163, 3_908, 2_500, 0, 71_755]);
  });

  it('[deductions#S-the-cap] the cap', () => {
    expect(figures(deductions(pay(300_000), { pensionBp: 500, pensionCapCents: 10_000, benefitCents: 0 }))).toEqual([300_000, 10_000, 0, 0, 290_000]);
  });

  it('[deductions#S-a-short-week] [deductions#R-the-benefits-taken-are-benefitcents] a short week', () => {
    expect(figures(deductions(pay(2_000), { pensionBp: 500, pensionCapCents: 10_000, benefitCents: 2_500 }))).toEqual([2_000, 100, 1_900, 600, 0]);
  });

  it('[deductions#E-a-gross-pay-of-0] [deductions#E-a-pensionbp-of-0-takes] edges and invalid plans', () => {
    expect(figures(deductions(pay(0), { pensionBp: 500, pensionCapCents: 10_000, benefitCents: 700 }))).toEqual([0, 0, 0, 700, 0]);
    expect(figures(deductions(pay(5_000), { pensionBp: 0, pensionCapCents: 10_000, benefitCents: 0 }))).toEqual([5_000, 0, 0, 0, 5_000]);
    expect(codeOf(() => deductions(pay(5_000), { pensionBp: 2_500, pensionCapCents: 0, benefitCents: 0 }))).toBe('INVALID_PLAN');
    expect(codeOf(() => deductions(pay(5_000), { pensionBp: 0, pensionCapCents: -1, benefitCents: 0 }))).toBe('INVALID_PLAN');
  });
});
