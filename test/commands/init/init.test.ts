/**
 * `speccc init`: what it writes, that the result checks clean under --strict, that it never
 * overwrites, its .gitignore block (checked with git itself), --scenarios, --ci github, and
 * that every template ships in the npm package. test/e2e/getting-started.test.ts builds and
 * verifies what it writes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { initAssetsDir } from '../../../src/commands/init.js';
import { DEFAULT_MODEL, ROUTING } from '../../../src/prices/prices.js';
import { runCli } from '../../helpers/cli.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const workspaces = useTempWorkspace({ scope: 'all' });

function base(): string {
  const dir = workspaces.empty('speccc-init-');
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' } });

describe('speccc init', () => {
  it('writes a workspace and a sibling scenarios folder that check clean under --strict', async () => {
    const root = path.join(base(), 'acme');
    mkdirSync(root);
    const run = await runCli(['init'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(filesUnder(root)).toEqual([
      '.gitignore',
      'context/decisions.md',
      'context/glossary.md',
      'context/mission.md',
      'context/rules.md',
      'context/standards.md',
      'speccc.config.json',
      'specs/constraints/conventions.md',
      'specs/core/foundation.md',
      'specs/features/slugify.md',
      'templates/README.md',
    ]);
    expect(filesUnder(path.join(root, '../acme-scenarios'))).toEqual(['README.md', 'slugify/accents-are-dropped.md', 'slugify/accents-are-dropped.test.ts']);
    expect(run.stdout).toContain('created ../acme-scenarios/slugify/accents-are-dropped.test.ts\n');
    expect(run.stdout).toContain('✔ speccc workspace for acme in .; its holdout scenarios in ../acme-scenarios\n');
    // no template placeholder survives
    for (const file of [...filesUnder(root).map((f) => path.join(root, f)), ...filesUnder(path.join(root, '../acme-scenarios')).map((f) => path.join(root, '../acme-scenarios', f))]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/%%/);
    }

    const check = await runCli(['check', '--strict'], { cwd: root });
    expect(check).toMatchObject({ code: 0, stdout: '✔ 3 specs clean\n', stderr: '' });
    const plan = await runCli(['build', '--dry-run', '--format', 'json'], { cwd: root });
    expect(plan.code).toBe(0);
    const jobs = (JSON.parse(plan.stdout) as { jobs: { id: string; estimate: { model: string } }[] }).jobs;
    expect(jobs.map((j) => [j.id, j.estimate.model])).toEqual([
      ['foundation', ROUTING.architecture],
      ['slugify', DEFAULT_MODEL],
    ]);
  });

  it('speccc.config.json: its $schema resolves in an installed speccc, the scenarios path, the model lineup', async () => {
    const root = path.join(base(), 'acme');
    await runCli(['init', 'acme'], { cwd: path.dirname(root) });
    const config = JSON.parse(readFileSync(path.join(root, 'speccc.config.json'), 'utf8')) as { $schema: string; paths: { scenarios: string }; model: { default: string; byKind: Record<string, string> } };
    // ./node_modules/speccc/ is this package once installed
    const schema = path.join(repo, config.$schema.replace('./node_modules/speccc/', ''));
    expect(JSON.parse(readFileSync(schema, 'utf8')).title).toBe('speccc.config.json');
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { name: string; files: string[] };
    expect(config.$schema).toBe(`./node_modules/${pkg.name}/schemas/config.schema.json`);
    expect(pkg.files).toContain('schemas');
    expect(config.paths.scenarios).toBe('../acme-scenarios');
    expect(config.model).toEqual({ default: 'claude-sonnet-5-5', byKind: { architecture: 'claude-opus-5-5' } });
  });

  it('each context document opens with two lines on what it is for and how agents use it', async () => {
    const root = path.join(base(), 'acme');
    await runCli(['init', root], { cwd: '/' });
    for (const name of ['mission', 'rules', 'standards', 'glossary', 'decisions']) {
      const text = readFileSync(path.join(root, 'context', `${name}.md`), 'utf8');
      const [title, blank, first, second, after] = text.split('\n');
      expect(title, name).toMatch(/^# /);
      expect(blank, name).toBe('');
      expect(`${first} ${second}`, name).toMatch(/agents|every job/i);
      expect(after, name).toBe('');
    }
    expect(readFileSync(path.join(root, 'context/mission.md'), 'utf8')).toMatch(/\n## Out of scope\n\n- /);
    expect(readFileSync(path.join(root, 'templates/README.md'), 'utf8')).toContain('node_modules/speccc/templates/');
    for (const name of readdirSync(path.join(repo, 'templates')).filter((name) => name.endsWith('.hbs'))) expect(readFileSync(path.join(root, 'templates/README.md'), 'utf8')).toContain(`\`${name}\``);
  });

  it('the three specs are one of each kind and depend on each other; the architecture spec owns package.json and tsconfig.json', async () => {
    const root = path.join(base(), 'acme');
    await runCli(['init', root], { cwd: '/' });
    const front = (file: string) => parseYaml(readFileSync(path.join(root, 'specs', file), 'utf8').split('---\n')[1]!) as { id: string; kind: string; depends_on?: string[]; outputs?: string[] };
    expect(front('constraints/conventions.md')).toMatchObject({ kind: 'constraint' });
    expect(front('core/foundation.md')).toMatchObject({ id: 'foundation', kind: 'architecture', outputs: ['package.json', 'tsconfig.json', 'src/errors.ts', 'src/errors.test.ts'] });
    expect(front('features/slugify.md')).toMatchObject({ kind: 'feature', depends_on: ['foundation'] });
  });

  it('never overwrites: an existing file is listed, nothing is written and it exits 1; --force writes only what is missing', async () => {
    const root = path.join(base(), 'acme');
    expect((await runCli(['init', root], { cwd: '/' })).code).toBe(0);
    // run again unchanged: nothing to do
    const again = await runCli(['init', root], { cwd: '/' });
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain('nothing to do: every file is already as init writes it\n');

    // A folder with some of init's files but no speccc.config.json is a new workspace.
    rmSync(path.join(root, 'speccc.config.json'));
    const mine = path.join(root, 'specs/features/slugify.md');
    writeFileSync(mine, 'my own spec\n');
    rmSync(path.join(root, 'context/rules.md'));
    const refused = await runCli(['init', root], { cwd: path.dirname(root) });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'speccc: this file already exists and was left alone:\n  acme/specs/features/slugify.md\nspeccc: nothing was written. Rerun with --force to write the 2 missing files and keep this one as it is (init never overwrites a file)\n',
    );
    expect(existsSync(path.join(root, 'context/rules.md'))).toBe(false);

    const forced = await runCli(['init', root, '--force'], { cwd: path.dirname(root) });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('created acme/speccc.config.json\n');
    expect(forced.stdout).toContain('created acme/context/rules.md\n');
    expect(forced.stdout).toContain('kept    acme/specs/features/slugify.md (it exists; left as it is)\n');
    expect(readFileSync(mine, 'utf8')).toBe('my own spec\n');
  });

  describe('in an existing workspace (it has a speccc.config.json)', () => {
    /** A workspace init made, then made the user's own: other folders in the config, a starter spec and context document removed. */
    async function ownWorkspace() {
      const dir = base();
      const root = path.join(dir, 'acme');
      expect((await runCli(['init', 'acme'], { cwd: dir })).code).toBe(0);
      rmSync(path.join(dir, 'acme-scenarios'), { recursive: true });
      writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ paths: { scenarios: '../qa/acme-holdouts', templates: 'prompts' } }, null, 2) + '\n');
      rmSync(path.join(root, 'templates'), { recursive: true });
      rmSync(path.join(root, 'specs/features/slugify.md'));
      rmSync(path.join(root, 'context/rules.md'));
      writeFileSync(path.join(root, '.gitignore'), 'dist/\n');
      return { dir, root };
    }

    it('init --ci github --force writes only the missing infrastructure, where the config says, and prints each file', async () => {
      const { dir, root } = await ownWorkspace();
      const before = filesUnder(dir);
      const run = await runCli(['init', 'acme', '--ci', 'github', '--force'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        [
          "added   speccc's block to acme/.gitignore",
          'created acme/prompts/README.md',
          'created acme/.github/workflows/speccc.yml',
          "starter specs, context and scenarios not written: speccc.config.json exists, so this workspace's own are used (init writes starters only into a new workspace)",
          '✔ speccc workspace for acme in acme; its holdout scenarios in qa/acme-holdouts',
          '',
          'Next:',
          '  cd acme                      # the workspace',
          "  npm i -D speccc              # speccc in the project: npx runs it, the config's $schema points into it",
          '  npx speccc check             # the findings in your specs, if any',
          '  npx speccc build --dry-run   # what a build would do, and what it would cost',
          '',
        ].join('\n'),
      );
      // Nothing but those three: no starter re-created, no scenarios anywhere, no default templates/ folder.
      expect(filesUnder(dir)).toEqual([...before, 'acme/.github/workflows/speccc.yml', 'acme/prompts/README.md'].sort());
      expect(existsSync(path.join(root, 'specs/features/slugify.md'))).toBe(false);
      expect(existsSync(path.join(root, 'context/rules.md'))).toBe(false);
      expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toMatch(/^dist\/\n\n# speccc: /);
      // The workflow verifies against the configured scenarios, checked out beside the product.
      const workflow = readFileSync(path.join(root, '.github/workflows/speccc.yml'), 'utf8');
      expect(workflow).toContain('run: npx speccc verify --scenarios ../acme-holdouts\n');
      expect(workflow).toContain('repository: ${{ github.repository_owner }}/acme-holdouts\n');

      // Run again: everything is there.
      const again = await runCli(['init', 'acme', '--ci', 'github'], { cwd: dir });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('nothing to do: every file is already as init writes it\n');
      expect(filesUnder(dir)).toEqual([...before, 'acme/.github/workflows/speccc.yml', 'acme/prompts/README.md'].sort());
    });

    it('a changed infrastructure file is a conflict without --force, and kept with it', async () => {
      const { dir, root } = await ownWorkspace();
      mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
      writeFileSync(path.join(root, '.github/workflows/speccc.yml'), 'name: mine\n');
      const refused = await runCli(['init', 'acme', '--ci', 'github'], { cwd: dir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('  acme/.github/workflows/speccc.yml\nspeccc: nothing was written. Rerun with --force to write the 2 missing files');
      expect(existsSync(path.join(root, 'prompts/README.md'))).toBe(false);
      const forced = await runCli(['init', 'acme', '--ci', 'github', '--force'], { cwd: dir });
      expect(forced.code).toBe(0);
      expect(forced.stdout).toContain('kept    acme/.github/workflows/speccc.yml (it exists; left as it is)\n');
      expect(readFileSync(path.join(root, '.github/workflows/speccc.yml'), 'utf8')).toBe('name: mine\n');
    });

    it('--scenarios that differs from the config, and a config that does not load, are usage errors that write nothing', async () => {
      const { dir, root } = await ownWorkspace();
      const before = filesUnder(dir);
      const other = await runCli(['init', 'acme', '--scenarios', 'elsewhere', '--force'], { cwd: dir });
      expect(other).toMatchObject({ code: 2, stdout: '' });
      expect(other.stderr).toBe('speccc: --scenarios elsewhere: speccc.config.json already puts the scenarios in ../qa/acme-holdouts; change paths.scenarios there instead\n');
      // the same folder is fine
      expect((await runCli(['init', 'acme', '--scenarios', 'qa/acme-holdouts'], { cwd: dir })).code).toBe(0);

      writeFileSync(path.join(root, 'speccc.config.json'), '{ "paths": { "scenarios": 42 } }\n');
      const broken = await runCli(['init', 'acme', '--force'], { cwd: dir });
      expect(broken.code).toBe(2);
      expect(broken.stdout).toBe('');
      expect(broken.stderr).toMatch(/^acme\/speccc\.config\.json:1:\d+: error \S+ .*\n/);
      expect(broken.stderr).toContain('speccc: speccc.config.json is not valid; init writes where it says, so fix it first\n');
      expect(filesUnder(dir)).toEqual([...before, 'acme/.gitignore', 'acme/prompts/README.md'].filter((f, i, all) => all.indexOf(f) === i).sort());
    });
  });

  it('outside a workspace, check says how to set one up; a build with no key says how to rehearse without one', async () => {
    const empty = base();
    const check = await runCli(['check'], { cwd: empty });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('error specs-folder-missing Specs folder `specs` does not exist in the workspace root');
    expect(check.stdout).toContain('in a folder that is not a speccc workspace yet, `npx speccc init` sets one up.\n');

    const root = path.join(empty, 'acme');
    await runCli(['init', 'acme'], { cwd: empty });
    const build = await runCli(['build'], { cwd: root, env: { PATH: process.env.PATH } });
    expect(build.code).toBe(2);
    expect(build.stderr).toBe(
      'speccc: ANTHROPIC_API_KEY is not set: export your Anthropic API key to build (speccc build --dry-run and --check need none), ' +
        "or rehearse with no key against speccc's twin of the API: start `npx speccc twin --script-dir <replies>` and export ANTHROPIC_BASE_URL=<the URL it prints> ANTHROPIC_API_KEY=rehearsal (docs/twin.md); generated/ is unchanged\n",
    );
    expect(existsSync(path.join(repo, 'docs/twin.md'))).toBe(true);
    expect(existsSync(path.join(root, 'generated'))).toBe(false);
  });

  it('a folder of the same name as a file is a conflict too, and a file as the target is a usage error', async () => {
    const dir = base();
    mkdirSync(path.join(dir, 'acme/templates/README.md'), { recursive: true });
    mkdirSync(path.join(dir, 'acme/.gitignore'));
    const run = await runCli(['init', 'acme'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('  acme/templates/README.md\n');
    expect(run.stderr).toContain('  acme/.gitignore\n');
    writeFileSync(path.join(dir, 'plain-file'), '');
    expect(await runCli(['init', 'plain-file'], { cwd: dir })).toMatchObject({ code: 2, stderr: `speccc: ${path.join(dir, 'plain-file')} exists and is not a folder\n` });
  });

  it('runs without a terminal and accepts --yes; bad flags are usage errors', async () => {
    const dir = base();
    expect((await runCli(['init', 'one', '--yes'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['init', 'two', '-y'], { cwd: dir })).code).toBe(0);
    expect(await runCli(['init', 'three', '--name', 'Not A Name'], { cwd: dir })).toMatchObject({ code: 2 });
    expect(await runCli(['init', 'three', '--ci', 'gitlab'], { cwd: dir })).toMatchObject({ code: 2 });
    expect(await runCli(['init', 'three', '--scenarios', '.'], { cwd: path.join(dir, 'one') })).toMatchObject({ code: 2 });
    expect(existsSync(path.join(dir, 'three'))).toBe(false);
    expect(existsSync(path.join(dir, 'one/three'))).toBe(false);
  });

  it('names the product after its folder, or --name', async () => {
    const dir = base();
    await runCli(['init', 'My Shop'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'My Shop/context/mission.md'), 'utf8')).toContain('**my-shop** is a small TypeScript library');
    expect(existsSync(path.join(dir, 'my-shop-scenarios/slugify/accents-are-dropped.md'))).toBe(true);
    await runCli(['init', 'x', '--name', 'shop'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'x/specs/core/foundation.md'), 'utf8')).toContain('the package `shop`');
    expect(JSON.parse(readFileSync(path.join(dir, 'x/speccc.config.json'), 'utf8')).paths.scenarios).toBe('../shop-scenarios');
  });

  it('--scenarios DIR puts the scenarios there, relative to the current folder, and the config says where', async () => {
    const dir = base();
    const run = await runCli(['init', 'acme', '--scenarios', 'holdouts/acme'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'acme/speccc.config.json'), 'utf8')).paths.scenarios).toBe('../holdouts/acme');
    expect(existsSync(path.join(dir, 'holdouts/acme/slugify/accents-are-dropped.test.ts'))).toBe(true);
    expect((await runCli(['check', '--strict'], { cwd: path.join(dir, 'acme') })).code).toBe(0);

    // inside the workspace works too (the bundled example's layout)
    const inside = await runCli(['init', 'demo', '--scenarios', 'demo/scenarios'], { cwd: dir });
    expect(inside.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'demo/speccc.config.json'), 'utf8')).paths.scenarios).toBe('scenarios');
    expect(inside.stdout).not.toContain('git init');
    expect((await runCli(['check', '--strict'], { cwd: path.join(dir, 'demo') })).code).toBe(0);
  });

  it('.gitignore: appended to an existing one once; .speccc/ state ignored, generated/ and its manifest and cassettes committed', async () => {
    const root = path.join(base(), 'acme');
    mkdirSync(root);
    writeFileSync(path.join(root, '.gitignore'), 'dist/');
    await runCli(['init'], { cwd: root });
    const text = readFileSync(path.join(root, '.gitignore'), 'utf8');
    expect(text.startsWith('dist/\n\n# speccc: ')).toBe(true);
    const second = await runCli(['init'], { cwd: root });
    expect(second.code).toBe(0);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe(text);

    git(root, 'init', '-q');
    const ignored = (p: string) => {
      try {
        git(root, 'check-ignore', '-q', '--no-index', p);
        return true;
      } catch {
        return false;
      }
    };
    for (const p of ['.speccc/cache/models.json', '.speccc/runs/r.jsonl', '.speccc/results/k.json', '.speccc/staging/r/tree/a.ts', '.speccc/build.lock', 'node_modules/x/index.js', 'speccc.sarif', 'dist/a.js']) expect(ignored(p), p).toBe(true);
    for (const p of ['generated/.speccc/manifest.json', 'generated/src/slugify.ts', 'generated/package.json', '.speccc/cassettes/abc.json', 'specs/features/slugify.md', 'speccc.config.json']) expect(ignored(p), p).toBe(false);
  });

  it('--ci github: a workflow that checks with SARIF, builds --check and verifies with the scenarios from their own repository', async () => {
    const root = path.join(base(), 'acme');
    const run = await runCli(['init', root, '--ci', 'github'], { cwd: '/' });
    expect(run.code).toBe(0);
    const text = readFileSync(path.join(root, '.github/workflows/speccc.yml'), 'utf8');
    expect(text).not.toMatch(/%%/);
    type Step = { uses?: string; run?: string; with?: Record<string, string>; if?: string; name?: string };
    const workflow = parseYaml(text) as { on: Record<string, unknown>; concurrency: Record<string, string>; permissions: Record<string, string>; jobs: { speccc: { 'runs-on': string; defaults: { run: { 'working-directory': string } }; steps: Step[] } } };
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const job = workflow.jobs.speccc;
    expect(job.defaults.run['working-directory']).toBe('acme');
    const steps = job.steps;
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((s) => s.with)).toEqual([{ path: 'acme' }, { repository: '${{ github.repository_owner }}/acme-scenarios', path: 'acme-scenarios', token: '${{ secrets.SCENARIOS_TOKEN || github.token }}' }]);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('sudo apt-get install -y --no-install-recommends bubblewrap');
    expect(runs).toContain('npm ci');
    const order = ['npx speccc check --strict --format sarif > speccc.sarif', 'npx speccc build --check', 'npx speccc verify --scenarios ../acme-scenarios'];
    const at = order.map((c) => steps.findIndex((s) => s.run === c));
    expect(at.every((i) => i >= 0), at.join()).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    // Uploaded after a failing check too, on pushes and on pull requests from this repository (a fork's token cannot upload).
    expect(upload).toMatchObject({
      if: "${{ !cancelled() && (github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository) }}",
      with: { sarif_file: 'acme/speccc.sarif', category: 'speccc' },
    });
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, pull_request: null });
    expect(workflow.concurrency).toEqual({ group: 'speccc-${{ github.ref }}', 'cancel-in-progress': "${{ github.event_name == 'pull_request' }}" });
    // No step is limited to pushes: every check runs on pull requests.
    for (const step of steps) expect(step.if ?? '', step.name ?? step.uses ?? step.run).not.toMatch(/event_name == 'push'|github\.ref ==/);
    expect(steps.indexOf(upload)).toBe(steps.findIndex((s) => s.run === order[0]) + 1);
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'))!;
    expect(cache.with!.path).toBe('acme/.speccc/cache');
    expect(steps.indexOf(cache)).toBeLessThan(steps.findIndex((s) => s.run === order[0]));
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with!['cache-dependency-path']).toBe('acme/package-lock.json');
  });

  it('--ci github with the scenarios inside the workspace checks out one repository', async () => {
    const dir = base();
    await runCli(['init', 'demo', '--scenarios', 'demo/scenarios', '--ci', 'github'], { cwd: dir });
    const workflow = parseYaml(readFileSync(path.join(dir, 'demo/.github/workflows/speccc.yml'), 'utf8')) as { jobs: { speccc: { steps: { uses?: string; run?: string }[] } } };
    expect(workflow.jobs.speccc.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))).toHaveLength(1);
    expect(workflow.jobs.speccc.steps.some((s) => s.run === 'npx speccc verify --scenarios scenarios')).toBe(true);
  });

  it('--ci github in a subfolder of a git repository warns that GitHub reads workflows at the root', async () => {
    const dir = base();
    git(dir, 'init', '-q');
    const run = await runCli(['init', 'packages/acme', '--ci', 'github'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('⚠ packages/acme is not the root of its git repository (.): GitHub reads workflows only from .github/workflows/ at the repository root');
  });

  it('every template under assets/init/ ships in the npm package', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
    const shipped = packed[0]!.files.map((f) => f.path).filter((p) => p.startsWith('assets/init/')).sort();
    expect(shipped).toEqual(filesUnder(initAssetsDir()).map((f) => `assets/init/${f}`));
    expect(statSync(initAssetsDir()).isDirectory()).toBe(true);
  });

  it('every default template under templates/ ships in the npm package', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
    const shipped = packed[0]!.files.map((f) => f.path).filter((p) => p.startsWith('templates/')).sort();
    expect(shipped).toEqual(filesUnder(path.join(repo, 'templates')).map((f) => `templates/${f}`));
    expect(shipped).toContain('templates/job.hbs');
  });
});
