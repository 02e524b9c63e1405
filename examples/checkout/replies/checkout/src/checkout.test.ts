import { expect, it } from 'vitest';
import { checkout, CheckoutError, type Order } from './checkout.js';

// The payments twin speccc starts for every test run, fresh before each test.
const paymentsUrl = () => process.env.SPECCC_TWIN_PAYMENTS_URL!;
const options = () => ({ paymentsUrl: paymentsUrl() });
const order = (extra: Partial<Order> = {}): Order => ({ id: 'o-1', total: 1250, currency: 'eur', cardToken: 'tok_visa', ...extra });

const twin = {
  state: async () => (await (await fetch(`${paymentsUrl()}/__twin/state`)).json()) as { charges: { id: string; amount: number }[]; idempotencyKeys: Record<string, string> },
  requests: async () => (await (await fetch(`${paymentsUrl()}/__twin/requests`)).json()) as { method: string; path: string; status: number | null; headers: Record<string, string> }[],
  fault: (fault: Record<string, unknown>) => fetch(`${paymentsUrl()}/__twin/faults`, { method: 'POST', body: JSON.stringify(fault) }),
};

async function rejection(promise: Promise<unknown>): Promise<CheckoutError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CheckoutError);
  return error as CheckoutError;
}

it('[checkout#S-an-order-is-charged-once] [checkout#R-checkout-creates-the-charge-with] [checkout#R-on-201-it-resolves-to] an order is charged once', async () => {
  const receipt = await checkout(order(), options());
  expect(receipt).toEqual({ orderId: 'o-1', chargeId: 'ch_1', amount: 1250, currency: 'eur', attempts: 1 });
  expect((await twin.state()).charges).toHaveLength(1);
});

it('[checkout#S-a-short-outage-is-retried] [checkout#R-checkout-must-retry-an-answer] [checkout#R-before-a-retry-it-waits] [checkout#E-a-retry-after-of-0] a short outage is retried', async () => {
  await twin.fault({ method: 'POST', path: '/v1/charges', status: 503, times: 2, headers: { 'retry-after': '0' } });
  const receipt = await checkout(order({ id: 'o-2', total: 990, currency: 'usd' }), options());
  expect(receipt.attempts).toBe(3);
  const state = await twin.state();
  expect(state.charges).toHaveLength(1);
  expect(Object.keys(state.idempotencyKeys)).toEqual(['order-o-2']);
  expect(new Set((await twin.requests()).map((r) => r.headers['idempotency-key']))).toEqual(new Set(['order-o-2']));
});

it('[checkout#R-checkout-must-retry-an-answer] a dropped connection is retried', async () => {
  await twin.fault({ path: '/v1/charges', drop: true });
  expect((await checkout(order(), options())).attempts).toBe(2);
});

it('[checkout#S-a-declined-card-is-not-retried] [checkout#R-a-402-rejects-with-checkouterror] a declined card is not retried', async () => {
  const error = await rejection(checkout(order({ cardToken: 'tok_chargeDeclined' }), options()));
  expect(error.code).toBe('CARD_DECLINED');
  expect(await twin.requests()).toHaveLength(1);
});

it('[checkout#S-an-outage-that-does-not-end] [checkout#R-when-the-third-request-fails] an outage that does not end', async () => {
  await twin.fault({ path: '/v1/charges', status: 503, times: 'always', headers: { 'retry-after': '0' } });
  const error = await rejection(checkout(order(), options()));
  expect(error.code).toBe('PAYMENT_UNAVAILABLE');
  expect(await twin.requests()).toHaveLength(3);
});

it('[checkout#S-an-invalid-order] an invalid order', async () => {
  const error = await rejection(checkout(order({ total: 0 }), options()));
  expect(error.code).toBe('INVALID_ORDER');
  expect(await twin.requests()).toHaveLength(0);
});

it('[checkout#R-a-402-rejects-with-checkouterror] any other 4xx is rejected at once', async () => {
  await twin.fault({ path: '/v1/charges', status: 409, body: { error: { type: 'invalid_request_error', code: 'conflict', message: 'busy' } } });
  expect((await rejection(checkout(order(), options()))).code).toBe('PAYMENT_REJECTED');
  expect(await twin.requests()).toHaveLength(1);
});

it('[checkout#E-a-retry-answered-201-with] a retry that finds the charge an earlier attempt created is the same success', async () => {
  // The first request is held past the 2-second limit, then still creates the charge: the retry shares its key.
  await twin.fault({ path: '/v1/charges', delayMs: 2_500, times: 1 });
  const receipt = await checkout(order({ id: 'o-3' }), options());
  expect(receipt.attempts).toBe(2);
  // Once the held request has been answered too, there is still one charge.
  while ((await twin.requests()).some((r) => r.status === null)) await new Promise((resolve) => setTimeout(resolve, 50));
  expect((await twin.state()).charges).toHaveLength(1);
});

it('[checkout#R-before-a-retry-it-waits] [checkout#E-a-retry-after-of-0] it waits as long as retry-after says before retrying', async () => {
  await twin.fault({ method: 'POST', path: '/v1/charges', status: 503, times: 1, headers: { 'retry-after': '1' } });
  const started = Date.now();
  expect((await checkout(order({ id: 'o-3' }), options())).attempts).toBe(2);
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
});
