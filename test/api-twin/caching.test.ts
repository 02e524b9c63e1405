// Usage numbers follow the API's prompt-caching rules, observed through the real SDK.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { countText, startTwin, textReply, type TwinOptions } from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

const MODEL = 'claude-sonnet-4-6';
// 8000 chars = 2000 tokens: above Sonnet's 1024 minimum, below Haiku's 2048.
const CONTEXT = 'c'.repeat(8000);
const TOOL: Anthropic.Tool = {
  name: 'write_file',
  description: 'Write a file.',
  input_schema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } } },
};

async function setup(options: TwinOptions = {}) {
  const twin = await twins.start({ script: [{ reply: textReply('ok') }], ...options });
  return new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
}

function request(user: string, opts: { model?: string; ttl?: '1h'; system?: string } = {}) {
  return {
    model: opts.model ?? MODEL,
    max_tokens: 100,
    tools: [TOOL],
    system: [
      {
        type: 'text' as const,
        text: opts.system ?? CONTEXT,
        cache_control: { type: 'ephemeral' as const, ...(opts.ttl ? { ttl: opts.ttl } : {}) },
      },
    ],
    messages: [{ role: 'user' as const, content: user }],
  };
}

const toolTokens = countText(JSON.stringify({ description: 'Write a file.', input_schema: TOOL.input_schema, name: 'write_file' }));
const prefix = toolTokens + 2000;

describe('twin: prompt caching', () => {
  it('writes the prefix on the first request and reads it on the second', async () => {
    const client = await setup();
    const first = await client.messages.create(request('Build spec money please'));
    expect(first.usage.cache_creation_input_tokens).toBe(prefix);
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(first.usage.cache_creation?.ephemeral_5m_input_tokens).toBe(prefix);
    expect(first.usage.input_tokens).toBe(countText('Build spec money please'));

    const second = await client.messages.create(request('Build spec invoice'));
    expect(second.usage.cache_read_input_tokens).toBe(prefix);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    expect(second.usage.input_tokens).toBe(countText('Build spec invoice'));

    const count = await client.messages.countTokens(request('Build spec invoice'));
    expect(count.input_tokens).toBe(prefix + countText('Build spec invoice'));
  });

  it('streams the same usage in message_start', async () => {
    const client = await setup();
    await client.messages.create(request('one'));
    const streamed = await client.messages.stream(request('two')).finalMessage();
    expect(streamed.usage.cache_read_input_tokens).toBe(prefix);
    expect(streamed.usage.input_tokens).toBe(1);
  });

  it('does not cache a prefix below the model minimum (Haiku 2048)', async () => {
    const client = await setup();
    const a = await client.messages.create(request('x', { model: 'claude-haiku-4-5' }));
    const b = await client.messages.create(request('x', { model: 'claude-haiku-4-5' }));
    for (const m of [a, b]) {
      expect(m.usage.cache_creation_input_tokens).toBe(0);
      expect(m.usage.cache_read_input_tokens).toBe(0);
      expect(m.usage.input_tokens).toBe(prefix + 1);
    }
  });

  it('the minimum is configurable', async () => {
    const client = await setup({ minCacheableTokens: () => 10 });
    await client.messages.create(request('x', { system: 'short system prompt, over ten tokens long' }));
    const b = await client.messages.create(request('y', { system: 'short system prompt, over ten tokens long' }));
    expect(b.usage.cache_read_input_tokens).toBeGreaterThan(0);
  });

  it('a changed prefix, another model, or an expired TTL misses', async () => {
    let now = 1_000_000;
    const client = await setup({ now: () => now });
    await client.messages.create(request('x'));
    const changed = await client.messages.create(request('x', { system: CONTEXT + '!' }));
    expect(changed.usage.cache_read_input_tokens).toBe(0);
    expect(changed.usage.cache_creation_input_tokens).toBeGreaterThan(0);
    const other = await client.messages.create(request('x', { model: 'claude-opus-4-6' }));
    expect(other.usage.cache_read_input_tokens).toBe(0);

    now += 4 * 60_000; // within 5m: read, and the TTL is refreshed
    expect((await client.messages.create(request('x'))).usage.cache_read_input_tokens).toBe(prefix);
    now += 4 * 60_000; // 8 min after writing, 4 after the refresh
    expect((await client.messages.create(request('x'))).usage.cache_read_input_tokens).toBe(prefix);
    now += 6 * 60_000;
    const expired = await client.messages.create(request('x'));
    expect(expired.usage.cache_read_input_tokens).toBe(0);
    expect(expired.usage.cache_creation_input_tokens).toBe(prefix);

    // A 1h breakpoint survives where 5m would not.
    await client.messages.create(request('x', { ttl: '1h', system: CONTEXT + '?' }));
    now += 30 * 60_000;
    const hour = await client.messages.create(request('x', { ttl: '1h', system: CONTEXT + '?' }));
    expect(hour.usage.cache_read_input_tokens).toBeGreaterThan(0);
  });

  it('a later breakpoint in the conversation reads the shared prefix and writes the new part', async () => {
    const client = await setup();
    await client.messages.create(request('first'));
    const turn1 = 'A'.repeat(400);
    const withHistory = {
      ...request('first'),
      messages: [
        { role: 'user' as const, content: 'first' },
        { role: 'assistant' as const, content: turn1 },
        { role: 'user' as const, content: [{ type: 'text' as const, text: 'next', cache_control: { type: 'ephemeral' as const } }] },
      ],
    };
    const m = await client.messages.create(withHistory);
    expect(m.usage.cache_read_input_tokens).toBe(prefix);
    expect(m.usage.cache_creation_input_tokens).toBe(countText('first') + 100 + countText('next'));
    expect(m.usage.input_tokens).toBe(0);
  });

  it('requests sent together all miss; warming with one first lets the rest read', async () => {
    const client = await setup({ delayMs: 50 });
    const together = await Promise.all([1, 2, 3].map((i) => client.messages.create(request(`job ${i}`))));
    expect(together.map((m) => m.usage.cache_read_input_tokens)).toEqual([0, 0, 0]);
    expect(together.map((m) => m.usage.cache_creation_input_tokens)).toEqual([prefix, prefix, prefix]);

    const warmed = { ...request('warm'), system: [{ type: 'text' as const, text: CONTEXT + 'w', cache_control: { type: 'ephemeral' as const } }] };
    await client.messages.create(warmed);
    const fanOut = await Promise.all([1, 2, 3].map((i) => client.messages.create({ ...warmed, messages: [{ role: 'user', content: `job ${i}` }] })));
    expect(fanOut.map((m) => m.usage.cache_read_input_tokens)).toEqual([prefix + 1, prefix + 1, prefix + 1]);
    expect(fanOut.every((m) => m.usage.cache_creation_input_tokens === 0)).toBe(true);
  });

  it('a failed request writes nothing to the cache', async () => {
    const client = await setup({ faults: { 1: { kind: 'server-error' } } });
    await client.messages.create(request('x')).catch(() => undefined);
    const second = await client.messages.create(request('x'));
    expect(second.usage.cache_read_input_tokens).toBe(0);
    expect(second.usage.cache_creation_input_tokens).toBe(prefix);
  });

  it('separate twins do not share a cache', async () => {
    const client = await setup();
    await client.messages.create(request('x'));
    const other = await startTwin({ script: [{ reply: textReply('ok') }] });
    try {
      const c2 = new Anthropic({ apiKey: 'k', baseURL: other.url, maxRetries: 0 });
      const m = await c2.messages.create(request('x'));
      expect(m.usage.cache_read_input_tokens).toBe(0);
    } finally {
      await other.close();
    }
  });
});
