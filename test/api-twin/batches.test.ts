// Message Batches through the real SDK: create, poll, results, cancel, delete.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { textReply, writeFilesReply, type TwinOptions } from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

const MODEL = 'claude-sonnet-4-6';

async function setup(options: TwinOptions) {
  const twin = await twins.start(options);
  return new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
}

const item = (custom_id: string, content: string) => ({
  custom_id,
  params: { model: MODEL, max_tokens: 1000, messages: [{ role: 'user' as const, content }] },
});

describe('twin: message batches', () => {
  it('answers every item with the script and serves JSONL results once ended', async () => {
    let now = 1_700_000_000_000;
    const client = await setup({
      now: () => now,
      batchDelayMs: 60_000,
      script: [
        { match: { specId: 'money' }, reply: writeFilesReply({ 'src/money.ts': 'export {}' }) },
        { match: { lastUserIncludes: 'boom' }, fault: { kind: 'overloaded' } },
        { reply: textReply('plain') },
      ],
    });
    const batch = await client.messages.batches.create({
      requests: [item('money', 'speccc-spec-id: money'), item('other', 'hello'), item('bad', 'boom')],
    });
    expect(batch.processing_status).toBe('in_progress');
    expect(batch.request_counts.processing).toBe(3);
    await expect(client.messages.batches.results(batch.id)).rejects.toThrow(/results_url/);

    now += 60_000;
    const done = await client.messages.batches.retrieve(batch.id);
    expect(done.processing_status).toBe('ended');
    expect(done.request_counts).toMatchObject({ succeeded: 2, errored: 1, processing: 0 });
    const results: Anthropic.Messages.MessageBatchIndividualResponse[] = [];
    for await (const r of await client.messages.batches.results(batch.id)) results.push(r);
    const byId = Object.fromEntries(results.map((r) => [r.custom_id, r.result]));
    expect(byId.money).toMatchObject({ type: 'succeeded', message: { stop_reason: 'tool_use' } });
    expect(byId.other).toMatchObject({ type: 'succeeded', message: { content: [{ type: 'text', text: 'plain' }] } });
    expect(byId.bad).toMatchObject({ type: 'errored', error: { type: 'error', error: { type: 'overloaded_error' } } });

    const list = await client.messages.batches.list();
    expect(list.data.map((b) => b.id)).toEqual([batch.id]);
    expect((await client.messages.batches.delete(batch.id)).type).toBe('message_batch_deleted');
    await expect(client.messages.batches.retrieve(batch.id)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });

  it('cancels a batch in progress', async () => {
    const client = await setup({ batchDelayMs: 60_000, script: [{ reply: textReply('x') }] });
    const batch = await client.messages.batches.create({ requests: [item('a', 'x')] });
    const canceled = await client.messages.batches.cancel(batch.id);
    expect(canceled.processing_status).toBe('ended');
    expect(canceled.request_counts.canceled).toBe(1);
  });

  it('items not processed before the batch expires end as expired results (batchExpireAfterMs)', async () => {
    const hour = 3600_000;
    let now = 1_700_000_000_000;
    const client = await setup({ now: () => now, batchDelayMs: 4 * hour, batchExpireAfterMs: 3 * hour, script: [{ reply: textReply('x') }] });
    const batch = await client.messages.batches.create({ requests: ['a', 'b', 'c', 'd'].map((id) => item(id, id)) });
    expect(Date.parse(batch.expires_at) - Date.parse(batch.created_at)).toBe(3 * hour);
    now += 3 * hour - 1;
    expect((await client.messages.batches.retrieve(batch.id)).processing_status).toBe('in_progress');
    now += 1;
    const ended = await client.messages.batches.retrieve(batch.id);
    expect(ended.processing_status).toBe('ended');
    expect(ended.ended_at).toBe(ended.expires_at);
    expect(ended.request_counts).toMatchObject({ succeeded: 3, expired: 1, processing: 0 });
    const results: Anthropic.Messages.MessageBatchIndividualResponse[] = [];
    for await (const r of await client.messages.batches.results(batch.id)) results.push(r);
    expect(results.map((r) => [r.custom_id, r.result.type])).toEqual([
      ['a', 'succeeded'],
      ['b', 'succeeded'],
      ['c', 'succeeded'],
      ['d', 'expired'],
    ]);
    expect(results[3]!.result).toEqual({ type: 'expired' });
    // The expired item never reached the script.
    expect(twins.twin.stats().messages).toBe(3);
  });

  it('by default a batch expires after 24 h, as the API does', async () => {
    let now = 1_700_000_000_000;
    const client = await setup({ now: () => now, batchDelayMs: 48 * 3600_000, script: [{ reply: textReply('x') }] });
    const batch = await client.messages.batches.create({ requests: [item('a', 'a'), item('b', 'b')] });
    expect(Date.parse(batch.expires_at) - Date.parse(batch.created_at)).toBe(24 * 3600_000);
    now += 24 * 3600_000;
    const ended = await client.messages.batches.retrieve(batch.id);
    expect(ended.request_counts).toMatchObject({ succeeded: 1, expired: 1 });
  });

  it('rejects duplicate custom ids', async () => {
    const client = await setup({ script: [{ reply: textReply('x') }] });
    await expect(client.messages.batches.create({ requests: [item('a', 'x'), item('a', 'y')] })).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );
  });
});
