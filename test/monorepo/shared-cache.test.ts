/**
 * Shards and the remote cache across members: the monorepo example built by two shards through a
 * real turborepo-remote-cache server on 127.0.0.1 and the twin (shop's shard awaits billing's
 * job from the cache), then a teammate's assembling build restores both members' jobs with no
 * request at all and writes both members' trees.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/compile.js';
import { directoryScript, startTwin, type Twin } from '../../src/api-twin/index.js';
import { testRuntime, view } from '../helpers/runtime.js';
import { startCacheServer, type CacheServer } from '../helpers/remote-cache-server.js';
import { repo } from '../helpers/workspaces.js';

const TOKEN = `tok-${randomBytes(12).toString('hex')}`;
const SIGNING_KEY = randomBytes(32).toString('hex');
const example = path.join(repo, 'examples/monorepo');
const temps: string[] = [];
let server: CacheServer;
let twin: Twin;

beforeAll(async () => {
  server = await startCacheServer(TOKEN);
  twin = await startTwin({ script: await directoryScript(path.join(example, 'replies')) });
});
afterAll(async () => {
  temps.forEach((t) => rmSync(t, { recursive: true, force: true }));
  await server?.stop();
  await twin?.close();
});

/** A copy of the example (no generated/) sharing results through the cache as `team`. */
function monorepo(team: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-mono-cache-'));
  temps.push(root);
  for (const part of ['package.json', 'context', 'packages']) cpSync(path.join(example, part), path.join(root, part), { recursive: true });
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ members: 'workspaces', cache: { remote: { url: server.url, team } } }));
  return root;
}

async function buildIn(root: string, options: { withKey?: boolean; shard?: { index: number; count: number } } = {}) {
  const env = { ANTHROPIC_BASE_URL: twin.url, ...(options.withKey === false ? {} : { ANTHROPIC_API_KEY: 'sk-ant-test-mono' }), SPECCC_REMOTE_CACHE_TOKEN: TOKEN, SPECCC_REMOTE_CACHE_KEY: SIGNING_KEY };
  const runtime = await testRuntime(root, { env, sharedCache: { pollMs: 20, maxPollMs: 50 } });
  const result = view(await build({ root, mode: 'build', runtime, ...(options.shard ? { shard: options.shard, shardWaitMs: 20_000 } : {}) }));
  return { result, states: Object.fromEntries([...result.outcomes].map(([id, o]) => [id, o.state])) };
}

describe('a monorepo through shards and the remote cache', () => {
  it('two shards build each member once, the second awaiting the first across members; the assembling build makes no request', async () => {
    const [one, two] = await Promise.all([buildIn(monorepo('team_mono'), { shard: { index: 1, count: 2 } }), buildIn(monorepo('team_mono'), { shard: { index: 2, count: 2 } })]);
    expect(one.states).toEqual({ 'billing:invoice': 'built', 'shop:cart': 'stale' });
    expect(two.states).toEqual({ 'billing:invoice': 'reused', 'shop:cart': 'built' });
    const generations = twin.messageRequests().map((r) => /speccc-spec-id: ([a-z0-9-]+:[a-z0-9-]+)/.exec(r.rawBody)?.[1]);
    expect(generations.sort()).toEqual(['billing:invoice', 'shop:cart']);

    twin.clearRequests();
    const assembled = monorepo('team_mono');
    const final = await buildIn(assembled, { withKey: false });
    expect(final.states).toEqual({ 'billing:invoice': 'reused', 'shop:cart': 'reused' });
    expect(twin.requests).toHaveLength(0);
    expect(readFileSync(path.join(assembled, 'generated/shop/src/cart.ts'), 'utf8')).toContain("from '../../billing/src/invoice.js'");
    expect(readFileSync(path.join(assembled, 'generated/billing/src/invoice.ts'), 'utf8')).toContain('export function invoice');

  }, 120_000);
});
