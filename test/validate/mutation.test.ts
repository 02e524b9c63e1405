/**
 * Mutation testing of the example's money spec against its holdout scenarios, with Stryker for
 * real (all mutators, only src/money.ts: a run takes a few seconds on 2 cores). The tree is laid
 * out as a staged tree is (generated code at the root, scenarios under .holdout/money/) and has
 * no node_modules; it sits inside a folder whose node_modules holds a decoy vitest, as a staged
 * tree inside a user's project would, to show the run uses speccc's vitest all the same.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMutation, specccToolchain } from '../../src/io/mutation-runner.js';
import { planMutationRun, readMutationReport, type MutationResult } from '../../src/phases/7-validate/mutation.js';

const repo = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

const WEAK = `import { expect, it } from 'vitest';
import { money, multiplyBasisPoints } from '../../src/money.js';

it('multiplying a negative amount gives a negative amount', () => {
  expect(multiplyBasisPoints(money(-135), 1_000).minor).toBeLessThan(0);
});
`;

function stagedTree(): string {
  const outer = mkdtempSync(path.join(tmpdir(), 'speccc-mutation-'));
  temps.push(outer);
  // A vitest that must never be used: found upward from the tree, as a user's own would be.
  const decoy = path.join(outer, 'node_modules/vitest');
  mkdirSync(decoy, { recursive: true });
  writeFileSync(path.join(decoy, 'package.json'), JSON.stringify({ name: 'vitest', version: '0.0.0-decoy', type: 'module', exports: { './node': './node.js', './package.json': './package.json' } }));
  writeFileSync(path.join(decoy, 'node.js'), "export function createVitest() { throw new Error('the decoy vitest was used'); }\n");
  const tree = path.join(outer, 'tree');
  cpSync(path.join(repo, 'generated'), tree, { recursive: true });
  const holdouts = path.join(tree, '.holdout/money');
  mkdirSync(holdouts, { recursive: true });
  for (const name of readdirSync(path.join(repo, 'scenarios/money')).filter((n) => n.endsWith('.test.ts'))) {
    cpSync(path.join(repo, 'scenarios/money', name), path.join(holdouts, name));
  }
  return tree;
}

const holdoutsOf = (tree: string) => readdirSync(path.join(tree, '.holdout/money')).map((n) => `.holdout/money/${n}`);
const base = { specId: 'money', mutate: ['src/money.ts'], toolchain: specccToolchain(), timeoutMs: 120_000, concurrency: 2, incrementalFile: '.stryker/money/incremental.json' };

describe('mutation testing against holdout scenarios', () => {
  it('scores the generated code, reuses results on a rerun, and shows what a weak scenario leaves unpinned', async () => {
    const tree = stagedTree();
    const source = readFileSync(path.join(tree, 'src/money.ts'), 'utf8').split('\n');
    const roundingLine = source.findIndex((l) => l.includes('twiceRemainder > d')) + 1;
    expect(roundingLine).toBeGreaterThan(0);

    const strong = await runMutation({ ...base, treeDir: tree, holdoutFiles: holdoutsOf(tree) });
    expect(strong.score).toEqual(expect.any(Number));
    expect(strong.score!).toBeGreaterThan(0);
    expect(strong.score!).toBeLessThan(100);
    expect(strong.killed).toBeGreaterThan(0);
    expect(strong.total).toBeGreaterThanOrEqual(strong.killed + strong.survived + strong.timedOut + strong.noCoverage);
    expect(strong.survivors.length).toBe(strong.survived + strong.noCoverage);
    for (const s of strong.survivors) {
      expect(s.file).toBe('src/money.ts');
      expect(s.line).toBeGreaterThan(0);
      expect(s.column).toBeGreaterThan(0);
      expect(s.mutator).not.toBe('');
      expect(s.original).not.toBe('');
    }
    // formatMoney is used by no money scenario: its mutants are reported, as never run.
    const formatLine = source.findIndex((l) => l.includes('export function formatMoney')) + 1;
    expect(strong.survivors.some((s) => s.status === 'NoCoverage' && s.line >= formatLine)).toBe(true);

    // Unchanged code and scenarios: every result comes from the incremental file.
    const again = await runMutation({ ...base, treeDir: tree, holdoutFiles: holdoutsOf(tree) });
    expect(again.output).toMatch(/(\d+) of \1 mutant result\(s\) are reused/);
    expect(again.score).toBe(strong.score);

    // The strong scenario goes, a weak one comes: the incremental file must not keep the old kills.
    rmSync(path.join(tree, '.holdout/money/negative-ties.test.ts'));
    writeFileSync(path.join(tree, '.holdout/money/weak.test.ts'), WEAK);
    const weak = await runMutation({ ...base, treeDir: tree, holdoutFiles: holdoutsOf(tree) });
    expect(weak.score!).toBeLessThan(strong.score!);
    const key = (s: { line: number; column: number; mutator: string; replacement: string }) => `${s.line}:${s.column}:${s.mutator}:${s.replacement}`;
    const strongSurvivors = new Set(strong.survivors.map(key));
    // Rounding half to even is what the strong scenario pins down and the weak one does not.
    const unpinned = weak.survivors.filter((s) => s.status === 'Survived' && s.line === roundingLine && !strongSurvivors.has(key(s)));
    expect(unpinned.length).toBeGreaterThan(0);
    expect(unpinned[0]!.file).toBe('src/money.ts');

    // Stryker cleaned its sandboxes up and wrote nothing beside the tree.
    expect(readdirSync(path.join(tree, '.stryker/money')).sort()).toEqual(['incremental.json', 'mutation.json', 'stryker.config.json']);
    expect(readdirSync(path.dirname(tree)).sort()).toEqual(['node_modules', 'tree']);
  }, 180_000);
});

describe('the mutation plan and report', () => {
  const toolchain = { node: '/usr/bin/node', strykerBin: '/opt/speccc/node_modules/@stryker-mutator/core/bin/stryker.js', vitestDir: '/opt/speccc/node_modules/vitest' };
  const input = { specId: 'money', mutate: ['src/money.ts'], holdoutFiles: ['.holdout/money/a.test.ts'], toolchain, timeoutMs: 60_000, concurrency: 2 };

  it('keeps everything in the tree and uses speccc’s vitest', () => {
    const plan = planMutationRun(input);
    expect(plan.argv).toEqual(['/usr/bin/node', toolchain.strykerBin, 'run', '.stryker/money/stryker.config.json']);
    expect(plan.reportPath).toBe('.stryker/money/mutation.json');
    const config = JSON.parse(plan.files.get('.stryker/money/stryker.config.json')!) as Record<string, unknown>;
    expect(config).toMatchObject({ testRunner: 'vitest', reporters: ['json'], tempDirName: '.stryker/money/tmp', mutate: ['src/money.ts'], concurrency: 2 });
    expect(config).not.toHaveProperty('incremental');
    expect(plan.files.get('vitest.mutation-money.config.mjs')).toContain('"/opt/speccc/node_modules/vitest/dist/index.js"');
    expect(plan.files.get('vitest.mutation-money.config.mjs')).toContain('[".holdout/money/a.test.ts"]');
    expect(plan.links).toEqual(new Map([['node_modules/vitest', toolchain.vitestDir]]));
    const incremental = JSON.parse(planMutationRun({ ...input, incrementalFile: '.stryker/money/inc.json' }).files.get('.stryker/money/stryker.config.json')!) as Record<string, unknown>;
    expect(incremental).toMatchObject({ incremental: true, incrementalFile: '.stryker/money/inc.json' });
    expect(() => planMutationRun({ ...input, holdoutFiles: [] })).toThrow(/no holdout scenarios/);
  });

  it('counts statuses of the mutated files only and quotes the code each survivor replaced', () => {
    const mutant = (id: string, status: string, line: number, column: number, endColumn: number, replacement = '""') => ({
      id,
      mutatorName: 'StringLiteral',
      replacement,
      status,
      location: { start: { line, column }, end: { line, column: endColumn } },
    });
    const json = JSON.stringify({
      schemaVersion: '1.0',
      thresholds: { high: 80, low: 60 },
      files: {
        'src/a.ts': { language: 'typescript', source: "const a = 'x';\nconst b = 'yz';\n", mutants: [mutant('1', 'Killed', 1, 11, 14), mutant('2', 'Survived', 2, 11, 15), mutant('3', 'Timeout', 1, 11, 14), mutant('4', 'NoCoverage', 1, 11, 14), mutant('5', 'CompileError', 1, 11, 14)] },
        'src/other.ts': { language: 'typescript', source: "'q'", mutants: [mutant('6', 'Survived', 1, 1, 4)] },
      },
    });
    const result: MutationResult = readMutationReport(json, ['./src/a.ts']);
    expect(result).toMatchObject({ killed: 1, survived: 1, timedOut: 1, noCoverage: 1, total: 5, score: 50 });
    expect(result.survivors).toEqual([
      { file: 'src/a.ts', line: 1, column: 11, mutator: 'StringLiteral', replacement: '""', original: "'x'", status: 'NoCoverage' },
      { file: 'src/a.ts', line: 2, column: 11, mutator: 'StringLiteral', replacement: '""', original: "'yz'", status: 'Survived' },
    ]);
    expect(readMutationReport(JSON.stringify({ files: {} }), ['src/a.ts']).score).toBeNull();
  });
});
