/** Money as an integer number of minor units (cents), with the one rounding function tally uses. */

/** The error every module throws, with a stable code. [money#R-tallyerror-extends-error-and-has] */
export class TallyError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'TallyError';
    this.code = code;
  }
}

/** [money#R-money-is-readonly-minor-number] */
export interface Money {
  readonly minor: number;
}

/** A Money value; refuses anything but a safe integer. [money#R-money-is-readonly-minor-number, money#R-money-minor-must-throw-tallyerror, money#S-non-integer] */
export function money(minor: number): Money {
  if (!Number.isSafeInteger(minor)) {
    throw new TallyError('NOT_AN_INTEGER', `money(${String(minor)}): expected a safe integer of minor units`);
  }
  return Object.freeze({ minor });
}

/** [money#R-add-a-b-and-subtract] */
function checked(result: number, operation: string): Money {
  if (!Number.isSafeInteger(result)) throw new TallyError('OVERFLOW', `${operation} overflows a safe integer`);
  return money(result);
}

/** [money#R-add-a-b-and-subtract] */
export function add(a: Money, b: Money): Money {
  return checked(a.minor + b.minor, `add(${a.minor}, ${b.minor})`);
}

/** [money#R-add-a-b-and-subtract] */
export function subtract(a: Money, b: Money): Money {
  return checked(a.minor - b.minor, `subtract(${a.minor}, ${b.minor})`);
}

/** numerator / denominator rounded half to even, for integers. [money#R-roundhalfeven-numerator-denominator-divides-two, money#S-half-even-rounding-of-a-tie] */
export function roundHalfEven(numerator: number, denominator: number): number {
  if (denominator === 0) throw new TallyError('DIVIDE_BY_ZERO', 'roundHalfEven: the denominator is 0');
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new TallyError('NOT_AN_INTEGER', 'roundHalfEven: expected integer arguments');
  }
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const quotient = Math.floor(n / d);
  const twiceRemainder = 2 * (n - quotient * d);
  let rounded = quotient;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2 === 1)) rounded = quotient + 1;
  return sign * rounded + 0; // + 0 turns -0 into 0
}

/** m × bp / 10000, rounded half to even. [money#R-multiplybasispoints-m-bp-returns-m, money#S-half-even-rounding-of-a-tie] */
export function multiplyBasisPoints(m: Money, basisPoints: number): Money {
  if (!Number.isSafeInteger(basisPoints)) throw new TallyError('NOT_AN_INTEGER', 'multiplyBasisPoints: basis points must be an integer');
  const product = m.minor * basisPoints;
  if (!Number.isSafeInteger(product)) throw new TallyError('OVERFLOW', 'multiplyBasisPoints overflows a safe integer');
  return money(roundHalfEven(product, 10_000));
}

/** Two decimals, a leading minus for negatives. [money#R-formatmoney-m-returns-the-amount, money#S-formatting] */
export function formatMoney(m: Money): string {
  const sign = m.minor < 0 ? '-' : '';
  const abs = Math.abs(m.minor);
  const units = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${units}.${cents}`;
}
