/**
 * `speccc report` and `speccc graph` on the bundled example after two real builds in which
 * discount-codes failed its holdout (test/report/example-workspace.ts).
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannotOpen, openerFor } from '../../../src/commands/report.js';
import type { ReportModel } from '../../../src/report/model.js';
import { runCli } from '../../helpers/cli.js';
import { removeAll } from '../../helpers/workspaces.js';
import { exampleWithFailingHoldout, FAILING_SCENARIO, FAILING_SPEC } from '../../report/example-workspace.js';

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
    expect(model.summary).toMatchObject({ promoted: 1, stale: 0, failing: 1, unverified: 1, total: 5, satisfaction: 1 });
    expect(Object.fromEntries(model.specs.map((s) => [s.id, s.state]))).toEqual({ money: 'promoted', 'line-items': 'unverified', 'discount-codes': 'failing', 'invoice-totals': 'blocked', 'typescript-library': 'constraint' });
    expect(model.specs.map((s) => s.id)).toEqual(['money', 'discount-codes', 'line-items', 'invoice-totals', 'typescript-library']);
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

  it('takes satisfaction over time and mutation scores from the verify history', () => {
    expect(model.specs.find((s) => s.id === 'invoice-totals')!.satisfaction.map((p) => p.value)).toEqual([0, 1]);
    expect(Object.fromEntries(model.specs.map((s) => [s.id, s.mutationScore]))).toEqual({ money: 0.875, 'line-items': null, 'discount-codes': null, 'invoice-totals': null, 'typescript-library': null });
  });
});

describe('speccc report (HTML)', () => {
  it('writes one self-contained page to .speccc/report/index.html', async () => {
    const run = await runCli(['report'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✔ report written to \.speccc\/report\/index\.html \(\d+ KB\): 5 specs, 1 promoted, 0 stale, 1 failing, 1 unverified; \$0\.05 spent in 2 runs\n$/);
    const file = path.join(root, '.speccc/report/index.html');
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(html).not.toMatch(/<link (?![^>]*href="data:)/);
    expect(html).not.toMatch(/\b(?:src|href|xlink:href)="(?!#|data:)/);
    expect(html).not.toMatch(/url\((?!#)|@import/);
    expect(html).toContain(FAILING_SCENARIO);
    // The constraint spec has no outputs but is part of the product: it has an entry, a filter and a node.
    expect(html).toContain('<details class="spec" id="spec-typescript-library" data-state="constraint">');
    expect(html).toMatch(/<b>TypeScript library conventions<\/b> <code>typescript-library<\/code> <span class="why">A constraint: no outputs of its own; its rules are part of the system prompt of every job \(4 specs with outputs\)\.<\/span>/);
    expect(html).toContain('data-filter="constraint" aria-pressed="false">constraint 1</button>');
    // What was measured is shown; what was not says which command measures it.
    const money = html.slice(html.indexOf('id="spec-money"'), html.indexOf('</details>', html.indexOf('id="spec-money"')));
    expect(money).toContain('<dt>Mutation score</dt><dd>88%</dd>');
    expect(money).toContain('not measured here: <code>speccc trace money</code> lists what covers each requirement');
    expect(html).toContain('not measured: <code>speccc verify --mutate</code> scores it');
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
    expect(cannotOpen('linux', {})).toMatch(/no display/);
    expect(cannotOpen('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(cannotOpen('freebsd', { BROWSER: 'w3m' })).toBeNull();
    expect(cannotOpen('darwin', {})).toBeNull();
  });
});

describe('speccc report --open', () => {
  const page = () => path.join(root, '.speccc/report/index.html');
  const where = () => `open ${page()} in a browser (${pathToFileURL(page()).href})`;
  /** A folder holding only an `xdg-open` that runs `script`, for PATH. */
  const opener = (script: string) => {
    const bin = mkdtempSync(path.join(tmpdir(), 'speccc-opener-'));
    temps.push(bin);
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    return bin;
  };

  it('on a machine with no display writes the page, says where it is and that it could not be opened', async () => {
    const run = await runCli(['report', '--open'], { cwd: root, env: { PATH: opener('exit 0') } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✔ report written to \.speccc\/report\/index\.html/);
    expect(run.stderr).toBe(`speccc: could not open the report: there is no display (DISPLAY and WAYLAND_DISPLAY are unset); ${where()}\n`);
  });

  it('says so when xdg-open is missing or fails, and opens the page when it works', async () => {
    const missing = await runCli(['report', '--open'], { cwd: root, env: { DISPLAY: ':0', PATH: path.join(tmpdir(), 'speccc-no-such-folder') } });
    expect(missing).toMatchObject({ code: 0, stderr: `speccc: could not open the report with \`xdg-open\` (xdg-open is not installed, or not on PATH); ${where()}\n` });
    const failing = await runCli(['report', '--open'], { cwd: root, env: { DISPLAY: ':0', PATH: opener('echo "xdg-open: no method available" >&2; exit 3') } });
    expect(failing).toMatchObject({ code: 0, stderr: `speccc: could not open the report with \`xdg-open\` (it exited with code 3: it found no browser or tool to open it with); ${where()}\n` });
    const asked = path.join(opener('exit 0'), 'opened.txt');
    const works = await runCli(['report', '--open'], { cwd: root, env: { DISPLAY: ':0', PATH: opener(`printf %s "$1" > '${asked}'`) } });
    expect(works).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(asked, 'utf8')).toBe(page());
  });
});

describe('speccc report --format markdown', () => {
  it('prints a summary fit for a CI job summary: counts, the failing spec and its scenario, failures by kind', async () => {
    const run = await runCli(['report', '--format', 'markdown'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('**1 promoted · 0 stale · 1 failing · 1 unverified** of 5 specs (1 blocked, 1 constraint) · satisfaction 1.00 · spent $0.05 in 2 runs');
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
    expect(readFileSync(path.join(root, 'graph.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="graph"[^>]*aria-label="Dependency graph: 5 specs"/);
    expect(mermaid.stdout).toContain('["typescript-library<br/>constraint"]:::constraint');
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

describe('after a build that Ctrl-C cancelled', () => {
  const mine: string[] = [];
  afterAll(() => removeAll(mine));

  it('says the run was cancelled and why, on the page, in the JSON and in the Markdown', async () => {
    const { root: cancelled, runs: ids } = await exampleWithFailingHoldout(mine, { cancelled: true });
    const json = await runCli(['report', '--format', 'json'], { cwd: cancelled });
    const m = JSON.parse(json.stdout) as ReportModel;
    const why = 'stopped from outside the build (Ctrl-C or SIGTERM, or `speccc watch` starting over after a newer edit)';
    expect(m.runs.at(-1)).toMatchObject({ id: ids[2], outcome: 'cancelled', stopped: why });
    expect(m.lastRun!.jobs.map((j) => [j.spec, j.state, j.note])).toEqual([
      ['discount-codes', 'cancelled', undefined],
      ['invoice-totals', 'cancelled', 'dependency discount-codes cancelled'],
    ]);
    // The retry was cut short: the spec still fails as run 2 left it, and its why says what happened since.
    const failing = m.specs.find((s) => s.id === FAILING_SPEC)!;
    expect(failing.state).toBe('failing');
    expect(failing.why).toContain(`; a later try was cancelled in run ${ids[2]}: ${why}.`);

    expect((await runCli(['report'], { cwd: cancelled })).code).toBe(0);
    const html = readFileSync(path.join(cancelled, '.speccc/report/index.html'), 'utf8');
    expect(html).toContain(`<p class="stopped"><b>${ids[2]} was cancelled</b>: stopped from outside the build (Ctrl-C or SIGTERM, or \`speccc watch\` starting over after a newer edit).</p>`);
    expect(html).toMatch(/<td>cancelled: dependency discount-codes cancelled<\/td><\/tr>/);
    const md = await runCli(['report', '--format', 'markdown'], { cwd: cancelled });
    expect(md.stdout).toContain(`- ${ids[2]} was cancelled: stopped from outside the build (Ctrl-C or SIGTERM, or \\\`speccc watch\\\` starting over after a newer edit).`);
  }, 60_000);
});

describe('a workspace whose scenarios live elsewhere (paths.scenarios)', () => {
  it('says to add a holdout check under the configured folder, not scenarios/', async () => {
    renameSync(path.join(root, 'scenarios'), path.join(root, 'holdouts'));
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ paths: { scenarios: 'holdouts' } }));
    try {
      const run = await runCli(['report', '--format', 'json'], { cwd: root });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const lineItems = (JSON.parse(run.stdout) as ReportModel).specs.find((s) => s.id === 'line-items')!;
      expect(lineItems.state).toBe('unverified');
      expect(lineItems.why).toMatch(/no automated holdout check covers it: add one under holdouts\/line-items\/\.$/);
    } finally {
      rmSync(path.join(root, 'speccc.config.json'));
      renameSync(path.join(root, 'holdouts'), path.join(root, 'scenarios'));
    }
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
