/** Crash safety and mutual exclusion: what happens around promotion and between two builds. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWorkspaceLock, WorkspaceLockedError } from '../../../src/io/lock.js';
import { recoverPromotion } from '../../../src/io/promote.js';
import { fakeAgent, writeAll } from '../../helpers/fake-agent.js';
import { buildWith, view } from '../../helpers/runtime.js';
import { runCli } from '../../helpers/cli.js';
import { EXAMPLE_OUTPUTS } from '../../helpers/workspaces.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const workspaces = useTempWorkspace();
const workspace = () => workspaces.example();
const OUTPUTS = EXAMPLE_OUTPUTS;

describe('build safety', () => {
  it('a second build in the same workspace is refused, naming the holder', async () => {
    const root = workspace();
    const lock = await acquireWorkspaceLock(root, 'build');
    try {
      const fake = fakeAgent(writeAll(OUTPUTS));
      const error = await buildWith(root, fake.agent).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkspaceLockedError);
      expect((error as Error).message).toMatch(new RegExp(`another speccc build is running in this workspace \\(pid ${process.pid} on .+, started \\d{4}-`));
      expect(fake.tasks).toHaveLength(0);
    } finally {
      await lock.release();
    }
    const fake = fakeAgent(writeAll(OUTPUTS));
    await buildWith(root, fake.agent);
    expect(fake.tasks).toHaveLength(4);
  });

  it('a crash between the two renames of a promotion is finished at the next start', async () => {
    const root = workspace();
    await buildWith(root, fakeAgent(writeAll(OUTPUTS)).agent);
    // Simulate dying after the old tree was moved aside and before the new one was moved in.
    const staging = path.join(root, '.speccc/staging/crashed');
    mkdirSync(path.join(staging, 'tree/src'), { recursive: true });
    writeFileSync(path.join(staging, 'tree/src/money.ts'), 'new tree\n');
    renameSync(path.join(root, 'generated'), path.join(staging, 'old'));
    writeFileSync(
      path.join(root, '.speccc/promote-journal.json'),
      JSON.stringify({ generated: path.join(root, 'generated'), tree: path.join(staging, 'tree'), old: path.join(staging, 'old') }),
    );
    expect(existsSync(path.join(root, 'generated'))).toBe(false);
    expect(await recoverPromotion(root, path.join(root, 'generated'))).toBe('completed');
    expect(readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8')).toBe('new tree\n');
    expect(existsSync(staging)).toBe(false);
  });

  it('a crash before the new tree was complete restores the old tree', async () => {
    const root = workspace();
    await buildWith(root, fakeAgent(writeAll(OUTPUTS)).agent);
    const original = readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8');
    const staging = path.join(root, '.speccc/staging/crashed');
    mkdirSync(staging, { recursive: true });
    renameSync(path.join(root, 'generated'), path.join(staging, 'old'));
    writeFileSync(
      path.join(root, '.speccc/promote-journal.json'),
      JSON.stringify({ generated: path.join(root, 'generated'), tree: path.join(staging, 'tree'), old: path.join(staging, 'old') }),
    );
    expect(await recoverPromotion(root, path.join(root, 'generated'))).toBe('restored');
    expect(readFileSync(path.join(root, 'generated/src/money.ts'), 'utf8')).toBe(original);
  });

  it('an aborted build (Ctrl-C) promotes nothing, and the next build reuses the finished jobs', async () => {
    const root = workspace();
    const controller = new AbortController();
    const first = fakeAgent((task, call) => {
      if (call === 2) controller.abort();
      return writeAll(OUTPUTS)(task);
    });
    const result = view(await buildWith(root, first.agent, { signal: controller.signal, concurrency: 1 }));
    expect(result.cancelled).toBe(true);
    expect(existsSync(path.join(root, 'generated'))).toBe(false);
    const second = fakeAgent(writeAll(OUTPUTS));
    await buildWith(root, second.agent);
    expect(second.tasks).toHaveLength(2); // the two jobs that finished before Ctrl-C were not paid for again
    expect(existsSync(path.join(root, 'generated/src/invoice-totals.ts'))).toBe(true);
  });

  it('build --check and --dry-run work without a key; --check exits 1 when stale and 0 when in sync', async () => {
    const root = workspace();
    const stale = await runCli(['build', '--check', '--root', root], { cwd: root });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('4 specs of 4 to build');
    const dry = await runCli(['build', '--dry-run', '--root', root], { cwd: root });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/money: never built — ~[\d,]+ input tokens/);
    await buildWith(root, fakeAgent(writeAll(OUTPUTS)).agent);
    const synced = await runCli(['build', '--check', '--root', root], { cwd: root });
    expect(synced).toMatchObject({ code: 0, stdout: '4 specs up to date\n' });
    writeFileSync(path.join(root, 'generated/src/money.ts'), 'edited\n');
    const drifted = await runCli(['build', '--check', '--root', root], { cwd: root });
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain('money: output edited by hand');
    expect(drifted.stdout).toContain('drifted: src/money.ts');
  });
});
