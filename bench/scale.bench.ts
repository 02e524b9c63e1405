/**
 * Scaling past one machine, against the twin with simulated latency (time to first token,
 * generation speed, batch turnaround), scaled down TIME_SCALE times so the bench runs in
 * minutes: every figure in ms is a scaled wall time, dollars are exact (the twin counts tokens
 * deterministically, speccc prices them at Sonnet 5.5 rates).
 *
 *   (a) a 200-spec build (4 dependency waves of 50) in real time vs `--batch`;
 *   (b) the same build on 4 shards sharing a real turborepo-remote-cache server, plus the
 *       assembling build, vs one machine; the assembling build must make no request.
 *
 * Validation is replaced by a passing validator (measured on its own in sandbox.bench.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { build } from '../src/compile.js';
import { createRuntime, takeCredentials, type RuntimeOptions } from '../src/runtime.js';
import { loadConfig } from '../src/io/config-file.js';
import type { JobOutcome } from '../src/types/index.js';
import { startTwin, type Twin } from '../src/api-twin/index.js';
import { startCacheServer, type CacheServer } from '../test/helpers/remote-cache-server.js';
import { writeWorkspace } from './generate-workspace.js';
import { passing, writeListedFiles } from './stubs.js';
import type { BenchResult } from './util.js';

/** Real latencies divided by this: 1 s of bench is 10 s of the real thing. */
const TIME_SCALE = 10;
/** Time to first token ~2 s, ~60 output tokens/s, and a batch turnaround of 5 minutes (most batches end well within the 24 h limit; small ones in minutes). */
const LATENCY = { delayMs: 2_000 / TIME_SCALE, outputTokensPerSecond: 60 * TIME_SCALE, batchDelayMs: (5 * 60_000) / TIME_SCALE };
/** SPECCC_BENCH_SPECS=20 for a quick try of the bench itself. */
const SPECS = Number(process.env.SPECCC_BENCH_SPECS ?? 200);
const WAVES = 4;
const CONCURRENCY = 4;
const SHARDS = 4;

interface Run {
  wallMs: number;
  usd: number;
  requests: number;
  built: number;
  reused: number;
}

/** Messages sent in real time plus every item of every batch created: each is a billed request. */
function requestsSoFar(twin: Twin): number {
  const items = twin.requests
    .filter((r) => r.path === '/v1/messages/batches' && r.method === 'POST')
    .reduce((n, r) => n + ((r.body as { requests?: unknown[] } | undefined)?.requests?.length ?? 0), 0);
  return twin.messageRequests().length + items;
}

const spentOf = (outcomes: Iterable<JobOutcome>) => [...outcomes].reduce((s, o) => s + o.spentUsd, 0);

async function buildOnce(root: string, twin: Twin, extra: Partial<RuntimeOptions> & { shard?: { index: number; count: number }; env?: Record<string, string> } = {}): Promise<Run & { outcomes: JobOutcome[] }> {
  const config = (await loadConfig(root)).config;
  const runtime = createRuntime({
    root,
    config: { ...config, agent: { maxTurns: 6 } },
    credentials: takeCredentials({ ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'bench-key', ...(extra.env ?? {}) }),
    command: 'build',
    provider: 'anthropic',
    inject: { validator: passing },
    ...(extra.batch ? { batch: extra.batch } : {}),
    ...(extra.sharedCache ? { sharedCache: extra.sharedCache } : {}),
    onWarning: (line) => console.error(`  warning: ${line}`),
  });
  const before = requestsSoFar(twin);
  const started = performance.now();
  const result = await build({ root, mode: 'build', runtime, concurrency: CONCURRENCY, ...(extra.shard ? { shard: extra.shard, shardWaitMs: 600_000 } : {}) });
  const wallMs = performance.now() - started;
  if (result.kind !== 'built') throw new Error(`bench build ended ${result.kind}`);
  const outcomes = [...result.outcomes.values()];
  const bad = outcomes.filter((o) => o.state === 'failed' || o.state === 'skipped' || o.state === 'cancelled');
  if (bad.length > 0) throw new Error(`bench build: ${bad.length} jobs did not build: ${bad[0]!.id} ${bad[0]!.error}`);
  const requests = requestsSoFar(twin) - before;
  return { wallMs, usd: spentOf(outcomes), requests, built: outcomes.filter((o) => o.state === 'built').length, reused: outcomes.filter((o) => o.state === 'reused').length, outcomes };
}

function workspace(cache?: { url: string; team: string }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-scale-'));
  writeWorkspace(root, SPECS, { layers: WAVES, contextKb: 8 });
  if (cache) writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ cache: { remote: cache } }));
  return root;
}

export async function run(): Promise<BenchResult[]> {
  const roots: string[] = [];
  const fresh = (cache?: { url: string; team: string }) => {
    const root = workspace(cache);
    roots.push(root);
    return root;
  };
  const token = `bench-${randomBytes(8).toString('hex')}`;
  const key = randomBytes(32).toString('hex');
  let server: CacheServer | undefined;
  let twin: Twin | undefined;
  try {
    // (a) real time vs batch, one machine each, each against its own twin (a cold prompt cache).
    twin = await startTwin({ script: [{ reply: writeListedFiles }], ...LATENCY });
    const realtime = await buildOnce(fresh(), twin);
    await twin.close();
    twin = await startTwin({ script: [{ reply: writeListedFiles }], ...LATENCY });
    const batchPoll = { gatherMs: 500 / TIME_SCALE, pollMs: 5_000 / TIME_SCALE, maxPollMs: 60_000 / TIME_SCALE };
    const batched = await buildOnce(fresh(), twin, { batch: batchPoll });
    await twin.close();

    // (b) 4 shards sharing a remote cache, then the assembling build, vs one machine (the real-time run above).
    server = await startCacheServer(token);
    twin = await startTwin({ script: [{ reply: writeListedFiles }], ...LATENCY });
    const cache = { url: server.url, team: 'team_bench' };
    const env = { SPECCC_REMOTE_CACHE_TOKEN: token, SPECCC_REMOTE_CACHE_KEY: key };
    const sharedCache = { pollMs: 2_000 / TIME_SCALE, maxPollMs: 20_000 / TIME_SCALE };
    const started = performance.now();
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, i) => buildOnce(fresh(cache), twin!, { shard: { index: i + 1, count: SHARDS }, env, sharedCache })));
    const shardsMs = performance.now() - started;
    const shardRequests = requestsSoFar(twin);
    twin.clearRequests();
    const assembled = await buildOnce(fresh(cache), twin, { env });
    if (twin.requests.length > 0) throw new Error(`the assembling build made ${twin.requests.length} requests`);
    if (assembled.reused !== SPECS) throw new Error(`the assembling build restored ${assembled.reused} of ${SPECS}`);
    const shardUsd = shards.reduce((s, r) => s + r.usd, 0);
    const perShard = shards.map((r) => r.built).join(' + ');

    const money = (n: number) => `$${n.toFixed(2)}`;
    return [
      { name: `${SPECS} specs, real time: wall time`, value: realtime.wallMs, unit: 'ms', note: `×${TIME_SCALE} ≈ ${(realtime.wallMs * TIME_SCALE / 60_000).toFixed(1)} min real; ${realtime.requests} requests, concurrency ${CONCURRENCY}` },
      { name: `${SPECS} specs, real time: bill`, value: realtime.usd, unit: 'USD', note: 'Sonnet 5.5 list prices, 5-minute cache' },
      { name: `${SPECS} specs, --batch: wall time`, value: batched.wallMs, unit: 'ms', note: `×${TIME_SCALE} ≈ ${(batched.wallMs * TIME_SCALE / 60_000).toFixed(1)} min real; ${batched.requests} requests in ${WAVES}+ batches of ${LATENCY.batchDelayMs * TIME_SCALE / 60_000} min each` },
      { name: `${SPECS} specs, --batch: bill`, value: batched.usd, unit: 'USD', note: `${((100 * batched.usd) / realtime.usd).toFixed(0)}% of real time (batch prices, 1-hour cache writes)` },
      { name: `${SHARDS} shards: wall time (slowest shard)`, value: shardsMs, unit: 'ms', note: `jobs built per shard ${perShard}; ${shardRequests} requests` },
      { name: `${SHARDS} shards: assembling build`, value: assembled.wallMs, unit: 'ms', note: `${assembled.requests} requests; ${assembled.reused} restored from the cache` },
      { name: `${SHARDS} shards + assembling vs one machine`, value: (shardsMs + assembled.wallMs) / realtime.wallMs, unit: '×', note: `${(shardsMs + assembled.wallMs).toFixed(0)} ms vs ${realtime.wallMs.toFixed(0)} ms; bill ${money(shardUsd)} vs ${money(realtime.usd)}` },
    ];
  } finally {
    await twin?.close();
    await server?.stop();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  }
}
