/**
 * The `speccc report` page for 1,000 specs, two ways:
 *
 * - the renderer alone on a generated 1,000-spec model (test/report/fixtures.ts largeModel):
 *   its size, the time to render it, and the time to open it;
 * - the real command on a 1,000-spec workspace (bench/generate-workspace.ts) after two builds
 *   with an instant in-process agent (the second rebuilds 21 edited specs, 6 of which fail
 *   their holdouts), 20 more edited specs and 10 recorded verify runs: the whole
 *   `speccc report` process (check, plan, reading 2 traces and the verify history, collecting,
 *   rendering, writing) in wall time and, run in-process, in CPU time (steadier on a busy
 *   machine), the page's size, and the time to open it.
 *
 * "Open" is headless Chromium (the system's /usr/bin/chromium) from navigation start until the
 * load event has fired and two frames have been drawn, so layout and first paint are included;
 * median of 5. Goals: under 5 MB, open under 2 s.
 *
 * Run alone: `node --import tsx bench/report.bench.ts` (after `npm run build`). It also exports
 * run() like the other benches, so `npm run bench` picks it up by its name.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../src/commands/index.js';
import { build } from '../src/compile.js';
import { loadConfig } from '../src/io/config-file.js';
import { renderReportHtml } from '../src/report/html.js';
import { createRuntime, takeCredentials } from '../src/runtime.js';
import type { Agent, Validator } from '../src/types/index.js';
import { largeModel } from '../test/report/fixtures.js';
import { writeWorkspace } from './generate-workspace.js';
import { median, timeProcess, type BenchResult } from './util.js';

const RUNS = 5;
const SPECS = 1000;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const id = (i: number) => `feature-${String(i).padStart(4, '0')}`;

/**
 * Median time to open the file, median first contentful paint, and the median main-thread work
 * of the page (Chromium's TaskDuration: parsing, style, layout, script, paint), which a busy
 * machine inflates less than wall time because it does not count waiting for a core.
 */
async function timeOpen(browser: Browser, file: string): Promise<{ open: number; paint: number; busy: number }> {
  const opens: number[] = [];
  const paints: number[] = [];
  const busy: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const start = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    opens.push(performance.now() - start);
    paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
    const { metrics } = await cdp.send('Performance.getMetrics');
    busy.push((metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000);
    await page.close();
  }
  return { open: median(opens), paint: median(paints), busy: median(busy) };
}

/** Writes every declared output with a one-line body and charges like a small real job. */
const instant: Agent = {
  name: 'bench',
  async run(task, sandbox) {
    for (const p of sandbox.outputs) sandbox.write(p, `export const id = ${JSON.stringify(task.specId)};\n`);
    return { status: 'done', usage: { inputTokens: 20_000, outputTokens: 3_000, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0.105, requests: 1, history: [] };
  },
};

/** A 1,000-spec workspace as a factory leaves it: promoted, unverified, failing, blocked and stale specs, with history. */
async function factoryWorkspace(root: string): Promise<void> {
  writeWorkspace(root, SPECS);
  // A failure skips everything downstream (i depends on i-10 and i-7), so pick specs no other
  // picked spec depends on, directly or not: each one's job runs and fails on its own.
  const linked = (d: number) => d > 53 || Array.from({ length: 8 }, (_, a) => a).some((a) => d - 7 * a >= 0 && (d - 7 * a) % 10 === 0 && d > 0);
  const picked: number[] = [];
  for (let i = SPECS - 1; i >= 0 && picked.length < 25; i--) if (i % 7 !== 0 && picked.every((j) => !linked(j - i))) picked.push(i);
  const failing = new Set(picked.map(id));
  let fail = false;
  const validator: Validator = {
    visible: async () => ({ passed: true, feedback: '', durationMs: 0 }),
    holdout: async ({ specId }) => {
      if (Number(specId.slice(-4)) % 7 === 0) return { passed: true, feedback: '', durationMs: 0, scenarios: [] }; // unverified
      const passed = !(fail && failing.has(specId));
      const scenarios = [1, 2, 3, 4].map((n) => ({ name: `case-${n}`, file: `${specId}/case-${n}.test.ts`, passed: passed || n % 2 === 0 }));
      return { passed, ...(passed ? {} : { failureClass: 'holdout-fails' as const }), feedback: '', durationMs: 0, scenarios };
    },
    mutate: async () => ({ result: null, error: 'not scored here', durationMs: 0 }),
  prove: async () => ({ proven: null, mutants: 0, durationMs: 0 }),
  };
  const config = (await loadConfig(root)).config;
  const runtime = () => createRuntime({ root, config, credentials: takeCredentials({}), command: 'build', provider: 'anthropic', inject: { agent: instant, validator } });
  const edit = (i: number) => {
    const file = path.join(root, 'specs', `group-${Math.floor(i / 100)}`, `feature-${i}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Edge cases\n', '## Edge cases\n\n- An empty order totals 0 cents.\n'));
  };
  await build({ root, mode: 'build', runtime: runtime(), concurrency: 8 });
  // Second run: the picked specs and 15 others edited and rebuilt; the picked ones fail their holdouts.
  fail = true;
  for (const spec of failing) edit(Number(spec.slice(-4)));
  for (let k = 0; k < 15; k++) if (!picked.includes(60 * k + 5)) edit(60 * k + 5);
  await build({ root, mode: 'build', runtime: runtime(), concurrency: 8 });
  // Then 20 specs edited and not rebuilt: stale.
  for (let k = 0; k < 20; k++) if (!picked.includes(50 * k + 9)) edit(50 * k + 9);
  mkdirSync(path.join(root, '.speccc/verify'), { recursive: true });
  // Ten verify runs after the builds; about 1% of scenario runs fail.
  for (let v = 0; v < 10; v++) {
    const results = Array.from({ length: SPECS }, (_, i) => i)
      .filter((i) => i % 7 !== 0)
      .flatMap((i) => [1, 2, 3, 4].map((n) => ({ spec: id(i), scenario: `case-${n}`, passed: (i * 31 + n * 7 + v * 13) % 97 !== 0 })));
    appendFileSync(path.join(root, '.speccc/verify/history.jsonl'), JSON.stringify({ at: new Date(Date.now() + v * 1000).toISOString(), results }) + '\n');
  }
}

/** CPU time (user + system) of `speccc report` run in this process, warm: what it costs whatever else the machine is doing. */
async function reportCpu(root: string): Promise<number> {
  const io = { cwd: root, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, color: false, signal: new AbortController().signal };
  const before = process.cpuUsage();
  const code = await main(['report'], io);
  const used = process.cpuUsage(before);
  if (code !== 0) throw new Error(`speccc report exited ${code}`);
  return (used.user + used.system) / 1000;
}

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
  const root = path.join(dir, 'workspace');
  mkdirSync(root);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const fixture = await timeOpen(browser, file);
    await factoryWorkspace(root);
    timeProcess(['report'], root); // warm the check cache and the build stamp once
    const commands = [0, 1, 2].map(() => timeProcess(['report'], root));
    await reportCpu(root);
    const cpu: number[] = [];
    for (let i = 0; i < 3; i++) cpu.push(await reportCpu(root));
    const page = path.join(root, '.speccc/report/index.html');
    const real = await timeOpen(browser, page);
    const counts = [...readFileSync(page, 'utf8').matchAll(/data-count="(promoted|stale|failing|unverified)">([\d,]+)</g)].map((m) => `${m[2]} ${m[1]}`).join(', ');
    return [
      { name: `report page, ${SPECS.toLocaleString('en-US')} specs (model fixture): size`, value: bytes / 1e6, unit: 'MB', note: 'goal < 5 MB' },
      { name: `report page, ${SPECS.toLocaleString('en-US')} specs (model fixture): render (node)`, value: median(renders), unit: 'ms' },
      { name: `report page, ${SPECS.toLocaleString('en-US')} specs (model fixture): open in Chromium`, value: fixture.open, unit: 'ms', note: `goal < 2,000 ms; first contentful paint ${Math.round(fixture.paint)} ms; main thread busy ${Math.round(fixture.busy)} ms` },
      { name: `\`speccc report\`, ${SPECS.toLocaleString('en-US')}-spec workspace: whole process`, value: median(commands), unit: 'ms', note: `2 runs, 10 verify runs; ${counts}` },
      { name: `\`speccc report\`, ${SPECS.toLocaleString('en-US')}-spec workspace: CPU time, in-process`, value: median(cpu), unit: 'ms', note: 'user + system, warm' },
      { name: `\`speccc report\`, ${SPECS.toLocaleString('en-US')}-spec workspace: page size`, value: statSync(page).size / 1e6, unit: 'MB', note: 'goal < 5 MB' },
      { name: `\`speccc report\`, ${SPECS.toLocaleString('en-US')}-spec workspace: open in Chromium`, value: real.open, unit: 'ms', note: `goal < 2,000 ms; first contentful paint ${Math.round(real.paint)} ms; main thread busy ${Math.round(real.busy)} ms` },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const r of await run()) console.log(`report.bench: ${r.name}: ${r.value.toFixed(r.unit === 'ms' ? 0 : 2)} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
}
