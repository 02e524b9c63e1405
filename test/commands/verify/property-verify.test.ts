/**
 * A property holdout through the CLI: `speccc verify` prints a failing property's shrunk
 * counterexample and seed, `--seed` replays it, `--format json` carries seed, run count and
 * counterexample, and `speccc report` shows why the scenario failed.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeAgent, specIdOf } from '../../helpers/fake-agent.js';
import { exampleReplies } from '../../helpers/example-replies.js';
import { runCli } from '../../helpers/cli.js';
import { buildWith } from '../../helpers/runtime.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

const CLOSE = `import fc from 'fast-check';
import { expect, it } from 'vitest';
import { money, multiplyBasisPoints } from '../../src/money.js';

it('a product is within half a minor unit of the exact one', () => {
  fc.assert(fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 100_000 }), (minor, bp) => {
    expect(Math.abs(multiplyBasisPoints(money(minor), bp).minor * 10_000 - minor * bp)).toBeLessThanOrEqual(5_000);
  }));
});
`;
/** False for half-even rounding (1 × 50% is 0): a property the code rightly breaks, to see how a failure reads. */
const NEVER_DOWN = `import fc from 'fast-check';
import { expect, it } from 'vitest';
import { money, multiplyBasisPoints } from '../../src/money.js';

it('half of an amount never rounds down', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (minor) => {
    expect(multiplyBasisPoints(money(minor), 5_000).minor * 2).toBeGreaterThanOrEqual(minor);
  }));
});
`;

describe('speccc verify with property holdouts', () => {
  it('shows the shrunk counterexample and the seed, replays it with --seed, and the report says why', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'speccc-property-verify-'));
    temps.push(root);
    for (const dir of ['specs', 'context', 'scenarios']) cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
    const replies = exampleReplies();
    await buildWith(root, fakeAgent((task) => ({ files: replies[specIdOf(task)]! })).agent);

    writeFileSync(path.join(root, 'scenarios/money/products-are-close.md'), '---\nspec: money\n---\n\n# Property: products are close\n\n- **For any** amount and any basis points from 0 to 100,000\n- **When** the amount is multiplied by them\n- **Then** the result is within half a minor unit of the exact product\n');
    writeFileSync(path.join(root, 'scenarios/money/products-are-close.test.ts'), CLOSE);
    const pass = await runCli(['verify', 'money'], { cwd: root });
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/^✔ money: 2\/2 scenarios pass\n {4}properties ran 100 inputs each with seed (-?\d+) \(replay: speccc verify money --seed \1\)\n/);

    writeFileSync(path.join(root, 'scenarios/money/never-rounds-down.test.ts'), NEVER_DOWN);
    const fail = await runCli(['verify', 'money', '--seed', '1234'], { cwd: root });
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('✖ money: 2/3 scenarios pass — failing: never-rounds-down\n');
    const shown = / {4}never-rounds-down: half of an amount never rounds down: the property fails on (\[\d+\]) \(shrunk \d+ times\) after \d+ runs \(seed 1234, 100 runs\): AssertionError: expected \d+ to be greater than or equal to \d+\n/.exec(fail.stdout);
    expect(shown, fail.stdout).not.toBeNull();
    expect(fail.stdout).toContain('    properties ran 100 inputs each with seed 1234 (replay: speccc verify money --seed 1234)\n');

    const json = await runCli(['verify', 'money', '--seed', '1234', '--format', 'json'], { cwd: root });
    const report = JSON.parse(json.stdout) as { specs: { scenarios: { name: string; passed: boolean; property?: unknown }[] }[] };
    const byName = new Map(report.specs[0]!.scenarios.map((s) => [s.name, s]));
    // The same seed, the same counterexample: the run replays.
    expect(byName.get('never-rounds-down')!.property).toEqual({ seed: 1234, runs: 100, failed: 'counterexample', counterexample: shown![1] });
    expect(byName.get('products-are-close')!.property).toEqual({ seed: 1234, runs: 100 });
    expect(byName.get('negative-ties')!.property).toBeUndefined();

    // The report (its model, which the HTML and Markdown render) says why, from the verify history.
    const model = JSON.parse((await runCli(['report', '--format', 'json'], { cwd: root })).stdout) as { specs: { id: string; scenarios: { name: string; passed: boolean | null; failure?: string }[] }[] };
    const failing = model.specs.find((s) => s.id === 'money')!.scenarios.find((s) => s.name === 'never-rounds-down')!;
    expect(failing.passed).toBe(false);
    expect(failing.failure).toMatch(/^half of an amount never rounds down: the property fails on \[\d+\] .*\(seed 1234, 100 runs\)/);

    expect((await runCli(['verify', 'money', '--seed', 'abc'], { cwd: root })).stderr).toContain('--seed abc is not a 32-bit integer');
  }, 120_000);
});
