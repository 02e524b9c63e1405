/** Money as an integer number of cents, with the one rounding function payroll uses. */

/** The error every module throws, with a stable code. [money#R-payrollerror-extends-error-and-has] */
export class PayrollError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'PayrollError';
    this.code = code;
  }
}

/** [money#R-money-is-readonly-cents-number] */
export interface Money {
  readonly cents: number;
}

/** A Money value; refuses anything but a safe integer. [money#R-money-is-readonly-cents-number, money#R-cents-n-must-throw-payrollerror, money#S-non-integer] */
export function cents(n: number): Money {
  if (!Number.isSafeInteger(n)) throw new PayrollError('NOT_AN_INTEGER', `cents(${String(n)}): expected a safe integer`);
  return Object.freeze({ cents: n });
}

/** [money#R-add-a-b-subtract-a] */
function checked(result: number, operation: string): Money {
  if (!Number.isSafeInteger(result)) throw new PayrollError('OVERFLOW', `${operation} overflows a safe integer`);
  return cents(result);
}

/** [money#R-add-a-b-subtract-a] */
export function add(a: Money, b: Money): Money {
  return checked(a.cents + b.cents, `add(${a.cents}, ${b.cents})`);
}

/** [money#R-add-a-b-subtract-a] */
export function subtract(a: Money, b: Money): Money {
  return checked(a.cents - b.cents, `subtract(${a.cents}, ${b.cents})`);
}

/** The sum of any number of amounts; 0 for none. [money#R-add-a-b-subtract-a] */
export function sum(amounts: readonly Money[]): Money {
  return amounts.reduce((total, m) => add(total, m), cents(0));
}

/** numerator / denominator, an exact half rounded away from zero. [money#R-roundhalfup-numerator-denominator-divides-two, money#S-ties-round-away-from-zero] */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new PayrollError('NOT_AN_INTEGER', 'roundHalfUp: expected integer arguments');
  }
  if (denominator === 0) throw new PayrollError('DIVIDE_BY_ZERO', 'roundHalfUp: the denominator is 0');
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const quotient = Math.floor(n / d);
  const twiceRemainder = 2 * (n - quotient * d);
  const rounded = twiceRemainder >= d ? quotient + 1 : quotient;
  return sign * rounded + 0; // + 0 turns -0 into 0
}

/** Two decimals, whole units grouped in thousands, a leading minus for negatives. [money#R-formatmoney-m-returns-the-amount, money#S-formatting] */
export function formatMoney(m: Money): string {
  const sign = m.cents < 0 ? '-' : '';
  const abs = Math.abs(m.cents);
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const hundredths = String(abs % 100).padStart(2, '0');
  return `${sign}${units}.${hundredths}`;
}
