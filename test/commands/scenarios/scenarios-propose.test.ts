import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeScenarios } from '../../../src/scenario-proposals.js';
import { testRuntime } from '../../helpers/runtime.js';
import { fakeAgent, type FakeReply } from '../../helpers/fake-agent.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';
import { runCli } from '../../helpers/cli.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const workspaces = useTempWorkspace();
const twins = useTwin();

/** Surviving mutants of the bundled example's src/money.ts, where `verify --mutate` finds them. */
const divideByZero = { file: 'src/money.ts', line: 46, column: 7, end: { line: 46, column: 24 }, mutator: 'ConditionalExpression', original: 'denominator === 0', replacement: 'false', status: 'Survived', requirements: ['money#R-roundhalfeven-numerator-denominator-divides-two'] };
const negativeSign = { file: 'src/money.ts', line: 70, column: 16, end: { line: 70, column: 27 }, mutator: 'EqualityOperator', original: 'm.minor < 0', replacement: 'm.minor <= 0', status: 'Survived', requirements: ['money#R-formatmoney-m-returns-the-amount'] };
const DIVIDE = 'mutant-money-l46c7-conditional-expression';
const SIGN = 'mutant-money-l70c16-equality-operator';

const divideScenario = '---\nspec: money\ncovers: [money#R-roundhalfeven-numerator-denominator-divides-two]\n---\n\n# Dividing by zero is refused\n\n- **Given** the numerator 7 and the denominator 0\n- **When** `roundHalfEven` divides them\n- **Then** it throws a TallyError with code `DIVIDE_BY_ZERO`\n';
const divideCheck = "import { expect, it } from 'vitest';\nimport { roundHalfEven } from '../../src/money.js';\n\nit('dividing by zero is refused', () => {\n  let code: unknown;\n  try {\n    roundHalfEven(7, 0);\n  } catch (error) {\n    code = (error as { code?: unknown }).code;\n  }\n  expect(code).toBe('DIVIDE_BY_ZERO');\n});\n";
const signScenario = (then: string) => `---\nspec: money\ncovers: [money#R-formatmoney-m-returns-the-amount]\n---\n\n# Formatting an amount\n\n- **Given** an amount\n- **When** it is formatted\n- **Then** ${then}\n`;
const signCheck = (minor: number, text: string) => `import { expect, it } from 'vitest';\nimport { formatMoney, money } from '../../src/money.js';\n\nit('formatting', () => {\n  expect(formatMoney(money(${minor}))).toBe('${text}');\n});\n`;

function workspace(): string {
  const root = workspaces.empty('speccc-propose-');
  for (const dir of ['specs', 'context', 'generated', 'scenarios']) cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
  return root;
}

function writeSurvivors(root: string, survivors: unknown[]): void {
  mkdirSync(path.join(root, '.speccc/verify'), { recursive: true });
  writeFileSync(path.join(root, '.speccc/verify/survivors.json'), JSON.stringify({ at: '2026-12-07T19:00:00.000Z', specs: [{ spec: 'money', score: 72.5, files: ['src/money.ts'], survivors }] }));
}

function writeDraft(root: string, name: string, md: string, check: string, mutant: object): void {
  const dir = path.join(root, 'scenarios/.proposed/money');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.md`), md);
  writeFileSync(path.join(dir, `${name}.test.ts`), check);
  writeFileSync(path.join(dir, `${name}.mutant.json`), JSON.stringify({ version: 1, spec: 'money', proposedAt: '2026-12-07T19:00:00.000Z', mutant }));
}

const scenarioNames = async (root: string) => {
  const run = await runCli(['verify', 'money', '--format', 'json'], { cwd: root });
  return (JSON.parse(run.stdout) as { specs: { scenarios: { name: string; passed: boolean }[] }[] }).specs[0]!.scenarios.map((s) => `${s.name} ${s.passed ? 'passed' : 'failed'}`);
};

describe('speccc scenarios propose', () => {
  it('drafts a scenario per surviving mutant from the spec, its declarations and the changed code only; a stale or foreign mutant is not drafted', async () => {
    const root = workspace();
    const stale = { ...negativeSign, line: 71, column: 3, end: { line: 71, column: 9 }, original: 'return', mutator: 'BlockStatement' };
    const foreign = { ...divideByZero, file: 'src/line-items.ts' };
    writeSurvivors(root, [divideByZero, negativeSign, stale, foreign]);
    const fake = fakeAgent((task): FakeReply => (task.prompt.includes('denominator === 0') ? { files: { [`money/${DIVIDE}.md`]: divideScenario, [`money/${DIVIDE}.test.ts`]: divideCheck, '../specs/core/money.md': 'pwned' } } : { files: {} }));
    const runtime = await testRuntime(root, { agent: fake.agent, command: 'promote' });
    const result = await proposeScenarios({ root, runtime, max: 3 });
    expect(result.outcomes.map((o) => `${o.name} ${o.state}`)).toEqual([`${DIVIDE} drafted`, `${SIGN} declined`, 'mutant-money-l71c3-block-statement stale']);
    const prompt = fake.tasks[0]!.prompt;
    expect(prompt).toContain('speccc-proposal: money/mutant-money-l46c7-conditional-expression');
    expect(prompt).toContain('```ts\ndenominator === 0\n```\n\nwas replaced by:\n\n```ts\nfalse\n```');
    expect(prompt).toContain('a zero denominator throws `TallyError` with code `DIVIDE_BY_ZERO`'); // the spec
    expect(prompt).toContain('export declare function roundHalfEven(numerator: number, denominator: number): number;');
    expect(prompt).not.toContain('twiceRemainder'); // no body beyond the mutated piece
    expect(fake.refusals).toHaveLength(1);
    expect(readFileSync(path.join(root, 'specs/core/money.md'), 'utf8')).not.toBe('pwned');
    expect(readFileSync(path.join(root, `scenarios/.proposed/money/${DIVIDE}.md`), 'utf8')).toBe(divideScenario);
    // A draft is no holdout until a person accepts it.
    expect(await scenarioNames(root)).toEqual(['negative-ties passed']);
    const drafts = await runCli(['scenarios', 'drafts'], { cwd: root });
    expect(drafts.stdout).toBe(`money/${DIVIDE}  Dividing by zero is refused  (kills ConditionalExpression at src/money.ts:46:7?)\n`);
    // Asked again, it moves on: the drafted mutant has its draft, the declined one is on record.
    const second = fakeAgent(() => ({ files: {} }));
    const again = await proposeScenarios({ root, runtime: await testRuntime(root, { agent: second.agent, command: 'promote' }), max: 3 });
    expect(again.outcomes.map((o) => `${o.name} ${o.state}`)).toEqual(['mutant-money-l71c3-block-statement stale']);
    expect(second.tasks).toHaveLength(0);
  }, 60_000);

  it('accepts a draft only when it passes on the promoted code and kills its mutant, in the sandbox', async () => {
    const root = workspace();
    writeDraft(root, DIVIDE, divideScenario, divideCheck, divideByZero);
    writeDraft(root, SIGN, signScenario('`123.45` for 12345 minor units'), signCheck(12345, '123.45'), negativeSign);
    writeDraft(root, `${SIGN}-2`, signScenario('zero is `0`'), signCheck(0, '0'), negativeSign);
    writeDraft(root, `${SIGN}-3`, '# no frontmatter\n\n- **Then** zero is `0.00`\n', signCheck(0, '0.00'), negativeSign);
    const run = await runCli(['scenarios', 'accept'], { cwd: root });
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      `✔ money/${DIVIDE}: accepted: it passes on the promoted code and kills ConditionalExpression at src/money.ts:46:7`,
      `✖ money/${SIGN}: not accepted: it passes on the mutated code too: it does not kill its mutant; edit it, or reject it`,
      expect.stringMatching(new RegExp(`^✖ money/${SIGN}-2: not accepted: it fails on the promoted code \\(formatting: AssertionError: expected '0\\.00' to be '0'.*\\): the draft is wrong, or it found a bug; edit it, or reject it$`)),
      `✖ money/${SIGN}-3: not accepted: its scenario's frontmatter must say \`spec: money\``,
    ]);
    expect(run.code).toBe(1);
    expect(readFileSync(path.join(root, `scenarios/money/${DIVIDE}.test.ts`), 'utf8')).toBe(divideCheck);
    expect(existsSync(path.join(root, `scenarios/.proposed/money/${DIVIDE}.md`))).toBe(false);
    expect(existsSync(path.join(root, `scenarios/.proposed/money/${SIGN}.md`))).toBe(true);
    const accepted = JSON.parse(readFileSync(path.join(root, 'scenarios/.proposed/accepted.jsonl'), 'utf8'));
    expect(accepted).toMatchObject({ scenario: `money/${DIVIDE}`, mutant: { file: 'src/money.ts', line: 46, column: 7, mutator: 'ConditionalExpression' } });
    expect(await scenarioNames(root)).toEqual([`${DIVIDE} passed`, 'negative-ties passed']);
    // Rejected: gone, and its mutant is not proposed again.
    const rejected = await runCli(['scenarios', 'reject', `money/${SIGN}`], { cwd: root });
    expect(rejected.stdout).toBe(`✔ money/${SIGN}: rejected; its mutant will not be proposed again\n`);
    writeSurvivors(root, [divideByZero, negativeSign]);
    const fake = fakeAgent(() => ({ files: {} }));
    const again = await proposeScenarios({ root, runtime: await testRuntime(root, { agent: fake.agent, command: 'promote' }), max: 3 });
    expect(again.outcomes).toEqual([]);
    expect(fake.tasks).toHaveLength(0);
  }, 120_000);

  it('runs through the CLI against the twin: propose, then accept, and says what to do when no mutation run is on record', async () => {
    const root = workspace();
    const none = await runCli(['scenarios', 'propose'], { cwd: root, env: { ANTHROPIC_API_KEY: 'x' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no surviving mutants on record: run `speccc verify --mutate` first');
    writeSurvivors(root, [divideByZero]);
    const replies = path.join(root, 'replies/@proposals/money');
    mkdirSync(replies, { recursive: true });
    writeFileSync(path.join(replies, `${DIVIDE}.md`), divideScenario);
    writeFileSync(path.join(replies, `${DIVIDE}.test.ts`), divideCheck);
    await twins.replies(path.join(root, 'replies'));
    const proposed = await runCli(['scenarios', 'propose', 'money'], { cwd: root, env: twins.env() });
    expect(proposed.stdout).toBe(`✔ money/${DIVIDE}: drafted to kill ConditionalExpression at src/money.ts:46:7\n1 draft in scenarios/.proposed: read each, then \`speccc scenarios accept <spec-id>/<name>\` or \`reject\`\n`);
    expect(proposed.code).toBe(0);
    const accepted = await runCli(['scenarios', 'accept', `money/${DIVIDE}`], { cwd: root });
    expect(accepted.code).toBe(0);
    expect(existsSync(path.join(root, `scenarios/money/${DIVIDE}.md`))).toBe(true);
    const broken = path.join(root, '.speccc/verify/survivors.json');
    writeFileSync(broken, '{"at": 1}');
    const bad = await runCli(['scenarios', 'propose'], { cwd: root, env: twins.env() });
    expect(bad.stderr).toContain('.speccc/verify/survivors.json does not hold what `verify --mutate` writes (at at): run `speccc verify --mutate` again');
  }, 120_000);
});
