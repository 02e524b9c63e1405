/**
 * Validation inside a build, with real tsc and vitest runs in staged trees: the fix loop, its
 * bound, and holdout scenarios that gate promotion without ever reaching the agent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWith, view } from '../../helpers/runtime.js';
import { fakeAgent, specIdOf } from '../../helpers/fake-agent.js';
import { exampleReplies } from '../../helpers/example-replies.js';
import { moneyOnly } from '../../helpers/workspaces.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const workspaces = useTempWorkspace();
/** Only the money spec (and the constraint), so each build runs one job. */
const moneyWorkspace = () => workspaces.moneyOnly();

const replies = exampleReplies();
const good = replies.money!;
const broken = { ...good, 'src/money.ts': good['src/money.ts']!.replace('return sign * rounded + 0;', 'return sign * quotient + 0;') };

/** The real gate: type-check, tests and holdouts in the sealed sandbox. */
const sealed = { validator: 'sealed' as const, env: { PATH: process.env.PATH, ANTHROPIC_API_KEY: 'sk-ant-never-leak' } };

describe('validation in the build', () => {
  it('a first answer that fails its tests is fixed in the same job and promoted; the failure reaches the fix prompt', async () => {
    const root = moneyWorkspace();
    const fake = fakeAgent((_task, call) => ({ files: call === 1 ? broken : good }));
    const result = view(await buildWith(root, fake.agent, sealed));
    expect(result.outcomes.get('money')).toMatchObject({ state: 'built', attempts: 2 });
    expect(fake.tasks).toHaveLength(2);
    expect(fake.tasks[1]!.prompt).toContain('did not pass validation (attempt 1 of 3)');
    expect(fake.tasks[1]!.prompt).toMatch(/half-even rounding of a tie/);
    expect(fake.tasks[1]!.history).toBeDefined(); // same conversation, continued
    expect(readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8')).toContain('return sign * rounded + 0;');
  }, 60_000);

  it('a job that never passes fails after exactly maxFixAttempts fixes and leaves generated/ untouched', async () => {
    const root = moneyWorkspace();
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ validation: { maxFixAttempts: 1 } }));
    const fake = fakeAgent(() => ({ files: broken }));
    const result = view(await buildWith(root, fake.agent, sealed));
    expect(fake.tasks).toHaveLength(2); // the first answer and exactly one fix
    expect(result.outcomes.get('money')).toMatchObject({ state: 'failed', failureClass: 'tests-fail' });
    expect(existsSync(path.join(root, 'generated/src/money.ts'))).toBe(false);
  }, 60_000);

  it('a failing holdout blocks promotion and no byte of it reaches the agent', async () => {
    const root = moneyWorkspace();
    const marker = 'HOLDOUT-SECRET-b41c';
    mkdirSync(path.join(root, 'scenarios/money'), { recursive: true });
    writeFileSync(path.join(root, 'scenarios/money/refunds.md'), `---\nspec: money\n---\n# ${marker}\n`);
    writeFileSync(
      path.join(root, 'scenarios/money/refunds.test.ts'),
      `import { expect, it } from 'vitest';\nimport { formatMoney, money } from '../../src/money.js';\n// ${marker}\nit('refunds print in brackets', () => { expect(formatMoney(money(-5))).toBe('(0.05)'); });\n`,
    );
    const fake = fakeAgent(() => ({ files: good }));
    const result = view(await buildWith(root, fake.agent, sealed));
    expect(result.outcomes.get('money')).toMatchObject({ state: 'failed', failureClass: 'holdout-fails' });
    expect(result.outcomes.get('money')!.error).toContain('refunds');
    expect(fake.tasks).toHaveLength(1); // holdout failures are never fed back for a fix
    for (const t of fake.tasks) expect(JSON.stringify(t)).not.toContain(marker);
    expect(existsSync(path.join(root, 'generated/src/money.ts'))).toBe(false);
    expect(specIdOf(fake.tasks[0]!)).toBe('money');
  }, 60_000);
});
