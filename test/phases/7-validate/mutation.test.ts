/**
 * The mutation planner and report reader, and the sealed validator's refusals. A real Stryker
 * run inside the sandbox, against the example with a weak scenario, is test/commands/verify/mutation-cli.test.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSealedRunner, resolveToolchain } from '../../../src/io/sealed-runner.js';
import { readHoldoutSet } from '../../../src/io/holdouts.js';
import { createValidator } from '../../../src/phases/7-validate/index.js';
import { planMutationRun, readMutationReport, type MutationResult } from '../../../src/phases/7-validate/mutation.js';
import { ConfigSchema } from '../../../src/schemas/config.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const workspaces = useTempWorkspace({ scope: 'all' });

const generated = new Map(['src/money.ts', 'src/money.test.ts'].map((p) => [p, readFileSync(path.join(repo, 'generated', p), 'utf8')]));

function scenarios(files: Record<string, string>): string {
  const dir = workspaces.empty('speccc-mutation-scenarios-');
  mkdirSync(path.join(dir, 'money'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, 'money', name), content);
  return dir;
}

const config = ConfigSchema.parse({});
const runner = createSealedRunner({ mode: 'bubblewrap', parentEnv: { PATH: process.env.PATH } });
const mutate = async (dir: string) =>
  createValidator({ config, runner }).mutate({ specId: 'money', checks: (await readHoldoutSet(dir)).get('money') ?? [], tree: generated, mutate: ['src/money.ts'], signal: new AbortController().signal });

describe('the sealed validator’s mutation runs', () => {
  it('says why nothing was scored: no holdout, no file, a link outside the toolchain', async () => {
    const empty = await mutate(scenarios({}));
    expect(empty).toMatchObject({ result: null, error: 'no holdout check to judge the mutants' });
    const noFile = await createValidator({ config, runner }).mutate({ specId: 'money', checks: (await readHoldoutSet(repo)).get('money') ?? [], tree: generated, mutate: ['src/nothing.ts'], signal: new AbortController().signal });
    expect(noFile.error).toBe('no generated file to mutate');
    expect(resolveToolchain().stryker).toMatch(/stryker\.js$/);
    const refused = await runner.run({ files: new Map(), argv: ['/bin/true'], timeoutMs: 5_000, signal: new AbortController().signal, links: new Map([['home', '/home']]) });
    expect(refused.refused).toMatch(/outside the sandbox's toolchain/);
  });
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
      { file: 'src/a.ts', line: 1, column: 11, end: { line: 1, column: 14 }, mutator: 'StringLiteral', replacement: '""', original: "'x'", status: 'NoCoverage' },
      { file: 'src/a.ts', line: 2, column: 11, end: { line: 2, column: 15 }, mutator: 'StringLiteral', replacement: '""', original: "'yz'", status: 'Survived' },
    ]);
    expect(readMutationReport(JSON.stringify({ files: {} }), ['src/a.ts']).score).toBeNull();
  });
});
