/**
 * The bundle in dist/ (scripts/bundle.ts) as a user's machine runs it: the scripts it starts as
 * their own processes or threads work from there, and a command loads only what it needs.
 * Requires `npm run build`.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { specText, writeWorkspace } from '../../bench/generate-workspace.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const dist = path.join(repo, 'dist');
const workspaces = useTempWorkspace({ scope: 'all' });

const temp = () => {
  const dir = workspaces.empty('speccc-bundle-');
  return dir;
};

async function run(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [file, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH, ...options.env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the bundle', () => {
  it('parse workers run from dist/model-worker.js and find what the main thread finds', async () => {
    const root = temp();
    writeWorkspace(root, 60);
    // Findings to find: a vague rule (a warning) and an unknown dependency (an error) in a few specs.
    for (const n of [3, 30, 57]) writeFileSync(path.join(root, `specs/group-0/feature-${n}.md`), specText(n, ['feature-9999']).replace('## Rules\n', '## Rules\n\n- Totals must be fast.\n'));
    const alone = await run(path.join(dist, 'cli.js'), ['check', '--no-cache', '--format', 'json'], { cwd: root, env: { SPECCC_WORKERS: '0' } });
    const workers = await run(path.join(dist, 'cli.js'), ['check', '--no-cache', '--format', 'json'], { cwd: root, env: { SPECCC_WORKERS: '2' } });
    expect(workers.stderr).toBe('');
    expect(alone.code).toBe(1);
    expect(workers.code).toBe(alone.code);
    expect(workers.stdout).toBe(alone.stdout);
    expect(JSON.parse(workers.stdout)).toMatchObject({ specs: 60, errors: 3, warnings: 3 });
  });

  it('the service-twin launcher runs alone in a folder, as it does inside a sandbox', async () => {
    const dir = path.join(temp(), '.speccc-twins');
    mkdirSync(path.join(dir, 'js'), { recursive: true });
    copyFileSync(path.join(dist, 'service-twins/launcher.js'), path.join(dir, 'launch.mjs'));
    writeFileSync(path.join(dir, 'js/package.json'), '{ "type": "module" }\n');
    writeFileSync(
      path.join(dir, 'js/counter.js'),
      `import http from 'node:http';
export async function start({ port, host }) {
  let count = 0;
  const server = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: ++count })));
  await new Promise((resolve) => server.listen(port, host, resolve));
  return { url: 'http://' + host + ':' + server.address().port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
`,
    );
    writeFileSync(path.join(dir, 'twins.json'), JSON.stringify({ twins: [{ id: 'counter', env: 'COUNTER_URL', entry: 'twins/counter.ts', module: 'js/counter.js' }] }));
    const probe = "const r = await fetch(process.env.COUNTER_URL + '/'); console.log('count', (await r.json()).count);";
    const launched = await run(path.join(dir, 'launch.mjs'), ['--', process.execPath, '--input-type=module', '-e', probe], { cwd: path.dirname(dir) });
    expect(launched.stderr).toBe('');
    expect(launched.stdout.trim()).toBe('count 1');
    expect(launched.code).toBe(0);
  });
});
