/**
 * The Anthropic provider against the twin, through the real SDK: tool turns, refusals, every
 * fault the issue names, budgets, cancellation, and key hygiene.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWith, view } from '../../../helpers/runtime.js';
import { createBudget } from '../../../../src/phases/6-generate/budget.js';
import { cutOffWriteTurn, startTwin, toolUseReply, writeFilesReply, writeFilesTurn } from '../../../../src/api-twin/index.js';
import { agentFor, KEY, money } from '../../../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../../../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

async function buildMoney(script: Parameters<typeof startTwin>[0], budgetUsd: number | null = null) {
  const twin = await twins.start(script);
  const root = workspaces.moneyOnly();
  const { agent, trace } = agentFor(root, twin.url, { budget: createBudget(budgetUsd) });
  const result = view(await buildWith(root, agent));
  const outcome = result.outcomes.get('money')!;
  return { root, outcome, trace, twin, result };
}

describe('anthropic provider against the twin', () => {
  it('writes the files through write_file and ends the turn; caches the shared prefix', async () => {
    const { root, outcome, twin: t } = await buildMoney({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(money) }] });
    expect(outcome.state).toBe('built');
    expect(readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8')).toContain('export function money(');
    const first = t.messageRequests()[0]!.body as { system: { cache_control?: unknown }[]; tools: { cache_control?: unknown }[]; stream: boolean };
    expect(first.system[0]!.cache_control).toEqual({ type: 'ephemeral' });
    expect(first.tools.at(-1)!.cache_control).toEqual({ type: 'ephemeral' });
    expect(first.stream).toBe(true);
    expect(outcome.result!.usage.cacheWriteTokens + outcome.result!.usage.cacheReadTokens).toBeGreaterThan(0);
  });

  it('refuses a traversal and a foreign file with an error the model can act on; nothing lands outside', async () => {
    let call = 0;
    const { root, outcome, twin: t } = await buildMoney({
      script: [
        {
          match: { specId: 'money' },
          reply: (ctx) => {
            call++;
            if (call === 1) return writeFilesTurn({ '../../escape.ts': 'x', 'src/invoice-totals.ts': 'x' });
            return writeFilesReply(money)(ctx);
          },
        },
      ],
    });
    expect(outcome.state).toBe('built');
    const body = t.messageRequests()[1]!.body as { messages: { content: { is_error?: boolean; content: string }[] }[] };
    const second = body.messages.at(-1)!.content;
    expect(second.every((r) => r.is_error)).toBe(true);
    expect(second[0]!.content).toContain('contains `..`');
    expect(existsSync(path.join(root, '../escape.ts'))).toBe(false);
    expect(existsSync(path.join(root, 'generated/src/invoice-totals.ts'))).toBe(false);
  });

  it.each([
    ['429 with retry-after', { kind: 'rate-limit', retryAfter: 2 }],
    ['529 overloaded', { kind: 'overloaded' }],
    ['500', { kind: 'server-error' }],
    ['a connection reset', { kind: 'reset' }],
    ['an error event mid-stream', { kind: 'stream-error', afterEvents: 3 }],
  ] as const)('retries %s and then succeeds', async (_name, fault) => {
    const { outcome, trace, twin: t } = await buildMoney({ script: [{ match: { specId: 'money' }, fault, times: 1 }, { match: { specId: 'money' }, reply: writeFilesReply(money) }] });
    expect(outcome.state).toBe('built');
    expect(t.messageRequests().length).toBe(2); // the failed one, then the write (the job ends once every file is written)
    const events = readFileSync(trace.file!, 'utf8');
    expect(events).toContain('"type":"retry"');
  });

  it('a slow response is waited for', async () => {
    const { outcome } = await buildMoney({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(money), delayMs: 300, eventDelayMs: 5 }] });
    expect(outcome.state).toBe('built');
  });

  it('a spend-limit 429 is not retried and stops the build with a clear message; generated/ untouched', async () => {
    const { root, outcome, twin: t } = await buildMoney({ script: [{ match: { specId: 'money' }, fault: { kind: 'spend-limit' } }] });
    expect(outcome.state).toBe('failed');
    expect(outcome.error).toContain('enforced_spend_limit_reached');
    expect(t.messageRequests()).toHaveLength(1);
    expect(existsSync(path.join(root, 'generated'))).toBe(false);
  });

  it('400, 401 and 403 are not retried', async () => {
    for (const status of [400, 401, 403]) {
      const { outcome, twin: t } = await buildMoney({ script: [{ match: { specId: 'money' }, fault: { kind: 'status', status, errorType: status === 400 ? 'invalid_request_error' : status === 401 ? 'authentication_error' : 'permission_error', message: 'no' } }] });
      expect(outcome.state).toBe('failed');
      expect(t.messageRequests()).toHaveLength(1);
      await t.close();
    }
  });

  it('write_file: every tool is sent strict; its schema-valid calls write the files', async () => {
    const { outcome, twin: t } = await buildMoney({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(money) }] });
    expect(outcome.state).toBe('built');
    const sent = (t.messageRequests()[0]!.body as { tools: { name: string; strict?: boolean }[] }).tools;
    expect(sent.map((tool) => [tool.name, tool.strict])).toEqual([['write_file', true], ['read_file', true]]);
  });

  it('read_file: a schema-valid call reads back what the job wrote', async () => {
    const { 'src/money.ts': source, ...rest } = money;
    const { outcome, twin: t } = await buildMoney({
      script: [
        {
          match: { specId: 'money' },
          reply: (ctx) => (ctx.turn === 0 ? writeFilesTurn({ 'src/money.ts': source }) : ctx.turn === 1 ? toolUseReply('read_file', { path: 'src/money.ts' }) : writeFilesTurn(rest)),
        },
      ],
    });
    expect(outcome.state).toBe('built');
    const third = (t.messageRequests()[2]!.body as { messages: { content: { type: string; content?: string; is_error?: boolean }[] }[] }).messages.at(-1)!.content;
    expect(third[0]).toMatchObject({ type: 'tool_result', content: source });
    expect(third[0]!.is_error).toBeUndefined();
  });

  it('a scripted call that breaks its strict schema is refused by the twin (400): a request error, not retried', async () => {
    const { outcome, twin: t } = await buildMoney({ script: [{ match: { specId: 'money' }, reply: toolUseReply('write_file', { file: 'src/a.ts', body: 42 }) }] });
    expect(outcome).toMatchObject({ state: 'failed', failureClass: 'api-error' });
    expect(outcome.error).toContain('the API rejected the request (400 invalid_request_error): twin: the scripted `write_file` call does not match its strict input_schema');
    expect(t.messageRequests()).toHaveLength(1);
  });

  it('a file cut off by max_tokens is never written; the model is asked again', async () => {
    let call = 0;
    const { root, outcome, twin: t } = await buildMoney({
      script: [{ match: { specId: 'money' }, reply: (ctx) => (++call === 1 ? cutOffWriteTurn('src/money.ts', money['src/money.ts'], 0.4) : writeFilesReply(money)(ctx)) }],
    });
    expect(outcome.state).toBe('built');
    const feedback = JSON.stringify((t.messageRequests()[1]!.body as { messages: unknown[] }).messages.at(-1));
    expect(feedback).toContain('hit max_tokens');
    expect(readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8')).toContain('export function formatMoney');
  });

  it('never starts a request that could break the budget', async () => {
    const { outcome, twin: t } = await buildMoney({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(money) }] }, 0.01);
    expect(outcome).toMatchObject({ state: 'failed', failureClass: 'budget-exhausted' });
    expect(outcome.error).toContain('could break the budget');
    expect(t.messageRequests()).toHaveLength(0);
  });

  it('the key appears in no trace line and no error message', async () => {
    const { trace, outcome } = await buildMoney({ script: [{ match: { specId: 'money' }, fault: { kind: 'status', status: 400, errorType: 'invalid_request_error', message: `bad key ${KEY}` } }] });
    expect(outcome.error).not.toContain(KEY);
    expect(outcome.error).toContain('[REDACTED]');
    expect(readFileSync(trace.file!, 'utf8')).not.toContain(KEY);
  });
});
