/**
 * Resume: a build killed with SIGKILL at an arbitrary moment loses no paid work. The next build
 * reuses every job that finished and asks the model only for the rest.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryScript, startTwin, type Twin } from '../../src/twin/index.js';
import { runCli } from '../helpers/cli.js';
import { cleanup, KEY, repo, specIds, tempRoot } from './helpers.js';

const temps: string[] = [];
let twin: Twin | undefined;
afterAll(async () => {
  cleanup(temps);
  await twin?.close();
});


describe('resume after a kill', () => {
  it('keeps finished jobs and requests only the unfinished ones', async () => {
    const script = await directoryScript(path.join(repo, 'examples/replies'));
    // money answers at once; every other job is slow, so the kill lands while they run.
    twin = await startTwin({ script: script.map((rule) => (rule.match?.specId === 'money' ? rule : { ...rule, delayMs: 10_000 })) });
    const root = tempRoot(temps);
    const env = { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: KEY, PATH: process.env.PATH };
    const child = spawn(process.execPath, [path.join(repo, 'dist/cli.js'), 'build', '--concurrency', '1'], { cwd: root, env, stdio: 'ignore' });
    const results = path.join(root, '.speccc/results');
    const until = Date.now() + 30_000;
    while (!(existsSync(results) && readdirSync(results).length === 1)) {
      if (Date.now() > until) throw new Error('money never finished');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300)); // the next job's request is in flight
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(path.join(root, 'generated'))).toBe(false); // nothing half-promoted

    await twin.close();
    twin = await startTwin({ script });
    const resumed = await runCli(['build'], { cwd: root, env: { ...env, ANTHROPIC_BASE_URL: twin.url } });
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('money restored from a stored result (no agent call)');
    expect(specIds(twin)).toEqual(['discount-codes', 'invoice-totals', 'line-items']);
    expect(existsSync(path.join(root, 'generated/src/invoice-totals.ts'))).toBe(true);
  }, 120_000);
});
