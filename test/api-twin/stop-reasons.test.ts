// Every stop_reason the API sends can be scripted, and reaches the SDK as sent, JSON and streamed.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { cutOffWriteTurn, refusalReply, stopReasonReply, toolUseReply, type StopReason, type Turn } from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

const params = { model: 'claude-sonnet-5-5', max_tokens: 1000, messages: [{ role: 'user' as const, content: 'go' }] };

const turns: [StopReason, Turn][] = [
  ['end_turn', stopReasonReply('end_turn', 'done')],
  ['tool_use', toolUseReply('write_file', { path: 'a.ts', content: 'x' })],
  ['max_tokens', cutOffWriteTurn('a.ts', 'x'.repeat(200), 0.5)],
  ['stop_sequence', stopReasonReply('stop_sequence', 'up to the')],
  ['pause_turn', stopReasonReply('pause_turn')],
  ['refusal', refusalReply({ category: 'bio' })],
  ['model_context_window_exceeded', stopReasonReply('model_context_window_exceeded', 'partial')],
];

describe('twin: stop reasons', () => {
  it.each(turns)('%s, as JSON and streamed', async (reason, turn) => {
    const twin = await twins.start({ script: [{ reply: turn }] });
    const client = new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
    expect((await client.messages.create(params)).stop_reason).toBe(reason);
    const streamed = await client.messages.stream(params).finalMessage();
    expect(streamed.stop_reason).toBe(reason);
    expect(streamed.stop_details).toEqual(reason === 'refusal' ? { type: 'refusal', category: 'bio', explanation: null } : null);
  });
});
