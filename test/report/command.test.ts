/**
 * `speccc report` and `speccc graph` on the bundled example after two real builds in which
 * discount-codes failed its holdout (test/report/example-workspace.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openerFor } from '../../src/commands/report.js';
import type { ReportModel } from '../../src/report/model.js';
import { runCli } from '../helpers/cli.js';
import { removeAll } from '../helpers/workspaces.js';
import { exampleWithFailingHoldout, FAILING_SCENARIO, FAILING_SPEC } from './example-workspace.js';

const temps: string[] = [];
let root: string;
let runs: string[];
let model: ReportModel;

beforeAll(async () => {
  ({ root, runs } = await exampleWithFailingHoldout(temps));
  const json = await runCli(['report', '--format', 'json'], { cwd: root });
  expect(json).toMatchObject({ code: 0, stderr: '' });
  model = JSON.parse(json.stdout) as ReportModel;
}, 60_000);
afterAll(() => removeAll(temps));

describe('speccc report --format json', () => {
  it('counts promoted, failing, unverified and blocked specs as the builds left them', () => {
    expect(model.summary).toMatchObject({ promoted: 1, stale: 0, failing: 1, unverified: 1, total: 4, satisfaction: 1 });
    expect(Object.fromEntries(model.specs.map((s) => [s.id, s.state]))).toEqual({ money: 'promoted', 'line-items': 'unverified', 'discount-codes': 'failing', 'invoice-totals': 'blocked' });
    expect(model.specs.map((s) => s.id)).toEqual(['money', 'discount-codes', 'line-items', 'invoice-totals']);
  });

  it("says why, with the failing spec's scenarios by name", () => {
    const failing = model.specs.find((s) => s.id === FAILING_SPEC)!;
    expect(failing.why).toBe(`Failed in run ${runs[1]} (holdout-fails) after 1 attempt: 1 of 1 holdout scenarios fail; generated/ keeps the output of run ${runs[0]}.`);
    expect(failing.scenarios).toEqual([{ name: FAILING_SCENARIO, passed: false }]);
    expect(model.specs.find((s) => s.id === 'invoice-totals')!.why).toBe('Waits for discount-codes, which is failing.');
    expect(model.specs.find((s) => s.id === 'line-items')!.why).toMatch(/no automated holdout check covers it: add one under scenarios\/line-items\//);
  });

  it('classifies failures across builds and verify runs, with the specs they hit and what to strengthen', () => {
    expect(model.failureClasses).toEqual([
      { class: 'holdout-fails', label: 'Holdout scenarios fail', count: 2, specs: ['discount-codes', 'invoice-totals'], hint: expect.stringMatching(/^Rules, Edge cases and Evaluation: /) },
    ]);
  });

  it('has both runs, their jobs, cost and tokens, and a timeline of the last run', () => {
    expect(model.runs.map((r) => [r.id, r.jobs, r.failed])).toEqual([
      [runs[0], 4, 0],
      [runs[1], 2, 1],
    ]);
    expect(model.summary.spentUsd).toBeCloseTo(0.05); // the scripted agent charges $0.01 a job
    expect(model.lastRun!.jobs.map((j) => [j.spec, j.state, j.failureClass])).toEqual([
      ['discount-codes', 'failed', 'holdout-fails'],
      ['invoice-totals', 'skipped', undefined],
    ]);
    const job = model.lastRun!.jobs[0]!;
    expect(job.endMs).toBeGreaterThanOrEqual(job.startMs);
    expect(model.specs.find((s) => s.id === 'money')!.cost).toEqual([{ run: runs[0], at: expect.any(String), costUsd: 0.01, inputTokens: expect.any(Number), outputTokens: 100 }]);
  });

  it('takes satisfaction over time from the verify history', () => {
    expect(model.specs.find((s) => s.id === 'invoice-totals')!.satisfaction.map((p) => p.value)).toEqual([0, 1]);
  });
});

describe('speccc report (HTML)', () => {
  it('writes one self-contained page to .speccc/report/index.html', async () => {
    const run = await runCli(['report'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✔ report written to \.speccc\/report\/index\.html \(\d+ KB\): 4 specs, 1 promoted, 0 stale, 1 failing, 1 unverified; \$0\.05 spent in 2 runs\n$/);
    const file = path.join(root, '.speccc/report/index.html');
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(html).not.toMatch(/<link (?![^>]*href="data:)/);
    expect(html).not.toMatch(/\b(?:src|href|xlink:href)="(?!#|data:)/);
    expect(html).not.toMatch(/url\((?!#)|@import/);
    expect(html).toContain(FAILING_SCENARIO);
  });

  it('writes where --out says, relative to the current directory', async () => {
    const run = await runCli(['report', '--root', root, '--out', 'out/r.html'], { cwd: temps[0]! });
    expect(run.code).toBe(0);
    expect(existsSync(path.join(temps[0]!, 'out/r.html'))).toBe(true);
  });

  it('refuses --open with another format', async () => {
    const run = await runCli(['report', '--format', 'json', '--open'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--open opens the HTML report/);
  });

  it('opens with the platform opener', () => {
    expect(openerFor('darwin', '/r.html')).toEqual({ command: 'open', args: ['/r.html'] });
    expect(openerFor('linux', '/r.html')).toEqual({ command: 'xdg-open', args: ['/r.html'] });
    expect(openerFor('win32', 'C:\\r.html').command).toBe('cmd');
  });
});

describe('speccc report --format markdown', () => {
  it('prints a summary fit for a CI job summary: counts, the failing spec and its scenario, failures by kind', async () => {
    const run = await runCli(['report', '--format', 'markdown'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('**1 promoted · 0 stale · 1 failing · 1 unverified** of 4 specs (1 blocked) · satisfaction 1.00 · spent $0.05 in 2 runs');
    expect(run.stdout).toContain(`- **discount-codes** (Discount codes): Failed in run ${runs[1]}`);
    expect(run.stdout).toContain(`  - ✗ ${FAILING_SCENARIO}`);
    expect(run.stdout).toContain('Blocked by a failing dependency: invoice-totals.');
    expect(run.stdout).toMatch(/\| Holdout scenarios fail \(holdout-fails\) \| 2 \| discount-codes, invoice-totals \| Rules, Edge cases and Evaluation: /);
  });
});

describe('speccc graph', () => {
  it('writes the report’s graph as Mermaid, DOT or SVG, to stdout or --out', async () => {
    const mermaid = await runCli(['graph', '--format', 'mermaid'], { cwd: root });
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toContain('["discount-codes<br/>failing"]:::failing');
    expect(mermaid.stdout).toContain('["invoice-totals<br/>blocked"]:::blocked');
    const dot = await runCli(['graph'], { cwd: root });
    expect(dot.stdout).toMatch(/^digraph speccc \{/);
    expect(dot.stdout).toContain('"discount-codes" -> "invoice-totals";');
    const svg = await runCli(['graph', '--format', 'svg', '--out', 'graph.svg'], { cwd: root });
    expect(svg).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(path.join(root, 'graph.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="graph"[^>]*aria-label="Dependency graph: 4 specs"/);
  });
});

describe('speccc log', () => {
  it('keeps the class next to the state and adds what to strengthen under the table', async () => {
    const run = await runCli(['log'], { cwd: root });
    expect(run.stdout).toMatch(/discount-codes\s+failed \(holdout-fails\)/);
    expect(run.stdout).toContain('what to strengthen in the spec:\n  discount-codes (holdout-fails): Rules, Edge cases and Evaluation: ');
    const json = JSON.parse((await runCli(['log', '--format', 'json'], { cwd: root })).stdout) as { specs: { spec: string; hint?: string }[] };
    expect(json.specs.find((s) => s.spec === 'discount-codes')!.hint).toMatch(/^Rules, Edge cases/);
    expect(json.specs.find((s) => s.spec === 'invoice-totals')!.hint).toBeUndefined();
  });
});

describe('a spec that check finds incomplete', () => {
  it('blocks the build: the report says so from the manifest, and counts it as spec-incomplete', async () => {
    const file = path.join(root, 'specs/features/line-items.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Rules', '## Rulez'));
    const run = await runCli(['report', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    const m = JSON.parse(run.stdout) as ReportModel;
    const lineItems = m.specs.find((s) => s.id === 'line-items')!;
    expect(lineItems.state).toBe('blocked');
    expect(lineItems.why).toMatch(/^1 check error stops every build: section-misspelled at line \d+: Heading `Rulez` is not a known section; did you mean `Rules`\?/);
    expect(lineItems.diagnostics.map((d) => d.code)).toEqual(['section-misspelled']);
    expect(m.failureClasses.find((f) => f.class === 'spec-incomplete')).toMatchObject({ label: 'Spec ambiguous or incomplete (per check)', count: 1, specs: ['line-items'] });
    expect(m.specs.find((s) => s.id === 'money')!.why).toMatch(/\(no plan: 1 error blocks the build, first section-misspelled in specs\/features\/line-items\.md\)$/);
  });
});
