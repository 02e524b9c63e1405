/**
 * Counting, not guessing: each request's budget reservation uses the input tokens count_tokens
 * gives (plus a margin), bounded by the request's byte size, which stays the fallback when the
 * count fails; a finished build shows each job's estimate against its actual in `speccc log` and
 * in the build's JSON.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWith, view } from '../../../helpers/runtime.js';
import { runCli } from '../../../helpers/cli.js';
import { inputTokenBound } from '../../../../src/phases/6-generate/anthropic/send.js';
import { priceOf, worstCaseOf } from '../../../../src/prices/pricing.js';
import { writeFilesReply, type TwinOptions } from '../../../../src/api-twin/index.js';
import type { TracedEvent } from '../../../../src/types/index.js';
import { agentFor, money, moneyUnproven } from '../../../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../../../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

type Budget = Extract<TracedEvent, { type: 'budget' }>;
type Request = Extract<TracedEvent, { type: 'request' }>;

async function buildMoney(options: Omit<TwinOptions, 'script'> = {}) {
  const twin = await twins.start({ ...options, script: [{ match: { specId: 'money' }, reply: writeFilesReply(money) }] });
  const root = workspaces.moneyOnly();
  const { agent, trace } = agentFor(root, twin.url);
  const outcome = view(await buildWith(root, agent)).outcomes.get('money')!;
  const events = readFileSync(trace.file!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TracedEvent);
  return { outcome, budgets: events.filter((e): e is Budget => e.type === 'budget'), requests: events.filter((e): e is Request => e.type === 'request'), twin };
}

describe('the reservation counts', () => {
  it('min(byte bound, counted + margin); the byte bound alone without a count', () => {
    expect(inputTokenBound(40_000, 10_000)).toBe(11_256);
    expect(inputTokenBound(40_000, undefined)).toBe(40_000);
    expect(inputTokenBound(300, 1_000)).toBe(300); // the byte bound is the upper limit
  });

  it('reserves from the counted input tokens, which are what the request is billed', async () => {
    const { outcome, budgets, requests, twin: t } = await buildMoney();
    expect(outcome.state).toBe('built');
    expect(t.requests.filter((r) => r.path === '/v1/messages/count_tokens').map((r) => r.status)).toEqual([200]);
    const [budget] = budgets;
    const [request] = requests;
    const billed = request!.inputTokens + request!.cacheReadTokens + request!.cacheWriteTokens;
    expect(budget!.countedInputTokens).toBe(billed); // the twin counts exactly what it bills
    expect(budget!.inputTokens).toBe(Math.ceil(billed * 1.1) + 256);
    const bytes = Buffer.byteLength(t.messageRequests()[0]!.rawBody, 'utf8');
    expect(budget!.inputTokens).toBeLessThan(bytes);
    expect(budget!.reserveUsd).toBeCloseTo(worstCaseOf(priceOf('claude-sonnet-5-5')!, budget!.inputTokens!, 16_000), 12);
    expect(request).toMatchObject({ countedInputTokens: billed, reservedUsd: budget!.reserveUsd });
  });

  it('when count_tokens fails, the reservation falls back to the byte bound and the build goes on', async () => {
    const { outcome, budgets, twin: t } = await buildMoney({ countTokensFaults: [{ fault: { kind: 'overloaded' } }] });
    expect(outcome.state).toBe('built');
    expect(budgets[0]!.countedInputTokens).toBeUndefined();
    // The body's UTF-8 size as speccc built it (the SDK adds `"stream": true` when it sends it).
    const { stream: _stream, ...body } = t.messageRequests()[0]!.body as Record<string, unknown>;
    expect(budgets[0]!.inputTokens).toBe(Buffer.byteLength(JSON.stringify(body), 'utf8'));
  });
});

describe('estimate against actual', () => {
  it('per job in speccc log and in the build JSON', async () => {
    const root = workspaces.moneyOnly();
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(moneyUnproven) }] });
    const run = await runCli(['build', '--format', 'json'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(0);
    const job = (JSON.parse(run.stdout) as { jobs: { id: string; estimate: { countedInputTokens: number; reservedUsd: number }; actual: { inputTokens: number; costUsd: number } }[] }).jobs[0]!;
    expect(job.id).toBe('money');
    expect(job.estimate.countedInputTokens).toBe(job.actual.inputTokens);
    expect(job.estimate.reservedUsd).toBeGreaterThan(job.actual.costUsd);
    const log = await runCli(['log'], { cwd: root });
    expect(log.stdout).toMatch(/counted\/billed in/);
    expect(log.stdout).toContain(`${job.estimate.countedInputTokens}/${job.actual.inputTokens}`);
    expect(log.stdout).toContain(`$${job.estimate.reservedUsd.toFixed(4)}`);
  }, 60_000);
});
