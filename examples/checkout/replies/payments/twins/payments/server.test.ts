import { afterEach, beforeEach, expect, it } from 'vitest';
import { start, type Twin } from './server.js';

let twin: Twin;
beforeEach(async () => {
  twin = await start({ port: 0, host: '127.0.0.1' });
});
afterEach(() => twin.close());

const charge = (body: unknown, key?: string) =>
  fetch(`${twin.url}/v1/charges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });

it('[payments#S-a-charge-is-created-and-read-back] a charge is created and read back', async () => {
  const created = await charge({ amount: 1250, currency: 'eur', source: 'tok_visa' });
  expect(created.status).toBe(201);
  const body = await created.json();
  expect(body).toEqual({ id: 'ch_1', object: 'charge', amount: 1250, currency: 'eur', source: 'tok_visa', status: 'succeeded' });
  const read = await fetch(`${twin.url}/v1/charges/ch_1`);
  expect(read.status).toBe(200);
  expect(await read.json()).toEqual(body);
});

it('[payments#S-a-repeated-idempotency-key-creates-one-charge] a repeated idempotency key creates one charge', async () => {
  const first = await (await charge({ amount: 500, currency: 'usd', source: 'tok_visa' }, 'order-7')).json();
  const again = await charge({ amount: 500, currency: 'usd', source: 'tok_visa' }, 'order-7');
  expect(again.status).toBe(201);
  expect(await again.json()).toEqual(first);
  expect(twin.state().charges).toHaveLength(1);
  expect(twin.state().idempotencyKeys).toEqual({ 'order-7': 'ch_1' });
});

it('[payments#S-a-declined-card] a declined card', async () => {
  const declined = await charge({ amount: 500, currency: 'eur', source: 'tok_chargeDeclined' });
  expect(declined.status).toBe(402);
  expect(((await declined.json()) as { error: { code: string } }).error.code).toBe('card_declined');
  expect(twin.state().charges).toEqual([]);
});

it('[payments#S-an-invalid-amount] an invalid amount', async () => {
  const invalid = await charge({ amount: 0, currency: 'eur', source: 'tok_visa' });
  expect(invalid.status).toBe(400);
  expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe('amount_invalid');
});

it('answers unknown charges and paths 404, and starts in a given state', async () => {
  expect((await fetch(`${twin.url}/v1/charges/ch_9`)).status).toBe(404);
  expect((await fetch(`${twin.url}/v1/refunds`)).status).toBe(404);
  const seeded = await start({ port: 0, host: '127.0.0.1', state: { charges: [{ id: 'ch_1', object: 'charge', amount: 1, currency: 'eur', source: 'tok_visa', status: 'succeeded' }], idempotencyKeys: {} } });
  try {
    const next = await fetch(`${seeded.url}/v1/charges`, { method: 'POST', body: JSON.stringify({ amount: 2, currency: 'eur', source: 'tok_visa' }) });
    expect(((await next.json()) as { id: string }).id).toBe('ch_2');
  } finally {
    await seeded.close();
  }
});
