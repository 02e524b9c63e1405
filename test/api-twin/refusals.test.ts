// Refusals: stop_reason `refusal` with the SDK's RefusalStopDetails, as JSON and streamed;
// every other turn carries stop_details: null.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { refusalReply, textReply, type TwinOptions } from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

const params = { model: 'claude-opus-5', max_tokens: 100, messages: [{ role: 'user' as const, content: 'go' }] };

async function setup(options: TwinOptions) {
  const twin = await twins.start(options);
  return new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
}

describe('twin: refusals', () => {
  it('a JSON refusal has stop_reason refusal and stop_details', async () => {
    const client = await setup({ script: [{ reply: refusalReply({ category: 'cyber', explanation: 'Could enable malware.' }) }] });
    const message = await client.messages.create(params);
    expect(message.stop_reason).toBe('refusal');
    expect(message.stop_details).toEqual({ type: 'refusal', category: 'cyber', explanation: 'Could enable malware.' });
    expect(message.content).toEqual([]);
  });

  it('a streamed refusal: partial text, then message_delta with the details', async () => {
    const client = await setup({ script: [{ reply: refusalReply({ text: 'Let me start by', category: 'bio' }) }] });
    const stream = client.messages.stream(params);
    let text = '';
    stream.on('text', (delta) => (text += delta));
    const final = await stream.finalMessage();
    expect(text).toBe('Let me start by');
    expect(final.stop_reason).toBe('refusal');
    expect(final.stop_details).toEqual({ type: 'refusal', category: 'bio', explanation: null });
  });

  it('defaults: no content, null category and explanation; an empty stream still pings', async () => {
    const client = await setup({ script: [{ reply: refusalReply() }] });
    const final = await client.messages.stream(params).finalMessage();
    expect(final.content).toEqual([]);
    expect(final.stop_details).toEqual({ type: 'refusal', category: null, explanation: null });
    const res = await fetch(`${twins.twin.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ ...params, stream: true }),
    });
    const events = [...(await res.text()).matchAll(/^event: (\S+)$/gm)].map((m) => m[1]);
    expect(events).toEqual(['message_start', 'ping', 'message_delta', 'message_stop']);
  });

  it('other turns carry stop_details: null, JSON and streamed', async () => {
    const client = await setup({ script: [{ reply: textReply('fine') }] });
    expect((await client.messages.create(params)).stop_details).toBeNull();
    expect((await client.messages.stream(params).finalMessage()).stop_details).toBeNull();
  });
});
