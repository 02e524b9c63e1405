// Request validation and the token/caching arithmetic, without HTTP.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateMessages } from '../../src/api-twin/request.js';
import { cacheUsage, countInputTokens, newPromptCache } from '../../src/api-twin/tokens.js';
import type { MessagesBody } from '../../src/api-twin/types.js';

const base = { model: 'claude-sonnet-4-6', max_tokens: 10 };

describe('twin: request validation', () => {
  const cases: Array<[string, unknown, string | undefined]> = [
    ['valid', { ...base, messages: [{ role: 'user', content: 'hi' }] }, undefined],
    ['no model', { max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] }, 'model: Field required'],
    ['no max_tokens', { model: 'm', messages: [{ role: 'user', content: 'hi' }] }, 'max_tokens: Field required'],
    ['no messages', { ...base, messages: [] }, 'messages: at least one message is required'],
    ['bad role', { ...base, messages: [{ role: 'system', content: 'hi' }] }, "messages.0.role: Input should be 'user' or 'assistant'"],
    ['empty text', { ...base, messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] }, 'messages.0.content.0.text: text content blocks must be non-empty'],
    [
      'unanswered tool_use',
      {
        ...base,
        messages: [
          { role: 'user', content: 'go' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'w', input: {} }, { type: 'tool_use', id: 't2', name: 'w', input: {} }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'ok' }] },
        ],
      },
      'messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: t2. Each `tool_use` block must have a corresponding `tool_result` block in the next message.',
    ],
    [
      'stray tool_result',
      { ...base, messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tx', content: 'ok' }] }] },
      'messages.0.content.0: unexpected `tool_use_id` found in `tool_result` blocks: tx. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
    ],
    [
      'trailing tool_use',
      { ...base, messages: [{ role: 'user', content: 'go' }, { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'w', input: {} }] }] },
      'messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: t1. Each `tool_use` block must have a corresponding `tool_result` block in the next message.',
    ],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => expect(validateMessages(body as MessagesBody, true)).toBe(expected));
  }
  it('count_tokens does not need max_tokens', () => {
    expect(validateMessages({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, false)).toBeUndefined();
  });
});

const block = fc.record({
  text: fc.string({ minLength: 1, maxLength: 3000 }),
  breakpoint: fc.boolean(),
});

function bodyOf(system: Array<{ text: string; breakpoint: boolean }>, user: string): MessagesBody {
  return {
    model: 'claude-sonnet-4-6',
    max_tokens: 10,
    system: system.map((b) => ({ type: 'text', text: b.text, ...(b.breakpoint ? { cache_control: { type: 'ephemeral' } } : {}) })),
    messages: [{ role: 'user', content: user }],
  };
}

describe('twin: caching arithmetic', () => {
  it('input + cache reads + cache writes always equals the token count', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }), (system, users) => {
        const cache = newPromptCache();
        for (const user of users) {
          const body = bodyOf(system, user);
          const u = cacheUsage(cache, body, 1024, 0);
          expect(u.input_tokens + u.cache_read_input_tokens + u.cache_creation_input_tokens).toBe(countInputTokens(body));
          expect(u.input_tokens).toBeGreaterThanOrEqual(0);
          expect(u.cache_creation.ephemeral_5m_input_tokens).toBe(u.cache_creation_input_tokens);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('repeating a request reads everything up to its last long-enough breakpoint and writes nothing', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (system) => {
        const cache = newPromptCache();
        const body = bodyOf(system, 'u');
        cacheUsage(cache, body, 1024, 0);
        const again = cacheUsage(cache, body, 1024, 1);
        expect(again.cache_creation_input_tokens).toBe(0);
        let running = 0;
        let expectedRead = 0;
        for (const b of system) {
          running += Math.ceil(b.text.length / 4);
          if (b.breakpoint && running >= 1024) expectedRead = running;
        }
        expect(again.cache_read_input_tokens).toBe(expectedRead);
      }),
      { numRuns: 200 },
    );
  });
});

describe('twin: tool definitions', () => {
  const msg = [{ role: 'user', content: 'x' }];
  const schema = { type: 'object', properties: {} };
  it.each([
    [[{ name: 'write_file', input_schema: schema }], undefined],
    [[{ input_schema: schema }], 'tools.0.name: Field required'],
    [[{ name: 'write file', input_schema: schema }], "tools.0.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'"],
    [[{ name: 'w' }], 'tools.0.custom.input_schema: Field required'],
    [[{ name: 'w', input_schema: { type: 'string' } }], "tools.0.custom.input_schema.type: Input should be 'object'"],
    [[{ name: 'w', input_schema: schema }, { name: 'w', input_schema: schema }], 'tools: Tool names must be unique.'],
  ])('%j', (tools, expected) => {
    expect(validateMessages({ ...base, messages: msg, tools } as MessagesBody, true)).toBe(expected);
  });
});
