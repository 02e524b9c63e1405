/**
 * Service twins inside the sandbox (src/io/service-twins/): the launcher starts each twin the
 * sealed code uses on loopback, in the same sandbox, and serves the control interface in front
 * of it; nothing else is reachable. Against real bubblewrap.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealedRunner } from '../../../src/io/sealed-runner.js';
import { createValidator } from '../../../src/phases/7-validate/index.js';
import { serviceTwin } from '../../../src/phases/2-model/twins.js';
import { loadConfig } from '../../../src/io/config-file.js';
import type { SealedRunner } from '../../../src/types/index.js';

/** A small twin: a counter, with a relative import (the launcher transpiles the module graph). */
const COUNTER = new Map([
  [
    'twins/counter/server.ts',
    `import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { idFor } from './ids.js';

export interface State { count: number }

export async function start(options: { port: number; host: string; state?: State }) {
  let state: State = options.state ?? { count: 0 };
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/count') {
      state = { count: state.count + 1 };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: state.count, id: idFor(state.count) }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: \`http://\${options.host}:\${port}\`, close: () => new Promise<void>((resolve) => server.close(() => resolve())), state: () => state };
}
`,
  ],
  ['twins/counter/ids.ts', 'export const idFor = (n: number): string => `c_${n}`;\n'],
]);

let runner: SealedRunner;
let outside: http.Server;
let outsideUrl = '';
beforeAll(async () => {
  runner = createSealedRunner({ mode: 'bubblewrap', parentEnv: process.env });
  // A server on this machine's loopback: sealed code must not reach it, only its twins.
  outside = http.createServer((_req, res) => res.end('outside'));
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
  outsideUrl = `http://127.0.0.1:${(outside.address() as AddressInfo).port}/`;
});
afterAll(() => outside?.close());

const signal = new AbortController().signal;

describe('service twins in a sealed run', () => {
  it('start in under a second on loopback, answer through the control interface, and are all the code can reach', async () => {
    const probe = `
const url = process.env.SPECCC_TWIN_COUNTER_URL;
const out = { url, started: Number(process.env.SPECCC_TWINS_STARTED_MS) };
const post = (p, body) => fetch(url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
out.first = await (await post('/count')).json();
out.faultSet = (await post('/__twin/faults', { method: 'POST', path: '/count', status: 503, times: 2, headers: { 'retry-after': '0' } })).status;
const faulted = [];
for (let i = 0; i < 3; i++) { const r = await post('/count'); faulted.push([r.status, r.headers.get('retry-after')]); }
out.faulted = faulted;
out.requests = (await (await fetch(url + '/__twin/requests')).json()).map((r) => [r.method, r.path, r.status, r.fault]);
out.stateSet = (await fetch(url + '/__twin/state', { method: 'PUT', body: JSON.stringify({ count: 41 }) })).status;
out.afterState = await (await post('/count')).json();
out.state = await (await fetch(url + '/__twin/state')).json();
out.reset = (await post('/__twin/reset')).status;
out.afterReset = await (await post('/count')).json();
await post('/__twin/faults', { path: '/co*', drop: true });
out.dropped = await post('/count').then(() => 'answered', () => 'dropped');
out.slow = await post('/__twin/faults', { path: '/count', delayMs: 300 }).then(async () => { const t = Date.now(); await post('/count'); return Date.now() - t; });
out.badFault = await post('/__twin/faults', { staus: 500 }).then(async (r) => [r.status, (await r.json()).error]);
out.unknown = (await fetch(url + '/__twin/nothing')).status;
out.outside = await fetch(${JSON.stringify(outsideUrl)}, { signal: AbortSignal.timeout(2000) }).then(() => 'reached', () => 'unreachable');
console.log(JSON.stringify(out));
`;
    const result = await runner.run({
      files: new Map([...COUNTER, ['probe.mjs', probe]]),
      argv: [runner.toolchain.node, 'probe.mjs'],
      timeoutMs: 20_000,
      signal,
      twins: [serviceTwin('counter')],
    });
    expect(result.exitCode, result.output).toBe(0);
    const out = JSON.parse(result.output.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(out.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(out.started).toBeLessThan(1_000);
    expect(out.first).toEqual({ count: 1, id: 'c_1' });
    expect(out.faultSet).toBe(204);
    expect(out.faulted).toEqual([[503, '0'], [503, '0'], [200, null]]);
    expect(out.requests).toEqual([
      ['POST', '/count', 200, false],
      ['POST', '/count', 503, true],
      ['POST', '/count', 503, true],
      ['POST', '/count', 200, false],
    ]);
    expect(out.stateSet).toBe(204);
    expect(out.afterState).toEqual({ count: 42, id: 'c_42' });
    expect(out.state).toEqual({ count: 42 });
    expect(out.reset).toBe(204);
    expect(out.afterReset).toEqual({ count: 1, id: 'c_1' });
    expect(out.dropped).toBe('dropped');
    expect(out.slow).toBeGreaterThanOrEqual(290);
    expect(out.badFault).toEqual([400, 'fault 1 has unknown field staus; expected method, path, status, headers, body, delayMs, drop, times']);
    expect(out.unknown).toBe(404);
    expect(out.outside).toBe('unreachable');
  }, 30_000);

  it('fail the run with one line when a twin cannot start, before the command runs', async () => {
    const broken = new Map([['twins/counter/server.ts', "export async function start(): Promise<never> { throw new Error('no port for you'); }\n"], ['probe.mjs', "console.log('the command ran');\n"]]);
    const result = await runner.run({ files: broken, argv: [runner.toolchain.node, 'probe.mjs'], timeoutMs: 20_000, signal, twins: [serviceTwin('counter')] });
    expect(result.exitCode).toBe(1);
    expect(result.output.trim()).toBe('speccc: twin counter: start() in twins/counter/server.ts failed: no port for you');

    const missing = await runner.run({ files: new Map([['probe.mjs', '']]), argv: [runner.toolchain.node, 'probe.mjs'], timeoutMs: 20_000, signal, twins: [serviceTwin('counter')] });
    expect(missing.output.trim()).toBe('speccc: twin counter: twins/counter/server.ts is not in the tree (build the twin spec `counter` first)');
  }, 30_000);

  it('reset before every test of a validated spec, so one scenario never sees what another left', async () => {
    const { config } = await loadConfig('/nonexistent-speccc-root');
    const validator = createValidator({ config, runner });
    const test = `import { expect, it } from 'vitest';
const url = () => process.env.SPECCC_TWIN_COUNTER_URL!;
const count = async () => ((await (await fetch(url() + '/count', { method: 'POST' })).json()) as { count: number }).count;
it('leaves the twin at 3 and an outage behind', async () => {
  await count(); await count();
  expect(await count()).toBe(3);
  await fetch(url() + '/__twin/faults', { method: 'POST', body: JSON.stringify({ status: 503, times: 'always' }) });
});
it('starts from a fresh twin', async () => {
  expect(await count()).toBe(1);
});
`;
    const tree = new Map([...COUNTER, ['src/uses-counter.test.ts', test]]);
    const run = await validator.visible({ specId: 'uses-counter', tree, outputs: ['src/uses-counter.test.ts'], twins: [serviceTwin('counter')], signal });
    expect(run.feedback).toBe('');
    expect(run.passed).toBe(true);
  }, 60_000);
});
