// Adaptive and budgeted thinking through the real SDK: signed thinking blocks (JSON and
// streamed), tokens, effort, and the API's rules for sending thinking back.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { countText, startTwin, textReply, writeFilesReply, type TwinOptions } from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

type APIError = InstanceType<typeof Anthropic.APIError>;
const MODEL = 'claude-opus-5';
const ADAPTIVE = { type: 'adaptive' as const };
const WRITE_TOOL: Anthropic.Tool = {
  name: 'write_file',
  input_schema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } } },
};

async function setup(options: TwinOptions = {}) {
  const twin = await twins.start(options);
  return new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
}

const ask = (content: string, extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) => ({
  model: MODEL,
  max_tokens: 4000,
  thinking: ADAPTIVE,
  messages: [{ role: 'user' as const, content }],
  ...extra,
});

function errorOf(promise: Promise<unknown>): Promise<APIError> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e as APIError,
  );
}

describe('twin: thinking replies', () => {
  it('adaptive thinking: the reply starts with a signed thinking block; thinking tokens are output tokens', async () => {
    const client = await setup({ script: [{ reply: { ...textReply('Hello.'), thinking: 'The user greets me. Greet back.' } }] });
    const message = await client.messages.create(ask('Hi'));
    expect(message.content).toHaveLength(2);
    const [thinking, text] = message.content;
    expect(thinking).toEqual({ type: 'thinking', thinking: 'The user greets me. Greet back.', signature: expect.any(String) });
    expect(Buffer.from((thinking as Anthropic.ThinkingBlock).signature, 'base64')).toHaveLength(32);
    expect(text).toMatchObject({ type: 'text', text: 'Hello.' });
    const thinkingTokens = countText('The user greets me. Greet back.');
    expect(message.usage.output_tokens_details).toEqual({ thinking_tokens: thinkingTokens });
    expect(message.usage.output_tokens).toBe(thinkingTokens + countText('Hello.'));
    expect(twins.twin.requests[0]!.usage?.output_tokens_details).toEqual({ thinking_tokens: thinkingTokens });
    expect(twins.twin.requests[0]!.thinking).toBe('adaptive');
  });

  it('streams content_block_start (empty thinking and signature), thinking deltas, one signature delta', async () => {
    const thought = 'Step one. '.repeat(20);
    const client = await setup({ chunkChars: 16, script: [{ reply: { ...textReply('Done.'), thinking: thought } }] });
    const stream = client.messages.stream(ask('Go'));
    const deltas: string[] = [];
    const signatures: string[] = [];
    stream.on('thinking', (delta) => deltas.push(delta));
    stream.on('signature', (signature) => signatures.push(signature));
    const starts: unknown[] = [];
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_start') starts.push(event.content_block);
    });
    const final = await stream.finalMessage();
    expect(starts[0]).toEqual({ type: 'thinking', thinking: '', signature: '' });
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join('')).toBe(thought);
    expect(signatures).toHaveLength(1);
    expect(final.content[0]).toEqual({ type: 'thinking', thinking: thought, signature: signatures[0] });
    expect(final.usage.output_tokens_details).toEqual({ thinking_tokens: countText(thought) });

    const json = await client.messages.create(ask('Go'));
    expect(json.content[0]).toMatchObject({ type: 'thinking', thinking: thought });
    // Same model, same text: the same signature.
    expect((json.content[0] as Anthropic.ThinkingBlock).signature).toBe(signatures[0]);
  });

  it('raw SSE: signature_delta comes last in the thinking block', async () => {
    await setup({ script: [{ reply: { ...textReply('ok'), thinking: 'short' } }] });
    const res = await fetch(`${twins.twin.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ ...ask('x'), stream: true }),
    });
    const kinds = [...(await res.text()).matchAll(/^data: (.*)$/gm)]
      .map((m) => JSON.parse(m[1]!) as { type: string; delta?: { type: string } })
      .map((e) => (e.type === 'content_block_delta' ? e.delta!.type : e.type));
    expect(kinds).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'thinking_delta',
      'signature_delta',
      'content_block_stop',
      'content_block_start',
      'text_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('without thinking in the request there is no thinking block, whatever the script says', async () => {
    const client = await setup({ script: [{ reply: { ...textReply('Hello.'), thinking: 'never shown' } }] });
    const message = await client.messages.create({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
    expect(message.content.map((b) => b.type)).toEqual(['text']);
    expect(message.usage.output_tokens_details ?? null).toBeNull();
    const disabled = await client.messages.create({ ...ask('Hi'), thinking: { type: 'disabled' } });
    expect(disabled.content.map((b) => b.type)).toEqual(['text']);
  });

  it('the default thinking grows with effort, which each recorded request keeps', async () => {
    const client = await setup({ script: [{ reply: textReply('ok') }] });
    const tokens: number[] = [];
    for (const effort of ['low', 'medium', 'high', 'xhigh', 'max'] as const) {
      const message = await client.messages.create(ask('Plan the release.', { output_config: { effort } }));
      const thinking = message.content[0] as Anthropic.ThinkingBlock;
      expect(thinking.thinking).toContain('Plan the release.');
      tokens.push(message.usage.output_tokens_details!.thinking_tokens);
    }
    expect(tokens).toEqual([...tokens].sort((a, b) => a - b));
    expect(new Set(tokens).size).toBe(5);
    expect(twins.twin.messageRequests().map((r) => r.effort)).toEqual(['low', 'medium', 'high', 'xhigh', 'max']);
    // No effort given: the API's default, high.
    const byDefault = await client.messages.create(ask('Plan the release.'));
    expect(byDefault.usage.output_tokens_details!.thinking_tokens).toBe(tokens[2]);
    expect(twins.twin.messageRequests()[5]!.effort).toBeUndefined();
  });

  it('budgeted thinking ({type: enabled, budget_tokens}) thinks too; the budget is checked like the API', async () => {
    const client = await setup({ script: [{ reply: textReply('ok') }] });
    const message = await client.messages.create(ask('Hi', { thinking: { type: 'enabled', budget_tokens: 2000 } }));
    expect(message.content[0]!.type).toBe('thinking');
    const low = await errorOf(client.messages.create(ask('Hi', { thinking: { type: 'enabled', budget_tokens: 500 } })));
    expect(low).toBeInstanceOf(Anthropic.BadRequestError);
    expect(low.message).toContain('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
    const over = await errorOf(client.messages.create(ask('Hi', { max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 2000 } })));
    expect(over.message).toContain('`max_tokens` must be greater than `thinking.budget_tokens`');
  });

  it('display omitted: an empty thinking text with a signature; the tokens still count', async () => {
    const client = await setup({ script: [{ reply: { ...textReply('ok'), thinking: 'secret reasoning here' } }] });
    const message = await client.messages.stream(ask('Hi', { thinking: { type: 'adaptive', display: 'omitted' } })).finalMessage();
    expect(message.content[0]).toEqual({ type: 'thinking', thinking: '', signature: expect.stringMatching(/=$/) });
    expect(message.usage.output_tokens_details).toEqual({ thinking_tokens: countText('secret reasoning here') });
  });

  it('thinking counts toward max_tokens: a long thought is cut there', async () => {
    const client = await setup({ script: [{ reply: { ...textReply('after'), thinking: 'x'.repeat(400) } }] });
    const message = await client.messages.create(ask('Hi', { max_tokens: 50 }));
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.content).toHaveLength(1);
    expect((message.content[0] as Anthropic.ThinkingBlock).thinking).toHaveLength(200);
    expect(message.usage.output_tokens).toBe(50);
  });

  it('between_tools thinks only on turns that follow tool results', async () => {
    const client = await setup({ script: [{ reply: writeFilesReply({ 'a.ts': 'A' }) }] });
    const params = { model: MODEL, max_tokens: 4000, tools: [WRITE_TOOL], thinking: { type: 'between_tools' as const } };
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'write a.ts' }];
    const first = await client.messages.create({ ...params, messages });
    expect(first.content.map((b) => b.type)).toEqual(['text', 'tool_use']);
    const call = first.content.find((b) => b.type === 'tool_use')!;
    messages.push({ role: 'assistant', content: first.content });
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'ok' }] });
    // The turn that made the calls did not think, so this loop cannot continue with thinking on.
    const err = await errorOf(client.messages.create({ ...params, messages }));
    expect(err.message).toContain('Expected `thinking` or `redacted_thinking`, but found `text`');
  });

  it('batch items think like messages', async () => {
    const client = await setup({ script: [{ reply: textReply('ok') }] });
    const batch = await client.messages.batches.create({ requests: [{ custom_id: 'a', params: ask('Hi') }] });
    const results: Anthropic.Messages.MessageBatchIndividualResponse[] = [];
    for await (const r of await client.messages.batches.results(batch.id)) results.push(r);
    expect(results[0]!.result).toMatchObject({ type: 'succeeded', message: { content: [{ type: 'thinking' }, { type: 'text' }] } });
  });
});

/** One write_file turn with thinking, answered: the conversation as a client would continue it. */
async function toolLoop(client: Anthropic) {
  const params = { model: MODEL, max_tokens: 4000, tools: [WRITE_TOOL], thinking: ADAPTIVE };
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'speccc-spec-id: money' }];
  const first = await client.messages.create({ ...params, messages });
  const call = first.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use')!;
  const results: Anthropic.MessageParam = { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'written' }] };
  const continueWith = (assistant: Anthropic.ContentBlockParam[]) =>
    client.messages.create({ ...params, messages: [...messages, { role: 'assistant', content: assistant }, results] });
  return { first, continueWith };
}

const TOOL_LOOP_MESSAGE =
  'messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `text`. When `thinking` is enabled, a final ' +
  '`assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). ' +
  'We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. Please consult ' +
  'our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking';

describe('twin: sending thinking back', () => {
  const script = [{ match: { specId: 'money' }, reply: writeFilesReply({ 'src/money.ts': 'export {}' }) }];

  it('a tool loop continues when the thinking block comes back unchanged', async () => {
    const client = await setup({ script });
    const { first, continueWith } = await toolLoop(client);
    expect(first.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use']);
    const second = await continueWith(first.content);
    expect(second.stop_reason).toBe('end_turn');
    expect(second.content[0]!.type).toBe('thinking');
  });

  it('a tool loop without the thinking block is a 400 with the API wording', async () => {
    const client = await setup({ script });
    const { first, continueWith } = await toolLoop(client);
    const err = await errorOf(continueWith(first.content.filter((b) => b.type !== 'thinking')));
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(err.type).toBe('invalid_request_error');
    expect(err.error).toMatchObject({ error: { message: TOOL_LOOP_MESSAGE } });
  });

  it('an edited thinking text, an edited or missing signature, or one from another twin is rejected', async () => {
    const client = await setup({ script });
    const { first, continueWith } = await toolLoop(client);
    const [thinking, ...rest] = first.content as [Anthropic.ThinkingBlock, ...Anthropic.ContentBlock[]];
    const invalid = 'messages.1.content.0: Invalid `signature` in `thinking` block';
    const tampered: Anthropic.ThinkingBlockParam[] = [
      { ...thinking, thinking: thinking.thinking + ' (edited)' },
      { ...thinking, signature: Buffer.from('x'.repeat(32)).toString('base64') },
      { ...thinking, signature: thinking.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
      { ...thinking, signature: '' },
      { type: 'thinking', thinking: thinking.thinking } as Anthropic.ThinkingBlockParam,
    ];
    for (const block of tampered) {
      const err = await errorOf(continueWith([block, ...rest]));
      expect(err).toBeInstanceOf(Anthropic.BadRequestError);
      expect(err.error).toMatchObject({ error: { type: 'invalid_request_error', message: invalid } });
    }
    // Another twin has another secret: its signature does not verify here.
    const other = await startTwin({ script });
    try {
      const foreign = await toolLoop(new Anthropic({ apiKey: 'k', baseURL: other.url, maxRetries: 0 }));
      const err = await errorOf(continueWith([foreign.first.content[0]!, ...rest]));
      expect(err.message).toContain(invalid);
    } finally {
      await other.close();
    }
  });

  it('signatures are checked even when this request does not think', async () => {
    const client = await setup({ script: [{ reply: textReply('ok') }] });
    const err = await errorOf(
      client.messages.create({
        model: MODEL,
        max_tokens: 100,
        messages: [
          { role: 'user', content: 'a' },
          { role: 'assistant', content: [{ type: 'thinking', thinking: 'made up', signature: 'Zm9yZ2Vk' }, { type: 'text', text: 'b' }] },
          { role: 'user', content: 'c' },
        ],
      }),
    );
    expect(err.message).toContain('messages.1.content.0: Invalid `signature` in `thinking` block');
  });
});

describe('twin: effort and tool_choice rules', () => {
  it('output_config.effort takes low, medium, high, xhigh or max; anything else is a 400, still recorded', async () => {
    const client = await setup({ script: [{ reply: textReply('ok') }] });
    const err = await errorOf(
      client.messages.create(ask('x', { output_config: { effort: 'extreme' as 'max' } })),
    );
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(err.message).toContain("output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'");
    expect(twins.twin.requests[0]!.effort).toBe('extreme');
    expect(twins.twin.requests[0]!.status).toBe(400);
    // Effort without thinking is fine and recorded too.
    await client.messages.create({ model: MODEL, max_tokens: 10, output_config: { effort: 'low' }, messages: [{ role: 'user', content: 'x' }] });
    expect(twins.twin.requests[1]!.effort).toBe('low');
    // count_tokens checks it as well.
    await expect(client.messages.countTokens({ model: MODEL, output_config: { effort: 'none' as 'low' }, messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );
  });

  it('forced tool choice with thinking is a 400', async () => {
    const client = await setup({ script: [{ reply: textReply('ok') }] });
    for (const tool_choice of [{ type: 'any' as const }, { type: 'tool' as const, name: 'write_file' }]) {
      const err = await errorOf(client.messages.create(ask('x', { model: 'claude-sonnet-4-6', tools: [WRITE_TOOL], tool_choice })));
      expect(err).toBeInstanceOf(Anthropic.BadRequestError);
      expect(err.error).toMatchObject({ error: { message: 'Thinking may not be enabled when tool_choice forces tool use.' } });
    }
    const auto = await client.messages.create(ask('x', { tools: [WRITE_TOOL], tool_choice: { type: 'auto' } }));
    expect(auto.stop_reason).toBe('end_turn');
  });

  it('forced tool choice on a 5.x model is a 400; older models still accept it', async () => {
    const client = await setup({ script: [{ reply: textReply('ok') }] });
    const plain = (model: string) => ({
      model,
      max_tokens: 10,
      tools: [WRITE_TOOL],
      tool_choice: { type: 'any' as const },
      messages: [{ role: 'user' as const, content: 'x' }],
    });
    for (const model of ['claude-opus-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-fable-5-2', 'claude-mythos-5']) {
      const err = await errorOf(client.messages.create(plain(model)));
      expect(err).toBeInstanceOf(Anthropic.BadRequestError);
      expect(err.message).toContain(`${model} does not support tool_choice that forces tool use`);
    }
    expect((await client.messages.create(plain('claude-sonnet-4-6'))).stop_reason).toBe('end_turn');
  });
});
