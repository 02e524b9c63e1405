/**
 * The payroll example (examples/payroll): eight specs in a dependency chain (money → hours →
 * gross-pay → deductions → net-pay → payslip → pay-run, and tax-brackets), each with an example
 * and a property holdout, and a mutation-score gate. Run through the CLI on a copy of the
 * committed workspace, without building it again (test/monorepo/example.test.ts and
 * test/e2e/example-build.test.ts cover building) and without Stryker (the figures the gate
 * recorded are read from the manifest): it checks clean, its committed generated/ is up to date
 * under its gate, and its holdouts pass against that tree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });
// .speccc/ is local state (gitignored) that a clean checkout does not have.
const copy = () => workspaces.copy('examples/payroll', ['.speccc']);
const chain = ['money', 'hours', 'tax-brackets', 'gross-pay', 'deductions', 'net-pay', 'payslip', 'pay-run'];

describe('examples/payroll', () => {
  it('checks clean, strictly: every requirement is covered by a test that proves it or by a holdout', async () => {
    expect(await runCli(['check', '--strict', '--no-cache'], { cwd: copy() })).toMatchObject({ code: 0, stdout: '✔ 9 specs clean\n', stderr: '' });
  });

  it('its committed generated/ is what its specs build to under its mutation gate (else run `npm run example:build -- --only payroll`)', async () => {
    const root = copy();
    expect(await runCli(['build', '--check'], { cwd: root })).toMatchObject({ code: 0, stdout: '8 specs up to date\n', stderr: '' });
    // A forced plan lists the chain in dependency order: each spec after everything it depends on.
    const plan = await runCli(['build', '--dry-run', '--force', '--format', 'json'], { cwd: root });
    expect(plan.code).toBe(0);
    const order = (JSON.parse(plan.stdout) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
    expect([...order].sort()).toEqual([...chain].sort());
    for (const [before, after] of [['money', 'hours'], ['hours', 'gross-pay'], ['gross-pay', 'deductions'], ['deductions', 'net-pay'], ['tax-brackets', 'net-pay'], ['net-pay', 'payslip'], ['payslip', 'pay-run']]) {
      expect(order.indexOf(before!)).toBeLessThan(order.indexOf(after!));
    }
  });

  it('the manifest records a mutation score at or above the configured minimum for every spec', () => {
    const root = copy();
    const { promotion } = JSON.parse(readFileSync(path.join(root, 'speccc.config.json'), 'utf8')) as { promotion: { minMutationScore: number } };
    const manifest = JSON.parse(readFileSync(path.join(root, 'generated/.speccc/manifest.json'), 'utf8')) as { specs: Record<string, { mutationScore?: number; verdict?: { mutationScore?: number } }> };
    expect(promotion.minMutationScore).toBeGreaterThan(0);
    for (const id of chain) {
      expect(manifest.specs[id]?.mutationScore, id).toBeGreaterThanOrEqual(promotion.minMutationScore);
      expect(manifest.specs[id]?.verdict?.mutationScore, id).toBe(manifest.specs[id]?.mutationScore);
    }
  });

  it('verify runs the end of the chain\'s example and property holdouts against the committed tree', async () => {
    const run = await runCli(['verify', 'pay-run', '--seed', '20261207'], { cwd: copy() });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('✔ pay-run: 2/2 scenarios pass\n');
  }, 120_000);
});
