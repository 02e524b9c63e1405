import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeAgent, specIdOf } from '../../helpers/fake-agent.js';
import { exampleReplies } from '../../helpers/example-replies.js';
import { runCli } from '../../helpers/cli.js';
import { buildWith } from '../../helpers/runtime.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const workspaces = useTempWorkspace({ scope: 'all' });

describe('speccc verify', () => {
  it('runs every scenario against generated/, reports per spec, records satisfaction over time', async () => {
    const root = workspaces.empty('speccc-verify-');
    for (const dir of ['specs', 'context', 'scenarios']) cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
    const replies = exampleReplies();
    await buildWith(root, fakeAgent((task) => ({ files: replies[specIdOf(task)]! })).agent);

    // the scenarios in a repository of their own (docs/scenarios.md): its .git/ and .github/ are no spec's folders
    for (const hidden of ['.git/objects', '.github/workflows']) mkdirSync(path.join(root, 'scenarios', hidden), { recursive: true });
    const pass = await runCli(['verify'], { cwd: root });
    expect(pass.stdout).toBe(
      [
        '✔ discount-codes: 1/1 scenarios pass',
        '✔ invoice-totals: 1/1 scenarios pass',
        '✔ line-items: 1/1 scenarios pass',
        '✔ money: 1/1 scenarios pass',
        '✔ 4 of 4 scenarios pass (satisfaction 100%)',
        '',
      ].join('\n'),
    );
    expect(pass.code).toBe(0);

    mkdirSync(path.join(root, 'scenarios/line-items'), { recursive: true });
    writeFileSync(
      path.join(root, 'scenarios/line-items/trims-descriptions.test.ts'),
      "import { expect, it } from 'vitest';\nimport { parseLineItems } from '../../src/line-items.js';\nit('trims descriptions', () => { expect(parseLineItems([{ description: ' Tea ', quantity: 1, unitPrice: 1, category: 'zero' }])[0]!.description).toBe('Tea'); });\n",
    );
    const fail = await runCli(['verify', '--format', 'json'], { cwd: root });
    expect(fail.code).toBe(1);
    const report = JSON.parse(fail.stdout) as { passed: number; failed: number; specs: { spec: string; passed: boolean }[] };
    expect(report).toMatchObject({ passed: 4, failed: 1 });
    expect(report.specs.find((s) => s.spec === 'line-items')!.passed).toBe(false);

    const history = await runCli(['verify', '--history'], { cwd: root });
    expect(history.stdout).toContain('2 verify runs');
    expect(history.stdout).toContain('line-items: satisfaction 67% over 3 scenario runs');
    expect(history.stdout).toContain('money: satisfaction 100% over 2 scenario runs');
  }, 60_000);
});
