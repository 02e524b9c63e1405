export interface Order {
  id: string;
  total: number;
  currency: string;
  cardToken: string;
}

export interface Receipt {
  orderId: string;
  chargeId: string;
  amount: number;
  currency: string;
  attempts: number;
}

export type CheckoutErrorCode = 'INVALID_ORDER' | 'CARD_DECLINED' | 'PAYMENT_REJECTED' | 'PAYMENT_UNAVAILABLE';

export class CheckoutError extends Error {
  constructor(
    readonly code: CheckoutErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CheckoutError';
  }
}

const CURRENCIES = new Set(['eur', 'usd', 'gbp']);
const MAX_ATTEMPTS = 3;
const REQUEST_TIMEOUT_MS = 2_000;
const MAX_RETRY_AFTER_MS = 2_000;
const RETRIED = new Set([429, 500, 502, 503, 504]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** [checkout#S-an-invalid-order] */
function validate(order: Order): void {
  const problems: string[] = [];
  if (typeof order.id !== 'string' || order.id === '') problems.push('id is empty');
  if (typeof order.cardToken !== 'string' || order.cardToken === '') problems.push('cardToken is empty');
  if (!Number.isInteger(order.total) || order.total <= 0) problems.push('total is not a positive integer');
  if (!CURRENCIES.has(order.currency)) problems.push('currency is not one of eur, usd, gbp');
  if (problems.length > 0) throw new CheckoutError('INVALID_ORDER', `order ${order.id}: ${problems.join('; ')}`);
}

/** How long to wait before the retry after `retries` retries so far, given the failed answer (if any). [checkout#R-before-a-retry-it-waits, checkout#E-a-retry-after-of-0] */
function backoff(retries: number, answer: Response | undefined): number {
  const header = answer?.headers.get('retry-after');
  const seconds = header === null || header === undefined ? NaN : Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  return 50 * 2 ** retries;
}

/**
 * One charge per order, retried on outages with the same idempotency key.
 * [checkout#R-checkout-creates-the-charge-with, checkout#R-on-201-it-resolves-to, checkout#R-checkout-must-retry-an-answer, checkout#R-when-the-third-request-fails, checkout#R-a-402-rejects-with-checkouterror, checkout#E-a-retry-answered-201-with, checkout#S-an-order-is-charged-once, checkout#S-a-short-outage-is-retried, checkout#S-a-declined-card-is-not-retried, checkout#S-an-outage-that-does-not-end, checkout#S-an-invalid-order]
 */
export async function checkout(order: Order, options: { paymentsUrl: string }): Promise<Receipt> {
  validate(order);
  const body = JSON.stringify({ amount: order.total, currency: order.currency, source: order.cardToken });
  let lastProblem = '';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let answer: Response | undefined;
    try {
      answer = await fetch(`${options.paymentsUrl}/v1/charges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `order-${order.id}` },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      lastProblem = `no answer (${error instanceof Error ? error.message : String(error)})`;
    }
    if (answer) {
      if (answer.status === 201) {
        const charge = (await answer.json()) as { id: string; amount: number; currency: string };
        return { orderId: order.id, chargeId: charge.id, amount: charge.amount, currency: charge.currency, attempts: attempt };
      }
      const text = await answer.text();
      if (answer.status === 402) throw new CheckoutError('CARD_DECLINED', `order ${order.id}: the card was declined`);
      if (!RETRIED.has(answer.status)) throw new CheckoutError('PAYMENT_REJECTED', `order ${order.id}: the payment service answered ${answer.status}: ${text}`);
      lastProblem = `answered ${answer.status}`;
    }
    if (attempt < MAX_ATTEMPTS) await sleep(backoff(attempt - 1, answer));
  }
  throw new CheckoutError('PAYMENT_UNAVAILABLE', `order ${order.id}: the payment service ${lastProblem} ${MAX_ATTEMPTS} times`);
}
