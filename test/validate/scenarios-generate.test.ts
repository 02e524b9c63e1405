import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateScenarioChecks } from '../../src/scenario-checks.js';
import { publicInterface } from '../../src/phases/7-validate/public-interface.js';
import { fakeAgent } from '../helpers/fake-agent.js';

const repo = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((t) => rmSync(t, { recursive: true, force: true })));

describe('speccc scenarios generate', () => {
  it('writes a check for a scenario that lacks one, from the spec and public interface only', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'speccc-scen-'));
    temps.push(root);
    for (const dir of ['specs', 'context', 'generated', 'scenarios']) cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, 'scenarios/money/formatting-thousands.md'), '---\nspec: money\n---\n\n# Thousands\n\n- **Given** 123456 minor units\n- **When** formatted\n- **Then** the text is `1234.56`\n');
    const fake = fakeAgent(() => ({
      files: {
        'money/formatting-thousands.test.ts': "import { expect, it } from 'vitest';\nimport { formatMoney, money } from '../../src/money.js';\nit('thousands', () => expect(formatMoney(money(123456))).toBe('1234.56'));\n",
        'money/negative-ties.test.ts': 'overwritten!',
        '../specs/core/money.md': 'pwned',
      },
    }));
    const { outcomes } = await generateScenarioChecks({ root, agent: fake.agent, scenariosDir: path.join(root, 'scenarios'), specId: 'money' });
    expect(outcomes.map((o) => `${o.file} ${o.state}`)).toEqual(['money/formatting-thousands.test.ts written', 'money/negative-ties.test.ts skipped-existing']);
    expect(fake.tasks).toHaveLength(1);
    const prompt = fake.tasks[0]!.prompt;
    expect(prompt).toContain('the text is `1234.56`');
    expect(prompt).toContain('export function formatMoney(m: Money): string;');
    expect(prompt).not.toContain('twiceRemainder'); // the implementation never reaches the tester
    expect(fake.refusals).toHaveLength(2);
    expect(readFileSync(path.join(root, 'scenarios/money/negative-ties.test.ts'), 'utf8')).not.toBe('overwritten!');
    expect(readFileSync(path.join(root, 'specs/core/money.md'), 'utf8')).not.toBe('pwned');
    expect(existsSync(path.join(root, 'scenarios/money/formatting-thousands.test.ts'))).toBe(true);
  });

  it('keeps types whole and reduces functions and classes to signatures', () => {
    const text = publicInterface(
      [
        'export interface Money {',
        '  readonly minor: number;',
        '}',
        'export function add(a: Money, b: Money): Money {',
        '  return secret(a, b);',
        '}',
        'export const ZERO = compute();',
        'function internal() {}',
      ].join('\n'),
    );
    expect(text).toBe(['export interface Money {', '  readonly minor: number;', '}', 'export function add(a: Money, b: Money): Money;', 'export const ZERO;'].join('\n'));
  });
});
