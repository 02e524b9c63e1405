/**
 * `speccc trace` and `requirement-untested` on the bundled example: every requirement is covered
 * by a generated test that asserts (and some by holdouts); a rule added after the build is
 * untested until a holdout scenario covers it; results come from the build and from verify.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

interface TraceJson {
  specs: { spec: string; state: string; requirements: { id: string; tests: { file: string; title: string; result: { passed: boolean; source: string } | null }[]; holdouts: { name: string; result: { passed: boolean; source: string } | null }[] }[] }[];
  requirements: number;
  covered: number;
  untested: string[];
}

describe('speccc trace', () => {
  it('traces every requirement of the example; an added rule is untested until a holdout covers it', async () => {
    const root = workspaces.example(['specs', 'context', 'scenarios', 'generated']);
    const clean = await runCli(['check', '--strict', '--no-cache'], { cwd: root });
    expect(clean.stdout).toBe('✔ 5 specs clean\n');
    expect(clean.code).toBe(0);

    const all = JSON.parse((await runCli(['trace', '--format', 'json'], { cwd: root })).stdout) as TraceJson;
    expect(all.untested).toEqual([]);
    expect(all.requirements).toBe(38);
    const money = all.specs.find((s) => s.spec === 'money')!;
    expect(money.state).toBe('built');
    const rounding = money.requirements.find((r) => r.id === 'money#R-roundhalfeven-numerator-denominator-divides-two')!;
    expect(rounding.tests).toEqual([expect.objectContaining({ file: 'src/money.test.ts', result: expect.objectContaining({ passed: true, source: 'build' }) })]);
    expect(rounding.holdouts).toEqual([{ name: 'money/negative-ties', check: 'money/negative-ties.test.ts', result: expect.objectContaining({ passed: true, source: 'build' }) }]);

    // A rule added after the build: nothing names it yet.
    const spec = path.join(root, 'specs/core/money.md');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('- `TallyError` extends', '- `formatMoney` must never print a plus sign.\n- `TallyError` extends'));
    const line = readFileSync(spec, 'utf8').split('\n').findIndex((l) => l.includes('must never print a plus sign')) + 1;
    const warned = await runCli(['check', '--no-cache'], { cwd: root });
    expect(warned.stdout).toContain(`specs/core/money.md:${line}:1: warning requirement-untested Requirement \`money#R-formatmoney-must-never-print-a\` (rule) is covered by no generated test that asserts and no holdout scenario`);
    expect(warned.code).toBe(0);
    expect((await runCli(['check', '--strict', '--no-cache'], { cwd: root })).code).toBe(1);
    const text = await runCli(['trace', 'money'], { cwd: root });
    expect(text.stdout).toContain(`⚠ money#R-formatmoney-must-never-print-a (rule, line ${line}): nothing covers it`);
    expect(text.stdout).toContain('⚠ 10 of 11 requirements covered; untested: money#R-formatmoney-must-never-print-a');

    // A holdout that names it in `covers:` and asserts covers it. Only the scenario's text changes,
    // which the stored check report is keyed by too: the report with the warning is not reused.
    const scenario = (covers: string) => `---\nspec: money\ncovers: [${covers}]\n---\n\n# No plus sign\n\nGiven 5 minor units, when formatted, then the text is 0.05.\n`;
    writeFileSync(path.join(root, 'scenarios/money/no-plus.md'), scenario(''));
    writeFileSync(path.join(root, 'scenarios/money/no-plus.test.ts'), "import { expect, it } from 'vitest';\nimport { formatMoney, money } from '../../src/money.js';\n\nit('no plus sign', () => {\n  expect(formatMoney(money(5))).toBe('0.05');\n});\n");
    expect((await runCli(['check'], { cwd: root })).stdout).toContain('warning requirement-untested');
    writeFileSync(path.join(root, 'scenarios/money/no-plus.md'), scenario('money#R-formatmoney-must-never-print-a'));
    expect((await runCli(['check', '--strict'], { cwd: root })).stdout).toBe('✔ 5 specs clean\n');
    const verify = await runCli(['verify', 'money'], { cwd: root });
    expect(verify.stdout).toContain('✔ money: 2/2 scenarios pass');
    const after = JSON.parse((await runCli(['trace', 'money', '--format', 'json'], { cwd: root })).stdout) as TraceJson;
    expect(after.untested).toEqual([]);
    const added = after.specs[0]!.requirements.find((r) => r.id === 'money#R-formatmoney-must-never-print-a')!;
    expect(added.tests).toEqual([]);
    expect(added.holdouts).toEqual([{ name: 'money/no-plus', check: 'money/no-plus.test.ts', result: expect.objectContaining({ passed: true, source: 'verify' }) }]);

    expect((await runCli(['trace', 'nope'], { cwd: root })).code).toBe(2);
  }, 90_000);
});
