/**
 * `speccc watch --build` runs the same gate as `speccc build`: code that does not compile, or
 * that passes its own tests but fails a holdout, is never promoted, and its job is in the run's
 * trace and in `speccc log`. Real CLI, real sandbox, the twin of the API.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/commands/index.js';
import { writeFilesReply } from '../../src/api-twin/index.js';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

function workspace(): string {
  const root = workspaces.copy('test/commands/check/samples/clean');
  rmSync(path.join(root, 'expected.txt'));
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ validation: { maxFixAttempts: 0 } }));
  return root;
}

const GOOD_TEST = "import { expect, it } from 'vitest';\nimport { total } from './cart.js';\nit('sums', () => expect(total([1, 2])).toBe(3));\n";

async function watchBuildOnce(root: string, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>[]> {
  const controller = new AbortController();
  const events: Record<string, unknown>[] = [];
  const exit = main(['watch', '--build', '--format', 'json'], {
    cwd: root,
    env: { ...env },
    stdout: (t) => t.split('\n').filter(Boolean).forEach((l) => events.push(JSON.parse(l) as Record<string, unknown>)),
    stderr: () => {},
    isTTY: false,
    color: false,
    signal: controller.signal,
  });
  const until = Date.now() + 30_000;
  while (!events.some((e) => e.type === 'build' && (e.state === 'done' || e.state === 'error'))) {
    if (Date.now() > until) throw new Error(`no build ended: ${JSON.stringify(events)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  controller.abort();
  expect(await exit).toBe(0);
  return events;
}

describe('watch --build runs the whole gate', () => {
  it('code that does not type-check is not promoted; the job is traced and in speccc log', async () => {
    const root = workspace();
    const twin = await twins.start({ script: [{ match: { specId: 'cart-total' }, reply: writeFilesReply({ 'src/cart.ts': 'export const total = (prices: number[]): number => "not a number";\n', 'src/cart.test.ts': GOOD_TEST }) }] });
    const events = await watchBuildOnce(root, twin.env());
    const done = events.find((e) => e.type === 'build' && e.state === 'done')!;
    expect(done).toMatchObject({ built: [], failed: ['cart-total'] });
    expect(existsSync(path.join(root, 'generated/src/cart.ts'))).toBe(false);
    const log = await runCli(['log', '--format', 'json'], { cwd: root });
    const summary = JSON.parse(log.stdout) as { run: string; specs: { spec: string; state: string; failureClass?: string; requests: number }[] };
    expect(summary.run).toBe(done.run);
    expect(summary.specs).toEqual([expect.objectContaining({ spec: 'cart-total', state: 'failed', failureClass: 'does-not-compile', requests: 1 })]);
    expect((await runCli(['build', '--check'], { cwd: root })).code).toBe(1);
  }, 60_000);

  it('code that passes its own tests but fails a holdout is not promoted', async () => {
    const root = workspace();
    mkdirSync(path.join(root, 'scenarios/cart-total'), { recursive: true });
    writeFileSync(path.join(root, 'scenarios/cart-total/empty-cart.md'), '# An empty cart totals zero\n');
    writeFileSync(path.join(root, 'scenarios/cart-total/empty-cart.test.ts'), "import { expect, it } from 'vitest';\nimport { total } from '../../src/cart.js';\nit('an empty cart totals zero', () => expect(total([])).toBe(0));\n");
    // Sums correctly, except that an empty cart "totals" -1: its own test does not notice, the holdout does.
    const cart = 'export function total(prices: number[]): number {\n  return prices.length === 0 ? -1 : prices.reduce((a, b) => a + b, 0);\n}\n';
    const twin = await twins.start({ script: [{ match: { specId: 'cart-total' }, reply: writeFilesReply({ 'src/cart.ts': cart, 'src/cart.test.ts': GOOD_TEST }) }] });
    const events = await watchBuildOnce(root, twin.env());
    expect(events.find((e) => e.type === 'build' && e.state === 'done')).toMatchObject({ built: [], failed: ['cart-total'] });
    expect(existsSync(path.join(root, 'generated/src/cart.ts'))).toBe(false);
    const log = await runCli(['log'], { cwd: root });
    expect(log.stdout).toMatch(/cart-total\s+failed \(holdout-fails\)/);
    expect(twin.anyRequestContains('an empty cart totals zero')).toBe(false);
  }, 60_000);
});
