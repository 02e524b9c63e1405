/**
 * The checkout example (examples/checkout): shopfront calls a payment service, which every
 * sealed run replaces with the twin built from its twin spec. Built by the CLI as a user builds
 * it, against the twin of the Messages API; its holdout passes only for code that retries the
 * payment twin's injected outage; verify --twin reports the one difference planted in the
 * recorded traffic.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryScript } from '../../src/api-twin/index.js';
import { createGate, takeCredentials } from '../../src/runtime.js';
import { loadConfig } from '../../src/io/config-file.js';
import { readGeneratedTree } from '../../src/io/generated-tree.js';
import { readHoldoutSet } from '../../src/io/holdouts.js';
import { serviceTwin } from '../../src/phases/2-model/twins.js';
import { SPECCC_VERSION } from '../../src/version.js';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';
import { repo } from '../helpers/workspaces.js';

const example = path.join(repo, 'examples/checkout');
const twins = useTwin();
const workspaces = useTempWorkspace();

describe('examples/checkout', () => {
  it('checks clean, and its committed generated/ is what its specs build to (else run `npm run example:build`)', async () => {
    expect(await runCli(['check', '--strict', '--no-cache'], { cwd: example })).toMatchObject({ code: 0, stdout: '✔ 3 specs clean\n' });
    expect(await runCli(['build', '--check'], { cwd: example })).toMatchObject({ code: 0, stdout: '2 specs up to date\n' });
  });

  it('verify --twin names a twin, and one with recorded traffic', async () => {
    expect(await runCli(['verify', '--twin', 'checkout'], { cwd: example })).toMatchObject({ code: 2, stderr: 'speccc: --twin checkout: no twin spec has that id; twins: payments\n' });
    const root = workspaces.empty('speccc-checkout-');
    for (const part of ['specs', 'context', 'generated']) cpSync(path.join(example, part), path.join(root, part), { recursive: true });
    cpSync(path.join(example, 'scenarios/checkout'), path.join(root, 'scenarios/checkout'), { recursive: true });
    expect(await runCli(['verify', '--twin', 'payments'], { cwd: root })).toMatchObject({
      code: 2,
      stderr: 'speccc: no recorded traffic for twin payments: expected scenarios/payments/*.jsonl or scenarios/payments/*.har (docs/twins.md)\n',
    });
  });

  it('builds against its twins; the outage holdout fails code that does not retry; verify --twin reports the planted difference', async () => {
    const twin = await twins.start({ script: await directoryScript(path.join(example, 'replies')) });
    const root = workspaces.empty('speccc-checkout-');
    for (const part of ['specs', 'context', 'scenarios']) cpSync(path.join(example, part), path.join(root, part), { recursive: true });

    const built = await runCli(['build'], { cwd: root, env: { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'sk-ant-test-checkout', PATH: process.env.PATH } });
    expect(built.stderr).toBe('');
    expect(built.stdout).toMatch(/✔ payments built: type-checked, its tests passed, 1\/1 holdouts passed/);
    expect(built.stdout).toMatch(/✔ checkout built: type-checked, its tests passed, 1\/1 holdouts passed/);
    expect(built.code).toBe(0);
    // The checkout job was shown the payment service's spec and where its URL is, never the twin's code.
    const job = twin.messageRequests().find((r) => r.rawBody.includes('speccc-spec-id: checkout'))!.rawBody;
    expect(job).toContain('base URL in `SPECCC_TWIN_PAYMENTS_URL`');
    expect(job).toContain('# Payments service twin');
    expect(job).not.toContain('closeAllConnections');
    // Neither the holdouts nor the recorded traffic reached a model.
    expect(twin.anyRequestContains('rides out a short outage')).toBe(false);
    expect(twin.anyRequestContains('ch_3PqRs9LkdIwHu7ix')).toBe(false);

    const fidelity = await runCli(['verify', '--twin', 'payments'], { cwd: root });
    expect(fidelity.stdout).toBe(
      [
        '✖ payments: 1 difference in 6 recorded exchanges (1 file)',
        '  scenarios/payments/charges.jsonl:7: POST /v1/charges: body /error/param: recorded "amount", twin (absent)',
        '',
      ].join('\n'),
    );
    expect(fidelity.code).toBe(1);

    // The same code with its retry taken out: the holdout that passed above now fails.
    const { config } = await loadConfig(root);
    const gate = createGate({ config, credentials: takeCredentials({ PATH: process.env.PATH }) });
    const tree = new Map((await readGeneratedTree(path.join(root, 'generated'), SPECCC_VERSION)).files);
    const code = tree.get('src/checkout.ts')!;
    expect(code).toContain('const MAX_ATTEMPTS = 3;');
    tree.set('src/checkout.ts', code.replace('const MAX_ATTEMPTS = 3;', 'const MAX_ATTEMPTS = 1;'));
    const noRetry = await gate.validator.holdout({ specId: 'checkout', checks: (await readHoldoutSet(path.join(root, 'scenarios'))).get('checkout') ?? [], tree, twins: [serviceTwin('payments')], signal: new AbortController().signal });
    // People are told why: the assertion that failed, as vitest says it.
    expect(noRetry.scenarios).toEqual([{ name: 'survives-outage', file: 'checkout/survives-outage.test.ts', passed: false, failedTests: ['a checkout rides out a short outage of the payment service'], failure: 'a checkout rides out a short outage of the payment service: CheckoutError: order hold-1: the payment service answered 503 1 times' }]);
    expect(noRetry.failureClass).toBe('holdout-fails');
  }, 180_000);
});
