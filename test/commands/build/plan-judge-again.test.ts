import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempWorkspace } from '../../helpers/fixtures.js';
import { runCli } from '../../helpers/cli.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const workspaces = useTempWorkspace();

function example(): string {
  const root = workspaces.empty('speccc-judge-again-');
  for (const part of ['specs', 'context', 'generated', 'scenarios']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
  const config = JSON.parse(readFileSync(path.join(repo, 'speccc.config.json'), 'utf8')) as Record<string, unknown>;
  // A gate setting changes: every verdict is stale, no job key is.
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ ...config, promotion: { minMutationScore: 10 } }));
  return root;
}

describe('build plan: output that is only judged again', () => {
  it('costs nothing and leaves its dependents standing', async () => {
    const root = example();
    const plan = await runCli(['build', '--dry-run'], { cwd: root });
    expect(plan.stdout).toBe(
      [
        '4 specs of 4 to judge again (no agent call)',
        '  • money: judged under other holdouts or settings; judged again with no agent call',
        '  • discount-codes: judged under other holdouts or settings; judged again with no agent call',
        '  • line-items: judged under other holdouts or settings; judged again with no agent call',
        '  • invoice-totals: judged under other holdouts or settings; judged again with no agent call',
        '',
      ].join('\n'),
    );
  });

  it('is counted apart from a job the model must write, whose dependents wait on its outputs', async () => {
    const root = example();
    const spec = path.join(root, 'specs/features/line-items.md');
    writeFileSync(spec, `${readFileSync(spec, 'utf8')}\n- A line's description is kept as given, spaces included.\n`);
    const plan = await runCli(['build', '--dry-run'], { cwd: root });
    const lines = plan.stdout.split('\n');
    expect(lines[0]).toMatch(/^2 specs of 4 to build, 2 more to judge again \(no agent call\) \(.* input tokens, estimated; expected \$[\d.]+, worst case \$[\d.]+\)$/);
    expect(lines.filter((l) => l.startsWith('  • ')).map((l) => l.replace(/ — .*$/, ''))).toEqual([
      '  • money: judged under other holdouts or settings; judged again with no agent call',
      '  • discount-codes: judged under other holdouts or settings; judged again with no agent call',
      '  • line-items: spec changed',
      '  • invoice-totals: dependency changed',
    ]);
  });
});
