// The real SDK against the twin: JSON and streaming replies, tool turns, count_tokens, auth.
import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { textReply, writeFilesReply, type TwinOptions } from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

async function setup(options: TwinOptions = {}) {
  const twin = await twins.start(options);
  const client = new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
  return { twin, client };
}

const MODEL = 'claude-sonnet-4-6';

describe('twin: messages', () => {
  it('answers a JSON request with the scripted text and counted usage', async () => {
    const { twin, client } = await setup({ script: [{ reply: textReply('Hello there, friend.') }] });
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Say hi' }],
    });
    expect(message.type).toBe('message');
    expect(message.role).toBe('assistant');
    expect(message.model).toBe(MODEL);
    expect(message.content).toEqual([{ type: 'text', text: 'Hello there, friend.', citations: null }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.input_tokens).toBe(2); // "Say hi" = 6 chars
    expect(message.usage.output_tokens).toBe(5); // 20 chars
    expect(message.usage.cache_read_input_tokens).toBe(0);
    expect(twin.requests).toHaveLength(1);
    // SDK 1.13 sends apiKey as Authorization: Bearer.
    expect(twin.requests[0]!.headers.authorization).toBe('REDACTED');
    expect(twin.requests[0]!.auth).toBe('bearer');
    expect(twin.requests[0]!.rawBody).not.toContain('test-key');
    expect(JSON.stringify(twin.requests)).not.toContain('test-key');
    expect(twin.requests[0]!.body?.model).toBe(MODEL);
  });

  it('streams text and split tool input that the SDK accumulates', async () => {
    const content = 'export const add = (a: number, b: number): number => a + b;\n'.repeat(5);
    const { twin, client } = await setup({
      script: [{ match: { specId: 'money' }, reply: writeFilesReply({ 'src/add.ts': content }) }],
    });
    const stream = client.messages.stream({
      model: MODEL,
      max_tokens: 4000,
      messages: [{ role: 'user', content: 'Build it.\nspeccc-spec-id: money\n' }],
    });
    const jsonDeltas: string[] = [];
    stream.on('inputJson', (partial) => jsonDeltas.push(partial));
    let text = '';
    stream.on('text', (delta) => (text += delta));
    const final = await stream.finalMessage();
    expect(text).toBe('Writing 1 file(s).');
    expect(final.stop_reason).toBe('tool_use');
    const tool = final.content.find((b) => b.type === 'tool_use');
    expect(tool).toMatchObject({ type: 'tool_use', name: 'write_file', input: { path: 'src/add.ts', content } });
    expect(jsonDeltas.length).toBeGreaterThan(2);
    const raw = twin.requests[0]!;
    expect(raw.body?.stream).toBe(true);
  });

  it('raw SSE has the API event order with a ping', async () => {
    const { twin } = await setup({ script: [{ reply: textReply('hi') }] });
    const res = await fetch(`${twin.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const events = [...(await res.text()).matchAll(/^event: (\S+)$/gm)].map((m) => m[1]);
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('runs a full tool conversation and ends the turn once results arrive', async () => {
    const { twin, client } = await setup({
      script: [{ match: { specId: 'money' }, reply: writeFilesReply({ 'a.ts': 'A', 'b.ts': 'B' }) }],
    });
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'speccc-spec-id: money' }];
    const first = await client.messages.create({ model: MODEL, max_tokens: 1000, messages });
    const calls = first.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    expect(calls.map((c) => c.input)).toEqual([
      { path: 'a.ts', content: 'A' },
      { path: 'b.ts', content: 'B' },
    ]);
    expect(new Set(calls.map((c) => c.id)).size).toBe(2);
    messages.push({ role: 'assistant', content: first.content });
    messages.push({
      role: 'user',
      content: calls.map((c) => ({ type: 'tool_result' as const, tool_use_id: c.id, content: 'ok' })),
    });
    const second = await client.messages.create({ model: MODEL, max_tokens: 1000, messages });
    expect(second.stop_reason).toBe('end_turn');
    expect(twin.messageRequests()).toHaveLength(2);
  });

  it('rejects a tool_use without its tool_result like the API (400)', async () => {
    const { client } = await setup({ script: [{ reply: textReply('x') }] });
    const err = await client.messages
      .create({
        model: MODEL,
        max_tokens: 10,
        messages: [
          { role: 'user', content: 'go' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'write_file', input: {} }] },
          { role: 'user', content: 'next' },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect((err as APIError).type).toBe('invalid_request_error');
    expect((err as APIError).message).toContain('`tool_use` ids were found without `tool_result` blocks');
  });

  it('says clearly when no rule matched', async () => {
    const { client } = await setup({ script: [{ match: { specId: 'money' }, reply: textReply('x') }] });
    const err = await client.messages
      .create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'speccc-spec-id: moneyball' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect((err as Error).message).toContain('twin: no script rule matched');
  });

  it('counts tokens the same way usage does', async () => {
    const { client } = await setup();
    const params = {
      model: MODEL,
      system: 'You write TypeScript.',
      messages: [{ role: 'user' as const, content: 'Write add().' }],
    };
    const count = await client.messages.countTokens(params);
    const message = await client.messages.create({ ...params, max_tokens: 50 });
    expect(count.input_tokens).toBe(6 + 3);
    expect(message.usage.input_tokens).toBe(count.input_tokens);
  });

  it('accepts x-api-key and Authorization: Bearer, and rejects a missing key with 401', async () => {
    const { twin } = await setup();
    const bearer = new Anthropic({ apiKey: null, authToken: 'tok', baseURL: twin.url, maxRetries: 0 });
    await bearer.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    expect(twin.requests[0]!.auth).toBe('bearer');
    expect(twin.requests[0]!.headers.authorization).toBe('REDACTED');
    const xKey = new Anthropic({ apiKey: null, baseURL: twin.url, maxRetries: 0, defaultHeaders: { 'x-api-key': 'k2' } });
    await xKey.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    expect(twin.requests[1]!.auth).toBe('x-api-key');
    expect(twin.requests[1]!.headers['x-api-key']).toBe('REDACTED');

    const res = await fetch(`${twin.url}/v1/messages`, {
      method: 'POST',
      headers: { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { type: string; error: { type: string }; request_id: string };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('authentication_error');
    expect(body.request_id).toBe(res.headers.get('request-id'));
  });

  it('rejects a key not in apiKeys as AuthenticationError', async () => {
    const { client } = await setup({ apiKeys: ['other'] });
    const err = await client.messages
      .create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
  });
});

describe('twin: limits and stats', () => {
  it('answers 429 beyond maxConcurrent and reports the peak', async () => {
    const { twin, client } = await setup({ maxConcurrent: 2, script: [{ reply: textReply('ok'), delayMs: 100 }] });
    const results = await Promise.allSettled([0, 1, 2].map(() => client.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(Anthropic.RateLimitError);
    expect(twin.stats().peakInFlight).toBe(2);
    expect(twin.stats().inFlight).toBe(0);
  });

  it('sums usage over successful replies and can forget requests', async () => {
    const { twin, client } = await setup({ script: [{ reply: textReply('12345678') }] });
    for (const content of ['abcd', 'abcdefgh'])
      await client.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content }] });
    expect(twin.stats().usage).toEqual({ input_tokens: 3, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 4 });
    expect(twin.requests[0]!.usage?.output_tokens).toBe(2);
    twin.clearRequests();
    expect(twin.requests).toHaveLength(0);
    expect(twin.stats().messages).toBe(2);
  });

  it('lists and retrieves models', async () => {
    const { client } = await setup();
    const page = await client.models.list();
    expect(page.data.map((m) => m.id)).toContain(MODEL);
    expect((await client.models.retrieve(MODEL)).id).toBe(MODEL);
  });
});

describe('twin: options', () => {
  it('unknown models get 404 when a model list is given', async () => {
    const { client } = await setup({ models: [MODEL] });
    const err = await client.messages
      .create({ model: 'claude-nonesuch', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.NotFoundError);
  });

  it('simulates generation time from output tokens', async () => {
    const { client } = await setup({ outputTokensPerSecond: 1000, script: [{ reply: textReply('x'.repeat(800)) }] });
    const started = Date.now();
    await client.messages.stream({ model: MODEL, max_tokens: 1000, messages: [{ role: 'user', content: 'x' }] }).finalMessage();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190); // 200 tokens at 1000/s
  });

  it('gives the environment for a child process', async () => {
    const { twin } = await setup();
    expect(twin.env()).toEqual({ ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'test-key' });
  });
});

describe('twin: records', () => {
  it('marks a request the client aborted mid-stream', async () => {
    const { twin, client } = await setup({ script: [{ reply: textReply('a b c d e f g h i j k l'), eventDelayMs: 30 }] });
    const stream = client.messages.stream({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: 'x' }] });
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_start') stream.abort();
    });
    await stream.finalMessage().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    expect(twin.requests[0]!.aborted).toBe(true);
    await client.messages.create({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: 'x' }] });
    expect(twin.requests[1]!.aborted).toBeUndefined();
  });

  it('answers whether any request carried a text', async () => {
    const { twin, client } = await setup();
    await client.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'visible rule' }] });
    expect(twin.anyRequestContains('visible rule')).toBe(true);
    expect(twin.anyRequestContains('Given a holdout')).toBe(false);
  });
});

describe('twin: throughput', () => {
  it('serves many concurrent streams in parallel, not one by one', async () => {
    const { twin, client } = await setup({ delayMs: 100, eventDelayMs: 5, script: [{ reply: writeFilesReply({ 'a.ts': 'x'.repeat(2000) }) }] });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client.messages.stream({ model: MODEL, max_tokens: 2000, messages: [{ role: 'user', content: `job ${i}` }] }).finalMessage(),
      ),
    );
    // Parallel, not one by one: many streams were open at once (measured by the twin, not by a clock).
    expect(twin.stats().peakInFlight).toBeGreaterThan(10);
  });
});
