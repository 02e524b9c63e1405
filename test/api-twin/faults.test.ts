// Each injectable fault surfaces through the real SDK as the error class the real API
// would produce.
import Anthropic, {
  APIConnectionError,
  APIError,
  InternalServerError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import {
  cutOffWriteTurn,
  malformedToolCallTurn,
  startTwin,
  textReply,
  writeFilesTurn,
  type Fault,
  type Twin,
  type TwinOptions,
} from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

const MODEL = 'claude-sonnet-4-6';
const params = { model: MODEL, max_tokens: 1000, messages: [{ role: 'user' as const, content: 'go' }] };

async function setup(options: TwinOptions, maxRetries = 0) {
  const twin = await twins.start(options);
  return { twin, client: new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries }) };
}

async function errorOf(fault: Fault, stream: boolean): Promise<unknown> {
  const { client } = await setup({ script: [{ fault, reply: textReply('never') }] });
  if (stream) return client.messages.stream(params).finalMessage().catch((e: unknown) => e);
  return client.messages.create(params).catch((e: unknown) => e);
}

describe('twin: faults', () => {
  it('429 carries retry-after and is a RateLimitError', async () => {
    const err = await errorOf({ kind: 'rate-limit', retryAfter: 7 }, false);
    expect(err).toBeInstanceOf(RateLimitError);
    const e = err as APIError;
    expect(e.status).toBe(429);
    expect(e.headers?.get('retry-after')).toBe('7');
    expect(e.type).toBe('rate_limit_error');
    expect(e.requestID).toMatch(/^req_/);
    expect(e.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' }, request_id: e.requestID });
  });

  it('529 is overloaded_error as an InternalServerError', async () => {
    const err = await errorOf({ kind: 'overloaded' }, false);
    expect(err).toBeInstanceOf(InternalServerError);
    expect((err as APIError).status).toBe(529);
    expect((err as APIError).type).toBe('overloaded_error');
  });

  it('500 is api_error as an InternalServerError', async () => {
    const err = await errorOf({ kind: 'server-error' }, true);
    expect(err).toBeInstanceOf(InternalServerError);
    expect((err as APIError).status).toBe(500);
    expect((err as APIError).type).toBe('api_error');
  });

  it('spend limit is a non-retryable RateLimitError naming enforced_spend_limit_reached', async () => {
    const { twin, client } = await setup({ script: [{ fault: { kind: 'spend-limit' } }] }, 3);
    const err = await client.messages.create(params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as APIError).errorCode).toBe('enforced_spend_limit_reached');
    expect((err as APIError).constructor.name).toBe('EnforcedSpendLimitReachedError');
    expect((err as Error).message).toContain('enforced_spend_limit_reached');
    // x-should-retry: false stops the SDK's own retries.
    expect(twin.messageRequests()).toHaveLength(1);
  });

  it('a reset before the response is an APIConnectionError', async () => {
    const err = await errorOf({ kind: 'reset' }, false);
    expect(err).toBeInstanceOf(APIConnectionError);
  });

  it('a reset mid-stream fails the stream after partial events', async () => {
    const { client } = await setup({
      script: [{ fault: { kind: 'reset', afterEvents: 3 }, reply: writeFilesTurn({ 'a.ts': 'x'.repeat(500) }) }],
    });
    const stream = client.messages.stream(params);
    let events = 0;
    stream.on('streamEvent', () => (events += 1));
    const err = await stream.finalMessage().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(events).toBeGreaterThan(0);
  });

  it('an error event mid-stream surfaces as an APIError of type overloaded_error', async () => {
    const err = await errorOf({ kind: 'stream-error', afterEvents: 3 }, true);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).type).toBe('overloaded_error');
    expect((err as APIError).status).toBeUndefined();
  });

  it('the SDK retries a 429 once and then succeeds (times: 1)', async () => {
    const { twin, client } = await setup(
      { script: [{ fault: { kind: 'rate-limit', retryAfter: 0.01 }, times: 1 }, { reply: textReply('ok') }] },
      2,
    );
    const message = await client.messages.create(params);
    expect(message.content).toEqual([{ type: 'text', text: 'ok', citations: null }]);
    expect(twin.messageRequests().map((r) => r.status)).toEqual([429, 200]);
  });

  it('faults by request index override the script', async () => {
    const { twin, client } = await setup({ faults: { 2: { kind: 'server-error' } }, script: [{ reply: textReply('ok') }] });
    await client.messages.create(params);
    await expect(client.messages.create(params)).rejects.toBeInstanceOf(InternalServerError);
    await client.messages.create(params);
    expect(twin.messageRequests().map((r) => r.status)).toEqual([200, 500, 200]);
    expect(twin.messageRequests().map((r) => r.fault)).toEqual([undefined, 'server-error', undefined]);
  });

  it('a slow response delays headers and SSE events; aborting stops it', async () => {
    const { client } = await setup({ script: [{ reply: textReply('a b c d e f g h'), delayMs: 150, eventDelayMs: 20 }] });
    const started = Date.now();
    await client.messages.stream(params).finalMessage();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150 + 20 * 4);

    const controller = new AbortController();
    const pending = client.messages.create(params, { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 20);
    expect((await pending) as Error).toBeInstanceOf(Anthropic.APIUserAbortError);
  });

  it('a client timeout on a slow response is an APIConnectionTimeoutError', async () => {
    const { client } = await setup({ script: [{ reply: textReply('late'), delayMs: 500 }] });
    const err = await client.messages.create(params, { timeout: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
  });

  it('a malformed tool call: invalid JSON streamed, wrong shape delivered as given', async () => {
    const { client } = await setup({
      script: [
        { match: { lastUserIncludes: 'invalid' }, reply: malformedToolCallTurn('invalid-json') },
        { reply: malformedToolCallTurn('wrong-shape') },
      ],
    });
    const raw: string[] = [];
    const stream = client.messages.stream({ ...params, messages: [{ role: 'user', content: 'invalid' }] });
    stream.on('inputJson', (partial) => raw.push(partial));
    const result = await stream.finalMessage().then(
      (m) => ({ ok: true as const, m }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    expect(() => JSON.parse(raw.join(''))).toThrow();
    if (result.ok) {
      // The SDK may keep partial input; a client must not trust it.
      const tool = result.m.content.find((b) => b.type === 'tool_use');
      expect(tool).toBeDefined();
    }
    const wrong = await client.messages.create(params);
    expect(wrong.content[0]).toMatchObject({ type: 'tool_use', name: 'write_file', input: { file: 'src/a.ts', body: 42 } });
  });

  it('max_tokens mid-file: a cut-off write_file with stop_reason max_tokens', async () => {
    const content = 'const x = 1;\n'.repeat(40);
    const { client } = await setup({
      script: [
        { match: { lastUserIncludes: 'scripted' }, reply: cutOffWriteTurn('src/x.ts', content, 0.5) },
        { reply: writeFilesTurn({ 'src/x.ts': content }) },
      ],
    });
    const raw: string[] = [];
    const stream = client.messages.stream({ ...params, messages: [{ role: 'user', content: 'scripted' }] });
    stream.on('inputJson', (partial) => raw.push(partial));
    const cut = await stream.finalMessage();
    expect(cut.stop_reason).toBe('max_tokens');
    expect(raw.join('')).toMatch(/^\{"path":"src\/x.ts","content":"const x/);
    expect(() => JSON.parse(raw.join(''))).toThrow();

    // A turn longer than max_tokens is cut there automatically.
    const short = await client.messages.create({ ...params, max_tokens: 30 });
    expect(short.stop_reason).toBe('max_tokens');
    expect(short.usage.output_tokens).toBe(30);
    const tool = short.content.find((b) => b.type === 'tool_use');
    expect(tool === undefined || JSON.stringify(tool.input) === '{}').toBe(true);
  });
});
