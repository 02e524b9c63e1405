// The Models API through the real SDK: the default list is the SDK's `Model` union, unknown
// ids are a NotFoundError, and the list pages like the API's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { type TwinOptions } from '../../src/api-twin/index.js';
import { DEFAULT_MODELS } from '../../src/api-twin/models.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

async function setup(options: TwinOptions = {}) {
  const twin = await twins.start(options);
  return new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
}

/** The string literals of `export type Model = ...` in the installed SDK's declarations. */
function sdkModelUnion(): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@anthropic-ai/sdk'));
  const dts = readFileSync(join(root, 'resources/messages/messages.d.ts'), 'utf8');
  const line = /^export type Model = (.*);$/m.exec(dts)?.[1];
  if (!line) throw new Error('no `export type Model` in the SDK declarations');
  return [...line.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

describe('twin: models', () => {
  it('the default list is exactly the SDK Model union, in its order', () => {
    expect(DEFAULT_MODELS).toEqual(sdkModelUnion());
  });

  it('retrieves a known model with the fields the SDK types', async () => {
    const client = await setup();
    const info = await client.models.retrieve('claude-haiku-4-5-20251001');
    expect(info).toMatchObject({
      type: 'model',
      id: 'claude-haiku-4-5-20251001',
      display_name: 'Claude Haiku 4.5',
      lifecycle: 'active',
      line: 'haiku',
      deprecated_at: null,
    });
    expect(Date.parse(info.created_at)).not.toBeNaN();
    expect((await client.models.retrieve('claude-fable-5-2')).display_name).toBe('Claude Fable 5.2');
  });

  it('an unknown id is a 404 not_found_error (NotFoundError)', async () => {
    const client = await setup();
    const err = await client.models.retrieve('claude-sonet-5').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.NotFoundError);
    expect((err as InstanceType<typeof Anthropic.APIError>).type).toBe('not_found_error');
    expect((err as Error).message).toContain('model: claude-sonet-5');
  });

  it('lists in pages of `limit` with first_id, last_id and has_more; the SDK walks them all', async () => {
    const client = await setup();
    const first = await client.models.list({ limit: 5 });
    expect(first.data.map((m) => m.id)).toEqual(DEFAULT_MODELS.slice(0, 5));
    expect(first.has_more).toBe(true);
    expect(first.first_id).toBe(DEFAULT_MODELS[0]);
    expect(first.last_id).toBe(DEFAULT_MODELS[4]);
    const ids: string[] = [];
    for await (const model of client.models.list({ limit: 5 })) ids.push(model.id);
    expect(ids).toEqual(DEFAULT_MODELS);
    // The default page is 20, so the whole list takes two requests.
    const page = await client.models.list();
    expect(page.data).toHaveLength(20);
    expect(page.has_more).toBe(true);
    const back = await client.models.list({ before_id: DEFAULT_MODELS[7]!, limit: 3 });
    expect(back.data.map((m) => m.id)).toEqual(DEFAULT_MODELS.slice(4, 7));
  });

  it('`models` overrides the list, for the Models API and for messages', async () => {
    const client = await setup({ models: ['claude-opus-5', 'claude-haiku-5-5'] });
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['claude-opus-5', 'claude-haiku-5-5']);
    await expect(client.models.retrieve('claude-sonnet-4-6')).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    await expect(
      client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });

  it('without `models`, messages to an unlisted model are still answered', async () => {
    const client = await setup();
    const message = await client.messages.create({ model: 'claude-sonet-5', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] });
    expect(message.model).toBe('claude-sonet-5');
  });

  it('`modelFaults` scripts faults on the Models API, per id or for any, `times` times', async () => {
    const client = await setup({
      modelFaults: [
        { id: 'claude-opus-5', fault: { kind: 'overloaded' }, times: 1 },
        { id: 'claude-haiku-5-5', fault: { kind: 'reset' } },
        { fault: { kind: 'rate-limit', retryAfter: 4 }, times: 1 },
      ],
    });
    const overloaded = await client.models.retrieve('claude-opus-5').catch((e: unknown) => e);
    expect(overloaded).toBeInstanceOf(Anthropic.InternalServerError);
    expect((overloaded as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    await expect(client.models.retrieve('claude-haiku-5-5')).rejects.toBeInstanceOf(Anthropic.APIConnectionError);
    const limited = await client.models.list().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
    expect((limited as InstanceType<typeof Anthropic.APIError>).headers?.get('retry-after')).toBe('4');
    expect((await client.models.list()).data.length).toBeGreaterThan(0);
    expect((await client.models.retrieve('claude-opus-5')).id).toBe('claude-opus-5'); // each rule only `times` times
    expect(twins.twin.requests.map((r) => r.fault ?? null)).toEqual(['overloaded', 'reset', 'rate-limit', null, null]);
  });

  it('reports lifecycles: deprecated and retired models with their dates and a successor; a retired model answers no messages', async () => {
    const client = await setup({ lifecycles: { 'claude-opus-5': { lifecycle: 'deprecated', deprecated_at: '2026-11-01T00:00:00Z', retires_at: '2027-05-01T00:00:00Z', successor: 'claude-opus-5-5' } } });
    expect(await client.models.retrieve('claude-opus-5')).toMatchObject({ lifecycle: 'deprecated', deprecated_at: '2026-11-01T00:00:00Z', retires_at: '2027-05-01T00:00:00Z', successor: 'claude-opus-5-5' });
    expect(await client.models.retrieve('claude-sonnet-4-5')).toMatchObject({ lifecycle: 'deprecated', successor: 'claude-sonnet-5-5' }); // a default
    expect(await client.models.retrieve('claude-opus-5-5')).toMatchObject({ lifecycle: 'active', deprecated_at: null, retires_at: null, successor: null });
    expect(await client.models.retrieve('claude-mythos-preview')).toMatchObject({ lifecycle: 'retired' });
    const err = await client.messages.create({ model: 'claude-mythos-preview', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.NotFoundError);
  });
});
