/**
 * Mutation runs start the twins the mutated code calls, as sealed runs do: Stryker runs inside the
 * sandbox under the twin launcher, in one test runner, and every test starts with a fresh twin.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSealedRunner, resolveToolchain } from '../../../src/io/sealed-runner.js';
import { readHoldoutSet } from '../../../src/io/holdouts.js';
import { createValidator } from '../../../src/phases/7-validate/index.js';
import { planMutationRun } from '../../../src/phases/7-validate/mutation.js';
import { serviceTwin } from '../../../src/phases/2-model/twins.js';
import { ConfigSchema } from '../../../src/schemas/config.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

const TREE: Record<string, string> = {
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
};

const CHECK = `import { expect, it } from 'vitest';
import { bump } from '../../src/client.js';
const url = () => process.env.SPECCC_TWIN_COUNTER_URL!;
it('counts twice', async () => { expect(await bump(url(), 2)).toBe(2); });
it('counts from a fresh twin', async () => { expect(await bump(url(), 3)).toBe(3); });
`;

describe('mutation runs with twins', () => {
  it('plan one runner and a fresh twin per test', () => {
    const t = resolveToolchain();
    const plan = planMutationRun({ specId: 'client', mutate: ['src/client.ts'], holdoutFiles: ['.holdout/client/counts.test.ts'], toolchain: { node: t.node, strykerBin: t.stryker!, vitestDir: t.vitestDir }, timeoutMs: 60_000, concurrency: 4, twins: [serviceTwin('counter')] });
    const stryker = JSON.parse(plan.files.get('.stryker/client/stryker.config.json')!) as { concurrency: number };
    expect(stryker.concurrency).toBe(1);
    expect(plan.files.get('vitest.mutation-client.config.mjs')).toContain('fileParallelism: false, setupFiles: ["./.speccc-twins/reset.mjs"]');
    expect(plan.files.get('.speccc-twins/reset.mjs')).toContain('"SPECCC_TWIN_COUNTER_URL"');
  });

  it('score code that calls a twin, the twin started around Stryker inside the sandbox', async () => {
    const scenarios = workspaces.empty('speccc-mutation-twin-');
    mkdirSync(path.join(scenarios, 'client'));
    writeFileSync(path.join(scenarios, 'client/counts.test.ts'), CHECK);
    const runner = createSealedRunner({ mode: 'bubblewrap', parentEnv: { PATH: process.env.PATH } });
    const validator = createValidator({ config: ConfigSchema.parse({}), runner });
    const run = await validator.mutate({ specId: 'client', checks: (await readHoldoutSet(scenarios)).get('client') ?? [], tree: new Map(Object.entries(TREE)), mutate: ['src/client.ts'], twins: [serviceTwin('counter')], signal: new AbortController().signal });
    expect(run.error).toBeUndefined();
    expect(run.result!.killed).toBeGreaterThan(0);
    expect(run.result!.score!).toBeGreaterThan(50);
  }, 180_000);
});
