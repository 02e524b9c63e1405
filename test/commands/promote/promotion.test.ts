import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeAgent, writeAll } from '../../helpers/fake-agent.js';
import { runCli } from '../../helpers/cli.js';
import { buildWith, view } from '../../helpers/runtime.js';
import { EXAMPLE_OUTPUTS } from '../../helpers/workspaces.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const workspaces = useTempWorkspace();
const OUTPUTS = EXAMPLE_OUTPUTS;

describe('manual promotion', () => {
  it('stages passing output without touching generated/, then `speccc promote` promotes it (with what it builds on) and no agent call', async () => {
    const root = workspaces.example();
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ promotion: { policy: 'manual' } }));

    const fake = fakeAgent(writeAll(OUTPUTS));
    const built = view(await buildWith(root, fake.agent));
    expect([...built.outcomes.values()].map((o) => o.state)).toEqual(['staged', 'staged', 'staged', 'staged']);
    expect(existsSync(path.join(root, 'generated'))).toBe(false);

    const dry = await runCli(['build', '--dry-run'], { cwd: root });
    expect(dry.stdout).toContain('money: never built; a stored result restores it (no agent call)');

    // line-items imports money's code: promoting it alone would leave generated/ broken, so money comes too, and says why.
    const one = await runCli(['promote', 'line-items'], { cwd: root });
    expect(one.code).toBe(0);
    expect(one.stdout.split('\n').filter(Boolean).sort()).toEqual(['✔ line-items promoted (unverified: no holdout check)', '✔ money promoted (line-items builds on it; unverified: no holdout check)']);
    expect(readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8')).toContain('export const spec = "money"');
    expect(existsSync(path.join(root, 'generated/src/line-items.ts'))).toBe(true);
    expect(existsSync(path.join(root, 'generated/src/invoice-totals.ts'))).toBe(false);

    const rest = await runCli(['promote'], { cwd: root });
    expect(rest.stdout.split('\n').filter(Boolean).sort()).toEqual(['✔ discount-codes promoted (unverified: no holdout check)', '✔ invoice-totals promoted (unverified: no holdout check)']);
    expect(fake.tasks).toHaveLength(4); // promotion never called the agent again
    expect((await runCli(['build', '--check'], { cwd: root })).code).toBe(0);
    expect(await runCli(['promote', 'nope'], { cwd: root })).toMatchObject({ code: 2, stderr: 'speccc: speccc promote names no ready spec that builds: `nope`\n' });
  });
});
