/**
 * The report's layout as a person sees it in Chromium, on a phone (375 px) and a desktop
 * (1440 px): the sticky header holds its own links and covers nothing it should not, and nothing
 * is wider than the screen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.js';
import { launchChromium, SHOTS } from './chromium.js';
import { exampleModel, hostileModel } from './fixtures.js';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'speccc-layout-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, html: string, width: number): Promise<Page> {
  const file = path.join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width, height: 800 } });
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
