/** A week's minutes priced at the hourly rate and the overtime premium. */
import type { WeekHours } from './hours.js';
import { add, cents, PayrollError, roundHalfUp, type Money } from './money.js';

/** Cents per hour, and the overtime premium in basis points of the hourly rate. */
export interface PayRate {
  readonly hourlyCents: number;
  readonly overtimeBp: number;
}

/** [gross-pay#R-grosspay-returns-regular-overtime-gross] */
export interface GrossPay {
  readonly regular: Money;
  readonly overtime: Money;
  readonly gross: Money;
}

/** [gross-pay#S-a-zero-rate] */
function checkInputs(week: WeekHours, rate: PayRate): void {
  if (!Number.isSafeInteger(rate.hourlyCents) || rate.hourlyCents <= 0) {
    throw new PayrollError('INVALID_RATE', `an hourly rate of ${String(rate.hourlyCents)} cents`);
  }
  if (!Number.isInteger(rate.overtimeBp) || rate.overtimeBp < 10_000 || rate.overtimeBp > 30_000) {
    throw new PayrollError('INVALID_RATE', `an overtime premium of ${String(rate.overtimeBp)} bp`);
  }
  for (const minutes of [week.regularMinutes, week.overtimeMinutes]) {
    if (!Number.isSafeInteger(minutes) || minutes < 0) throw new PayrollError('INVALID_MINUTES', `${String(minutes)} minutes`);
  }
}

/** Regular and overtime pay, each rounded once. [gross-pay#R-regular-pay-is-regularminutes-hourlycents, gross-pay#R-overtime-pay-is-overtimeminutes-hourlycents, gross-pay#R-gross-pay-is-regular-pay, gross-pay#R-grosspay-returns-regular-overtime-gross, gross-pay#E-a-week-of-0-minutes, gross-pay#E-an-overtimebp-of-10-000, gross-pay#S-regular-and-overtime-minutes, gross-pay#S-a-part-hour] */
export function grossPay(week: WeekHours, rate: PayRate): GrossPay {
  checkInputs(week, rate);
  const regular = cents(roundHalfUp(week.regularMinutes * rate.hourlyCents, 60));
  const overtime = cents(roundHalfUp(week.overtimeMinutes * rate.hourlyCents * rate.overtimeBp, 60 * 10_000));
  return { regular, overtime, gross: add(regular, overtime) };
}
