/**
 * The agent runtime against the twin with simulated generation time: (a) a 50-spec build's wall
 * time against the ideal for its concurrency, (b) the share of input tokens billed as cache
 * reads on a 20-spec build that shares a governance prefix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/compile.js';
import { createRuntime, takeCredentials } from '../src/runtime.js';
import { loadConfig } from '../src/io/config-file.js';
import { costOf, priceOf } from '../src/prices/pricing.js';
import { passing, writeListedFiles } from './stubs.js';
import { startTwin } from '../src/api-twin/index.js';
import { writeWorkspace } from './generate-workspace.js';
import type { BenchResult } from './util.js';

async function run1(count: number, concurrency: number, contextKb: number, outputTokensPerSecond: number, promptCaching = true) {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-rt-'));
  const twin = await startTwin({ script: [{ reply: writeListedFiles }], outputTokensPerSecond });
  try {
    writeWorkspace(root, count, { dependencies: false, contextKb });
    const config = (await loadConfig(root)).config;
    const runtime = createRuntime({ root, config: { ...config, agent: { maxTurns: 6 }, model: { ...config.model, promptCaching } }, credentials: takeCredentials({ ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'bench-key' }), command: 'build', provider: 'anthropic', inject: { validator: passing } });
    const started = performance.now();
    const result = await build({ root, mode: 'build', runtime, concurrency });
    const wallMs = performance.now() - started;
    const built = result.kind === 'built' ? [...result.outcomes.values()].filter((o) => o.state === 'built') : [];
    const jobMs = built.map((o) => o.result!.durationMs);
    return { wallMs, jobMs, usage: twin.stats().usage, built: built.length };
  } finally {
    await twin.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const a = await run1(50, 4, 4, 2_000);
  const ideal = a.jobMs.reduce((x, y) => x + y, 0) / 4;
  const share = (b: Awaited<ReturnType<typeof run1>>) => {
    const u = b.usage as { input_tokens?: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number; inputTokens?: number; cacheReadTokens?: number; cacheWriteTokens?: number };
    const read = u.cache_read_input_tokens ?? u.cacheReadTokens ?? 0;
    const write = u.cache_creation_input_tokens ?? u.cacheWriteTokens ?? 0;
    const plain = u.input_tokens ?? u.inputTokens ?? 0;
    return { value: (100 * read) / (read + write + plain), note: `${read} read, ${write} written, ${plain} uncached` };
  };
  const on16 = await run1(20, 4, 16, 20_000);
  const off16 = await run1(20, 4, 16, 20_000, false);
  const b16 = share(on16);
  const b48 = share(await run1(20, 4, 48, 20_000));
  const bill = (b: Awaited<ReturnType<typeof run1>>) => {
    const u = b.usage as { input_tokens: number; cache_read_input_tokens: number; cache_creation_input_tokens: number; output_tokens: number };
    return costOf(priceOf('claude-sonnet-5-5')!, { inputTokens: u.input_tokens, outputTokens: u.output_tokens, cacheReadTokens: u.cache_read_input_tokens, cacheWriteTokens: u.cache_creation_input_tokens });
  };
  return [
    { name: `50-spec build, concurrency 4: wall time`, value: a.wallMs, unit: 'ms', note: `${a.built} built` },
    { name: `50-spec build: ideal (sum of job times / 4)`, value: ideal, unit: 'ms', note: `wall/ideal = ${(a.wallMs / ideal).toFixed(2)}` },
    { name: '20-spec build, 16 KB governance: input as cache reads', value: b16.value, unit: '%', note: `goal > 80%; ${b16.note}` },
    { name: '20-spec build, 48 KB governance: input as cache reads', value: b48.value, unit: '%', note: b48.note },
    { name: '20-spec build, 16 KB governance: bill with caching', value: bill(on16), unit: 'USD', note: `without caching $${bill(off16).toFixed(4)} (${((100 * bill(on16)) / bill(off16)).toFixed(0)}% of it); Sonnet 5.5 prices` },
  ];
}
