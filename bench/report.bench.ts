/**
 * The `speccc report` page for 1,000 specs: its size, the time to render it, and the time to
 * open it in headless Chromium (the system's /usr/bin/chromium), median of 5. "Open" is from
 * navigation start until the load event has fired and two frames have been drawn, so layout
 * and first paint are included. Goals: under 5 MB, open under 2 s.
 *
 * Run alone: `node --import tsx bench/report.bench.ts`. It also exports run() like the other
 * benches, so `npm run bench` picks it up by its name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderReportHtml } from '../src/report/html.js';
import { largeModel } from '../test/report/fixtures.js';
import { median, type BenchResult } from './util.js';

const RUNS = 5;
const SPECS = 1000;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function run(): Promise<BenchResult[]> {
  const model = largeModel(SPECS, 20);
  const renders: number[] = [];
  let html = '';
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    html = renderReportHtml(model);
    renders.push(performance.now() - start);
  }
  const bytes = Buffer.byteLength(html);
  const dir = mkdtempSync(path.join(tmpdir(), 'speccc-bench-report-'));
  const file = path.join(dir, 'report.html');
  writeFileSync(file, html);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const opens: number[] = [];
  const paints: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const start = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      opens.push(performance.now() - start);
      paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
      await page.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    { name: `report page, ${SPECS.toLocaleString('en-US')} specs: size`, value: bytes / 1e6, unit: 'MB', note: 'goal < 5 MB' },
    { name: `report page, ${SPECS.toLocaleString('en-US')} specs: render (node)`, value: median(renders), unit: 'ms' },
    { name: `report page, ${SPECS.toLocaleString('en-US')} specs: open in Chromium`, value: median(opens), unit: 'ms', note: `goal < 2,000 ms; first contentful paint ${Math.round(median(paints))} ms` },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [size, render, open] = await run();
  console.log(
    `report.bench: ${SPECS.toLocaleString('en-US')} specs: ${size!.value.toFixed(2)} MB, opens in ${Math.round(open!.value)} ms in headless Chromium (median of ${RUNS}; ${open!.note}), renders in ${Math.round(render!.value)} ms`,
  );
}
