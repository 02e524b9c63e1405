import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScenarioChecks } from '../../../src/scenario-checks.js';
import { declarationsOf } from '../../../src/phases/4-render/declarations.js';
import { testRuntime } from '../../helpers/runtime.js';
import { fakeAgent } from '../../helpers/fake-agent.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';
import { runCli } from '../../helpers/cli.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const workspaces = useTempWorkspace();

describe('speccc scenarios generate', () => {
  it('writes a check for a scenario that lacks one, from the spec and public interface only', async () => {
    const root = workspaces.empty('speccc-scen-');
    for (const dir of ['specs', 'context', 'generated', 'scenarios']) cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, 'scenarios/money/formatting-thousands.md'), '---\nspec: money\n---\n\n# Thousands\n\n- **Given** 123456 minor units\n- **When** formatted\n- **Then** the text is `1234.56`\n');
    const fake = fakeAgent(() => ({
      files: {
        'money/formatting-thousands.test.ts': "import { expect, it } from 'vitest';\nimport { formatMoney, money } from '../../src/money.js';\nit('thousands', () => expect(formatMoney(money(123456))).toBe('1234.56'));\n",
        'money/negative-ties.test.ts': 'overwritten!',
        '../specs/core/money.md': 'pwned',
      },
    }));
    const runtime = await testRuntime(root, { agent: fake.agent, command: 'promote' });
    const { outcomes } = await generateScenarioChecks({ root, runtime, scenariosDir: path.join(root, 'scenarios'), specId: 'money' });
    expect(outcomes.map((o) => `${o.file} ${o.state}`)).toEqual(['money/formatting-thousands.test.ts written', 'money/negative-ties.test.ts skipped-existing']);
    expect(fake.tasks).toHaveLength(1);
    const prompt = fake.tasks[0]!.prompt;
    expect(prompt).toContain('the text is `1234.56`');
    expect(prompt).toContain('export declare function formatMoney(m: Money): string;');
    expect(prompt).not.toContain('twiceRemainder'); // the implementation never reaches the tester
    expect(fake.refusals).toHaveLength(2);
    expect(readFileSync(path.join(root, 'scenarios/money/negative-ties.test.ts'), 'utf8')).not.toBe('overwritten!');
    expect(readFileSync(path.join(root, 'specs/core/money.md'), 'utf8')).not.toBe('pwned');
    expect(existsSync(path.join(root, 'scenarios/money/formatting-thousands.test.ts'))).toBe(true);
  });

  it('asks for a fast-check property when the scenario states one, and the check it writes runs in verify', async () => {
    const root = workspaces.empty('speccc-scen-');
    for (const dir of ['specs', 'context', 'generated', 'scenarios']) cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, 'scenarios/money/adding-zero.md'), '---\nspec: money\n---\n\n# Property: adding zero changes nothing\n\n- **For any** amount of at most 10^12 minor units either way\n- **When** zero is added to it\n- **Then** the sum is the amount\n');
    const check = "import fc from 'fast-check';\nimport { expect, it } from 'vitest';\nimport { add, money } from '../../src/money.js';\nit('adding zero changes nothing', () => {\n  fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => { expect(add(money(minor), money(0)).minor).toBe(minor); }));\n});\n";
    const fake = fakeAgent(() => ({ files: { 'money/adding-zero.test.ts': check } }));
    const runtime = await testRuntime(root, { agent: fake.agent, command: 'promote' });
    const { outcomes } = await generateScenarioChecks({ root, runtime, scenariosDir: path.join(root, 'scenarios'), specId: 'money' });
    expect(outcomes.find((o) => o.scenario === 'adding-zero')!.state).toBe('written');
    const prompt = fake.tasks[0]!.prompt;
    expect(prompt).toContain('This scenario states a **property**');
    expect(prompt).toContain('fc.assert(fc.property(<arbitraries>');
    expect(prompt).not.toContain('twiceRemainder');
    const verified = await runCli(['verify', 'money', '--format', 'json'], { cwd: root });
    const scenarios = (JSON.parse(verified.stdout) as { specs: { scenarios: { name: string; passed: boolean; property?: { runs: number } }[] }[] }).specs[0]!.scenarios;
    expect(scenarios.find((s) => s.name === 'adding-zero')).toMatchObject({ passed: true, property: { runs: 100 } });
  }, 60_000);

  it('asks, for an example scenario, for the rules it rests on as properties too', async () => {
    const root = workspaces.empty('speccc-scen-');
    for (const dir of ['specs', 'context', 'generated', 'scenarios']) cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
    const fake = fakeAgent(() => ({ files: {} }));
    const runtime = await testRuntime(root, { agent: fake.agent, command: 'promote' });
    await generateScenarioChecks({ root, runtime, scenariosDir: path.join(root, 'scenarios'), specId: 'money', overwrite: true });
    expect(fake.tasks[0]!.prompt).toContain('an invariant, a round trip, idempotence, a bound, an error\ncase — add a second `it` that checks that rule as a fast-check property');
  });

  it('shows declarations made by the TypeScript compiler: types whole, signatures without bodies, nothing private', () => {
    const source = [
      'export interface Money {',
      '  readonly minor: number;',
      '}',
      'export function add(a: Money, b: Money): Money {',
      '  return secret(a, b);',
      '}',
      'export const ZERO: Money = compute();',
      'export class Ledger {',
      '  private entries: Money[] = [];',
      '  total(): Money { return this.entries.reduce(add, ZERO); }',
      '}',
      'export const double = (m: Money): Money => ({ minor: m.minor * 2 });',
      'function secret(a: Money, b: Money): Money { return { minor: a.minor + b.minor }; }',
      'function compute(): Money { return { minor: 0 }; }',
    ].join('\n');
    const text = declarationsOf(new Map([['src/money.ts', source]])).get('src/money.ts')!;
    expect(text).toContain('export interface Money {\n    readonly minor: number;\n}');
    expect(text).toContain('export declare function add(a: Money, b: Money): Money;');
    expect(text).toContain('export declare const ZERO: Money;');
    expect(text).toContain('total(): Money;');
    expect(text).toContain('export declare const double: (m: Money) => Money;');
    for (const hidden of ['secret', 'compute', 'reduce', 'minor * 2', 'return']) expect(text).not.toContain(hidden);
  });
});
