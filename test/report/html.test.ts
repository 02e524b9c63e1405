import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { specAnchor } from '../../src/report/graph.js';
import { CONTENT_SECURITY_POLICY, renderReportHtml } from '../../src/report/html.js';
import { exampleModel, HOSTILE, hostileModel } from './fixtures.js';

const page = renderReportHtml(exampleModel());
const hostile = renderReportHtml(hostileModel());

/** Text of the page with tags stripped and the entities this renderer writes decoded. */
function text(html: string): string {
  return html
    .replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('renderReportHtml: self-contained', () => {
  it('declares a policy that forbids every outside request and allows only its own script', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; /);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    expect(CONTENT_SECURITY_POLICY).toContain(`script-src 'sha256-${hash}'`);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('refers to nothing outside the page', () => {
    expect(page).not.toMatch(/<link (?![^>]*href="data:)/);
    expect(page).not.toMatch(/\b(?:src|href|xlink:href)="(?!#|data:)/);
    expect(page).not.toMatch(/url\((?!#)/);
    expect(page).not.toMatch(/@import|@font-face/);
  });

  it('links only to ids that exist', () => {
    const ids = new Set([...page.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...page.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(20);
    for (const t of targets) expect(ids, t).toContain(t);
    expect(new Set(ids).size).toBe([...page.matchAll(/\bid="([^"]+)"/g)].length);
  });

  it('puts an accessible name only on elements that may carry one (ARIA forbids it on a plain span or div)', () => {
    const generic = /^(?:span|div|p|b|i|code|kbd|dd|dt|td|th)$/;
    const named = [...page.matchAll(/<([a-z]+)\b([^>]*\baria-label(?:ledby)?="[^"]*"[^>]*)>/g)].map((m) => ({ tag: m[1]!, attrs: m[2]! }));
    expect(named.length).toBeGreaterThan(5);
    for (const { tag, attrs } of named) if (generic.test(tag)) expect(attrs, `<${tag}${attrs}>`).toMatch(/\brole="(?!generic|presentation|none)[a-z]+"/);
    expect(page).toContain('<span class="filters" role="group" aria-label="Show only">');
  });

  it('is the same page for the same model', () => {
    expect(renderReportHtml(exampleModel())).toBe(page);
  });
});

describe('renderReportHtml: what a spec author reads', () => {
  const words = text(page).replace(/\s+/g, ' ');

  it('has an entry per spec with its state, why, scenarios, evidence, diagnostics, cost and neighbours', () => {
    for (const s of exampleModel().specs) expect(page).toContain(`<details class="spec" id="${specAnchor(s.id)}" data-state="${s.state}"`);
    const entry = page.slice(page.indexOf('id="spec-discount-codes" data-state'), page.indexOf('id="spec-invoice-totals" data-state'));
    const t = text(entry).replace(/\s+/g, ' ');
    expect(t).toContain('failing: 2 of 3 holdout scenarios fail after 3 attempts');
    expect(t).toContain('fail Codes typed by customers are matched forgivingly');
    expect(t).toContain('pass A fixed code never discounts below zero');
    expect(t).toContain('7 of 9 requirements (78%)');
    expect(t).toContain('untested: Leading and trailing spaces are ignored');
    expect(t).toContain('Mutation score64%');
    expect(t).toContain('error missing-edge-case line 51, column 1: Edge case " save10 " has no matching rule.');
    expect(t).toContain('$0.32 over 2 runs: 63,150 input and 9,495 output tokens.');
    expect(t).toContain('Depends onmoney');
    expect(t).toContain('Needed byinvoice-totals');
    expect(entry).toContain('<a href="#spec-money">money</a>');
    expect(entry).toMatch(/ open>/);
  });

  it('says "not measured" where nothing was measured, and which command measures it', () => {
    const entry = text(page.slice(page.indexOf('id="spec-invoice-totals" data-state'))).replace(/\s+/g, ' ');
    expect(entry).toContain('Requirement coveragenot measured here: speccc trace invoice-totals lists what covers each requirement');
    expect(entry).toContain('Mutation scorenot measured: speccc verify --mutate scores it');
    const m = exampleModel();
    m.specs[3]!.state = 'draft';
    const draft = text(renderReportHtml(m).split('id="spec-invoice-totals" data-state')[1]!).replace(/\s+/g, ' ');
    expect(draft).toContain('Requirement coveragenot measured: a draft is not built');
  });

  it('opens with the counts, sparklines, spend and the last run', () => {
    const first = page.slice(0, page.indexOf('<section id="failures"'));
    expect(first.match(/<span class="big" data-count="(\w+)">(\d+)<\/span>/g)).toEqual([
      '<span class="big" data-count="promoted">2</span>',
      '<span class="big" data-count="stale">1</span>',
      '<span class="big" data-count="failing">1</span>',
      '<span class="big" data-count="unverified">0</span>',
    ]);
    expect(first.match(/<svg class="spark"/g)).toHaveLength(4);
    expect(first).toContain('aria-label="satisfaction from 0.67 to 0.33 over 2 runs"');
    expect(first).toMatch(/<svg class="chart"[^>]*aria-label="Spend per run: 3 runs/);
    expect(text(first)).toContain('run-3 at 2026-03-05 11:02 UTC: 4 jobs in 2 min 12 s, 1 failed, 2 retries, $0.24.');
    expect(first).toContain('3 (2 retries)');
    // The mutation score with how it moved as holdouts were added (properties, accepted proposals).
    expect(text(page)).toContain('91% (runs: 41% → 73% → 91%)');
  });

  it('tabulates failures by kind with links to the specs they hit', () => {
    expect(words).toContain('Holdout scenarios fail holdout-fails2discount-codes');
    expect(page).toMatch(/Visible tests fail <code>tests-fail<\/code><\/th><td>1<\/td><td><a href="#spec-discount-codes">discount-codes<\/a>, <a href="#spec-invoice-totals">invoice-totals<\/a>/);
  });

  it('draws the graph inline with every node a link labelled with its state', () => {
    const graph = page.slice(page.indexOf('<section id="graph"'), page.indexOf('<section id="specs"'));
    expect(graph).toContain('<svg class="graph"');
    expect(graph).not.toContain('xmlns');
    for (const s of exampleModel().specs) expect(graph).toContain(`<a href="#${specAnchor(s.id)}" id="node-${specAnchor(s.id)}" class="st-${s.state}">`);
    expect(text(graph)).toContain('5 dependencies.');
  });

  it('has print rules that drop sticky bars and expand entries', () => {
    const print = /@media print\{([\s\S]*?)\n\}/.exec(page)![1]!;
    expect(print).toContain('position:static');
    expect(print).toContain('::details-content{content-visibility:visible');
    expect(page).toContain("addEventListener('beforeprint'");
  });
});

describe('renderReportHtml: escaping', () => {
  it('renders a spec title of <script>alert(1)</script> as text', () => {
    expect(hostile).toContain('<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>');
    expect(hostile.split('<script>')).toHaveLength(2); // the page's own script only
    expect(hostile).not.toContain(HOSTILE);
    expect(text(hostile)).toContain(HOSTILE);
  });

  it('lets no string from the model open a tag or an attribute', () => {
    for (const bad of ['<img', '<svg onload', '<iframe', '<marquee', '<b onclick', '</style><', '</textarea>', '<d>']) expect(hostile).not.toContain(bad);
    const tags = hostile.replace(/<script>[\s\S]*?<\/script>/, '').match(/<[a-zA-Z][^>]*>/g)!;
    expect(tags.length).toBeGreaterThan(100);
    for (const tag of tags) expect(tag).not.toMatch(/\son\w+=/);
    expect(hostile).toContain(`id="${specAnchor(`a"b'c<d>&e f`)}"`);
    expect(hostile).toContain('<title>speccc report: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</title>');
  });

  it('renders a workspace with no spec and no run', () => {
    const m = exampleModel();
    m.specs = [];
    m.runs = [];
    m.lastRun = { id: 'run-0', at: 'yesterday', outcome: 'done', stopped: null, jobs: [] };
    m.failureClasses = [];
    m.summary = { promoted: 0, stale: 0, failing: 0, unverified: 0, total: 0, spentUsd: 0, satisfaction: null };
    const t = text(renderReportHtml(m)).replace(/\s+/g, ' ');
    expect(t).toContain('0 specs satisfaction not measured spent $0.00');
    expect(t).toContain('run-0 ran no job.');
    expect(t).toContain('0 dependencies.');
  });

  it('says why the last run stopped early, and what stopped each job that did not finish', () => {
    const m = exampleModel();
    m.lastRun = { ...m.lastRun!, outcome: null, stopped: 'its trace ends before the run did: the process was killed, or the run is still going' };
    m.lastRun.jobs[3] = { ...m.lastRun.jobs[3]!, state: 'cancelled', failureClass: 'cancelled', note: 'stopped: <the API refused the key>' };
    m.runs[2] = { ...m.runs[2]!, outcome: null, stopped: m.lastRun.stopped };
    const html = renderReportHtml(m);
    expect(text(html)).toContain('run-3 was cut off: its trace ends before the run did: the process was killed, or the run is still going.');
    expect(html).toContain('<td>cancelled: stopped: &lt;the API refused the key&gt;</td>');
    expect(html).toMatch(/<title>run-3, [^<]*1 failed; cut off: its trace ends before the run did/);
  });

  it('draws unknown states and bad numbers without breaking the page', () => {
    const m = exampleModel();
    (m.specs[0] as { state: string }).state = '"><x';
    m.specs[1]!.cost[0]!.costUsd = Number.NaN;
    m.runs = [];
    m.lastRun = null;
    m.failureClasses = [];
    const html = renderReportHtml(m);
    expect(html).not.toContain('"><x');
    expect(html).toContain('data-state="unknown"');
    expect(html).not.toContain('NaN');
    expect(text(html)).toContain('No run recorded yet.');
    expect(text(html)).toContain('No failure recorded.');
  });
});
