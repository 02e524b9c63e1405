/**
 * `speccc build --batch` against the twin's Message Batches: waves of ready jobs in one batch at
 * batch prices with the 1-hour cache, continuations (tool turns, fix turns) in later batches, an
 * expired request sent again in real time, Ctrl-C cancelling the batch, a corrupt record refused,
 * and a build SIGKILLed while polling that the next build resumes without a new batch.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWith, passingValidator, view } from '../../../helpers/runtime.js';
import { runCli } from '../../../helpers/cli.js';
import { costOf, priceOf, worstCaseOf } from '../../../../src/prices/pricing.js';
import { parseTrace } from '../../../../src/io/trace.js';
import { directoryScript, writeFilesTurn, type Twin, type TwinOptions } from '../../../../src/api-twin/index.js';
import type { TracedEvent, Validator } from '../../../../src/types/index.js';
import { KEY, money, repo } from '../../../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../../../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

/** Short gathering and polling: the twin's batches end in milliseconds. */
const FAST = { gatherMs: 20, pollMs: 5, maxPollMs: 20 };

async function setup(options: TwinOptions) {
  const twin = await twins.start(options);
  return { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: KEY };
}

type BatchBody = { requests: { custom_id: string; params: { system: { cache_control?: unknown }[]; tools: { cache_control?: unknown }[]; messages: { role: string; content: unknown }[] } }[] };
const created = (t: Twin) => t.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/batches').map((r) => r.body as unknown as BatchBody);
const specOf = (item: BatchBody['requests'][number]) => /speccc-spec-id: ([a-z0-9-]+)/.exec(JSON.stringify(item.params))?.[1];

function traceOf(root: string, runId: string | null): TracedEvent[] {
  return parseTrace(readFileSync(path.join(root, '.speccc/runs', `${runId}.jsonl`), 'utf8')).events;
}

async function until(what: () => boolean, label: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!what()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The twin's clock for batches that must still be running when the test acts (a kill, a Ctrl-C):
 * time stands still until `run()`, after which every reading is an hour later than the last, so
 * any batch has ended by its next poll.
 */
function batchClock() {
  let now = Date.parse('2026-11-25T12:00:00Z');
  let step = 0;
  return { now: () => (now += step), run: () => void (step = 3_600_000) };
}

const records = (root: string) => (existsSync(path.join(root, '.speccc/batches')) ? readdirSync(path.join(root, '.speccc/batches')).filter((f) => f.endsWith('.json')) : []);

describe('build --batch', () => {
  it('sends each wave of ready jobs as one batch, at batch prices, with the 1-hour cache', async () => {
    const env = await setup({ script: await directoryScript(path.join(repo, 'examples/replies')), batchDelayMs: 30 });
    const root = workspaces.example();
    // speccc's own gathering time (500 ms): line-items and discount-codes, ready together, then meet
    // on a loaded machine too (with 20 ms, two busy cores sent them in two batches).
    const result = view(await buildWith(root, undefined, { env, batch: { ...FAST, gatherMs: 500 } }));
    expect([...result.outcomes.values()].map((o) => o.state)).toEqual(['built', 'built', 'built', 'built']);
    expect(twins.twin.messageRequests()).toHaveLength(0); // nothing in real time

    // money; then line-items and discount-codes together; then invoice-totals.
    const batches = created(twins.twin);
    expect(batches.map((b) => b.requests.map(specOf).sort())).toEqual([['money'], ['discount-codes', 'line-items'], ['invoice-totals']]);
    for (const item of batches.flatMap((b) => b.requests)) {
      expect(item.custom_id).toMatch(/^[0-9a-f]{64}$/);
      // The shared prefix outlives a batch; a job's own prompt is not marked (it would cost more to write than to send).
      expect(item.params.system[0]!.cache_control).toEqual({ type: 'ephemeral', ttl: '1h' });
      expect(item.params.tools.at(-1)!.cache_control).toEqual({ type: 'ephemeral', ttl: '1h' });
      expect(JSON.stringify(item.params.messages)).not.toContain('cache_control');
    }

    // Every request is traced as batched and billed at batch prices; reservations too.
    const events = traceOf(root, result.runId);
    const requests = events.filter((e) => e.type === 'request');
    expect(requests).toHaveLength(4);
    const sonnet = priceOf('claude-sonnet-5-5')!;
    for (const r of requests) {
      expect(r.batch).toBe(true);
      expect(r.batchId).toMatch(/^msgbatch_/);
      const usage = { inputTokens: r.inputTokens, outputTokens: r.outputTokens, cacheReadTokens: r.cacheReadTokens, cacheWriteTokens: r.cacheWriteTokens, cacheWrite1hTokens: r.cacheWriteTokens }; // every write is a 1-hour one
      expect(r.costUsd).toBeCloseTo(costOf(sonnet, usage, { batch: true }), 12);
      expect(r.costUsd).toBeCloseTo(costOf(sonnet, usage) / 2, 12);
    }
    const reserved = events.filter((e) => e.type === 'budget').map((e) => e.reserveUsd);
    expect(reserved.every((usd) => usd < worstCaseOf(sonnet, 1_000_000, 16_000, { batch: true }))).toBe(true);
    expect(events.filter((e) => e.type === 'batch').map((e) => e.op)).toEqual(['submitted', 'ended', 'submitted', 'ended', 'submitted', 'ended']);
    // The jobs after the first read the shared prefix that the first batch wrote.
    expect(requests.slice(1).every((r) => r.cacheReadTokens > 0)).toBe(true);
    const spent = [...result.outcomes.values()].reduce((s, o) => s + o.spentUsd, 0);
    expect(spent).toBeCloseTo(requests.reduce((s, r) => s + r.costUsd, 0), 12);
    expect(records(root)).toEqual([]); // every batch was used: nothing left to resume
    expect(existsSync(path.join(root, 'generated/src/invoice-totals.ts'))).toBe(true);
  });

  it('continues a job in later batches: after tool results, and with the fix prompt after failed checks', async () => {
    const env = await setup({
      batchDelayMs: 10,
      script: [
        {
          match: { specId: 'money' },
          // The first turn leaves the test file out; the second writes it; the fix turn writes everything again.
          reply: (ctx) => {
            const { 'src/money.test.ts': test, ...rest } = money;
            return ctx.turn === 0 ? writeFilesTurn(rest) : ctx.turn === 1 ? writeFilesTurn({ 'src/money.test.ts': test }) : writeFilesTurn(money);
          },
        },
      ],
    });
    let visible = 0;
    const failsOnce: Validator = {
      ...passingValidator,
      visible: async () => (++visible === 1 ? { passed: false, failureClass: 'tests-fail', feedback: 'FAIL src/money.test.ts > rounds half up: expected 3 to be 2', durationMs: 0 } : { passed: true, feedback: '', durationMs: 0 }),
    };
    const root = workspaces.moneyOnly();
    const result = view(await buildWith(root, undefined, { env, batch: FAST, validator: failsOnce }));
    expect(result.outcomes.get('money')).toMatchObject({ state: 'built', attempts: 2 });
    const batches = created(twins.twin);
    expect(batches.map((b) => b.requests.length)).toEqual([1, 1, 1]);
    const [first, second, third] = batches.map((b) => b.requests[0]!);
    expect(first!.params.messages).toHaveLength(1);
    expect(JSON.stringify(second!.params.messages.at(-1))).toContain('tool_result');
    expect(JSON.stringify(third!.params.messages.at(-1))).toContain('expected 3 to be 2'); // the fix prompt
    expect(new Set([first, second, third].map((b) => b!.custom_id)).size).toBe(3);
    expect(twins.twin.messageRequests()).toHaveLength(0);
  });

  it('sends a request that expired in its batch again in real time, at real-time prices', async () => {
    const env = await setup({ script: [{ match: { specId: 'money' }, reply: writeFilesTurn(money) }], batchDelayMs: 200, batchExpireAfterMs: 100 });
    const root = workspaces.moneyOnly();
    const result = view(await buildWith(root, undefined, { env, batch: FAST }));
    expect(result.outcomes.get('money')!.state).toBe('built');
    expect(created(twins.twin)).toHaveLength(1);
    expect(twins.twin.messageRequests()).toHaveLength(1);
    const events = traceOf(root, result.runId);
    const error = events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ retry: true });
    expect(error!.type === 'error' && error!.reason).toMatch(/expired in batch msgbatch_\w+ before it was processed; sending it in real time/);
    const request = events.find((e) => e.type === 'request')!;
    expect(request.type === 'request' && request.batch).toBeUndefined();
    const budget = events.filter((e) => e.type === 'budget').map((e) => e.reserveUsd);
    expect(budget[1]).toBeCloseTo(budget[0]! * 2, 12); // reserved again at the real-time price
  });

  it('Ctrl-C cancels the batch it submitted and keeps its record for the next build', async () => {
    const clock = batchClock();
    const env = await setup({ script: [{ match: { specId: 'money' }, reply: writeFilesTurn(money) }], batchDelayMs: 60_000, now: clock.now });
    const root = workspaces.moneyOnly();
    const controller = new AbortController();
    const running = buildWith(root, undefined, { env, batch: FAST, signal: controller.signal });
    await until(() => records(root).length === 1, 'the batch to be recorded');
    controller.abort();
    const result = view(await running);
    expect(result.cancelled).toBe(true);
    expect(result.outcomes.get('money')!.state).toBe('cancelled');
    const id = records(root)[0]!.replace(/\.json$/, '');
    expect(twins.twin.requests.some((r) => r.method === 'POST' && r.path === `/v1/messages/batches/${id}/cancel`)).toBe(true);
    expect(traceOf(root, result.runId).some((e) => e.type === 'batch' && e.op === 'canceled' && e.id === id)).toBe(true);

    // The next build finds the record; the batch answered nothing before it was cancelled, so the
    // request goes again, in a new batch, under the same custom_id.
    clock.run();
    const next = view(await buildWith(root, undefined, { env, batch: FAST }));
    expect(next.outcomes.get('money')!.state).toBe('built');
    const [cancelled, again] = created(twins.twin);
    expect(again!.requests[0]!.custom_id).toBe(cancelled!.requests[0]!.custom_id);
    expect(traceOf(root, next.runId).find((e) => e.type === 'error')).toMatchObject({ reason: expect.stringMatching(/canceled in batch .*; sending it in a new batch$/) });
    expect(records(root)).toEqual([]);
  });

  it('--dry-run --batch prices the plan at batch prices', async () => {
    const root = workspaces.moneyOnly();
    const estimate = async (...flags: string[]) => (JSON.parse((await runCli(['build', '--dry-run', '--format', 'json', ...flags], { cwd: root })).stdout) as { estimate: { expectedUsd: number; worstCaseUsd: number } }).estimate;
    const [plain, batched] = [await estimate(), await estimate('--batch')];
    expect(batched.expectedUsd).toBeCloseTo(plain.expectedUsd / 2, 12);
    expect(batched.worstCaseUsd).toBeCloseTo(plain.worstCaseUsd / 2, 12);
    expect((await runCli(['build', '--dry-run', '--batch'], { cwd: root })).stdout).toContain('at Message Batches prices, expected $');
  });

  it('a corrupt batch record stops the build with its location, before any request', async () => {
    const env = await setup({ script: [{ match: { specId: 'money' }, reply: writeFilesTurn(money) }] });
    const root = workspaces.moneyOnly();
    mkdirSync(path.join(root, '.speccc/batches'), { recursive: true });
    writeFileSync(path.join(root, '.speccc/batches/msgbatch_x.json'), JSON.stringify({ format: 1, id: 'msgbatch_x', submittedAt: new Date().toISOString(), requests: [{ customId: 'nope', specId: 'money', jobKey: 'a'.repeat(64), turn: 1 }] }));
    const run = await runCli(['build', '--batch'], { cwd: root, env: { ...env, PATH: process.env.PATH } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^speccc: \.speccc\/batches\/msgbatch_x\.json: not a batch state file: `requests\.0\.customId`: .*; delete it to submit its requests again/m);
    expect(twins.twin.requests.filter((r) => r.path.startsWith('/v1/messages'))).toHaveLength(0);
  });

  it('a build SIGKILLed while polling is resumed: the next build polls the same batch and submits nothing again', async () => {
    const clock = batchClock(); // the batch runs until the child is dead
    const env = await setup({ script: [{ match: { specId: 'money' }, reply: writeFilesTurn(money) }], batchDelayMs: 60_000, now: clock.now });
    const root = workspaces.moneyOnly();
    const child = spawn(process.execPath, [path.join(repo, 'dist/cli.js'), 'build', '--batch'], { cwd: root, env: { ...env, PATH: process.env.PATH }, stdio: 'ignore' });
    await until(() => records(root).length === 1, 'the batch to be recorded');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const submitted = created(twins.twin);
    expect(submitted).toHaveLength(1);
    const record = JSON.parse(readFileSync(path.join(root, '.speccc/batches', records(root)[0]!), 'utf8')) as { id: string; requests: { customId: string; specId: string; turn: number }[] };
    expect(record.requests).toEqual([expect.objectContaining({ customId: submitted[0]!.requests[0]!.custom_id, specId: 'money', turn: 1 })]);

    clock.run();
    const result = view(await buildWith(root, undefined, { env, batch: FAST }));
    expect(result.outcomes.get('money')!.state).toBe('built');
    expect(created(twins.twin)).toHaveLength(1); // still only the killed build's batch
    expect(twins.twin.messageRequests()).toHaveLength(0);
    expect(twins.twin.requests.some((r) => r.method === 'GET' && r.path === `/v1/messages/batches/${record.id}`)).toBe(true);
    const ops = traceOf(root, result.runId).filter((e) => e.type === 'batch');
    expect(ops.map((e) => [e.op, e.id])).toEqual([['resumed', record.id], ['ended', record.id]]);
    expect(records(root)).toEqual([]);
  });
});
