/**
 * Mutation runs start the twins the mutated code calls, as sealed runs do: Stryker runs under the
 * twin launcher, in one test runner, and every test starts with a fresh twin.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMutation, specccToolchain } from '../../src/io/mutation-runner.js';
import { planMutationRun } from '../../src/phases/7-validate/mutation.js';
import { serviceTwin } from '../../src/phases/2-model/twins.js';

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

const FILES: Record<string, string> = {
  'twins/counter/server.ts': `import http from 'node:http';
import type { AddressInfo } from 'node:net';
export async function start(options: { port: number; host: string }) {
  let count = 0;
  const server = http.createServer((_req, res) => res.end(JSON.stringify({ count: ++count })));
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return { url: \`http://\${options.host}:\${(server.address() as AddressInfo).port}\`, close: () => new Promise<void>((r) => server.close(() => r())), state: () => ({ count }) };
}
`,
  'src/client.ts': `export async function bump(url: string, times: number): Promise<number> {
  let last = 0;
  for (let i = 0; i < times; i++) last = ((await (await fetch(url + '/count', { method: 'POST' })).json()) as { count: number }).count;
  return last;
}
`,
  '.holdout/client/counts.test.ts': `import { expect, it } from 'vitest';
import { bump } from '../../src/client.js';
const url = () => process.env.SPECCC_TWIN_COUNTER_URL!;
it('counts twice', async () => { expect(await bump(url(), 2)).toBe(2); });
it('counts from a fresh twin', async () => { expect(await bump(url(), 3)).toBe(3); });
`,
};

describe('mutation runs with twins', () => {
  it('plan one runner and a fresh twin per test', () => {
    const plan = planMutationRun({ specId: 'client', mutate: ['src/client.ts'], holdoutFiles: ['.holdout/client/counts.test.ts'], toolchain: specccToolchain(), timeoutMs: 60_000, concurrency: 4, twins: [serviceTwin('counter')] });
    const stryker = JSON.parse(plan.files.get('.stryker/client/stryker.config.json')!) as { concurrency: number };
    expect(stryker.concurrency).toBe(1);
    expect(plan.files.get('vitest.mutation-client.config.mjs')).toContain('fileParallelism: false, setupFiles: ["./.speccc-twins/reset.mjs"]');
    expect(plan.files.get('.speccc-twins/reset.mjs')).toContain('"SPECCC_TWIN_COUNTER_URL"');
  });

  it('score code that calls a twin, the twin started around Stryker', async () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'speccc-mutation-twin-'));
    temps.push(tree);
    for (const [rel, content] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
      writeFileSync(path.join(tree, rel), content);
    }
    const result = await runMutation({
      specId: 'client',
      mutate: ['src/client.ts'],
      holdoutFiles: ['.holdout/client/counts.test.ts'],
      toolchain: specccToolchain(),
      timeoutMs: 120_000,
      concurrency: 2,
      twins: [serviceTwin('counter')],
      treeDir: tree,
    });
    expect(result.killed).toBeGreaterThan(0);
    expect(result.score!).toBeGreaterThan(50);
  }, 180_000);
});
