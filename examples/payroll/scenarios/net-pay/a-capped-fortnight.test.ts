import { expect, it } from 'vitest';
import { cents } from '../../src/money.js';
import { netPay } from '../../src/net-pay.js';

const brackets = [{ upTo: 1_000_000, rateBp: 0 }, { upTo: 4_000_000, rateBp: 2_000 }, { upTo: null, rateBp: 4_000 }];

it('a fortnight with a capped pension in the top bracket', () => {
  const pay = netPay({ regular: cents(250_000), overtime: cents(0), gross: cents(250_000) }, { pensionBp: 800, pensionCapCents: 15_000, benefitCents: 4_000 }, brackets, 26);
  expect([pay.gross.cents, pay.pension.cents, pay.benefit.cents, pay.shortfall.cents, pay.tax.cents, pay.net.cents]).toEqual([250_000, 15_000, 4_000, 0, 53_938, 177_062]);
});
