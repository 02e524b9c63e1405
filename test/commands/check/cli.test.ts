/**
 * `speccc check` as a user runs it: the built binary in a child process. Requires `npm run build`
 * (the test script builds first).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repo, 'dist/cli.js');
const workspaces = useTempWorkspace({ scope: 'all' });

async function speccc(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? repo,
      env: { PATH: process.env.PATH, ...options.env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function workspace(sample: string): string {
  const dir = workspaces.empty('speccc-cli-');
  cpSync(path.join(repo, 'test/commands/check/samples', sample), dir, { recursive: true });
  return dir;
}

describe('speccc check (binary)', () => {
  it('the bundled example workspace checks clean', async () => {
    const run = await speccc(['check', '--no-cache']);
    expect(run).toMatchObject({ code: 0, stdout: '✔ 5 specs clean\n' });
  });

  it('the bundled generated/ tree is what the specs, context and templates produce (else run `npm run example:build`)', async () => {
    const run = await speccc(['build', '--check']);
    expect(run.stdout).toMatch(/^4 specs up to date\n$/);
    expect(run.code).toBe(0);
  });

  it('the bundled generated/ tree is a package of its own: it type-checks and runs its tests with its own tsconfig', async () => {
    const { symlinkSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const copy = mkdtempSync(path.join(tmpdir(), 'speccc-tally-'));
    try {
      cpSync(path.join(repo, 'generated'), copy, { recursive: true });
      symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'), 'dir'); // as `npm install` would provide
      execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: copy, stdio: 'pipe' });
      const out = execFileSync(process.execPath, [path.join(repo, 'node_modules/vitest/vitest.mjs'), 'run'], { cwd: copy, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(out).toMatch(/Test Files\s+4 passed/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('exit 1 with findings, and each finding is one compiler-style line', async () => {
    const run = await speccc(['check', '--root', workspace('wording')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^specs\/cart\.md:\d+:\d+: error placeholder-text /m);
    expect(run.stdout).not.toMatch(/\u001b\[/); // not a TTY: no colour
    expect(run.stderr).toBe('');
  });

  it('--strict makes warnings fail; without it they pass', async () => {
    const root = workspace('strict-warnings');
    expect((await speccc(['check', '--root', root])).code).toBe(0);
    expect((await speccc(['check', '--root', root, '--strict'])).code).toBe(1);
  });

  it('--format json is one document with positions and counts', async () => {
    const run = await speccc(['check', '--root', workspace('references'), '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: Record<string, unknown>[]; specs: number; errors: number; warnings: number };
    expect(report).toMatchObject({ specs: 6, errors: 5, warnings: 1 });
    expect(Object.keys(report.diagnostics[0]!)).toEqual(
      expect.arrayContaining(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'hint']),
    );
    expect(report.diagnostics.map((d) => d.code)).toContain('duplicate-id');
  });

  it('--format sarif is SARIF 2.1.0 with rules and regions', async () => {
    const run = await speccc(['check', '--root', workspace('cycle'), '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'dependency-cycle')!;
    expect(result.locations[0]!.physicalLocation.region.startLine).toBe(5);
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('dependency-cycle');
  });

  it('usage errors exit 2 with one sentence and no stack trace', async () => {
    const badFormat = await speccc(['check', '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    const badRoot = await speccc(['check', '--root', '/definitely/not/here']);
    expect(badRoot.code).toBe(2);
    expect(badRoot.stderr).toBe('speccc: workspace root /definitely/not/here is not a directory\n');
    const unknown = await speccc(['chekc']);
    expect(unknown.code).toBe(2);
    for (const run of [badFormat, badRoot, unknown]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a broken config exits 2 with located diagnostics', async () => {
    const run = await speccc(['check', '--root', workspace('config-problems')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^speccc\.config\.json:4:5: error config-unknown-key/m);
  });

  it('paths restrict the report to the named files', async () => {
    const root = workspace('references');
    const run = await speccc(['check', 'specs/user.md'], { cwd: root });
    expect(run.stdout.split('\n').filter((l) => /^specs\//.test(l)).every((l) => l.startsWith('specs/user.md:'))).toBe(true);
    expect(run.code).toBe(0); // user.md has only a warning
  });

  it('the warm cache gives the same findings as a cold run, and an edit is seen', async () => {
    const root = workspace('wording');
    const cold = await speccc(['check', '--root', root]);
    const warm = await speccc(['check', '--root', root]);
    expect(warm.stdout).toBe(cold.stdout);
    writeFileSync(path.join(root, 'specs/cart.md'), (await import('node:fs')).readFileSync(path.join(repo, 'test/commands/check/samples/clean/specs/cart.md')));
    const edited = await speccc(['check', '--root', root]);
    expect(edited).toMatchObject({ code: 0, stdout: '✔ 1 spec clean\n' });
  });

  it('a reader that stops early (| head) ends the output quietly: no EPIPE trace, a clean exit', async () => {
    // 120 unbuilt copies of a spec: `speccc trace` prints far more than a pipe holds (64 KB).
    const root = workspace('clean');
    const cart = readFileSync(path.join(root, 'specs/cart.md'), 'utf8');
    for (let i = 0; i < 120; i++) {
      writeFileSync(path.join(root, `specs/cart-${i}.md`), cart.replace('id: cart-total', `id: cart-total-${i}`).replace(/src\/cart/g, `src/cart-${i}`));
    }
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [bin, 'trace', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy()); // read one chunk, then close the pipe
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});
