import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Charge {
  id: string;
  object: 'charge';
  amount: number;
  currency: string;
  source: string;
  status: 'succeeded';
}

export interface State {
  charges: Charge[];
  idempotencyKeys: Record<string, string>;
}

export interface StartOptions {
  port: number;
  host: string;
  state?: unknown;
}

export interface Twin {
  url: string;
  close(): Promise<void>;
  state(): State;
}

const CURRENCIES = new Set(['eur', 'usd', 'gbp']);
const RATE_LIMIT = 100;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const error = (status: number, type: string, code: string, message: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { error: { type, code, message } },
  ...(headers ? { headers } : {}),
});

function initialState(state: unknown): State {
  if (state === undefined) return { charges: [], idempotencyKeys: {} };
  const s = state as Partial<State>;
  return {
    charges: Array.isArray(s.charges) ? s.charges.map((c) => ({ ...c })) : [],
    idempotencyKeys: typeof s.idempotencyKeys === 'object' && s.idempotencyKeys !== null ? { ...s.idempotencyKeys } : {},
  };
}

export async function start(options: StartOptions): Promise<Twin> {
  let state = initialState(options.state);
  const recent: number[] = [];

  function createCharge(body: unknown, key: string | undefined): Answer {
    if (key !== undefined) {
      const id = state.idempotencyKeys[key];
      const existing = state.charges.find((c) => c.id === id);
      if (existing) return { status: 201, body: existing };
    }
    if (typeof body !== 'object' || body === null) return error(400, 'invalid_request_error', 'parameter_missing', 'The request body must be a JSON object.');
    const { amount, currency, source } = body as Record<string, unknown>;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) return error(400, 'invalid_request_error', 'amount_invalid', 'Amount must be a positive integer.');
    if (typeof currency !== 'string' || !CURRENCIES.has(currency)) return error(400, 'invalid_request_error', 'currency_invalid', 'Currency must be one of eur, usd, gbp.');
    if (typeof source !== 'string' || source === '') return error(400, 'invalid_request_error', 'parameter_missing', 'Missing required param: source.');
    if (source === 'tok_chargeDeclined') return error(402, 'card_error', 'card_declined', 'Your card was declined.');
    const charge: Charge = { id: `ch_${state.charges.length + 1}`, object: 'charge', amount, currency, source, status: 'succeeded' };
    state = {
      charges: [...state.charges, charge],
      idempotencyKeys: key === undefined ? state.idempotencyKeys : { ...state.idempotencyKeys, [key]: charge.id },
    };
    return { status: 201, body: charge };
  }

  function answer(method: string, path: string, body: unknown, key: string | undefined): Answer {
    const now = Date.now();
    while (recent.length > 0 && recent[0]! <= now - 1000) recent.shift();
    recent.push(now);
    if (recent.length > RATE_LIMIT) return error(429, 'rate_limit_error', 'rate_limited', 'Too many requests.', { 'retry-after': '1' });
    if (method === 'POST' && path === '/v1/charges') return createCharge(body, key);
    const one = /^\/v1\/charges\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) {
      const charge = state.charges.find((c) => c.id === decodeURIComponent(one[1]!));
      return charge ? { status: 200, body: charge } : error(404, 'invalid_request_error', 'resource_missing', `No such charge: '${one[1]}'`);
    }
    return error(404, 'invalid_request_error', 'unknown_path', `Unrecognized request URL (${method}: ${path}).`);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
      }
      const key = req.headers['idempotency-key'];
      const path = new URL(req.url ?? '/', 'http://twin').pathname;
      const out = answer(req.method ?? 'GET', path, body, typeof key === 'string' ? key : undefined);
      const payload = JSON.stringify(out.body);
      res.writeHead(out.status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...out.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    state: () => state,
  };
}
