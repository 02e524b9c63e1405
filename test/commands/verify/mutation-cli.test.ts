/**
 * `speccc verify --mutate` on the bundled example with a deliberately weak money scenario, for
 * real: Stryker mutates src/money.ts inside the sandbox, and the mutant of half-even rounding
 * that the weak scenario cannot tell apart survives, reported with its line and the requirement
 * the code serves. Below promotion.minMutationScore the command fails; the score is kept in the
 * verify history.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

const WEAK = `import { expect, it } from 'vitest';
import { money, multiplyBasisPoints } from '../../src/money.js';

it('multiplying a negative amount gives a negative amount', () => {
  expect(multiplyBasisPoints(money(-135), 1_000).minor).toBeLessThan(0);
});
`;

interface VerifyJson {
  specs: { spec: string; passed: boolean; mutation: { score: number; belowMinimum?: boolean; files: string[]; survivors: { file: string; line: number; status: string; mutator: string; requirements: string[] }[] } }[];
}

describe('speccc verify --mutate', () => {
  it('finds the mutant a weak scenario leaves alive, maps it to its requirement, and fails below the minimum', async () => {
    const root = workspaces.example(['specs', 'context', 'scenarios', 'generated']);
    // One weak example is money's only holdout here (the bundled property holdouts would kill the mutant).
    for (const f of readdirSync(path.join(root, 'scenarios/money'))) if (f !== 'negative-ties.md') rmSync(path.join(root, 'scenarios/money', f));
    writeFileSync(path.join(root, 'scenarios/money/negative-ties.test.ts'), WEAK);
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ promotion: { minMutationScore: 90 } }));
    const source = readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8').split('\n');
    const roundingLine = source.findIndex((l) => l.includes('twiceRemainder === d')) + 1;
    expect(roundingLine).toBeGreaterThan(0);

    const run = await runCli(['verify', '--mutate', 'money', '--format', 'json'], { cwd: root });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as VerifyJson;
    expect(report.specs.map((s) => s.spec)).toEqual(['money']);
    const m = report.specs[0]!.mutation;
    expect(report.specs[0]!.passed).toBe(true);
    expect(m.files).toEqual(['src/money.ts']);
    expect(m.score).toBeGreaterThan(0);
    expect(m.score).toBeLessThan(90);
    expect(m.belowMinimum).toBe(true);
    const rounding = m.survivors.filter((s) => s.status === 'Survived' && s.line === roundingLine);
    expect(rounding.length).toBeGreaterThan(0);
    expect(rounding[0]!.requirements).toContain('money#R-roundhalfeven-numerator-denominator-divides-two');

    // The survivors are kept whole for whoever turns them into scenarios: where each starts and ends, and what it replaced.
    const kept = JSON.parse(readFileSync(path.join(root, '.speccc/verify/survivors.json'), 'utf8')) as { specs: { spec: string; survivors: { line: number; end: { line: number; column: number }; original: string; replacement: string; requirements: string[] }[] }[] };
    expect(kept.specs.map((s) => s.spec)).toEqual(['money']);
    const keptRounding = kept.specs[0]!.survivors.find((s) => s.line === roundingLine && s.original === 'twiceRemainder === d');
    expect(keptRounding).toMatchObject({ end: { line: roundingLine }, requirements: expect.arrayContaining(['money#R-roundhalfeven-numerator-denominator-divides-two']) });

    const history = await runCli(['verify', '--history'], { cwd: root });
    expect(history.stdout).toMatch(/money: satisfaction 100% over 1 scenario run; mutation score \d+(\.\d)?%/);
    expect(history.stdout).toMatch(/over time:\n {2}\S+ {2}satisfaction 100% \(1 scenario run\); mutation money \d+(\.\d)?%\n/);
  }, 180_000);
});
