/**
 * Cost truth: today's models and prices as dated data, the current API's parameters, a dry run
 * that prices the build, and spend that adds up across the summary, the trace and `speccc log`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { costOf, priceOf, worstCaseOf } from '../../src/prices/pricing.js';
import { refusalReply, writeFilesSequence } from '../../src/api-twin/index.js';
import { runCli } from '../helpers/cli.js';
import { money, moneyUnproven } from '../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

const usage = (input: number, output: number, cacheRead = 0, cacheWrite = 0) => ({ inputTokens: input, outputTokens: output, cacheReadTokens: cacheRead, cacheWriteTokens: cacheWrite });

describe('prices are dated data', () => {
  it('knows the current lineup at its list prices', () => {
    const perMillion = (model: string) => {
      const p = priceOf(model, {}, '2026-11-25')!;
      return [p.rates.input, p.rates.output];
    };
    expect(perMillion('claude-fable-5-1')).toEqual([10, 50]);
    expect(perMillion('claude-opus-5-5')).toEqual([4, 20]);
    expect(perMillion('claude-opus-5')).toEqual([5, 25]);
    expect(perMillion('claude-sonnet-5-5')).toEqual([2, 10]);
    expect(perMillion('claude-sonnet-5')).toEqual([2, 10]);
    expect(perMillion('claude-haiku-4-5')).toEqual([1, 5]);
    expect(perMillion('claude-haiku-4-5-20251001')).toEqual([1, 5]);
    expect(perMillion('claude-haiku-5-5')).toEqual([0.1, 0.5]);
    expect(priceOf('claude-sonet-5-5')).toBeUndefined(); // never priced by guesswork
  });

  it('applies a price from the day it took effect: Sonnet 5.5 cache reads were cut on 2026-10-07', () => {
    expect(priceOf('claude-sonnet-5-5', {}, '2026-10-06')!.rates.cacheRead).toBeCloseTo(0.2, 10);
    expect(priceOf('claude-sonnet-5-5', {}, '2026-10-07')!.rates.cacheRead).toBeCloseTo(0.1, 10);
  });

  it('bills cache writes, reads, bands and batches as the price list says', () => {
    const sonnet = priceOf('claude-sonnet-5-5', {}, '2026-11-25')!;
    // 1M input + 1M output = $12; 1M 5-minute cache writes $2.50; 1M reads $0.10.
    expect(costOf(sonnet, usage(1e6, 1e6))).toBeCloseTo(12, 9);
    expect(costOf(sonnet, usage(0, 0, 0, 1e6))).toBeCloseTo(2.5, 9);
    expect(costOf(sonnet, { ...usage(0, 0, 0, 1e6), cacheWrite1hTokens: 1e6 })).toBeCloseTo(4, 9);
    expect(costOf(sonnet, usage(0, 0, 1e6))).toBeCloseTo(0.1, 9);
    expect(costOf(sonnet, usage(1e6, 1e6), { batch: true })).toBeCloseTo(6, 9);
    const haiku = priceOf('claude-haiku-5-5', {}, '2026-11-25')!;
    expect(costOf(haiku, usage(100_000, 1_000))).toBeCloseTo((100_000 * 0.1 + 1_000 * 0.5) / 1e6, 12); // up to 100k: the low band
    expect(costOf(haiku, usage(100_001, 1_000))).toBeCloseTo((100_001 * 0.5 + 1_000 * 2.5) / 1e6, 12); // above: every token at the high band
    expect(worstCaseOf(haiku, 99_000, 2_000)).toBeCloseTo((99_000 * 1 + 2_000 * 2.5) / 1e6, 12); // could cross: reserved at the high band
  });

  it('speccc.config.json can add a model, and an unpriced model is a located error before any request', async () => {
    const root = workspaces.moneyOnly();
    const spec = path.join(root, 'specs/core/money.md');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('kind: architecture', 'kind: architecture\nmodel: claude-sonnet-9'));
    const twin = await twins.start({ script: [] });
    const blocked = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(/specs\/core\/money\.md:4:8: error model-unpriced Model `claude-sonnet-9` has no known price/);
    expect(twin.requests).toHaveLength(0);
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ model: { prices: { 'claude-sonnet-9': { input: 2, output: 10 } } } }));
    const check = await runCli(['check'], { cwd: root });
    expect(check.code).toBe(0);
    // Priced now, but the Models API does not know it: refused before anything is spent.
    const unknown = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/error model-unknown Model `claude-sonnet-9` \(used by spec `money`\) is unknown to the Models API: the API has no model/);
    expect(twin.messageRequests()).toHaveLength(0);
  });
});

describe('how the model is asked', () => {
  it('adaptive thinking and effort, no forced tool choice, thinking blocks carried back unchanged; the request id is traced', async () => {
    const root = workspaces.moneyOnly();
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ model: { effort: 'medium' } }));
    // The first answer fails its tests, so the fix request continues the conversation.
    const broken = { ...money, 'src/money.ts': money['src/money.ts'].replace('return sign * rounded + 0;', 'return sign * quotient + 0;') };
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: writeFilesSequence([broken, moneyUnproven]) }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [first, second] = twin.messageRequests();
    const body1 = first!.body as Record<string, unknown>;
    expect(body1.thinking).toEqual({ type: 'adaptive' });
    expect(body1.output_config).toEqual({ effort: 'medium' });
    expect(body1.tool_choice).toBeUndefined();
    // The twin rejects a conversation that drops or alters a signed thinking block; this one went through.
    const assistant = (second!.body as { messages: { role: string; content: { type: string; signature?: string }[] }[] }).messages.find((m) => m.role === 'assistant')!;
    expect(assistant.content[0]!.type).toBe('thinking');
    expect(second!.status).toBe(200);
    const trace = readFileSync(path.join(root, '.speccc/runs', (await import('node:fs')).readdirSync(path.join(root, '.speccc/runs'))[0]!), 'utf8');
    const requests = trace.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; requestId?: string | null; effort?: string }).filter((e) => e.type === 'request');
    expect(requests.map((r) => r.requestId)).toEqual(twin.messageRequests().map((r) => r.requestId));
    expect(requests.every((r) => r.effort === 'medium')).toBe(true);
  }, 60_000);

  it('a refusal ends the job as refused, not as an API error', async () => {
    const root = workspaces.moneyOnly();
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: refusalReply() }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/money failed \(refused\): claude-sonnet-5-5 declined this job \(stop_reason: refusal\)/);
  });
});

describe('spend that adds up', () => {
  it('a failed job still counts: the summary, the trace and speccc log agree to the cent', async () => {
    const root = workspaces.moneyOnly();
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ validation: { maxFixAttempts: 0 } }));
    const broken = { ...money, 'src/money.ts': money['src/money.ts'].replace('return sign * rounded + 0;', 'return sign * quotient + 0;') };
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: writeFilesSequence([broken]) }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(1);
    const spent = Number(/\(\$(\d+\.\d{4}) spent/.exec(run.stdout)![1]);
    expect(spent).toBeGreaterThan(0);
    const log = JSON.parse((await runCli(['log', '--format', 'json'], { cwd: root })).stdout) as { total: { cost: number } };
    expect(log.total.cost.toFixed(4)).toBe(spent.toFixed(4));
  }, 60_000);

  it('the dry run prices the plan: estimated without a key, counted by the API with one', async () => {
    const root = workspaces.moneyOnly();
    const estimated = await runCli(['build', '--dry-run', '--max-cost', '100'], { cwd: root });
    expect(estimated.stdout).toMatch(/^1 spec of 1 to build \([\d,]+ input tokens, estimated; expected \$\d+\.\d+, worst case \$\d+\.\d+; within --max-cost \$100\.00\)/);
    expect(estimated.stdout).toMatch(/money: never built — ~[\d,]+ input tokens \(estimated\), expected \$\d+\.\d+, worst case \$\d+\.\d+ \(claude-opus-5-5|claude-sonnet-5-5\)/);
    const twin = await twins.start({ script: [] });
    const counted = await runCli(['build', '--dry-run', '--max-cost', '0.01'], { cwd: root, env: twin.env() });
    expect(counted.stdout).toMatch(/input tokens, counted; expected \$[\d.]+, worst case \$[\d.]+; above --max-cost \$0\.01/);
    expect(twin.requests.filter((r) => r.path === '/v1/messages/count_tokens')).toHaveLength(1);
    expect(twin.messageRequests()).toHaveLength(0);
  });
});
