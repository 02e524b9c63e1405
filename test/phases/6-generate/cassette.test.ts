import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesReply } from '../../../src/api-twin/index.js';
import { runCli } from '../../helpers/cli.js';
import { KEY, moneyUnproven } from '../../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';

const twins = useTwin({ scope: 'all' });
const workspaces = useTempWorkspace({ scope: 'all' });

describe('record and replay', () => {
  it('--record saves each job as a cassette; --provider replay rebuilds from them with no network', async () => {
    // One spec is enough to show record and replay; each job costs a sealed validation (without
    // the coverage proof: money's tests name no requirement here, and no assertion reads coverage).
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(moneyUnproven) }] });
    const root = workspaces.moneyOnly();
    const recorded = await runCli(['build', '--record'], { cwd: root, env: { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: KEY, PATH: process.env.PATH } });
    expect(recorded.code).toBe(0);
    const cassettes = readdirSync(path.join(root, '.speccc/cassettes'));
    expect(cassettes).toHaveLength(1);
    const money = readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8');
    await twin.close();

    // No twin, no key: the replay provider needs neither.
    const replayed = await runCli(['build', '--force', '--provider', 'replay'], { cwd: root, env: { PATH: process.env.PATH } });
    expect(replayed.stderr).toBe('');
    expect(replayed.code).toBe(0);
    expect(readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8')).toBe(money);
    const manifest = JSON.parse(readFileSync(path.join(root, 'generated/.speccc/manifest.json'), 'utf8'));
    expect(manifest.specs.money.provider).toBe('replay (recorded cassettes from .speccc/cassettes/; no model was called)');
    for (const c of cassettes) expect(readFileSync(path.join(root, '.speccc/cassettes', c), 'utf8')).not.toContain(KEY);
  }, 120_000);

  it('a job with no cassette fails with a sentence saying how to record one', async () => {
    const root = workspaces.example();
    const run = await runCli(['build', '--provider', 'replay'], { cwd: root, env: { PATH: process.env.PATH } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/money failed \(api-error\): no cassette for spec money \(job [0-9a-f]{12}\) in .*; record one with `speccc build --record`/);
  });
});
