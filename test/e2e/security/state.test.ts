/**
 * Settings, crashes and races: no setting, state file or timing gets around the gate, loses
 * work, deletes what it should not, or ends in a stack trace.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentTask } from '../../../src/types/index.js';
import { createSandbox } from '../../../src/phases/6-generate/sandbox.js';
import { runCli } from '../../helpers/cli.js';
import { fakeAgent, specIdOf, writeAll } from '../../helpers/fake-agent.js';
import { buildWith, view } from '../../helpers/runtime.js';
import { EXAMPLE_OUTPUTS, moneyOnly } from '../../helpers/workspaces.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

describe('settings', () => {
  for (const [generated, message] of [
    ['specs', /paths\.generated \(`specs`\) is paths\.specs \(`specs`\); a build would replace it/],
    ['.', /paths\.generated is the workspace root/],
    ['/tmp/elsewhere', /paths\.generated is absolute/],
    ['../outside', /lies outside the workspace/],
    ['context/out', /lies inside paths\.context/],
  ] as const) {
    it(`paths.generated "${generated}" is a config error before any request`, async () => {
      const root = workspaces.moneyOnly();
      writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ paths: { generated } }));
      const twin = await twins.start({ script: [] });
      const run = await runCli(['build'], { cwd: root, env: twin.env() });
      expect(run.code).toBe(2);
      expect(run.stdout).toMatch(message);
      expect(twin.requests).toHaveLength(0);
      expect(existsSync(path.join(root, 'specs/core/money.md'))).toBe(true);
    });
  }

  it('--max-cost must be a positive, finite number of dollars', async () => {
    const root = workspaces.moneyOnly();
    for (const bad of ['Infinity', 'NaN', '-1', '0', '1e400', 'ten']) {
      const run = await runCli(['build', '--max-cost', bad], { cwd: root });
      expect(run, bad).toMatchObject({ code: 2, stdout: '', stderr: `speccc: --max-cost must be a positive number of US dollars, not ${bad}\n` });
    }
  });
});

describe('state files are input like any other', () => {
  it('a crafted promotion journal naming a folder outside the workspace is refused, and nothing is deleted', async () => {
    const root = workspaces.moneyOnly();
    const victim = workspaces.empty('speccc-victim-');
    writeFileSync(path.join(victim, 'precious.txt'), 'keep me');
    mkdirSync(path.join(root, '.speccc'), { recursive: true });
    writeFileSync(path.join(root, '.speccc/promote-journal.json'), JSON.stringify({ generated: path.join(root, 'generated'), tree: victim, old: victim }));
    const run = await runCli(['build', '--check'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("speccc: .speccc/promote-journal.json names paths outside this workspace's generated/ and .speccc/staging/; refusing to touch them. Delete the journal if no build is running\n");
    expect(readFileSync(path.join(victim, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('corrupt state files are located errors or skipped lines, never stack traces', async () => {
    const root = workspaces.example(['specs', 'context', 'scenarios']);
    await buildWith(root, fakeAgent(writeAll(EXAMPLE_OUTPUTS)).agent);
    // A trace line cut by a crash, a verify history line edited by hand, a manifest cut short.
    const runs = path.join(root, '.speccc/runs');
    const trace = (await import('node:fs')).readdirSync(runs)[0]!;
    writeFileSync(path.join(runs, trace), readFileSync(path.join(runs, trace), 'utf8') + '{"type":"job","spec":');
    const log = await runCli(['log'], { cwd: root });
    expect(log.code).toBe(0);
    expect(log.stderr).toMatch(/^speccc: \.speccc\/runs\/[\w-]+\.jsonl:\d+: not valid JSON \(cut short by a crash\?\); skipped\n$/);
    mkdirSync(path.join(root, '.speccc/verify'), { recursive: true });
    writeFileSync(path.join(root, '.speccc/verify/history.jsonl'), '{"at":"2026-11-01T00:00:00Z","results":[]}\n{"at": 3}\n');
    const history = await runCli(['verify', '--history'], { cwd: root });
    expect(history).toMatchObject({ code: 0, stderr: 'speccc: .speccc/verify/history.jsonl:2: not a verify record (cut short or edited); skipped\n' });
    writeFileSync(path.join(root, 'generated/.speccc/manifest.json'), '{"format":1,"specs":{"money":{"file":');
    const check = await runCli(['check'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('generated/.speccc/manifest.json:1:1: error manifest-unreadable The manifest is not valid JSON');
    const built = await runCli(['build', '--check'], { cwd: root });
    expect(built.code).toBe(1);
    expect(built.stderr).toBe('');
  });
});

describe('races and crashes', () => {
  it('a spec edited while a build runs is not stamped as built: the next build sees the edit', async () => {
    const root = workspaces.example();
    const spec = path.join(root, 'specs/features/discount-codes.md');
    let edited = false;
    const agent = fakeAgent((task: AgentTask) => {
      if (!edited) {
        edited = true; // the author saves while the first job runs
        writeFileSync(spec, readFileSync(spec, 'utf8').replace('An empty list of codes gives a discount of 0', 'An empty list of codes gives a discount of exactly 0'));
      }
      return writeAll(EXAMPLE_OUTPUTS)(task);
    });
    expect(view(await buildWith(root, agent.agent)).kind).toBe('built');
    const next = fakeAgent(writeAll(EXAMPLE_OUTPUTS));
    const second = view(await buildWith(root, next.agent));
    expect(second.kind).toBe('built');
    expect(next.tasks.map(specIdOf)).toContain('discount-codes');
  });

  it('two builds started together: one builds, the other is refused with one line and exit 1', async () => {
    const root = workspaces.moneyOnly();
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ agent: { maxTurns: 1 }, validation: { maxFixAttempts: 0 } }));
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: { content: [{ type: 'text', text: 'thinking…' }] }, delayMs: 1500 }] });
    const env = twin.env();
    const [a, b] = await Promise.all([runCli(['build'], { cwd: root, env }), runCli(['build'], { cwd: root, env })]);
    const refused = [a, b].filter((r) => r.stderr.includes('another speccc'));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.code).toBe(1);
    expect(refused[0]!.stderr).toMatch(/^speccc: another speccc build is running in this workspace(?: \(pid \d+ on .+\))?; wait for it or stop it\n$/);
  });

  it('a kill between the two renames of a promotion: check and verify see the finished tree', async () => {
    const root = workspaces.example(['specs', 'context', 'scenarios']);
    const { exampleReplies } = await import('../../helpers/example-replies.js');
    const replies = exampleReplies();
    await buildWith(root, fakeAgent((task) => ({ files: replies[specIdOf(task)]! })).agent);
    // Die after moving the old tree aside, before moving the new one in.
    const staging = path.join(root, '.speccc/staging/crashed');
    mkdirSync(staging, { recursive: true });
    (await import('node:fs')).cpSync(path.join(root, 'generated'), path.join(staging, 'tree'), { recursive: true });
    renameSync(path.join(root, 'generated'), path.join(staging, 'old'));
    writeFileSync(path.join(root, '.speccc/promote-journal.json'), JSON.stringify({ generated: path.join(root, 'generated'), tree: path.join(staging, 'tree'), old: path.join(staging, 'old') }));
    const check = await runCli(['check'], { cwd: root });
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(path.join(root, 'generated/src/money.ts'))).toBe(true);
    const verify = await runCli(['verify'], { cwd: root });
    expect(verify.stdout).toContain('✔ money: 1/1 scenarios pass');
  }, 60_000);

  it('a spec id such as `constructor` or `prototype` builds like any other', async () => {
    const root = workspaces.moneyOnly();
    const money = readFileSync(path.join(root, 'specs/core/money.md'), 'utf8');
    for (const id of ['constructor', 'prototype']) {
      const own = money.replace('id: money', `id: ${id}`).replace(/src\/money/g, `src/${id}`).replace(/  - package\.json\n  - tsconfig\.json\n/, '');
      writeFileSync(path.join(root, `specs/core/${id}.md`), own);
    }
    const result = view(await buildWith(root, fakeAgent((task) => ({ files: Object.fromEntries((task.prompt.match(/^- `([^`]+)`$/gm) ?? []).map((l) => [l.slice(3, -1), 'export {};\n'])) })).agent));
    expect([...result.outcomes.values()].map((o) => `${o.id} ${o.state}`).sort()).toEqual(['constructor built', 'money built', 'prototype built']);
    const manifest = JSON.parse(readFileSync(path.join(root, 'generated/.speccc/manifest.json'), 'utf8')) as { specs: Record<string, unknown> };
    expect(Object.keys(manifest.specs).sort()).toEqual(['constructor', 'money', 'prototype']);
    expect((await runCli(['build', '--check'], { cwd: root })).code).toBe(0);
  });
});

describe('write_file is bounded', () => {
  it('content longer than any reply within max_tokens is refused by the sandbox', () => {
    const sandbox = createSandbox({ outputs: ['src/a.ts'], readable: new Map(), maxFileBytes: 1000 });
    expect(sandbox.write('src/a.ts', 'x'.repeat(1001))).toMatchObject({ ok: false, error: expect.stringContaining('a file may have at most 1000') });
    expect(sandbox.write('src/a.ts', 'x'.repeat(1000))).toEqual({ ok: true });
  });

  it('a streamed tool call longer than the limit is cut off while it streams, never held whole', async () => {
    const root = workspaces.moneyOnly();
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ model: { maxOutputTokens: 256 }, validation: { maxFixAttempts: 0 } }));
    const huge = 'x'.repeat(20 * 1024 * 1024); // 20 MB, far past 256 tokens × 16
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: { content: [{ type: 'tool_use', name: 'write_file', input: { path: 'src/money.ts', content: huge } }], outputTokens: 100 } }] });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/money failed \(output-limit-reached\): the model wrote a file longer than 4096 characters .*raise model.maxOutputTokens in speccc.config.json \(now 256\)/);
    expect(twin.messageRequests()[0]!.aborted).toBe(true);
  }, 60_000);
});
