// Strict tool use on the twin, one tool at a time through the real SDK with speccc's own tool
// definitions: valid input is answered, a scripted call the API could never send under strict
// (invalid JSON, a missing or extra property, a wrong type) is refused with the API's 400 error
// shape, and a strict tool whose schema the API would refuse is a 400 on the request.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { TOOL_DEFINITIONS } from '../../src/phases/4-render/tools.js';
import { cutOffWriteTurn, malformedToolCallTurn, toolUseReply, type Turn } from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

const tools = TOOL_DEFINITIONS as unknown as Anthropic.Tool[];
const params = { model: 'claude-sonnet-5-5', max_tokens: 4000, tools, messages: [{ role: 'user' as const, content: 'go' }] };

async function answer(turn: Turn, body: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) {
  const twin = await twins.start({ script: [{ reply: turn }] });
  const client = new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
  return client.messages.stream({ ...params, ...body }).finalMessage().catch((e: unknown) => e);
}

function refusal(error: unknown): string {
  expect(error).toBeInstanceOf(Anthropic.BadRequestError);
  const e = error as InstanceType<typeof Anthropic.APIError>;
  expect(e.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' }, request_id: e.requestID });
  return (e.error as { error: { message: string } }).error.message;
}

describe('twin: strict tool use', () => {
  it("speccc's tools are strict, closed and fully required", () => {
    for (const tool of TOOL_DEFINITIONS) {
      expect(tool.strict).toBe(true);
      expect(tool.input_schema.additionalProperties).toBe(false);
      expect([...tool.input_schema.required].sort()).toEqual(Object.keys(tool.input_schema.properties).sort());
    }
  });

  describe('write_file', () => {
    it('a schema-valid call is answered', async () => {
      const message = (await answer(toolUseReply('write_file', { path: 'src/a.ts', content: 'export const a = 1;\n' }))) as Anthropic.Message;
      expect(message.content.find((b) => b.type === 'tool_use')).toMatchObject({ name: 'write_file', input: { path: 'src/a.ts', content: 'export const a = 1;\n' } });
    });

    it.each([
      ['a missing property', { path: 'src/a.ts' }, "input: missing required property 'content'"],
      ['an extra property', { path: 'src/a.ts', content: 'x', mode: 'append' }, "input: unexpected property 'mode'"],
      ['a wrong type', { path: 'src/a.ts', content: 42 }, 'input.content: expected string, got number'],
    ])('a call with %s is refused with a 400', async (_name, input, problem) => {
      const message = refusal(await answer(toolUseReply('write_file', input)));
      expect(message).toContain('the scripted `write_file` call does not match its strict input_schema');
      expect(message).toContain(problem);
      expect(twins.twin.messageRequests()[0]!.status).toBe(400);
    });

    it('invalid JSON is refused; a call cut off at max_tokens is not (strict sampling does not prevent that)', async () => {
      expect(refusal(await answer(malformedToolCallTurn('invalid-json', 'write_file')))).toContain('is not valid JSON');
      await twins.twin.close();
      const cut = (await answer(cutOffWriteTurn('src/a.ts', 'x'.repeat(400), 0.5))) as Anthropic.Message;
      expect(cut.stop_reason).toBe('max_tokens');
    });
  });

  describe('read_file', () => {
    it('a schema-valid call is answered', async () => {
      const message = (await answer(toolUseReply('read_file', { path: 'src/money.ts' }))) as Anthropic.Message;
      expect(message.content.find((b) => b.type === 'tool_use')).toMatchObject({ name: 'read_file', input: { path: 'src/money.ts' } });
    });

    it.each([
      ['a missing property', {}, "input: missing required property 'path'"],
      ['an extra property', { path: 'src/money.ts', content: 'x' }, "input: unexpected property 'content'"],
      ['a wrong type', { path: ['src/money.ts'] }, 'input.path: expected string, got array'],
    ])('a call with %s is refused with a 400', async (_name, input, problem) => {
      const message = refusal(await answer(toolUseReply('read_file', input)));
      expect(message).toContain('the scripted `read_file` call does not match its strict input_schema');
      expect(message).toContain(problem);
    });
  });

  it('the same call to a tool that is not strict is answered as scripted (the model may get it wrong)', async () => {
    const loose = tools.map((t) => ({ ...t, strict: false }));
    const message = (await answer(toolUseReply('write_file', { path: 'src/a.ts' }), { tools: loose })) as Anthropic.Message;
    expect(message.stop_reason).toBe('tool_use');
  });

  it('a batch item with a call that breaks its strict schema is an errored result', async () => {
    const twin = await twins.start({ script: [{ reply: toolUseReply('read_file', { file: 'x' }) }] });
    const client = new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
    const batch = await client.messages.batches.create({ requests: [{ custom_id: 'a', params }] });
    const results = [];
    for await (const r of await client.messages.batches.results(batch.id)) results.push(r);
    expect(results[0]!.result).toMatchObject({ type: 'errored', error: { error: { type: 'invalid_request_error' } } });
  });

  it.each([
    ['an object without additionalProperties: false', { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] }, "tools.0.custom.input_schema: For 'object' type, 'additionalProperties' must be explicitly set to false"],
    ['an optional property', { type: 'object', properties: { path: { type: 'string' }, note: { type: 'string' } }, required: ['path'], additionalProperties: false }, "every property must be listed in 'required'; missing: note"],
    ['a string length constraint', { type: 'object', properties: { path: { type: 'string', minLength: 1 } }, required: ['path'], additionalProperties: false }, "tools.0.custom.input_schema.properties.path: 'minLength' is not supported"],
    ['an open nested object', { type: 'object', properties: { meta: { type: 'object', properties: {} } }, required: ['meta'], additionalProperties: false }, 'tools.0.custom.input_schema.properties.meta: For'],
  ])('a strict tool with %s is refused on the request; the same schema without strict is accepted', async (_name, schema, problem) => {
    const tool = { name: 'note', description: 'x', strict: true, input_schema: schema } as unknown as Anthropic.Tool;
    expect(refusal(await answer(toolUseReply('note', {}), { tools: [tool] }))).toContain(problem);
    expect(twins.twin.messageRequests()[0]!.status).toBe(400);
    await twins.twin.close();
    const loose = (await answer({ content: [{ type: 'text', text: 'ok' }] }, { tools: [{ ...tool, strict: false } as Anthropic.Tool] })) as Anthropic.Message;
    expect(loose.content[0]).toMatchObject({ type: 'text', text: 'ok' });
  });
});
