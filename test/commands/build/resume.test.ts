/**
 * Resume: a build killed with SIGKILL at an arbitrary moment loses no paid work. The next build
 * reuses every job that finished, validates a reply that was paid for but not yet judged, and
 * asks the model only for the rest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { KEY, repo, specIds, unprovenReplies } from '../../helpers/provider.js';
import { exampleWith } from '../../helpers/workspaces.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

/** The stage of each stored result of a spec ('candidate' before validation, 'passed' after). */
function stages(root: string, spec: string): string[] {
  const dir = path.join(root, '.speccc/results');
  if (!existsSync(dir)) return [];
  // Only stored results: write-file-atomic's temporary files (`<key>.json.<n>`) are not, until renamed.
  return readdirSync(dir).filter((f) => /^[0-9a-f]{64}\.json$/.test(f)).flatMap((f) => {
    try {
      const r = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { specId: string; stage: string };
      return r.specId === spec ? [r.stage] : [];
    } catch {
      return []; // being written
    }
  });
}

async function until(what: () => boolean, label: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!what()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function kill(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}

describe('resume after a kill', () => {
  it('keeps finished jobs and requests only the unfinished ones', async () => {
    // The example's replies without requirement ids in their tests' titles: every build is judged
    // as always, minus the coverage proof (~17 test runs a spec), which resuming has nothing to do with.
    const script = unprovenReplies(['money', 'line-items', 'discount-codes']);
    // money answers at once; every other job is slow, so the kill lands while they run.
    let twin = await twins.start({ script: script.map((rule) => (rule.match?.specId === 'money' ? rule : { ...rule, delayMs: 10_000 })) });
    const root = workspaces.exampleWith(['line-items', 'discount-codes']);
    const env = { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: KEY, PATH: process.env.PATH };
    const child = spawn(process.execPath, [path.join(repo, 'dist/cli.js'), 'build', '--concurrency', '1'], { cwd: root, env, stdio: 'ignore' });
    await until(() => stages(root, 'money').includes('passed'), 'money to pass');
    const t = twin;
    await until(() => specIds(t).length === 2, 'the next job to be in flight');
    await kill(child);
    expect(existsSync(path.join(root, 'generated'))).toBe(false); // nothing half-promoted

    await twin.close();
    twin = await twins.start({ script });
    const resumed = await runCli(['build'], { cwd: root, env: { ...env, ANTHROPIC_BASE_URL: twin.url } });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('money restored from a stored result (no agent call)');
    expect(specIds(twin)).toEqual(['discount-codes', 'line-items']);
    expect(existsSync(path.join(root, 'generated/src/line-items.ts'))).toBe(true);
  }, 120_000);

  it('a build killed while validating a reply it paid for does not buy that reply again', async () => {
    const twin = await twins.start({ script: unprovenReplies(['money', 'line-items']) });
    const root = workspaces.exampleWith(['line-items']);
    const env = { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: KEY, PATH: process.env.PATH };
    const child = spawn(process.execPath, [path.join(repo, 'dist/cli.js'), 'build', '--concurrency', '1'], { cwd: root, env, stdio: 'ignore' });
    // The reply is stored as a candidate before validation starts; validation takes seconds.
    await until(() => stages(root, 'money').includes('candidate'), 'money\'s reply to be stored');
    await kill(child);
    expect(stages(root, 'money')).toEqual(['candidate']);
    const paid = twin.messageRequests().length;

    twin.clearRequests();
    const resumed = await runCli(['build'], { cwd: root, env });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout, resumed.stdout).toMatch(/✔ money built: type-checked/);
    expect(specIds(twin), resumed.stdout).toEqual(['line-items']); // no request for money
    expect(paid).toBeGreaterThan(0);
  }, 120_000);
});
