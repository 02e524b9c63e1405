import { describe, expect, it } from 'vitest';
import { cents, PayrollError } from './money.js';
import { netPay } from './net-pay.js';
import type { Bracket } from './tax-brackets.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error instanceof PayrollError ? error.code : error;
  }
  return 'no error';
};
const pay = (gross: number) => ({ regular: cents(gross), overtime: cents(0), gross: cents(gross) });
const brackets: Bracket[] = [{ upTo: 1_000_000, rateBp: 0 }, { upTo: 4_000_000, rateBp: 2_000 }, { upTo: null, rateBp: 4_000 }];
const plan = { pensionBp: 500, pensionCapCents: 10_000, benefitCents: 2_500 };
const none = { pensionBp: 0, pensionCapCents: 0, benefitCents: 0 };

describe('net pay', () => {
  it('[net-pay#S-a-weekly-payslip] [net-pay#R-the-annual-income-is-the] [net-pay#R-the-tax-withheld-is-the] [net-pay#R-the-net-pay-is-the] [net-pay#R-netpay-returns-gross-pension-benefit] a weekly payslip', () => {
    const result = netPay(pay(78_163), plan, brackets, 52);
    expect([result.gross, result.pension, result.benefit, result.shortfall, result.tax, result.net].map((m) => m.cents)).toEqual([78_163, 3_908, 2_500, 0, 10_505, 61_250]);
  });

  it('[net-pay#S-a-monthly-payslip-under-the-first-bound] a monthly payslip under the first bound', () => {
    const result = netPay(pay(80_000), none, brackets, 12);
    expect([result.tax.cents, result.net.cents]).toEqual([0, 80_000]);
  });

  it('[net-pay#S-a-fortnight-that-is-not-a-pay-period] a fortnight that is not a pay period', () => {
    expect(codeOf(() => netPay(pay(80_000), none, brackets, 24))).toBe('INVALID_PERIODS');
  });

  it('[net-pay#E-a-taxable-income-of-0] [net-pay#E-the-tax-withheld-is-never] no taxable income, and a 100% top rate', () => {
    const short = netPay(pay(2_000), plan, brackets, 52);
    expect([short.tax.cents, short.net.cents, short.shortfall.cents]).toEqual([0, 0, 600]);
    const all = netPay(pay(999), none, [{ upTo: null, rateBp: 10_000 }], 26);
    expect([all.tax.cents, all.net.cents]).toEqual([999, 0]);
  });
});
