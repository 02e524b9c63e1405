import { expect, it } from 'vitest';
import { checkout } from '../../src/checkout.js';

it('a checkout rides out a short outage of the payment service', async () => {
  const url = process.env.SPECCC_TWIN_PAYMENTS_URL!;
  await fetch(`${url}/__twin/faults`, { method: 'POST', body: JSON.stringify({ method: 'POST', path: '/v1/charges', status: 503, times: 2 }) });

  const receipt = await checkout({ id: 'hold-1', total: 4200, currency: 'eur', cardToken: 'tok_visa' }, { paymentsUrl: url });
  expect(receipt).toMatchObject({ orderId: 'hold-1', amount: 4200, currency: 'eur' });

  const state = (await (await fetch(`${url}/__twin/state`)).json()) as { charges: { id: string; amount: number }[] };
  expect(state.charges).toEqual([expect.objectContaining({ id: receipt.chargeId, amount: 4200 })]);
  const requests = (await (await fetch(`${url}/__twin/requests`)).json()) as { method: string; path: string; headers: Record<string, string> }[];
  const charges = requests.filter((r) => r.method === 'POST' && r.path === '/v1/charges');
  expect(charges).toHaveLength(3);
  expect(new Set(charges.map((r) => r.headers['idempotency-key'])).size).toBe(1);
});
