/**
 * How a turn ends decides what happens: a refusal is a failure class of its own (never retried
 * as a fault), moved once to the kind's fallback model when one is configured (priced, budgeted
 * and traced like any request); a full context window and a reply cut off at max_tokens inside a
 * tool call are named failures that say which limit to raise.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli.js';
import { buildWith, view } from '../../../helpers/runtime.js';
import { cutOffWriteTurn, refusalReply, stopReasonReply, writeFilesReply, writeFilesSequence } from '../../../../src/api-twin/index.js';
import type { TracedEvent } from '../../../../src/types/index.js';
import { agentFor, money, moneyUnproven } from '../../../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../../../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

const PRIMARY = 'claude-sonnet-5-5';
const FALLBACK = 'claude-opus-5-5';

function traceOf(root: string): TracedEvent[] {
  const dir = path.join(root, '.speccc/runs');
  const file = readdirSync(dir).sort().at(-1)!;
  return readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TracedEvent);
}

function withConfig(config: unknown): string {
  const root = workspaces.moneyOnly();
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify(config));
  return root;
}

describe('refusals', () => {
  it('without a fallback: refused, not retried, named in the build, `speccc log` and the trace', async () => {
    const root = workspaces.moneyOnly();
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: refusalReply({ category: 'cyber', explanation: 'Could enable malware.' }) }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`money failed (refused): ${PRIMARY} declined this job (stop_reason: refusal; category cyber: Could enable malware.); reword the spec, or set model.fallbackModel for its kind`);
    expect(twin.messageRequests()).toHaveLength(1);
    expect(traceOf(root).filter((e) => e.type === 'refusal')).toEqual([expect.objectContaining({ spec: 'money', model: PRIMARY, category: 'cyber', explanation: 'Could enable malware.' })]);
    const log = await runCli(['log'], { cwd: root });
    expect(log.stdout).toMatch(/money\s+failed \(refused\)/);
    expect(log.stdout).toContain('money (refused): What and Who: say plainly what the code is for');
  });

  it("with model.fallbackModel for the spec's kind: once more on the fallback, priced, budgeted and traced; the manifest names it", async () => {
    const root = withConfig({ model: { fallbackModel: { architecture: FALLBACK } } });
    const twin = await twins.start({ script: [{ match: { specId: 'money', model: PRIMARY }, reply: refusalReply() }, { match: { specId: 'money', model: FALLBACK }, reply: writeFilesReply(moneyUnproven) }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(twin.messageRequests().map((r) => (r.body as { model: string }).model)).toEqual([PRIMARY, FALLBACK]);
    const trace = traceOf(root);
    expect(trace.filter((e) => e.type === 'refusal')).toEqual([expect.objectContaining({ model: PRIMARY, fallback: FALLBACK })]);
    const requests = trace.filter((e): e is Extract<TracedEvent, { type: 'request' }> => e.type === 'request');
    expect(requests.map((r) => [r.model, r.stopReason])).toEqual([[PRIMARY, 'refusal'], [FALLBACK, 'tool_use']]);
    // Each reservation is priced at its own model: Opus 5.5 costs twice Sonnet 5.5 per token.
    const reserves = trace.filter((e): e is Extract<TracedEvent, { type: 'budget' }> => e.type === 'budget').map((b) => b.reserveUsd);
    expect(reserves).toHaveLength(2);
    expect(reserves[1]! / reserves[0]!).toBeGreaterThan(1.8);
    const manifest = JSON.parse(readFileSync(path.join(root, 'generated/.speccc/manifest.json'), 'utf8')) as { specs: Record<string, { model: string }> };
    expect(manifest.specs.money!.model).toBe(FALLBACK);
    const log = await runCli(['log', '--format', 'json'], { cwd: root });
    const summary = (JSON.parse(log.stdout) as { specs: { spec: string; refusals: number; fallbackModel?: string; costUsd: number }[]; total: { cost: number } });
    expect(summary.specs[0]).toMatchObject({ spec: 'money', refusals: 1, fallbackModel: FALLBACK });
    expect(summary.total.cost).toBeCloseTo(requests.reduce((s, r) => s + r.costUsd, 0), 9);
    expect((await runCli(['log'], { cwd: root })).stdout).toMatch(/money\s+built \(unverified\), refused; fell back to claude-opus-5-5/);
  }, 60_000);

  it('a refusal in a fix attempt starts the fallback from the prompts, not the primary\'s signed turns', async () => {
    const root = withConfig({ model: { fallbackModel: FALLBACK } });
    const broken = { ...money, 'src/money.ts': money['src/money.ts'].replace('return sign * rounded + 0;', 'return sign * quotient + 0;') };
    const twin = await twins.start({
      script: [
        { match: { specId: 'money', model: PRIMARY, turn: 0 }, reply: writeFilesSequence([broken]) },
        { match: { specId: 'money', model: PRIMARY }, reply: refusalReply() },
        { match: { specId: 'money', model: FALLBACK }, reply: writeFilesReply(moneyUnproven) },
      ],
    });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(0);
    const requests = twin.messageRequests();
    expect(requests.map((r) => r.status)).toEqual([200, 200, 200]);
    const restart = requests[2]!.body as { model: string; messages: { role: string; content: string }[] };
    expect(restart.model).toBe(FALLBACK);
    expect(restart.messages).toHaveLength(1);
    expect(restart.messages[0]!.content).toContain('speccc-spec-id: money');
    expect(restart.messages[0]!.content).toMatch(/fail/i); // the fix prompt's failures came along
  }, 60_000);

  it('when the fallback refuses too, both are named', async () => {
    const root = workspaces.moneyOnly();
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: refusalReply() }] });
    const { agent } = agentFor(root, twin.url);
    const fallbackAgent = { name: agent.name, run: (task: Parameters<typeof agent.run>[0], sandbox: Parameters<typeof agent.run>[1]) => agent.run({ ...task, fallbackModel: FALLBACK }, sandbox) };
    const outcome = view(await buildWith(root, fallbackAgent)).outcomes.get('money')!;
    expect(outcome).toMatchObject({ state: 'failed', failureClass: 'refused' });
    expect(outcome.error).toContain(`${PRIMARY} and its fallback ${FALLBACK} declined this job`);
    expect(twin.messageRequests()).toHaveLength(2);
  });

  it('a fallback model that is not priced is a located error before any request', async () => {
    const root = withConfig({ model: { fallbackModel: { architecture: 'claude-opus-9' } } });
    const twin = await twins.start({ script: [] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/speccc\.config\.json:\d+:\d+: error model-unpriced Model `claude-opus-9` \(model\.fallbackModel\.architecture\) has no known price/);
    expect(twin.requests).toHaveLength(0);
  });
});

describe('limits', () => {
  it('model_context_window_exceeded: a named failure that says to shrink the spec or its dependencies', async () => {
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: stopReasonReply('model_context_window_exceeded') }] });
    const root = workspaces.moneyOnly();
    const outcome = view(await buildWith(root, agentFor(root, twin.url).agent)).outcomes.get('money')!;
    expect(outcome).toMatchObject({ state: 'failed', failureClass: 'context-window-exceeded' });
    expect(outcome.error).toMatch(/no longer fits claude-sonnet-5-5's context window \(stop_reason model_context_window_exceeded with \d+ input tokens\); make the spec smaller or give it fewer dependencies/);
    expect(twin.messageRequests()).toHaveLength(1);
  });

  it('a 400 "prompt is too long" is the same failure, not retried', async () => {
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, fault: { kind: 'status', status: 400, errorType: 'invalid_request_error', message: 'prompt is too long: 1000001 tokens > 1000000 maximum' } }] });
    const root = workspaces.moneyOnly();
    const outcome = view(await buildWith(root, agentFor(root, twin.url).agent)).outcomes.get('money')!;
    expect(outcome).toMatchObject({ state: 'failed', failureClass: 'context-window-exceeded' });
    expect(twin.messageRequests()).toHaveLength(1);
  });

  it('max_tokens inside a tool call: asked again once; the second time a named failure that names model.maxOutputTokens', async () => {
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: cutOffWriteTurn('src/money.ts', money['src/money.ts'], 0.5) }] });
    const root = workspaces.moneyOnly();
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('money failed (output-limit-reached): the reply hit max_tokens (16000) in the middle of a write_file call 2 times; raise model.maxOutputTokens in speccc.config.json, or split the spec so each file is smaller');
    expect(twin.messageRequests()).toHaveLength(2);
    const log = await runCli(['log'], { cwd: root });
    expect(log.stdout).toContain('money (output-limit-reached): Outputs: split the spec so each file is smaller, or raise model.maxOutputTokens');
  });
});
