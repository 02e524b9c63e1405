// count_tokens counts what usage.input_tokens counts: tools, system, messages, and thinking
// blocks the way the API does (only the turn still in progress; the signature is not input).
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { countText, writeFilesReply } from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

const MODEL = 'claude-sonnet-5';
const TOOL: Anthropic.Tool = {
  name: 'write_file',
  description: 'Write a file.',
  input_schema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } } },
};
const toolTokens = countText(JSON.stringify({ description: 'Write a file.', input_schema: TOOL.input_schema, name: 'write_file' }));
const SYSTEM = 'You write TypeScript.';

async function setup() {
  const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: writeFilesReply({ 'a.ts': 'export {}' }) }] });
  return new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
}

/** A thinking tool loop one round in: [user, assistant(thinking, text, tool_use), user(tool_result)]. */
async function loop(client: Anthropic) {
  const base = { model: MODEL, system: SYSTEM, tools: [TOOL], thinking: { type: 'adaptive' as const } };
  const user: Anthropic.MessageParam = { role: 'user', content: 'speccc-spec-id: money' };
  const first = await client.messages.create({ ...base, max_tokens: 4000, messages: [user] });
  const call = first.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use')!;
  const messages: Anthropic.MessageParam[] = [
    user,
    { role: 'assistant', content: first.content },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'written' }] },
  ];
  return { base, first, call, messages };
}

describe('twin: count_tokens', () => {
  it('tools and system count the same in count_tokens and usage', async () => {
    const client = await setup();
    const params = { model: MODEL, system: SYSTEM, messages: [{ role: 'user' as const, content: 'speccc-spec-id: money' }] };
    const without = await client.messages.countTokens(params);
    const withTools = await client.messages.countTokens({ ...params, tools: [TOOL] });
    expect(withTools.input_tokens - without.input_tokens).toBe(toolTokens);
    const message = await client.messages.create({ ...params, tools: [TOOL], max_tokens: 1000 });
    expect(message.usage.input_tokens).toBe(withTools.input_tokens);
  });

  it('the thinking of the tool loop in progress counts its text, not its signature', async () => {
    const client = await setup();
    const { base, first, call, messages } = await loop(client);
    const thinking = first.content[0] as Anthropic.ThinkingBlock;
    const count = await client.messages.countTokens({ ...base, messages });
    const text = first.content[1] as Anthropic.TextBlock;
    const expected =
      toolTokens +
      countText(SYSTEM) +
      countText('speccc-spec-id: money') +
      countText(thinking.thinking) +
      countText(text.text) +
      countText(`write_file${JSON.stringify(call.input)}`) +
      countText('written');
    expect(count.input_tokens).toBe(expected);
    const second = await client.messages.create({ ...base, max_tokens: 4000, messages });
    expect(second.usage.input_tokens).toBe(count.input_tokens);
  });

  it('thinking from earlier turns is stripped: it counts nothing once a new user turn starts', async () => {
    const client = await setup();
    const { base, first, messages } = await loop(client);
    const thinking = first.content[0] as Anthropic.ThinkingBlock;
    const next: Anthropic.MessageParam[] = [...messages, { role: 'assistant', content: 'Done.' }, { role: 'user', content: 'And now?' }];
    const withThinking = await client.messages.countTokens({ ...base, messages: next });
    const stripped = next.map(
      (m): Anthropic.MessageParam =>
        Array.isArray(m.content) ? ({ ...m, content: m.content.filter((b) => b.type !== 'thinking') } as Anthropic.MessageParam) : m,
    );
    const withoutThinking = await client.messages.countTokens({ model: MODEL, system: SYSTEM, tools: [TOOL], messages: stripped });
    expect(withThinking.input_tokens).toBe(withoutThinking.input_tokens);
    expect(countText(thinking.thinking)).toBeGreaterThan(0);
  });

  it('count_tokens applies the thinking rules too', async () => {
    const client = await setup();
    const { base, first, messages } = await loop(client);
    const withAssistant = (content: Anthropic.ContentBlockParam[]) =>
      messages.map((m, i): Anthropic.MessageParam => (i === 1 ? { role: 'assistant', content } : m));
    const noThinking = withAssistant(first.content.slice(1));
    await expect(client.messages.countTokens({ ...base, messages: noThinking })).rejects.toThrow(/Expected `thinking` or `redacted_thinking`/);
    const forged = withAssistant([{ ...(first.content[0] as Anthropic.ThinkingBlock), thinking: 'forged' }, ...first.content.slice(1)]);
    await expect(client.messages.countTokens({ ...base, messages: forged })).rejects.toThrow(/Invalid `signature` in `thinking` block/);
  });
});
