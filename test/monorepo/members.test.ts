/**
 * A monorepo at the root: members listed or discovered, ids qualified across them, one check and
 * one plan over all of them, and every mistake in the member list or a qualified id reported
 * where it is, with exit 2 (config) or 1 (a spec), and nothing built.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spec } from '../../src/diagnostics/catalogue/example.js';
import { runCli } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-mono-'));
  temps.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const invoice = spec('', { id: 'invoice', kind: 'architecture' }).content() as string;
const cart = (deps: string[]) => spec('', { id: 'cart', depends_on: deps }).content() as string;
const json = async (root: string, args: string[] = ['check']) => {
  const run = await runCli([...args, '--format', 'json', '--no-cache'], { cwd: root });
  return { ...run, found: (JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; line: number }[] }).diagnostics };
};

describe('a monorepo of members', () => {
  it('checks every member at the root and plans one build across them, equal ids of two members never colliding', async () => {
    const root = workspace({
      'speccc.config.json': '{ "members": ["packages/billing", { "path": "packages/web-shop", "name": "shop" }] }\n',
      'packages/billing/specs/invoice.md': invoice,
      'packages/billing/specs/cart.md': spec('', { id: 'cart' }).content() as string,
      'packages/web-shop/specs/cart.md': cart(['billing:invoice']),
    });
    expect(await runCli(['check', '--no-cache'], { cwd: root })).toMatchObject({ code: 0, stdout: '✔ 3 specs clean\n' });
    const plan = await runCli(['build', '--dry-run', '--format', 'json'], { cwd: root });
    const jobs = (JSON.parse(plan.stdout) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
    expect(jobs).toEqual(['billing:cart', 'billing:invoice', 'shop:cart']);
  });

  it('discovers members from package.json workspaces and pnpm-workspace.yaml, skipping packages without specs', async () => {
    const root = workspace({
      'speccc.config.json': '{ "members": "workspaces" }\n',
      'package.json': '{ "workspaces": ["packages/*"] }\n',
      'pnpm-workspace.yaml': 'packages:\n  - tools/shop\n',
      'packages/billing/package.json': '{ "name": "@acme/billing" }\n',
      'packages/billing/specs/invoice.md': invoice,
      'packages/docs/package.json': '{ "name": "docs" }\n',
      'tools/shop/specs/cart.md': cart(['billing:invoice']),
    });
    const plan = await runCli(['build', '--dry-run', '--format', 'json'], { cwd: root });
    expect((JSON.parse(plan.stdout) as { jobs: { id: string }[] }).jobs.map((j) => j.id)).toEqual(['billing:invoice', 'shop:cart']);
  });

  it('reports a member listed twice or missing at its entry in the config: exit 2, nothing built', async () => {
    const root = workspace({
      'speccc.config.json': '{\n  "members": [\n    "packages/billing",\n    "packages/billing/",\n    "packages/shp"\n  ]\n}\n',
      'packages/billing/specs/invoice.md': invoice,
    });
    const run = await json(root);
    expect(run.code).toBe(2);
    expect(run.found.filter((d) => d.file === 'speccc.config.json').map((d) => [d.code, d.file, d.line])).toEqual([
      ['member-duplicate', 'speccc.config.json', 4],
      ['member-missing', 'speccc.config.json', 5],
    ]);
    const built = await runCli(['build'], { cwd: root, env: { ANTHROPIC_API_KEY: 'sk-ant-test-unused' } });
    expect(built.code).toBe(2);
    expect(existsSync(path.join(root, 'generated'))).toBe(false);
  });

  it('reports an unknown qualified id and a cycle across members where they are written', async () => {
    const root = workspace({
      'speccc.config.json': '{ "members": ["packages/billing", "packages/shop"] }\n',
      'packages/billing/specs/invoice.md': spec('', { id: 'invoice', kind: 'architecture', depends_on: ['shop:cart'] }).content() as string,
      'packages/shop/specs/cart.md': cart(['billing:invoice', 'biling:invoice', 'billing:invoce']),
    });
    const run = await json(root);
    expect(run.code).toBe(1);
    const codes = run.found.filter((d) => d.code !== 'requirement-untested').map((d) => `${d.code} ${d.file}`);
    expect(codes).toContain('unknown-member packages/shop/specs/cart.md');
    expect(codes).toContain('unknown-dependency packages/shop/specs/cart.md');
    expect(codes.some((c) => c.startsWith('dependency-cycle'))).toBe(true);
    const built = await runCli(['build'], { cwd: root, env: { ANTHROPIC_API_KEY: 'sk-ant-test-unused' } });
    expect(built.code).toBe(1);
    expect(existsSync(path.join(root, 'generated'))).toBe(false);
  });

  it('a member id without a qualifier names its own member; a qualified id in a workspace without members names nothing', async () => {
    const mono = workspace({
      'speccc.config.json': '{ "members": ["packages/billing", "packages/shop"] }\n',
      'packages/billing/specs/invoice.md': invoice,
      'packages/shop/specs/cart.md': cart(['invoice']),
    });
    expect((await json(mono)).found.map((d) => d.code)).toContain('unknown-dependency');
    const single = workspace({ 'specs/invoice.md': invoice, 'specs/cart.md': cart(['billing:invoice']) });
    expect((await json(single)).found.map((d) => d.code)).toContain('unknown-member');
  });

  it('check inside a member checks that member and what it depends on, at the monorepo root', async () => {
    const broken = spec('', { id: 'report', omit: ['Who'] }).content() as string;
    const root = workspace({
      'speccc.config.json': '{ "members": ["packages/billing", "packages/shop", "packages/admin"] }\n',
      'packages/billing/specs/invoice.md': spec('', { id: 'invoice', omit: ['Who'] }).content() as string,
      'packages/shop/specs/cart.md': cart(['billing:invoice']),
      'packages/admin/specs/report.md': broken,
    });
    const files = async (member: string) => {
      const run = await runCli(['check', '--format', 'json', '--no-cache'], { cwd: path.join(root, 'packages', member) });
      return [...new Set((JSON.parse(run.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file))].sort();
    };
    // shop's cart builds on billing's invoice: its findings are shop's too; admin's are not.
    expect(await files('shop')).toEqual(['packages/billing/specs/invoice.md']);
    expect(await files('admin')).toEqual(['packages/admin/specs/report.md']);
    expect((await runCli(['check', '--no-cache'], { cwd: root })).stdout).toMatch(/2 errors in 3 specs\n$/);
  });
});

describe("a member's scenarios folder", () => {
  it('is named where it is: by verify when it names no spec (the guess among the member\'s own ids), by check when a scenario has no check', async () => {
    const root = workspace({
      'speccc.config.json': '{ "members": ["packages/billing"] }\n',
      'packages/billing/specs/invoice.md': invoice,
      'packages/billing/scenarios/invoise/pays.md': 'An invoice is paid.\n',
    });
    const run = await runCli(['verify'], { cwd: root });
    expect(run.stdout).toContain(`⚠ ${path.join('packages', 'billing', 'scenarios', 'invoise')}/ names no spec in this workspace; its scenarios were not run (did you mean invoice/?)`);
    expect(run.stdout).toContain('⚠ billing:invoice: unverified');
    expect(run.code).toBe(1);
    const checked = await runCli(['check', '--no-cache'], { cwd: root });
    expect(checked.stdout).toContain('packages/billing/scenarios/invoise/pays.md:1:1: warning scenario-no-check Scenario `pays` of spec `billing:invoise` has no automated check; expected packages/billing/scenarios/invoise/pays.test.ts beside it');
  });
});
