/** One pay period's net pay: gross less deductions and the income tax withheld. */
import { deductions, type DeductionPlan } from './deductions.js';
import type { GrossPay } from './gross-pay.js';
import { cents, PayrollError, roundHalfUp, subtract, type Money } from './money.js';
import { annualTax, type Bracket } from './tax-brackets.js';

/** [net-pay#R-netpay-returns-gross-pension-benefit] */
export interface NetPay {
  readonly gross: Money;
  readonly pension: Money;
  readonly benefit: Money;
  readonly shortfall: Money;
  readonly tax: Money;
  readonly net: Money;
}

const PERIODS = new Set([12, 26, 52]);

/** Tax withheld on the taxable income as if earned every period of the year. [net-pay#R-the-annual-income-is-the, net-pay#R-the-tax-withheld-is-the, net-pay#R-the-net-pay-is-the, net-pay#R-netpay-returns-gross-pension-benefit, net-pay#E-a-taxable-income-of-0, net-pay#E-the-tax-withheld-is-never, net-pay#S-a-weekly-payslip, net-pay#S-a-monthly-payslip-under-the-first-bound, net-pay#S-a-fortnight-that-is-not-a-pay-period] */
export function netPay(pay: GrossPay, plan: DeductionPlan, brackets: readonly Bracket[], periodsPerYear: number): NetPay {
  if (!PERIODS.has(periodsPerYear)) throw new PayrollError('INVALID_PERIODS', `${String(periodsPerYear)} pay periods a year; expected 12, 26 or 52`);
  const taken = deductions(pay, plan);
  const annual = cents(taken.taxable.cents * periodsPerYear);
  const tax = cents(roundHalfUp(annualTax(annual, brackets).cents, periodsPerYear));
  const net = subtract(taken.taxable, tax);
  return { gross: taken.gross, pension: taken.pension, benefit: taken.benefit, shortfall: taken.shortfall, tax, net };
}
