import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeAgent, writeAll } from '../helpers/fake-agent.js';
import { runCli } from '../helpers/cli.js';
import { buildWith, view } from '../helpers/runtime.js';
import { EXAMPLE_OUTPUTS, exampleCopy, removeAll } from '../helpers/workspaces.js';

const temps: string[] = [];
afterEach(() => removeAll(temps));
const OUTPUTS = EXAMPLE_OUTPUTS;

describe('manual promotion', () => {
  it('stages passing output without touching generated/, then `speccc promote` promotes it with no agent call', async () => {
    const root = exampleCopy(temps);
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ promotion: { policy: 'manual' } }));

    const fake = fakeAgent(writeAll(OUTPUTS));
    const built = view(await buildWith(root, fake.agent));
    expect([...built.outcomes.values()].map((o) => o.state)).toEqual(['staged', 'staged', 'staged', 'staged']);
    expect(existsSync(path.join(root, 'generated'))).toBe(false);

    const dry = await runCli(['build', '--dry-run'], { cwd: root });
    expect(dry.stdout).toContain('money: never built; a stored result restores it (no agent call)');

    const one = await runCli(['promote', 'money'], { cwd: root });
    expect(one).toMatchObject({ code: 0, stdout: '✔ money promoted (unverified: no holdout check)\n' });
    expect(readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8')).toContain('export const spec = "money"');
    expect(existsSync(path.join(root, 'generated/src/line-items.ts'))).toBe(false);

    const rest = await runCli(['promote'], { cwd: root });
    expect(rest.stdout.split('\n').filter(Boolean).sort()).toEqual(['✔ discount-codes promoted (unverified: no holdout check)', '✔ invoice-totals promoted (unverified: no holdout check)', '✔ line-items promoted (unverified: no holdout check)']);
    expect(fake.tasks).toHaveLength(4); // promotion never called the agent again
    expect((await runCli(['build', '--check'], { cwd: root })).code).toBe(0);
    expect(await runCli(['promote', 'nope'], { cwd: root })).toMatchObject({ code: 2, stderr: 'speccc: speccc promote names no ready spec that builds: nope\n' });
  });
});
