/**
 * The spec queue end to end, through the CLI against the twin and the real sealed validator:
 * `speccc status` lists what waits (most urgent first), what shipped and what waits for a person;
 * `build --next N` builds the top N and what they build on, and leaves the rest waiting; a
 * priority is not part of the job key; the report has the queue as a section.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryScript } from '../../src/twin/index.js';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';
import { repo } from '../helpers/workspaces.js';

/** money, line-items and discount-codes of the bundled example, with their holdouts; discount-codes is urgent, line-items can wait. */
function workspace(root: string): void {
  for (const part of ['context', 'speccc.config.json', 'specs/core', 'specs/constraints']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
  mkdirSync(path.join(root, 'specs/features'), { recursive: true });
  const withPriority = (id: string, priority: string) => writeFileSync(path.join(root, `specs/features/${id}.md`), readFileSync(path.join(repo, `specs/features/${id}.md`), 'utf8').replace('status: ready\n', `status: ready\npriority: ${priority}\n`));
  withPriority('discount-codes', 'high');
  withPriority('line-items', 'low');
  for (const id of ['money', 'line-items', 'discount-codes']) cpSync(path.join(repo, 'scenarios', id), path.join(root, 'scenarios', id), { recursive: true });
  // A proposal from triage waits for a person, not for a build.
  writeFileSync(path.join(root, 'specs/features/category-totals.md'), readFileSync(path.join(import.meta.dirname, 'fixtures/category-totals.md'), 'utf8'));
}

describe('the spec queue', () => {
  const twins = useTwin();
  const temp = useTempWorkspace();

  it('status shows the queue; build --next drains it from the top; a priority changes no job key', async () => {
    const root = temp.empty();
    workspace(root);
    await twins.replies(path.join(repo, 'examples/replies'));
    const env = twins.env();

    const before = await runCli(['status'], { cwd: root, env });
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(
      [
        'queue: 3 waiting, 0 running, 0 failed, 1 held, 0 shipped',
        'waiting (speccc build --next N takes from the top):',
        '  1. discount-codes  high    Stale: never built; not rebuilt yet.',
        '  2. money           normal  Stale: never built; not rebuilt yet.',
        '  3. line-items      low     Stale: never built; not rebuilt yet.',
        'held (proposed or draft: a person makes it ready; blocked: fix what blocks it):',
        '  category-totals  proposed  Status is proposed: not built.',
        '',
      ].join('\n'),
    );

    const first = await runCli(['build', '--next', '1'], { cwd: root, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('… taking discount-codes from the queue, with money it builds on; 1 left waiting\n');
    expect(first.stdout).toContain('• line-items waits in the queue (build --next took others)\n');
    expect(first.stdout).toMatch(/✔ 2 specs built, 0 failed, 1 left waiting in the queue, 0 up to date/);

    const json = JSON.parse((await runCli(['status', '--format', 'json'], { cwd: root, env })).stdout) as { queue: Record<string, { id: string; stage: string; priority: number }[]> };
    expect(Object.fromEntries(Object.entries(json.queue).map(([k, v]) => [k, v.map((e) => `${e.id}:${e.stage}:${e.priority}`)]))).toEqual({
      waiting: ['line-items:ready:3'],
      running: [],
      failed: [],
      shipped: ['discount-codes:verified:1', 'money:verified:2'],
      held: ['category-totals:proposed:2'],
    });

    // When to build a spec is not what to build: a new priority rebuilds nothing.
    const spec = path.join(root, 'specs/features/discount-codes.md');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('priority: high', 'priority: 7'));
    const plan = JSON.parse((await runCli(['build', '--dry-run', '--format', 'json'], { cwd: root, env })).stdout) as { jobs: { id: string; state: string }[] };
    expect(plan.jobs.map((j) => `${j.id}:${j.state}`)).toEqual(['money:fresh', 'discount-codes:fresh', 'line-items:stale']);

    const rest = await runCli(['build', '--next', '5', '--format', 'json'], { cwd: root, env });
    expect(rest.code, rest.stderr).toBe(0);
    expect((JSON.parse(rest.stdout) as { next: string[] }).next).toEqual(['line-items']);
    const drained = await runCli(['build', '--next', '1'], { cwd: root, env });
    expect(drained.stdout).toBe('✔ nothing waits in the queue (speccc status shows it)\n');

    const report = await runCli(['report', '--format', 'markdown'], { cwd: root, env });
    expect(report.stdout).toContain('### Queue\n\n**0 waiting · 0 running · 0 failed · 3 shipped · 1 held**\n\nHeld for a person: category-totals (proposed).');
  }, 240_000);

  it('--next is a whole number, and takes from the queue alone; a priority is a word or a whole number', async () => {
    const root = temp.empty();
    workspace(root);
    const spec = path.join(root, 'specs/features/line-items.md');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('priority: low', 'priority: urgent'));
    expect((await runCli(['check'], { cwd: root })).stdout).toContain('specs/features/line-items.md:5:11: error frontmatter-invalid-value Field `priority` is `urgent`; expected one of high, normal, low, or a whole number (0 is the most urgent)');
    expect(await runCli(['build', '--next', 'two'], { cwd: root })).toMatchObject({ code: 2, stderr: 'speccc: --next must be a whole number from 1 to 10000, not two\n' });
    expect(await runCli(['build', '--next', '1', '--force'], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringContaining('does not combine with --dry-run, --check, --force or --shard') });
  });
});
