/**
 * `speccc audit` against real traces: builds through the Anthropic provider and the SDK against
 * the twin fingerprint every request. The example's build audits clean; a spec that quotes a
 * holdout scenario puts it in a request, and the audit names the run, the spec and the scenario.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesReply } from '../../../src/api-twin/index.js';
import { runCli } from '../../helpers/cli.js';
import { moneyUnproven } from '../../helpers/provider.js';
import { moneyOnly, repo } from '../../helpers/workspaces.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';

const twins = useTwin({ scope: 'all' });
const workspaces = useTempWorkspace({ scope: 'all' });

describe('speccc audit', () => {
  it('finds no leak in a clean build, and names run, spec and scenario when a spec quotes a holdout', async () => {
    // The example's money reply, its tests' titles without requirement ids: both builds are promoted without the coverage proof, which an audit of requests does not read.
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(moneyUnproven) }] });
    const root = workspaces.moneyOnly();
    cpSync(path.join(repo, 'scenarios/money'), path.join(root, 'scenarios/money'), { recursive: true });
    const env = { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'sk-ant-test-audit-0123456789', PATH: process.env.PATH };

    const built = await runCli(['build'], { cwd: root, env });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const clean = await runCli(['audit'], { cwd: root });
    expect(clean.stdout).toMatch(/^✔ no leak: \d+ requests? in 1 run audited against 1 scenario\n$/);
    expect(clean.code).toBe(0);

    // Someone copies the holdout into the spec: the next build's request carries it.
    const scenario = readFileSync(path.join(root, 'scenarios/money/negative-ties.md'), 'utf8').replace(/^---[\s\S]*?---\n+# /, '### Scenario: ');
    const spec = path.join(root, 'specs/core/money.md');
    writeFileSync(spec, `${readFileSync(spec, 'utf8').trimEnd()}\n\n${scenario}`);
    const leaking = await runCli(['build'], { cwd: root, env });
    expect(leaking.code, leaking.stdout + leaking.stderr).toBe(0);
    const runId = /run ([\w-]+)\)/.exec(leaking.stdout)![1]!;

    const audit = await runCli(['audit'], { cwd: root });
    expect(audit.code).toBe(1);
    expect(audit.stdout).toMatch(new RegExp(`^✖ leak: run ${runId}, spec money \\(job [0-9a-f]{12}, \\d+ requests?\\): contains (\\d+) of the (\\d+) distinctive five-word runs of scenario money/negative-ties \\(money/negative-ties\\.md; a leak from \\d+\\)$`, 'm'));
    expect(audit.stdout).toMatch(/^✖ 1 leak: \d+ requests? in 2 runs audited against 1 scenario\n$/m);
    const json = JSON.parse((await runCli(['audit', '--format', 'json'], { cwd: root })).stdout) as { leaks: { runId: string; spec: string; scenario: string; shared: number; distinctive: number }[] };
    expect(json.leaks).toEqual([expect.objectContaining({ runId, spec: 'money', scenario: 'money/negative-ties' })]);
    expect(json.leaks[0]!.shared / json.leaks[0]!.distinctive).toBeGreaterThan(0.8);
  }, 120_000);
});
