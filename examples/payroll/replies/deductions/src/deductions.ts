/** The pre-tax deductions: the pension contribution, then the benefits premium. */
import type { GrossPay } from './gross-pay.js';
import { cents, PayrollError, roundHalfUp, subtract, type Money } from './money.js';

/** The pension rate in basis points and its cap, and the benefits premium, per pay period. */
export interface DeductionPlan {
  readonly pensionBp: number;
  readonly pensionCapCents: number;
  readonly benefitCents: number;
}

/** [deductions#R-deductions-returns-gross-pension-benefit] */
export interface Deductions {
  readonly gross: Money;
  readonly pension: Money;
  readonly benefit: Money;
  readonly shortfall: Money;
  readonly taxable: Money;
}

function checkPlan(plan: DeductionPlan): void {
  if (!Number.isInteger(plan.pensionBp) || plan.pensionBp < 0 || plan.pensionBp > 2_000) {
    throw new PayrollError('INVALID_PLAN', `a pension rate of ${String(plan.pensionBp)} bp`);
  }
  for (const amount of [plan.pensionCapCents, plan.benefitCents]) {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new PayrollError('INVALID_PLAN', `an amount of ${String(amount)} cents`);
  }
}

/** Pension (capped), then benefits up to what is left, the rest taxable. [deductions#R-the-pension-contribution-is-gross, deductions#R-the-benefits-taken-are-benefitcents, deductions#R-the-taxable-income-is-the, deductions#R-deductions-returns-gross-pension-benefit, deductions#E-a-gross-pay-of-0, deductions#E-a-pensionbp-of-0-takes, deductions#S-pension-and-benefits, deductions#S-the-cap, deductions#S-a-short-week] */
export function deductions(pay: GrossPay, plan: DeductionPlan): Deductions {
  checkPlan(plan);
  const gross = pay.gross;
  const pension = cents(Math.min(roundHalfUp(gross.cents * plan.pensionBp, 10_000), plan.pensionCapCents));
  const left = subtract(gross, pension);
  const benefit = cents(Math.max(0, Math.min(plan.benefitCents, left.cents)));
  return { gross, pension, benefit, shortfall: cents(plan.benefitCents - benefit.cents), taxable: subtract(left, benefit) };
}
