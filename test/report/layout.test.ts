/**
 * The report's layout as a person sees it in Chromium, on a phone (375 px) and a desktop
 * (1440 px): the sticky header holds its own links and covers nothing it should not, nothing is
 * wider than the screen, and axe finds no serious or critical accessibility problem in the page
 * `speccc report` writes for a workspace with failures, a cancelled run and a constraint spec.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.js';
import { runCli } from '../helpers/cli.js';
import { removeAll } from '../helpers/workspaces.js';
import { useChromium, SHOTS } from './chromium.js';
import { exampleWithFailingHoldout } from './example-workspace.js';
import { exampleModel, hostileModel } from './fixtures.js';

/** axe-core's browser bundle, evaluated in the page (the page's CSP allows no script tag but its own). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const chromium = useChromium('speccc-layout-');

async function open(name: string, html: string, width: number): Promise<Page> {
  const file = path.join(chromium.dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await chromium.browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

/** A rectangle in whole viewport pixels, so that two boxes meeting at a sub-pixel seam do not overlap. */
const box = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) };
  });

/** How far the header's content spills out of the header's own box (0: it holds all of it). */
const headerSpill = (page: Page) =>
  page.locator('header.bar').evaluate((header) => {
    const outer = header.getBoundingClientRect();
    const inner = [...header.querySelectorAll('b, nav')].map((el) => el.getBoundingClientRect());
    return Math.max(0, header.scrollHeight - header.clientHeight, ...inner.map((r) => Math.ceil(r.bottom - outer.bottom)), ...inner.map((r) => Math.ceil(outer.top - r.top)));
  });

describe('the sticky header', () => {
  for (const width of [375, 1440]) {
    it(`holds its links and covers neither the first panel nor a section it jumps to, at ${width} px`, async () => {
      const page = await open(`header-${width}`, renderReportHtml(exampleModel()), width);
      try {
        await page.screenshot({ path: path.join(SHOTS, `header-${width}.png`) });
        expect(await headerSpill(page)).toBe(0);
        const header = await box(page, 'header.bar');
        expect((await box(page, '#h-summary')).top).toBeGreaterThanOrEqual(header.bottom);
        expect((await box(page, '.panel')).top).toBeGreaterThanOrEqual(header.bottom);

        await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Failures' }).click();
        await page.waitForURL(/#failures$/);
        expect((await box(page, '#h-failures')).top).toBeGreaterThanOrEqual((await box(page, 'header.bar')).bottom);

        // A spec entry lands below the header and, where it is sticky (not on a phone), the filter toolbar.
        await page.goto(`${page.url().replace(/#.*$/, '')}#spec-money`);
        const bars = Math.max((await box(page, 'header.bar')).bottom, (await box(page, '.toolbar')).bottom);
        await expect.poll(() => box(page, '#spec-money > summary').then((s) => s.top)).toBeGreaterThanOrEqual(bars);
      } finally {
        await page.close();
      }
    });
  }
});

/**
 * The page's width with every spec entry open and rendered: `content-visibility: auto` skips
 * laying out entries off screen, which would hide an entry that overflows until someone scrolls to it.
 */
async function widthWithEverythingOpen(page: Page): Promise<number> {
  await page.addStyleTag({ content: 'details.spec,.graph-box{content-visibility:visible!important}' });
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    return document.documentElement.scrollWidth;
  });
}

describe('on a phone 375 px wide', () => {
  for (const [name, model] of [
    ['the example', exampleModel()],
    ['a report of long unbroken names', hostileModel()],
  ] as const) {
    it(`nothing in ${name} is wider than the screen; wide tables scroll in their own box`, async () => {
      const page = await open(`phone-${name.replace(/\W+/g, '-')}`, renderReportHtml(model), 375);
      try {
        await page.screenshot({ path: path.join(SHOTS, `phone-${name.replace(/\W+/g, '-')}.png`), fullPage: true });
        for (const panel of await page.locator('.panel').all()) expect(await panel.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(375);
        expect(await widthWithEverythingOpen(page)).toBeLessThanOrEqual(375);
        // The spec names in the satisfaction table stay readable: no column is squeezed to a letter a line.
        const names = await page.locator('table.sat tbody th a').evaluateAll((as) => as.map((a) => a.getClientRects().length));
        expect(Math.max(...names)).toBeLessThanOrEqual(2);
        // The timeline keeps a visible bar per job; its table scrolls sideways inside its own box.
        expect(await page.locator('.job-bar').first().evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(2);
      } finally {
        await page.close();
      }
    });
  }
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's WCAG 2.x A and AA rules and its best practices, over every entry opened and rendered; serious and critical findings, as `rule: help (elements)`. */
async function seriousAxeFindings(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`);
}

describe('the page `speccc report` writes after failures, a cancelled run, with a constraint spec', () => {
  const temps: string[] = [];
  let html: string;
  beforeAll(async () => {
    const { root } = await exampleWithFailingHoldout(temps, { cancelled: true });
    expect((await runCli(['report'], { cwd: root })).code).toBe(0);
    html = readFileSync(path.join(root, '.speccc/report/index.html'), 'utf8');
    // What makes it realistic is on the page: a failing spec, a blocked one, the constraint, the cancelled run.
    for (const s of ['data-state="failing"', 'data-state="blocked"', 'data-state="constraint"', 'data-state="unverified"', 'was cancelled</b>']) expect(html).toContain(s);
  }, 60_000);
  afterAll(() => removeAll(temps));

  for (const width of [375, 1440]) {
    it(`at ${width} px: axe finds nothing serious or critical, nothing overflows, the header covers nothing`, async () => {
      const page = await open(`command-${width}`, html, width);
      try {
        const header = await box(page, 'header.bar');
        expect(await headerSpill(page)).toBe(0);
        expect((await box(page, '.panel')).top).toBeGreaterThanOrEqual(header.bottom);
        expect(await widthWithEverythingOpen(page)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(SHOTS, `command-${width}.png`), fullPage: true });
        expect(await seriousAxeFindings(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
