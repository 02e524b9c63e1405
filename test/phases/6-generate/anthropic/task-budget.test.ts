/**
 * Task budgets: on models whose traits take one, each request carries the job's remaining budget
 * as an advisory task budget (output_config.task_budget with the beta header), so the model can
 * wind down before speccc's hard cap refuses it; the hard cap stays the authority, and the trace
 * records both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWith, view } from '../../../helpers/runtime.js';
import { createBudget } from '../../../../src/phases/6-generate/budget.js';
import { traitsOf } from '../../../../src/prices/lineup.js';
import { writeFilesTurn } from '../../../../src/api-twin/index.js';
import type { TracedEvent } from '../../../../src/types/index.js';
import { agentFor, money } from '../../../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../../../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

const { 'src/money.ts': source, ...rest } = money;
/** Two turns: the source file first, the rest once its result comes back. */
const twoTurns = [{ match: { specId: 'money' }, reply: (ctx: { turn: number }) => writeFilesTurn(ctx.turn === 0 ? { 'src/money.ts': source } : rest) }];

async function build(budgetUsd: number | null, config?: unknown) {
  const twin = await twins.start({ script: twoTurns });
  const root = workspaces.moneyOnly();
  if (config) writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify(config));
  const { agent, trace } = agentFor(root, twin.url, { budget: createBudget(budgetUsd) });
  const outcome = view(await buildWith(root, agent)).outcomes.get('money')!;
  const events = readFileSync(trace.file!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TracedEvent);
  return { outcome, events, requests: twin.messageRequests() };
}

type Sent = { output_config?: { effort?: string; task_budget?: { type: string; total: number; remaining: number } } };

describe('task budgets', () => {
  it('the 5.5 and 5.2 generation take one; older models do not', () => {
    expect(['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-haiku-5-5', 'claude-fable-5-2', 'claude-mythos-5-2'].map((m) => traitsOf(m).taskBudget)).toEqual([true, true, true, true, true]);
    expect(['claude-opus-5', 'claude-sonnet-5', 'claude-fable-5-1', 'claude-opus-4-8'].map((m) => traitsOf(m).taskBudget)).toEqual([false, false, false, false]);
  });

  it('each request carries what is left of the job budget, with the beta header; the twin counts it down; the trace records both', async () => {
    const { outcome, events, requests } = await build(1);
    expect(outcome.state).toBe('built');
    expect(requests.map((r) => r.headers['anthropic-beta'])).toEqual(['task-budgets-2026-03-13', 'task-budgets-2026-03-13']);
    const [first, second] = requests.map((r) => (r.body as Sent).output_config!);
    // $1 at Sonnet 5.5's $10 per million output tokens: 100,000 tokens.
    expect(first).toEqual({ effort: 'high', task_budget: { type: 'tokens', total: 100_000, remaining: 100_000 } });
    expect(second!.task_budget!.total).toBe(100_000);
    const sent = events.filter((e): e is Extract<TracedEvent, { type: 'request' }> => e.type === 'request');
    // What the first reply cost, in output tokens of this model, is gone from the second's budget.
    expect(second!.task_budget!.remaining).toBe(Math.floor((1 - sent[0]!.costUsd) * 100_000));
    expect(sent[0]!.taskBudget).toEqual({ total: 100_000, remaining: 100_000, reportedRemaining: 100_000 - sent[0]!.outputTokens });
    // The hard cap is still reserved before each request.
    expect(events.filter((e) => e.type === 'budget').map((e) => (e as { ok: boolean }).ok)).toEqual([true, true]);
  });

  it('no cap, or a model without the trait: no task budget and no beta header', async () => {
    for (const [cap, config] of [[null, undefined], [1, { model: { default: 'claude-opus-5' } }]] as const) {
      const run = await build(cap, config);
      expect(run.outcome.state).toBe('built');
      expect(run.requests).toHaveLength(2);
      for (const r of run.requests) {
        expect(r.headers['anthropic-beta']).toBeUndefined();
        expect((r.body as Sent).output_config?.task_budget).toBeUndefined();
      }
      await twins.twin.close();
    }
  });
});
