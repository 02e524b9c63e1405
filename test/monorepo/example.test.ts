/**
 * The monorepo example (examples/monorepo): two npm workspaces, billing and shop, shop's cart
 * depending on billing:invoice. Built by the CLI as a user builds it, against the twin of the
 * Messages API, each member's holdouts judged beside its code; then a change to billing, built
 * with --since, rebuilds what it reaches and nothing else.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryScript, startTwin, type Twin } from '../../src/api-twin/index.js';
import { runCli } from '../helpers/cli.js';
import { repo } from '../helpers/workspaces.js';

const example = path.join(repo, 'examples/monorepo');
const temps: string[] = [];
let twin: Twin | undefined;
afterAll(async () => {
  temps.forEach((t) => rmSync(t, { recursive: true, force: true }));
  await twin?.close();
});

const git = (root: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, stdio: 'pipe' });

describe('examples/monorepo', () => {
  it('checks clean, and its committed generated/ is what its specs build to (else run `npm run example:build`)', async () => {
    expect(await runCli(['check', '--strict', '--no-cache'], { cwd: example })).toMatchObject({ code: 0, stdout: '✔ 2 specs clean\n' });
    expect(await runCli(['build', '--check'], { cwd: example })).toMatchObject({ code: 0, stdout: '2 specs up to date\n' });
  });

  it('verify runs each member\'s holdouts from its own scenarios folder against the committed tree', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'speccc-monorepo-verify-'));
    temps.push(root);
    for (const part of ['speccc.config.json', 'package.json', 'context', 'packages', 'generated']) cpSync(path.join(example, part), path.join(root, part), { recursive: true });
    const run = await runCli(['verify'], { cwd: root });
    expect(run).toMatchObject({ code: 0, stdout: '✔ billing:invoice: 1/1 scenarios pass\n✔ shop:cart: 1/1 scenarios pass\n✔ 2 of 2 scenarios pass (satisfaction 100%)\n' });
    // One report at the root: both members' holdouts counted, none unverified.
    const report = await runCli(['report', '--format', 'markdown'], { cwd: root });
    expect(report.stdout).toContain('**2 promoted · 0 stale · 0 failing · 0 unverified** of 2 specs · satisfaction 1.00');
  }, 120_000);

  it('builds both members against the twin, the cart importing billing across members; --since then rebuilds only what a change reaches', async () => {
    twin = await startTwin({ script: await directoryScript(path.join(example, 'replies')) });
    const root = mkdtempSync(path.join(tmpdir(), 'speccc-monorepo-'));
    temps.push(root);
    for (const part of ['speccc.config.json', 'package.json', 'context', 'packages']) cpSync(path.join(example, part), path.join(root, part), { recursive: true });
    const env = { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'sk-ant-test-monorepo', PATH: process.env.PATH };

    const built = await runCli(['build'], { cwd: root, env });
    expect(built.stderr).toBe('');
    expect(built.stdout).toMatch(/✔ billing:invoice built: type-checked, its tests passed, 1\/1 holdouts passed/);
    expect(built.stdout).toMatch(/✔ shop:cart built: type-checked, its tests passed, 1\/1 holdouts passed/);
    expect(built.code).toBe(0);
    expect(readFileSync(path.join(root, 'generated/shop/src/cart.ts'), 'utf8')).toContain("from '../../billing/src/invoice.js'");
    expect(existsSync(path.join(root, 'generated/billing/src/invoice.ts'))).toBe(true);
    // The cart's job saw billing's code as a dependency, at the path its import names.
    const cartJob = twin.messageRequests().find((r) => r.rawBody.includes('speccc-spec-id: shop:cart'))!.rawBody;
    expect(cartJob).toContain('billing/src/invoice.ts');

    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'built');
    appendFileSync(path.join(root, 'packages/billing/specs/invoice.md'), '\nThe invoice is made in one pass over the amounts.\n');
    const since = await runCli(['build', '--since', 'HEAD', '--format', 'json'], { cwd: root, env });
    expect(since.code).toBe(0);
    const jobs = (JSON.parse(since.stdout) as { jobs: { id: string; state: string }[] }).jobs;
    // billing rebuilt; its outputs came out the same, so the cart was cut off, not regenerated.
    expect(jobs.map((j) => `${j.id} ${j.state}`)).toEqual(['billing:invoice built', 'shop:cart fresh']);
    expect(await runCli(['build', '--check'], { cwd: root })).toMatchObject({ code: 0, stdout: '2 specs up to date\n' });
  }, 300_000);
});
