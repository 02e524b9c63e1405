/**
 * The bundled example built by the CLI as a user runs it, against the twin: the Anthropic
 * provider, the real SDK, validation and holdouts, a second build, an edited spec.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryScript } from '../../src/api-twin/index.js';
import { runCli } from '../helpers/cli.js';
import { KEY, repo, specIds } from '../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';

const twins = useTwin({ scope: 'all' });
const workspaces = useTempWorkspace({ scope: 'all' });


describe('speccc build against the twin', () => {
  it('builds the example, then costs nothing, then rebuilds an edited spec and its dependents only', async () => {
    const twin = await twins.start({ script: await directoryScript(path.join(repo, 'examples/replies')) });
    const root = workspaces.example(['specs', 'context', 'scenarios']);
    const env = { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: KEY, PATH: process.env.PATH };

    const first = await runCli(['build'], { cwd: root, env });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/✔ money built: type-checked, its tests passed, 1\/1 holdouts passed \(\d+ in \/ \d+ out tokens, \$\d+\.\d{4}, [\d.]+ s\)/);
    expect(first.stdout).toMatch(/✔ line-items built: type-checked, its tests passed, 1\/1 holdouts passed/);
    expect(first.stdout).toMatch(/✔ 4 specs built, 0 failed, 0 up to date \(\$\d+\.\d{4} spent; run [\w-]+\)/);
    expect(first.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(root, 'generated/.speccc/manifest.json'), 'utf8'));
    expect(manifest.specs.money.provider).toBe('anthropic (speccc twin at 127.0.0.1; no model was called)');
    expect(specIds(twin)).toEqual(['discount-codes', 'invoice-totals', 'line-items', 'money']);

    // holdout scenarios never reached the model
    for (const file of readdirSync(path.join(root, 'scenarios/money'))) {
      const text = readFileSync(path.join(root, 'scenarios/money', file), 'utf8');
      const line = text.split('\n').find((l) => l.length > 30)!;
      expect(twin.anyRequestContains(line)).toBe(false);
    }
    // ...and no request holds a holdout's text: the build's history audits clean
    const audit = await runCli(['audit'], { cwd: root });
    expect(audit).toMatchObject({ code: 0, stdout: expect.stringMatching(/^✔ no leak: \d+ requests in 1 run audited against 4 scenarios\n$/) });
    // the key is in no trace
    const runs = readdirSync(path.join(root, '.speccc/runs'));
    for (const run of runs) expect(readFileSync(path.join(root, '.speccc/runs', run), 'utf8')).not.toContain(KEY);

    twin.clearRequests();
    const second = await runCli(['build'], { cwd: root, env });
    expect(second).toMatchObject({ code: 0, stdout: '✔ 4 specs up to date\n', stderr: '' });
    expect(twin.messageRequests()).toHaveLength(0);

    const spec = path.join(root, 'specs/features/discount-codes.md');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('An empty list of codes gives a discount of 0', 'An empty list of codes gives a discount of exactly 0'));
    const third = await runCli(['build'], { cwd: root, env });
    expect(third.stderr).toBe('');
    expect(third.code).toBe(0);
    // the rebuilt discount-codes wrote identical code, so invoice-totals was cut off early
    expect(specIds(twin)).toEqual(['discount-codes']);
    expect(third.stdout).toContain('invoice-totals up to date (its dependency was rebuilt with identical outputs)');

    const log = await runCli(['log'], { cwd: root, env });
    expect(log.code).toBe(0);
    expect(log.stdout).toMatch(/discount-codes\s+built/);
  }, 120_000);
});
