// Task budgets (beta): the twin takes output_config.task_budget only with the beta header, as the
// API does for a beta field, checks its shape, and counts it down in the reply's usage.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { textReply } from '../../src/api-twin/index.js';
import { useTwin } from '../helpers/fixtures.js';

const twins = useTwin();

const BETA = { headers: { 'anthropic-beta': 'task-budgets-2026-03-13' } };
const body = (task_budget: unknown) =>
  ({ model: 'claude-sonnet-5-5', max_tokens: 1000, messages: [{ role: 'user', content: 'go' }], output_config: { effort: 'low', task_budget } }) as unknown as Anthropic.MessageCreateParamsNonStreaming;

async function client() {
  const twin = await twins.start({ script: [{ reply: (ctx) => textReply(`left: ${ctx.taskBudget?.remaining ?? 'none'}`) }] });
  return new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
}

describe('twin: task budgets', () => {
  it('without the beta header the field is refused as the API refuses a beta field (400)', async () => {
    const c = await client();
    const err = await c.messages.create(body({ type: 'tokens', total: 5000 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect((err as Error).message).toContain('output_config.task_budget: Extra inputs are not permitted');
  });

  it('with the header it is accepted, seen by the script, and counted down in usage (JSON and streamed)', async () => {
    const c = await client();
    const json = await c.messages.create(body({ type: 'tokens', total: 5000, remaining: 3000 }), BETA);
    expect(json.content[0]).toMatchObject({ text: 'left: 3000' });
    const usage = json.usage as Anthropic.Usage & { task_budget?: { total: number; remaining: number } };
    expect(usage.task_budget).toEqual({ total: 5000, remaining: 3000 - json.usage.output_tokens });
    const streamed = await c.messages.stream(body({ type: 'tokens', total: 5000 }), BETA).finalMessage();
    expect((streamed.usage as typeof usage).task_budget).toEqual({ total: 5000, remaining: 5000 - streamed.usage.output_tokens });
    expect(twins.twin.messageRequests()[0]!.headers['anthropic-beta']).toBe('task-budgets-2026-03-13');
  });

  it.each([
    [{ type: 'usd', total: 5 }, "output_config.task_budget.type: Input should be 'tokens'"],
    [{ type: 'tokens' }, 'output_config.task_budget.total: Field required'],
    [{ type: 'tokens', total: 0 }, 'greater than or equal to 1'],
    [{ type: 'tokens', total: 10, remaining: 11 }, 'less than or equal to `total`'],
  ])('a malformed budget %j is a 400', async (budget, message) => {
    const c = await client();
    await expect(c.messages.create(body(budget), BETA)).rejects.toThrow(message);
  });

  it('never below zero', async () => {
    const c = await client();
    const message = await c.messages.create(body({ type: 'tokens', total: 2, remaining: 1 }), BETA);
    expect((message.usage as { task_budget?: unknown }).task_budget).toEqual({ total: 2, remaining: 0 });
  });
});
