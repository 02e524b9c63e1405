/**
 * `--since`: what a change reaches. A small built monorepo of three members is committed; random
 * edits (spec text, a dependency, context, a member's holdout, a generated file, a member's
 * config, a new and a deleted spec) are made on top; then
 *   - `check` with the changed files gives exactly the full check's findings restricted to the
 *     specs it reports as reached (and the workspace-level ones);
 *   - every spec it does not reach has the same findings as before the edits (nothing missed);
 *   - the `--since` plan's jobs are the full plan's jobs for the reached specs, and every job the
 *     full plan would rebuild is among them (`build --dry-run` compared both ways).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build, check } from '../../src/compile.js';
import { spec } from '../../src/diagnostics/catalogue/example.js';
import { changedSince } from '../../src/io/git.js';
import type { Diagnostic } from '../../src/types/index.js';
import { fakeAgent, writeAll } from '../helpers/fake-agent.js';
import { buildWith } from '../helpers/runtime.js';
import { runCli } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

const SPECS: Record<string, string> = {
  'packages/core/specs/money.md': spec('', { id: 'money', kind: 'architecture' }).content() as string,
  'packages/billing/specs/invoice.md': spec('', { id: 'invoice', depends_on: ['core:money'] }).content() as string,
  'packages/shop/specs/cart.md': spec('', { id: 'cart', depends_on: ['billing:invoice'] }).content() as string,
  'packages/shop/specs/wishlist.md': spec('', { id: 'wishlist' }).content() as string,
};
const OUTPUTS: Record<string, string[]> = {
  'core:money': ['core/src/money.ts', 'core/src/money.test.ts'],
  'billing:invoice': ['billing/src/invoice.ts', 'billing/src/invoice.test.ts'],
  'shop:cart': ['shop/src/cart.ts', 'shop/src/cart.test.ts'],
  'shop:wishlist': ['shop/src/wishlist.ts', 'shop/src/wishlist.test.ts'],
};

const git = (root: string, ...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });

async function builtMonorepo(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-since-'));
  temps.push(root);
  const files: Record<string, string> = {
    'speccc.config.json': '{ "members": ["packages/core", "packages/billing", "packages/shop"] }\n',
    'context/mission.md': '# Mission\n\nA shop.\n',
    'packages/billing/scenarios/invoice/totals.md': '# Totals\n\nGiven, when, then.\n',
    'packages/billing/scenarios/invoice/totals.test.ts': "import { it } from 'vitest';\nit('totals', () => {});\n",
    '.gitignore': '.speccc/\n!generated/.speccc/\n',
    ...SPECS,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const built = await buildWith(root, fakeAgent(writeAll(OUTPUTS)).agent);
  expect(built.kind).toBe('built');
  git(root, 'init', '-q');
  git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A');
  git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
  return root;
}

type Edit = (root: string) => void;
const append = (file: string, text: string): Edit => (root) => appendFileSync(path.join(root, file), text);
const put = (file: string, text: string): Edit => (root) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
const EDITS: [string, Edit][] = [
  ['spec prose', append('packages/billing/specs/invoice.md', '\nIt should be fast and TBD.\n')],
  ['leaf spec', append('packages/shop/specs/wishlist.md', '\n- **Given** x, **when** y, **then** it works\n')],
  ['root spec of the chain', append('packages/core/specs/money.md', '\nSee [[Gizmo]].\n')],
  ['context', append('context/mission.md', '\nMore mission.\n')],
  ['holdout', append('packages/billing/scenarios/invoice/totals.test.ts', '// edited\n')],
  ['generated output', append('generated/shop/src/wishlist.ts', '// by hand\n')],
  ['member config', put('packages/shop/speccc.config.json', '{ "paths": { "specs": "specs" } }\n')],
  ['new spec', put('packages/shop/specs/coupon.md', spec('', { id: 'coupon', depends_on: ['cart'] }).content() as string)],
  ['deleted spec', (root) => rmSync(path.join(root, 'packages/core/specs/money.md'))],
  ['unrelated file', put('notes.txt', 'hello\n')],
];

const key = (d: Diagnostic) => `${d.file}:${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`;
const bySpecFile = (ds: Diagnostic[], files: Set<string>) => ds.filter((d) => files.has(d.file)).map(key).sort();

describe('--since', () => {
  it('reaches what a change reaches: same findings and same jobs as a full run on it, nothing missed elsewhere', async () => {
    const base = await builtMonorepo();
    const before = await check({ root: base, useCache: false });
    await fc.assert(
      fc.asyncProperty(fc.subarray(EDITS, { minLength: 1, maxLength: 3 }), async (edits) => {
        const root = mkdtempSync(path.join(tmpdir(), 'speccc-since-run-'));
        temps.push(root);
        execFileSync('cp', ['-a', `${base}/.`, root]);
        for (const [, edit] of edits) edit(root);
        const changed = await changedSince(root, 'HEAD');
        if (!changed.ok) throw new Error(changed.message);

        const full = await check({ root, useCache: false });
        const since = await check({ root, useCache: false, changed: changed.files });
        const affected = since.affected!;
        const specFiles = new Set(full.workspace.files.map((f) => f.file));
        // 1. The same findings as the full check, restricted to what the change reaches.
        expect(since.diagnostics.map(key).sort()).toEqual(full.diagnostics.filter((d) => !specFiles.has(d.file) || affected.files.has(d.file)).map(key).sort());
        // 2. Nothing missed: a spec the change does not reach has its findings from before the change.
        const untouched = new Set([...specFiles].filter((f) => !affected.files.has(f) && Object.hasOwn(SPECS, f)));
        expect(bySpecFile(full.diagnostics, untouched)).toEqual(bySpecFile(before.diagnostics, untouched));
        // 3. The plan: the --since plan is the full plan on the reached specs, and holds every job the full plan would rebuild.
        const fullPlan = await build({ root, mode: 'plan' });
        const sincePlan = await build({ root, mode: 'plan', changed: changed.files });
        // An error in a reached spec blocks both (every erroneous edit here is in a spec it reaches).
        if (fullPlan.kind === 'blocked') {
          expect(sincePlan.kind).toBe('blocked');
          return;
        }
        // A plan with nothing stale stamps the workspace, so the second plan may answer "up to date": no job to rebuild either way.
        const stale = (r: Awaited<ReturnType<typeof build>>) => (r.kind === 'up-to-date' ? [] : r.kind === 'planned' ? [...r.outcomes.values()].filter((o) => o.state !== 'fresh').map((o) => `${o.id} ${o.state}`).sort() : [`unexpected ${r.kind}`]);
        const reached = (line: string) => affected.ids.has(line.split(' ')[0]!);
        expect(stale(sincePlan).filter(reached)).toEqual(stale(fullPlan).filter(reached));
        expect(stale(fullPlan).filter((line) => !reached(line))).toEqual([]);
      }),
      { numRuns: 12, seed: 20261207 },
    );
  }, 240_000);

  it('a ref git does not know, or a folder outside git: exit 2, one line, nothing read', async () => {
    const root = await builtMonorepo();
    expect(await runCli(['check', '--since', 'no-such-branch'], { cwd: root })).toMatchObject({ code: 2, stdout: '' });
    expect((await runCli(['build', '--dry-run', '--since', 'no-such-branch'], { cwd: root })).stderr).toMatch(/^speccc: --since no-such-branch: git knows no commit by that name.*\[since-unknown-ref\]\n$/);
    const outside = mkdtempSync(path.join(tmpdir(), 'speccc-nogit-'));
    temps.push(outside);
    writeFileSync(path.join(outside, 'x.md'), '');
    expect(await runCli(['check', '--since', 'main'], { cwd: outside })).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not inside one \[since-not-a-repository\]/) });
  }, 60_000);

  it('the CLI prints only the reached part: an edit of billing plans billing and shop, never core', async () => {
    const root = await builtMonorepo();
    append('packages/billing/specs/invoice.md', '\nMore words.\n')(root);
    const plan = await runCli(['build', '--dry-run', '--since', 'HEAD', '--format', 'json'], { cwd: root });
    expect(plan.code).toBe(0);
    const jobs = (JSON.parse(plan.stdout) as { jobs: { id: string; state: string; reasons: string[] }[] }).jobs;
    // The cart waits on the invoice's new outputs (early cut-off): listed, with its reason, never core's money.
    expect(jobs.map((j) => `${j.id} ${j.reasons.join(',')}`)).toEqual(['billing:invoice spec-changed', 'shop:cart dependency-changed']);
  }, 60_000);
});
