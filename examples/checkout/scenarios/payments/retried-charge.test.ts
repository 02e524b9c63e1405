import { expect, it } from 'vitest';

it('a retried charge request does not charge twice', async () => {
  const url = process.env.SPECCC_TWIN_PAYMENTS_URL!;
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const answer = await fetch(`${url}/v1/charges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'retry-me' },
      body: JSON.stringify({ amount: 700, currency: 'gbp', source: 'tok_visa' }),
    });
    expect(answer.status).toBe(201);
    ids.push(((await answer.json()) as { id: string }).id);
  }
  expect(new Set(ids).size).toBe(1);
  const state = (await (await fetch(`${url}/__twin/state`)).json()) as { charges: { id: string }[]; idempotencyKeys: Record<string, string> };
  expect(state.charges.map((c) => c.id)).toEqual([ids[0]]);
  expect(state.idempotencyKeys).toEqual({ 'retry-me': ids[0] });
});
