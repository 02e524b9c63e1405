/**
 * What a warm `speccc check` loads (the built binary): its start-up is most of a small
 * workspace's check, so the largest modules of the bundle must stay off it. zod came back once
 * through a static import beside a lazy one (io/promote.ts); commander is skipped for a bare
 * check (commands/direct.ts). Requires `npm run build`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repo, 'dist/cli.js');
const workspaces = useTempWorkspace();

/** The files of dist/ that `speccc <args>` loads as ES modules. */
function filesLoaded(root: string, args: string[]): string[] {
  const log = path.join(workspaces.empty('speccc-loaded-'), 'loaded.txt');
  writeFileSync(log, '');
  const hooks = path.join(path.dirname(log), 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`);
  const register = path.join(path.dirname(log), 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  // Exit 1 (findings) is an answer like any other here.
  spawnSync(process.execPath, ['--import', pathToFileURL(register).href, bin, ...args], { cwd: root, env: { PATH: process.env.PATH } });
  return readFileSync(log, 'utf8').split('\n').filter((url) => url.includes('/dist/'));
}

/** The bundled packages in the files `speccc <args>` loads, from esbuild's `// node_modules/<name>/` markers. */
function packagesLoaded(root: string, args: string[]): string[] {
  const names = new Set<string>();
  for (const url of filesLoaded(root, args)) for (const m of readFileSync(fileURLToPath(url), 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) names.add(m[1]!);
  return [...names].sort();
}

describe('what a warm check loads', () => {
  it('neither zod nor commander, for a bare check of an unchanged workspace', () => {
    const root = workspaces.copy('test/commands/check/samples/clean');
    execFileSync(process.execPath, [bin, 'check'], { cwd: root, env: { PATH: process.env.PATH } }); // warms the cache
    const loaded = packagesLoaded(root, ['check']);
    expect(loaded).not.toContain('zod');
    expect(loaded).not.toContain('commander');
    // The same check with a flag goes through commander: the marker reading works.
    expect(packagesLoaded(root, ['check', '--strict'])).toContain('commander');
  });

  it('--version loads no command: cli.js answers it before the commands chunk', () => {
    const root = workspaces.copy('test/commands/check/samples/clean');
    expect(execFileSync(process.execPath, [bin, '--version'], { cwd: root, encoding: 'utf8' })).toMatch(/^\d+\.\d+\.\d+\n$/);
    const loaded = filesLoaded(root, ['--version']).map((url) => path.basename(fileURLToPath(url)));
    expect(loaded).toContain('cli.js');
    expect(loaded.filter((name) => name.startsWith('commands-'))).toEqual([]);
    // A command line that only starts with --version is a command: it goes through the parser.
    expect(filesLoaded(root, ['--version', 'check']).some((url) => url.includes('/commands-'))).toBe(true);
  });

  it('a bare check of an unchanged workspace is answered by quick-check.js alone, with no chunk of the main bundle but the two cli.js needs', () => {
    const root = workspaces.copy('test/commands/check/samples/clean');
    execFileSync(process.execPath, [bin, 'check'], { cwd: root, env: { PATH: process.env.PATH } }); // warms the cache
    const loaded = filesLoaded(root, ['check']).map((url) => path.relative(path.join(repo, 'dist'), fileURLToPath(url)));
    expect(loaded).toContain('cli.js');
    expect(loaded).toContain('quick-check.js');
    // Besides those two, only esbuild's tiny shared chunks (its runtime helpers, the version) and,
    // when the stat cache is saved (files this recent are hashed again), write-file-atomic: 24
    // chunks of the main bundle before; no reporter but the text one, no schema.
    expect(loaded.filter((file) => file.startsWith('chunks/')).length).toBeLessThanOrEqual(2);
    expect(loaded.filter((file) => file.startsWith('quick/')).length).toBeLessThanOrEqual(3);
    for (const file of loaded) expect(readFileSync(path.join(repo, 'dist', file)).length).toBeLessThan(80_000);
  });
});

describe('what a warm check leaves unloaded', () => {
  it("neither Node's crypto nor the stream library, with holdout scenarios in the workspace: nothing is hashed, the stored report's key is compared as text", () => {
    const root = workspaces.copy('test/commands/check/samples/clean');
    mkdirSync(path.join(root, 'scenarios/cart-total'), { recursive: true });
    writeFileSync(path.join(root, 'scenarios/cart-total/empty-cart.md'), '# Empty cart\n\n- **Given** an empty cart\n- **When** the total is computed\n- **Then** it is 0\n');
    writeFileSync(path.join(root, 'scenarios/cart-total/empty-cart.test.ts'), "import { expect, it } from 'vitest';\nit('is 0', () => expect(0).toBe(0));\n");
    // Files older than the stat cache's margin for racy timestamps: their stat is trusted, as for any file not saved in the last second.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(root, file), hourAgo, hourAgo);
    const first = run(root, ['check']); // the full check: it hashes, and stores the report
    // Built-in modules loaded, as Node lists them when the process ends.
    const list = path.join(workspaces.empty('speccc-builtins-'), 'list.cjs');
    writeFileSync(list, "process.on('exit', () => require('fs').writeSync(2, '\\n' + process.moduleLoadList.join('\\n') + '\\n'));\n");
    const loaded = (args: string[]) => spawnSync(process.execPath, ['--require', list, bin, ...args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
    const warm = loaded(['check']);
    expect(warm.stdout).toBe(first.stdout);
    expect(warm.stderr).toContain('NativeModule fs');
    expect(warm.stderr).not.toMatch(/^NativeModule crypto$/m);
    expect(warm.stderr).not.toMatch(/^NativeModule stream$/m);
    // An edited scenario is seen (its hash is in the key), and that check does hash.
    writeFileSync(path.join(root, 'scenarios/cart-total/empty-cart.md'), '# Property: any cart\n\n- **Then** the total is never negative\n');
    const edited = loaded(['check']);
    expect(edited.stdout).toMatch(/property-no-generator/);
    expect(edited.stderr).toMatch(/^NativeModule crypto$/m);
  });
});

describe('where a warm check writes', () => {
  it('straight to fd 1 when its output is a pipe, without making process.stdout (whose stream loads net): the same bytes and exit code; so does --version', () => {
    const root = workspaces.copy('test/commands/check/samples/references');
    const first = run(root, ['check']); // the full check, which stores the report
    // A getter in place of process.stdout that says when it is read.
    const trap = path.join(workspaces.empty('speccc-trap-'), 'trap.cjs');
    writeFileSync(
      trap,
      "const fs = require('fs');\nconst d = Object.getOwnPropertyDescriptor(process, 'stdout');\n" +
        "Object.defineProperty(process, 'stdout', { configurable: true, get() { fs.writeSync(2, 'process.stdout was made\\n'); Object.defineProperty(process, 'stdout', d); return process.stdout; } });\n",
    );
    const traced = (args: string[]) => spawnSync(process.execPath, ['--require', trap, bin, ...args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
    const quick = traced(['check']);
    expect(quick.stderr).not.toContain('process.stdout was made');
    expect({ code: quick.status, stdout: quick.stdout }).toEqual({ code: 1, stdout: first.stdout });
    // The trap works: a script that writes through process.stdout sets it off.
    expect(spawnSync(process.execPath, ['--require', trap, '-e', "process.stdout.write('x')"], { encoding: 'utf8' }).stderr).toContain('process.stdout was made');
    // --version, too, writes to fd 1 directly.
    const version = traced(['--version']);
    expect(version.stderr).not.toContain('process.stdout was made');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

/** `speccc <args>` run as a user runs it: exit code and output. */
function run(cwd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('a bare check answered by the small bundle', () => {
  it('prints and exits as the full check does: clean, with errors, after an edit, and inside a monorepo member', () => {
    const clean = workspaces.copy('test/commands/check/samples/clean');
    const broken = workspaces.copy('test/commands/check/samples/references');
    const mono = workspaces.copy('examples/monorepo');
    const member = path.join(mono, 'packages/shop');
    for (const cwd of [clean, broken, member]) {
      const first = run(cwd, ['check']); // the full check: nothing is stored yet
      const quick = run(cwd, ['check']); // the stored report, through quick-check.js
      expect(quick).toEqual(first);
      // ...and it was the small bundle that answered: the command modules were never loaded.
      expect(filesLoaded(cwd, ['check']).filter((url) => url.includes('/commands-'))).toEqual([]);
      // The same command line through the argument parser, which never takes the small bundle.
      expect(run(cwd, ['check', '--format', 'text'])).toEqual(quick);
    }
    expect(run(broken, ['check']).code).toBe(1);
    expect(run(clean, ['check']).code).toBe(0);
    // An edit is no stored answer: the full check runs and sees it.
    const spec = path.join(clean, 'specs', readdirSync(path.join(clean, 'specs'), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.md'))!);
    writeFileSync(spec, readFileSync(spec, 'utf8') + '\n## Notes\n\nTBD\n');
    const edited = run(clean, ['check']);
    expect(edited.stdout).toMatch(/placeholder-text/);
    expect(run(clean, ['check'])).toEqual(edited);
  });
});
