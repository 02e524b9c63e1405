/**
 * The report as a person sees it: the page opened from file:// in headless Chromium
 * (test/report/chromium.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.js';
import { exampleModel, HOSTILE, hostileModel, largeModel } from './fixtures.js';
import { exampleWithFailingHoldout, FAILING_SCENARIO } from './example-workspace.js';
import { runCli } from '../helpers/cli.js';
import { removeAll } from '../helpers/workspaces.js';
import { useChromium, SHOTS as shots } from './chromium.js';

const chromium = useChromium('speccc-report-');

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  problems: string[];
  dialogs: string[];
}

/** Writes the page to a file and opens it, recording every request, console message and dialog. */
async function open(name: string, html: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const file = path.join(chromium.dir, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await chromium.browser.newPage({ viewport });
  const opened: Opened = { page, url, requests: [], problems: [], dialogs: [] };
  page.on('request', (r) => opened.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') opened.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => opened.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return opened;
}

function requestsBeyond(o: Opened): string[] {
  return o.requests.filter((r) => r.split('#')[0] !== o.url);
}

describe('the report of the example workspace', () => {
  let o: Opened;
  beforeAll(async () => {
    o = await open('example', renderReportHtml(exampleModel()));
  });
  afterAll(async () => {
    await o?.page.close();
  });

  it('shows the counts, the spend and the last run on the first screen', async () => {
    const { page } = o;
    await page.screenshot({ path: path.join(shots, 'example-first-screen.png') });
    await page.screenshot({ path: path.join(shots, 'example-full.png'), fullPage: true });
    const tiles = page.getByRole('list', { name: 'Specs by state' });
    await expect.poll(() => tiles.innerText()).toMatch(/2\s+promoted\s+1\s+stale\s+1\s+failing\s+0\s+unverified/);
    for (const what of ['Satisfaction per spec', 'Spend over time', 'Last run']) await expect.poll(() => page.getByRole('heading', { name: what }).isVisible()).toBe(true);
    const inView = (sel: string) => page.locator(sel).first().evaluate((el) => el.getBoundingClientRect().top < innerHeight);
    expect(await inView('svg.chart')).toBe(true);
    expect(await inView('table.timeline')).toBe(true);
    expect(await page.locator('#summary svg.spark').count()).toBe(4);
    expect(await page.locator('table.timeline tbody tr').nth(2).innerText()).toMatch(/discount-codes\s+1 min 36 s\s+3 \(2 retries\)\s+\$0\.20\s+failed \(holdout-fails\)/);
  });

  it("shows the failing spec's scenarios by name, with pass or fail in words", async () => {
    const entry = o.page.locator('#spec-discount-codes');
    expect(await entry.getAttribute('open')).not.toBeNull();
    for (const name of ['Codes typed by customers are matched forgivingly', 'Percent codes do not stack']) {
      const item = entry.locator('li', { hasText: name });
      expect(await item.isVisible()).toBe(true);
      expect(await item.innerText()).toMatch(/^fail\s/);
    }
    expect(await entry.locator('li', { hasText: 'A fixed code never discounts below zero' }).innerText()).toMatch(/^pass\s/);
    expect(await entry.innerText()).toContain('missing-edge-case');
  });

  it('labels every graph node with its id and its state word, and a click opens that spec', async () => {
    const { page } = o;
    const labels = await page.locator('svg.graph a').evaluateAll((as) => as.map((a) => [...a.querySelectorAll('text')].map((t) => t.textContent).join(' ')));
    expect(labels).toEqual(['money promoted', 'line-items promoted', 'discount-codes failing', 'invoice-totals stale']);
    await page.locator('#graph').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'example-graph.png') });

    expect(await page.locator('#spec-money').getAttribute('open')).toBeNull();
    await page.locator('svg.graph a', { hasText: 'money' }).first().click();
    await page.waitForURL(/#spec-money$/);
    const money = page.locator('#spec-money');
    expect(await money.getAttribute('open')).not.toBeNull();
    await expect.poll(() => money.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; })).toBe(true);
    expect(await money.getByText('Negative amounts round half to even too').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'example-after-graph-click.png') });
  });

  it('is usable with the keyboard: graph nodes take focus with Tab and open with Enter', async () => {
    const { page } = o;
    await page.goto(`${o.url}#summary`);
    let reached = '';
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement?.closest('svg.graph a') ? document.activeElement.getAttribute('href') ?? '' : ''));
    }
    expect(reached).toBe('#spec-money');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('rect')!).strokeWidth);
    expect(parseFloat(ring)).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(shots, 'example-graph-focus.png') });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#spec-line-items$/);
    expect(await page.locator('#spec-line-items').getAttribute('open')).not.toBeNull();

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('line-items');
    await expect.poll(() => page.locator('details.spec:visible').count()).toBe(1);
    expect(await page.locator('#shown').innerText()).toBe('1 of 4 specs shown');
    await page.locator('#q').fill('');
    // The filter buttons are one named group, as a screen reader announces them.
    await page.getByRole('group', { name: 'Show only' }).getByRole('button', { name: /^failing/ }).click();
    expect(await page.locator('details.spec:visible').evaluateAll((d) => d.map((x) => x.id))).toEqual(['spec-discount-codes']);
    await page.locator('button[data-filter="failing"]').click();
    expect(await page.locator('details.spec:visible').count()).toBe(4);

    // j and k move between entries, Enter opens or closes one
    await page.locator('#h-specs').click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.parentElement?.id)).toBe('spec-line-items');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.parentElement?.id)).toBe('spec-money');
    const wasOpen = await page.locator('#spec-money').evaluate((d) => (d as HTMLDetailsElement).open);
    await page.keyboard.press('Enter');
    expect(await page.locator('#spec-money').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(!wasOpen);
  });

  it('prints with every entry expanded and no sticky bar', async () => {
    const { page } = o;
    await page.goto(o.url);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#spec-money').getByText('Negative amounts round half to even too').isVisible()).toBe(true);
    expect(await page.locator('header.bar').evaluate((el) => getComputedStyle(el).position)).toBe('static');
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(shots, 'example-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('made no request but the file itself, and logged no error or warning', () => {
    expect(requestsBeyond(o)).toEqual([]);
    expect(o.problems).toEqual([]);
  });
});

describe('the page `speccc report` writes for the example after a failed holdout', () => {
  const temps: string[] = [];
  let o: Opened;
  beforeAll(async () => {
    const { root } = await exampleWithFailingHoldout(temps);
    const run = await runCli(['report'], { cwd: root });
    expect(run.code).toBe(0);
    o = await open('command-example', readFileSync(path.join(root, '.speccc/report/index.html'), 'utf8'));
  }, 60_000);
  afterAll(async () => {
    await o?.page.close();
    removeAll(temps);
  });

  it('shows the summary numbers on the first screen', async () => {
    const { page } = o;
    await page.screenshot({ path: path.join(shots, 'command-first-screen.png') });
    await page.screenshot({ path: path.join(shots, 'command-full.png'), fullPage: true });
    const tiles = await page.locator('ul.tiles').innerText();
    expect(tiles.replace(/\s+/g, ' ')).toBe('1 promoted 0 stale 1 failing 1 unverified');
    expect((await page.locator('p.totals').innerText()).replace(/\s+/g, ' ')).toBe('5 specs (1 blocked, 1 constraint) satisfaction 1.00 spent $0.05');
    expect(await page.locator('table.timeline tbody tr').first().innerText()).toMatch(/discount-codes[\s\S]*failed \(holdout-fails\)/);
  });

  it("opens the failing spec with its scenario's name marked fail, and says what to strengthen", async () => {
    const { page } = o;
    const entry = page.locator('#spec-discount-codes');
    expect(await entry.getAttribute('open')).not.toBeNull();
    const item = entry.locator('li', { hasText: FAILING_SCENARIO });
    expect(await item.isVisible()).toBe(true);
    expect(await item.innerText()).toMatch(/^fail\s/);
    const row = page.locator('table.failures tr[data-class="holdout-fails"]');
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/^Holdout scenarios fail holdout-fails 2 discount-codes, invoice-totals Rules, Edge cases and Evaluation: /);
    await entry.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'command-failing-spec.png') });
  });

  it("draws every spec as a graph node with its state", async () => {
    const { page } = o;
    const labels = await page.locator('svg.graph a').evaluateAll((as) => as.map((a) => [...a.querySelectorAll('text')].map((t) => t.textContent).join(' ')));
    expect(labels.sort()).toEqual(['discount-codes failing', 'invoice-totals blocked', 'line-items unverified', 'money promoted', 'typescript-library constraint']);
    await page.locator('#graph').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'command-graph.png') });
    expect(requestsBeyond(o)).toEqual([]);
    expect(o.problems).toEqual([]);
  });
});

describe('a report whose specs try to inject markup', () => {
  it('shows the title <script>alert(1)</script> as text and runs nothing', async () => {
    const o = await open('hostile', renderReportHtml(hostileModel()));
    try {
      const summary = o.page.locator('#spec-discount-codes > summary');
      expect(await summary.innerText()).toContain(HOSTILE);
      expect(await o.page.locator('h1').innerText()).toBe(`${HOSTILE} & "quotes"`);
      expect(await o.page.locator('script').count()).toBe(1);
      expect(await o.page.locator('img, iframe, marquee, textarea').count()).toBe(0);
      await o.page.screenshot({ path: path.join(shots, 'hostile.png'), fullPage: true });
      expect(o.dialogs).toEqual([]);
      expect(requestsBeyond(o)).toEqual([]);
      expect(o.problems).toEqual([]);
    } finally {
      await o.page.close();
    }
  });
});

describe('a report of 1,000 specs', () => {
  it('is under 5 MB and renders every spec and graph node', async () => {
    const model = largeModel(1000, 20);
    const html = renderReportHtml(model);
    const bytes = Buffer.byteLength(html);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
    const o = await open('large', html);
    try {
      const { page } = o;
      await page.screenshot({ path: path.join(shots, 'large-first-screen.png') });
      // CSS, not getByRole: computing roles over 1,000 entries takes seconds.
      const tiles = await page.locator('ul.tiles').innerText();
      expect(tiles.replace(/\s+/g, ' ')).toContain(`${model.summary.promoted} promoted ${model.summary.stale} stale ${model.summary.failing} failing ${model.summary.unverified} unverified`);
      expect(await page.locator('details.spec').count()).toBe(1000);
      expect(await page.locator('svg.graph a').count()).toBe(1000);
      expect(await page.locator('#graph').innerText()).toMatch(/1,980 dependencies; the 1,500 that touch failing, blocked or stale specs first are drawn/);
      await page.locator('#graph').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, 'large-graph.png') });
      const failing = model.specs.find((s) => s.state === 'failing')!;
      await page.locator(`svg.graph a[href="#spec-${failing.id}"]`).click();
      await page.waitForURL(new RegExp(`#spec-${failing.id}$`));
      expect(await page.locator(`#spec-${failing.id}`).getByText(failing.scenarios[0]!.name).isVisible()).toBe(true);
      expect(requestsBeyond(o)).toEqual([]);
      expect(o.problems).toEqual([]);
    } finally {
      await o.page.close();
    }
  });
});
