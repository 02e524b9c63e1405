/**
 * One verdict on every path to promotion: output is promoted, or called up to date, only under a
 * verdict for exactly its tree, visible checks, holdout set and validation settings. Each path the
 * issue found open is here, through the CLI against the twin with the real sealed validator: a
 * holdout added after promotion, an edit and its revert, a result from the shared cache made on a
 * machine without the holdouts, and a mutation minimum raised after promotion.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';
import { repo } from '../../helpers/workspaces.js';
import { startCacheServer, type CacheServer } from '../../helpers/remote-cache-server.js';
import { buildWith, passingValidator, view } from '../../helpers/runtime.js';
import { fakeAgent, writeAll } from '../../helpers/fake-agent.js';
import type { Validator } from '../../../src/types/index.js';

const FIXTURE = 'test/fixtures/chain';
const REPLIES = path.join(repo, FIXTURE, 'replies');
const twin = useTwin();
const workspaces = useTempWorkspace();

/** slugify and wordcount only: two jobs, one building on the other. */
const TWO_SPECS_LEAVE = ['replies', 'specs/headline.md', 'specs/summary.md', 'scenarios/headline', 'scenarios/summary'];
function twoSpecs(): string {
  return workspaces.copy(FIXTURE, TWO_SPECS_LEAVE);
}

/** A holdout the fixture's slugify fails: a title of symbols only must be refused. */
const FAILING = `import { expect, it } from 'vitest';
import { slugify } from '../../src/slugify.js';

it('a title of symbols is refused', () => {
  expect(() => slugify('!!')).toThrow();
});
`;
const PASSING = FAILING.replace("expect(() => slugify('!!')).toThrow();", "expect(slugify('!!')).toBe('');").replace('is refused', 'gives an empty slug');

const cli = (root: string, ...argv: string[]) => runCli(argv, { cwd: root, env: twin.env() });

describe('a holdout added after promotion', () => {
  // Both tests start from the same promoted build of slugify and wordcount (two sealed jobs):
  // built once here, and each test works on its own copy of the built workspace.
  const shared = useTempWorkspace({ scope: 'all' });
  let built = '';
  beforeAll(async () => {
    built = shared.copy(FIXTURE, TWO_SPECS_LEAVE);
    await twin.replies(REPLIES);
    expect((await cli(built, 'build')).code).toBe(0);
  }, 180_000);
  const builtCopy = () => {
    const root = workspaces.empty();
    cpSync(built, root, { recursive: true });
    return root;
  };

  it('is judged on the next build with no request: a failing one fails it, build --check and verify agree, a passing one makes it up to date', async () => {
    const root = builtCopy();
    await twin.replies(REPLIES);

    twin.twin.clearRequests();
    writeFileSync(path.join(root, 'scenarios/slugify/symbols.test.ts'), FAILING);
    const failed = await cli(root, 'build');
    expect(failed.stdout).toContain('✖ slugify fails its gate now (holdout-fails): its output in generated/ does not pass the gate: holdout scenarios failed: symbols');
    expect(failed.stdout).toContain('- wordcount skipped: dependency slugify failed');
    expect(failed.code).toBe(1);
    expect(twin.twin.messageRequests()).toHaveLength(0);
    expect((await cli(root, 'verify')).code).toBe(1);
    const check = await cli(root, 'build', '--check');
    expect(check.stdout).toContain('slugify: judged under other holdouts or settings');
    expect(check.code).toBe(1);
    // Asked again, the recorded verdict answers: still failed.
    expect((await cli(root, 'build')).code).toBe(1);

    writeFileSync(path.join(root, 'scenarios/slugify/symbols.test.ts'), PASSING);
    const passed = await cli(root, 'build');
    expect(passed.stdout).toContain('✔ slugify judged again under the current holdouts and settings (no agent call): 2/2 holdouts passed');
    expect(passed.stdout).toContain('✔ 2 specs up to date (1 judged again, no agent call)');
    expect(passed.code).toBe(0);
    expect(twin.twin.messageRequests()).toHaveLength(0);
    expect((await cli(root, 'verify')).code).toBe(0);
    expect(await cli(root, 'build')).toMatchObject({ code: 0, stdout: '✔ 2 specs up to date\n' });
    expect((await cli(root, 'build', '--check')).code).toBe(0);
  }, 180_000);

  it('after an edit and its revert, the stored result of the old key is judged under the new holdouts too', async () => {
    const root = builtCopy();
    await twin.replies(REPLIES);
    const spec = path.join(root, 'specs/slugify.md');
    const original = readFileSync(spec, 'utf8');
    writeFileSync(spec, original.replace('Turns a title into', 'Turns any title into'));
    expect((await cli(root, 'build')).code).toBe(0);
    writeFileSync(spec, original);
    writeFileSync(path.join(root, 'scenarios/slugify/symbols.test.ts'), FAILING);
    twin.twin.clearRequests();
    const reverted = await cli(root, 'build');
    expect(reverted.stdout).toContain('✖ slugify failed (holdout-fails): its stored result for this job key does not pass the gate: holdout scenarios failed: symbols; no new request was made');
    expect(reverted.code).toBe(1);
    expect(twin.twin.messageRequests()).toHaveLength(0);
    // generated/ still holds the edited spec's output, which was never judged under the new holdout: verify says so too
    expect((await cli(root, 'verify')).code).toBe(1);
  }, 180_000);
});

describe('the shared cache and shards', () => {
  const TOKEN = `tok-${randomBytes(12).toString('hex')}`;
  const SIGNING_KEY = randomBytes(32).toString('hex');
  let server: CacheServer;
  beforeAll(async () => {
    server = await startCacheServer(TOKEN);
  });
  afterAll(async () => server?.stop());

  it('a result made on a machine without the holdouts is judged under this machine’s before it is promoted', async () => {
    await twin.replies(REPLIES);
    const env = twin.env({ SPECCC_REMOTE_CACHE_TOKEN: TOKEN, SPECCC_REMOTE_CACHE_KEY: SIGNING_KEY });
    const team = `team-${randomBytes(4).toString('hex')}`;
    // Machine A: the scenarios repository is not checked out; the default folder is simply absent.
    const a = twoSpecs();
    rmSync(path.join(a, 'scenarios'), { recursive: true });
    writeFileSync(path.join(a, 'speccc.config.json'), JSON.stringify({ cache: { remote: { url: server.url, team } } }));
    const built = await runCli(['build'], { cwd: a, env });
    expect(built.stdout).toContain('2 unverified');
    expect(built.code).toBe(0);

    // Machine B: the real holdouts (one of which slugify fails), and unverified output refused.
    const b = twoSpecs();
    writeFileSync(path.join(b, 'scenarios/slugify/symbols.test.ts'), FAILING);
    writeFileSync(path.join(b, 'speccc.config.json'), JSON.stringify({ cache: { remote: { url: server.url, team } }, promotion: { requireHoldouts: true } }));
    twin.twin.clearRequests();
    const restored = await runCli(['build'], { cwd: b, env });
    expect(restored.stdout).toContain('✖ slugify failed (holdout-fails): its stored result for this job key does not pass the gate: holdout scenarios failed: symbols');
    expect(restored.code).toBe(1);
    expect(twin.twin.messageRequests()).toHaveLength(0);
    expect(existsSync(path.join(b, 'generated/src/slugify.ts'))).toBe(false);
    expect((await runCli(['build', '--check'], { cwd: b, env })).code).toBe(1);

    // Machine B without its holdouts checked out where the config says they are: an error, not "no holdouts".
    const c = twoSpecs();
    rmSync(path.join(c, 'scenarios'), { recursive: true });
    writeFileSync(path.join(c, 'speccc.config.json'), JSON.stringify({ paths: { scenarios: '../product-scenarios' }, cache: { remote: { url: server.url, team } } }));
    const blocked = await runCli(['build'], { cwd: c, env });
    expect(blocked.stdout).toMatch(/speccc\.config\.json:\d+:\d+: error scenarios-folder-missing paths\.scenarios names `\.\.\/product-scenarios`, which does not exist/);
    expect(blocked.code).toBe(1);
    expect(existsSync(path.join(c, 'generated'))).toBe(false);
  }, 180_000);
});

describe('promotion.minMutationScore', () => {
  it('raised after promotion, re-scores the output it kept (no request) and refuses it below the minimum', async () => {
    const root = workspaces.copy(FIXTURE, ['replies']);
    let mutations = 0;
    const validator: Validator = {
      ...passingValidator,
      holdout: async ({ checks }) => ({ passed: true, feedback: '', durationMs: 1, scenarios: checks.map((c) => ({ name: c.name, file: c.file, passed: true })) }),
      mutate: async () => {
        mutations++;
        return { result: { score: 80, killed: 8, survived: 2, timedOut: 0, noCoverage: 0, total: 10, survivors: [] }, durationMs: 1 };
      },
    };
    const outputs = { slugify: ['src/slugify.ts', 'src/slugify.test.ts'], wordcount: ['src/wordcount.ts', 'src/wordcount.test.ts'], headline: ['src/headline.ts', 'src/headline.test.ts'], summary: ['src/summary.ts', 'src/summary.test.ts'] };
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ promotion: { minMutationScore: 70 } }));
    const first = fakeAgent(writeAll(outputs));
    expect([...view(await buildWith(root, first.agent, { validator })).outcomes.values()].map((o) => o.state)).toEqual(['built', 'built', 'built', 'built']);
    expect(mutations).toBe(4);

    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ promotion: { minMutationScore: 90 } }));
    const second = fakeAgent(writeAll(outputs));
    const result = view(await buildWith(root, second.agent, { validator }));
    expect(second.tasks).toHaveLength(0);
    expect(mutations).toBe(5);
    const slugify = result.outcomes.get('slugify')!;
    expect(slugify).toMatchObject({ state: 'failed', failureClass: 'mutation-score-low', rejudged: true });
    expect(slugify.error).toContain('the holdouts kill 80.0% of mutants (2 survive), below promotion.minMutationScore 90%');
  });
});
