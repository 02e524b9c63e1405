/**
 * The package as users install it. Packs speccc, installs the tarball into an empty project
 * (its own node_modules, nothing from this repository), and runs there what a user runs:
 * check, build against the twin, verify, build --check — and imports the API by name. What
 * works in the repository but not from the tarball is a bug this catches. A step of .ci/run.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { directoryScript, startTwin } from '../src/api-twin/index.js';
import { startClient } from '../test/lsp/client.js';

const repo = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'speccc-package-'));
const project = path.join(work, 'project');

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return execFileSync(cmd, args, { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** A command's stdout and stderr, both printed and both returned (for what it warns about). */
function shBoth(cmd: string, args: string[], cwd: string): { stdout: string; stderr: string } {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const run = spawnSync(cmd, args, { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${run.status}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

function speccc(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string }> {
  console.log(`$ npx speccc ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(path.join(project, 'node_modules/.bin/speccc'), args, { cwd: project, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('close', (code) => {
      process.stdout.write(stdout);
      resolve({ code, stdout });
    });
  });
}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`package smoke test: ${what}`);
}

/**
 * What the registry page and a user reading node_modules/speccc need: the documentation the
 * README links to, shipped; and repository, homepage and bugs, which npm also uses to resolve
 * the README's relative links on the package's page.
 */
function checkInstalledPackage(installed: string): void {
  const pkg = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { repository?: { url?: string }; homepage?: string; bugs?: { url?: string }; scripts?: Record<string, string> };
  expect(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/.test(pkg.repository?.url ?? ''), `package.json has a repository url (got ${pkg.repository?.url})`);
  expect(/^https:\/\//.test(pkg.homepage ?? ''), `package.json has a homepage (got ${pkg.homepage})`);
  expect(/^https:\/\/.*\/issues$/.test(pkg.bugs?.url ?? ''), `package.json has a bugs url (got ${pkg.bugs?.url})`);
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts?.[script] === undefined, `the package has no ${script} script`);
  for (const doc of readdirSync(path.join(repo, 'docs'))) expect(existsSync(path.join(installed, 'docs', doc)), `docs/${doc} ships in the package`);
  const readme = readFileSync(path.join(installed, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(((?:docs|schemas)\/[^)#\s]+)/g)].map((m) => m[1]!);
  expect(links.length > 0, 'the README links into docs/');
  for (const link of links) expect(existsSync(path.join(installed, link)), `README's link ${link} resolves in the installed package`);
  console.log(`✔ docs/ ships (${readdirSync(path.join(installed, 'docs')).length} files, ${links.length} README links resolve); repository, homepage and bugs are set; no install script`);
}

try {
  sh('npm', ['pack', '--pack-destination', work, '--silent'], repo);
  const tarball = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  cpSync(path.join(repo, 'specs'), path.join(project, 'specs'), { recursive: true });
  cpSync(path.join(repo, 'context'), path.join(project, 'context'), { recursive: true });
  cpSync(path.join(repo, 'scenarios'), path.join(project, 'scenarios'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }, null, 2));
  const install = shBoth('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', tarball], project);
  // npm warns about a dependency's install scripts (prepare included): a published speccc has none.
  // npm 11's allowScripts notice names esbuild, which vite (vitest's) brings with its own
  // postinstall: a policy notice of the user's npm about a third party, not speccc's script.
  const warnings = `${install.stdout}${install.stderr}`.split('\n').filter((l) => /\bwarn/i.test(l) && !/^npm warn install-scripts\b/.test(l));
  expect(warnings.length === 0, `installing the tarball prints no warning (got:\n${warnings.join('\n')})`);
  checkInstalledPackage(path.join(project, 'node_modules/speccc'));

  expect((await speccc(['check'])).code === 0, 'check is clean');
  const twin = await startTwin({ script: await directoryScript(path.join(repo, 'examples/replies')) });
  try {
    const built = await speccc(['build'], twin.env());
    expect(built.code === 0 && /4 specs built/.test(built.stdout), 'build against the twin builds all four specs');
  } finally {
    await twin.close();
  }
  expect((await speccc(['verify'])).code === 0, 'verify passes');
  expect((await speccc(['build', '--check'])).code === 0, 'build --check is in sync');
  // Stryker is an optional peer dependency: not installed here, so --mutate stops with one line.
  console.log('$ npx speccc verify --mutate');
  const mutate = spawnSync(path.join(project, 'node_modules/.bin/speccc'), ['verify', '--mutate'], { cwd: project, env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8' });
  process.stderr.write(mutate.stderr);
  expect(mutate.status === 2 && /^speccc: mutation testing needs @stryker-mutator\/core \d+.*npm i -D @stryker-mutator\/core@\d+ @stryker-mutator\/vitest-runner@\d+/.test(mutate.stderr) && mutate.stderr.trim().split('\n').length === 1, 'verify --mutate without Stryker is one line and exit 2');
  const api = sh(process.execPath, ['--input-type=module', '-e', "const m = await import('speccc'); const r = await m.check({ root: process.cwd() }); console.log(r.errors + ' errors in ' + r.specs + ' specs');"], project);
  expect(api.trim() === '0 errors in 5 specs', `import('speccc') works from the installed package (got ${api.trim()})`);
  // The remark plugin, from its own export, in a unified pipeline (unified, remark-parse and
  // remark-frontmatter are speccc's dependencies, so npm installed them next to it).
  const remark = sh(process.execPath, ['--input-type=module', '-e', [
    "import { remarkSpeccc } from 'speccc/remark'; import plugin from 'speccc/remark';",
    "import { unified } from 'unified'; import remarkParse from 'remark-parse'; import remarkFrontmatter from 'remark-frontmatter'; import { VFile } from 'vfile';",
    "import { readFileSync } from 'node:fs';",
    "const pipeline = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(plugin);",
    "const run = async (file) => { await pipeline.run(pipeline.parse(file), file); return file.messages; };",
    "const clean = await run(new VFile({ path: 'specs/core/money.md', value: readFileSync('specs/core/money.md') }));",
    "const bad = await run(new VFile({ path: 'specs/bad.md', value: '---\\nid: bad\\nkind: feature\\nstatus: ready\\n---\\n\\n# Bad\\n' }));",
    "console.log(remarkSpeccc === plugin, clean.length, bad.every((m) => m.source === 'speccc') && bad.some((m) => m.ruleId === 'section-missing' && m.fatal));",
  ].join('\n')], project);
  expect(remark.trim() === 'true 0 true', `import('speccc/remark') works in a unified pipeline from the installed package (got ${remark.trim()})`);
  // The API's types resolve from the installed packages alone (zod and the SDK are bundled, not installed).
  writeFileSync(
    path.join(project, 'uses-types.ts'),
    [
      "import { check, type BuildResult, type Frontmatter, type SpecccConfig } from 'speccc';",
      "import { remarkSpeccc, type RemarkSpecccOptions } from 'speccc/remark';",
      "export const plugin: typeof remarkSpeccc = remarkSpeccc;",
      "export const options: RemarkSpecccOptions = {};",
      "export const kind: Frontmatter['kind'] = 'feature';",
      "// @ts-expect-error: not a kind of spec",
      "export const wrong: Frontmatter['kind'] = 'nope';",
      "export const specsDir = (c: SpecccConfig): string => c.paths.specs;",
      "export const errors = async (): Promise<number> => (await check({ root: '.' })).errors;",
      "export const done = (r: BuildResult): boolean => r.kind === 'built';",
      '',
    ].join('\n'),
  );
  sh(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck', 'false', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', 'uses-types.ts'], project);
  console.log('$ speccc lsp (initialize, open a spec, shutdown)');
  const lsp = await startClient(project, { bin: path.join(project, 'node_modules/speccc/dist/cli.js') });
  const opened = await lsp.open('specs/core/money.md', readFileSync(path.join(project, 'specs/core/money.md'), 'utf8'));
  expect(opened.diagnostics.length === 0 && (await lsp.stop()) === 0, 'the language server starts, checks an open spec and exits cleanly');
  console.log('✔ the packed package installs and runs on its own');
} finally {
  rmSync(work, { recursive: true, force: true });
}
