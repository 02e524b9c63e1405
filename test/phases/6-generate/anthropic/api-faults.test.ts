/**
 * API faults named right: 408, 409, 429, 5xx and 529, refused connections and timeouts are
 * retried (honouring retry-after-ms and retry-after); a fault that persists ends the job, or
 * the Models API check before it, with a line that says what happened, how often and the
 * request id, and the build exits 1. Only `not_found_error` makes a model unknown.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWith, view } from '../../../helpers/runtime.js';
import { runCli } from '../../../helpers/cli.js';
import { writeFilesReply, type Fault, type TwinOptions } from '../../../../src/api-twin/index.js';
import { agentFor, money, moneyUnproven } from '../../../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../../../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

/** A 529 that asks for a 5 ms wait in `retry-after-ms` (and 7 s in `retry-after`, which it overrides). */
const overloadedFast: Fault = { kind: 'status', status: 529, errorType: 'overloaded_error', message: 'Overloaded', headers: { 'retry-after-ms': '5', 'retry-after': '7' } };

async function moneyWith(options: TwinOptions, agentOptions: Parameters<typeof agentFor>[2] = {}) {
  const twin = await twins.start(options);
  const root = workspaces.moneyOnly();
  const { agent, trace } = agentFor(root, twin.url, agentOptions);
  return { root, agent, trace, twin };
}

/** A port on 127.0.0.1 that nothing listens on (connections are refused). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a job meets API faults', () => {
  it.each([
    ['408', { kind: 'status', status: 408, errorType: 'timeout_error', message: 'Request timeout' }],
    ['409', { kind: 'status', status: 409, errorType: 'conflict_error', message: 'Conflict' }],
    ['503', { kind: 'status', status: 503, errorType: 'api_error', message: 'Service unavailable' }],
  ] as const)('retries %s and then succeeds', async (_name, fault) => {
    const { root, agent, twin: t } = await moneyWith({ script: [{ match: { specId: 'money' }, fault, times: 2 }, { match: { specId: 'money' }, reply: writeFilesReply(money) }] });
    const outcome = view(await buildWith(root, agent)).outcomes.get('money')!;
    expect(outcome.state).toBe('built');
    expect(t.messageRequests()).toHaveLength(3);
  });

  it('honours retry-after-ms over retry-after, and retry-after in seconds without it', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const { root, agent } = await moneyWith(
      { script: [{ match: { specId: 'money' }, fault: overloadedFast, times: 1 }, { match: { specId: 'money' }, fault: { kind: 'rate-limit', retryAfter: 3 }, times: 1 }, { match: { specId: 'money' }, reply: writeFilesReply(money) }] },
      { sleep },
    );
    expect(view(await buildWith(root, agent)).outcomes.get('money')!.state).toBe('built');
    // 5 ms from retry-after-ms; 3 s from retry-after (the second wait also pauses the run until then).
    expect(waits[0]).toBe(5);
    expect(waits.some((w) => w > 2_900 && w <= 3_000)).toBe(true);
  });

  it('a 529 that persists fails the job with what happened, how often and the request id', async () => {
    const { root, agent, trace, twin: t } = await moneyWith({ script: [{ match: { specId: 'money' }, fault: { kind: 'overloaded' } }] });
    const outcome = view(await buildWith(root, agent)).outcomes.get('money')!;
    expect(outcome).toMatchObject({ state: 'failed', failureClass: 'api-error' });
    const last = t.messageRequests().at(-1)!.requestId;
    expect(outcome.error).toBe(`the API was overloaded (529) on 5 tries; request id ${last}; nothing of this spec was promoted; run again to resume`);
    const retries = readFileSync(trace.file!, 'utf8').split('\n').filter((l) => l.includes('"type":"retry"'));
    expect(retries).toHaveLength(4);
  });

  it('a refused connection is retried and, when it persists, named as such', async () => {
    const root = workspaces.moneyOnly();
    const { agent } = agentFor(root, `http://127.0.0.1:${await closedPort()}`);
    const outcome = view(await buildWith(root, agent)).outcomes.get('money')!;
    expect(outcome.state).toBe('failed');
    expect(outcome.error).toMatch(/^the API refused the connection \(ECONNREFUSED\) on 5 tries; no request id \(no response came\); nothing of this spec was promoted/);
  });

  it('a request that times out is retried, then named as a timeout', async () => {
    const { root, agent, twin: t } = await moneyWith({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(money), delayMs: 2_000 }] }, { timeoutMs: 150 });
    const outcome = view(await buildWith(root, agent)).outcomes.get('money')!;
    expect(outcome.error).toMatch(/^the request to the API timed out on 5 tries/);
    expect(t.messageRequests()).toHaveLength(5);
  });

  it('the build exits 1 and prints the fault', async () => {
    const root = workspaces.moneyOnly();
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, fault: overloadedFast }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✖ money failed \(api-error\): the API was overloaded \(529\) on 5 tries; request id req_twin\d+; nothing of this spec was promoted; run again to resume/);
  });
});

describe('the Models API check meets API faults', () => {
  it('a transient fault is retried; the build goes on', async () => {
    const root = workspaces.moneyOnly();
    const twin = await twins.start({ modelFaults: [{ fault: { kind: 'rate-limit', retryAfter: 0 }, times: 2 }], script: [{ match: { specId: 'money' }, reply: writeFilesReply(moneyUnproven) }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(twin.requests.filter((r) => r.path.startsWith('/v1/models/')).map((r) => r.status)).toEqual([429, 429, 200]);
  }, 60_000);

  it('a 529 that persists is an API fault, exit 1, never model-unknown; no message is sent', async () => {
    const root = workspaces.moneyOnly();
    const twin = await twins.start({ modelFaults: [{ fault: overloadedFast }], script: [{ match: { specId: 'money' }, reply: writeFilesReply(money) }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('model-unknown');
    const last = twin.requests.filter((r) => r.path.startsWith('/v1/models/')).at(-1)!.requestId;
    expect(run.stderr).toBe(`speccc: the API was overloaded (529) on 5 tries; request id ${last}; nothing was promoted; run again to resume (checking model \`claude-sonnet-5-5\` with the Models API)\n`);
    expect(twin.messageRequests()).toHaveLength(0);
    const runs = path.join(root, '.speccc/runs');
    const trace = readFileSync(path.join(runs, (await import('node:fs')).readdirSync(runs)[0]!), 'utf8');
    expect(trace.match(/"type":"models-check"/g)).toHaveLength(5);
  }, 60_000);

  it('a refused connection or a reset that persists is an API fault too; a key the API refuses exits 2', async () => {
    const root = workspaces.moneyOnly();
    const refused = agentFor(root, `http://127.0.0.1:${await closedPort()}`).agent;
    await expect(refused.checkModels(['claude-sonnet-5-5'])).rejects.toThrow(/^the API refused the connection \(ECONNREFUSED\) on 5 tries; no request id/);
    let twin = await twins.start({ modelFaults: [{ fault: { kind: 'reset' } }] });
    await expect(agentFor(root, twin.url).agent.checkModels(['claude-sonnet-5-5'])).rejects.toThrow(/^the connection to the API was reset on 5 tries/);
    await twin.close();
    twin = await twins.start({ modelFaults: [{ fault: { kind: 'status', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' } }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^speccc: the API refused the key \(401\) on 1 try; request id req_twin\d+; set ANTHROPIC_API_KEY/);
  }, 60_000);

  it('not_found_error on the model is model-unknown, located; the other models are fine', async () => {
    const root = workspaces.moneyOnly();
    const twin = await twins.start({ modelFaults: [{ id: 'claude-sonnet-5-5', fault: { kind: 'status', status: 404, errorType: 'not_found_error', message: 'model: claude-sonnet-5-5' } }] });
    const { agent } = agentFor(root, twin.url);
    expect(await agent.checkModels(['claude-opus-5-5', 'claude-sonnet-5-5'])).toEqual({ unknown: [{ id: 'claude-sonnet-5-5', error: expect.stringContaining('the API has no model `claude-sonnet-5-5`') }], notices: [] });
  });
});
