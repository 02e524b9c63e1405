/**
 * The spec queue and lessons end to end, through the CLI against the twin and the real sealed
 * validator: `speccc status` lists what waits (most urgent first), what shipped and what waits for
 * a person; `build --next N` builds the top N and what they build on, and leaves the rest waiting;
 * a priority is not part of the job key; the report has the queue as a section. A spec whose code
 * does not compile twice fails, is not taken again, and its trace proposes a lesson; accepted,
 * the lesson is a rule of every prompt, so every job key changes and the queue fills again.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryScript, writeFilesReply } from '../../src/api-twin/index.js';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';
import { unprovenReplies } from '../helpers/provider.js';
import { repo } from '../helpers/workspaces.js';

/** money, line-items and discount-codes of the bundled example, with their holdouts; discount-codes is urgent, line-items can wait. */
function workspace(root: string): void {
  for (const part of ['context', 'speccc.config.json', 'specs/core', 'specs/constraints']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
  mkdirSync(path.join(root, 'specs/features'), { recursive: true });
  const withPriority = (id: string, priority: string) => writeFileSync(path.join(root, `specs/features/${id}.md`), readFileSync(path.join(repo, `specs/features/${id}.md`), 'utf8').replace('status: ready\n', `status: ready\npriority: ${priority}\n`));
  withPriority('discount-codes', 'high');
  withPriority('line-items', 'low');
  for (const id of ['money', 'line-items', 'discount-codes']) cpSync(path.join(repo, 'scenarios', id), path.join(root, 'scenarios', id), { recursive: true });
  // One fix round: a failure costs two attempts.
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ ...JSON.parse(readFileSync(path.join(repo, 'speccc.config.json'), 'utf8')), validation: { maxFixAttempts: 1 } }, null, 2));
  // A proposal from triage waits for a person, not for a build.
  writeFileSync(path.join(root, 'specs/features/category-totals.md'), readFileSync(path.join(import.meta.dirname, 'fixtures/category-totals.md'), 'utf8'));
}

describe('the spec queue', () => {
  const twins = useTwin();
  const temp = useTempWorkspace();

  it('status shows the queue; build --next drains it from the top; a failure proposes a lesson that, accepted, changes every job key', async () => {
    const root = temp.empty();
    workspace(root);
    // line-items' code stores a Date where its type says string, in both attempts.
    const replies = path.join(repo, 'examples/replies');
    const lineItems = (file: string) => readFileSync(path.join(replies, 'line-items', file), 'utf8');
    const broken = { 'src/line-items.ts': `${lineItems('src/line-items.ts')}\nexport const issuedAt: string = new Date();\n`, 'src/line-items.test.ts': lineItems('src/line-items.test.ts') };
    // money and discount-codes without requirement ids in their tests' titles: promoted as always, without the coverage proof (~17 test runs a spec), which the queue does not read.
    await twins.start({ script: [{ match: { specId: 'line-items' }, reply: writeFilesReply(broken) }, ...unprovenReplies(['money', 'discount-codes']), ...(await directoryScript(replies))] });
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

    const failing = await runCli(['build', '--next', '5'], { cwd: root, env });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('… taking line-items from the queue; 0 left waiting\n');
    expect(failing.stdout).toMatch(/✖ line-items failed \(does-not-compile\): visible checks failed after 2 attempt\(s\): src\/line-items\.ts\(\d+,\d+\): error TS2322: Type 'Date' is not assignable to type 'string'\./);
    expect(failing.stdout).toContain("lesson 1 proposed for the rules from this build's failures: speccc lessons\n");

    // A failed spec is not taken again: the queue is drained until a person acts.
    const status = await runCli(['status'], { cwd: root, env });
    expect(status.stdout).toMatch(/^queue: 0 waiting, 0 running, 1 failed, 1 held, 2 shipped\n[\s\S]*failed \(a person acts before it is built again\):\n  line-items  does-not-compile  Failed in run [\s\S]*\nlessons: 1 proposed for the rules, waiting for a person \(speccc lessons\)\n$/);
    expect((await runCli(['build', '--next', '1'], { cwd: root, env })).stdout).toBe('✔ nothing waits in the queue (speccc status shows it)\n');
    const report = await runCli(['report', '--format', 'markdown'], { cwd: root, env });
    expect(report.stdout).toContain('### Queue\n\n**0 waiting · 0 running · 1 failed · 2 shipped · 1 held**\n\nHeld for a person: category-totals (proposed).');

    // The lesson, from the trace: the class, the compiler's error without its place, where it came from.
    const lessons = await runCli(['lessons'], { cwd: root, env });
    expect(lessons.stdout).toBe(
      [
        '1 proposed · does-not-compile · 2 failed attempts, 1 failed job · line-items · 1 run',
        "  Write code that type-checks under strict TypeScript on the first try; the compiler rejected 2 attempts at `line-items` with `TS2322: Type 'Date' is not assignable to type 'string'.`.",
        '  accept: speccc lessons --accept 1 [--as "<your words>"]; reject: speccc lessons --reject 1',
        '',
      ].join('\n'),
    );
    type Job = { id: string; jobKey: string | null; reasons: string[] };
    const keysOf = async (): Promise<Record<'money' | 'discount-codes', Job>> => Object.fromEntries((JSON.parse((await runCli(['build', '--dry-run', '--format', 'json'], { cwd: root, env })).stdout) as { jobs: Job[] }).jobs.map((j) => [j.id, j])) as Record<'money' | 'discount-codes', Job>;
    const keysBefore = await keysOf();
    const accepted = await runCli(['lessons', '--accept', '1', '--as', 'Dates are ISO 8601 strings, never Date objects.'], { cwd: root, env });
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/^✔ lesson 1 added to context\/rules\.md as rule 6\./);
    expect(readFileSync(path.join(root, 'context/rules.md'), 'utf8')).toMatch(/5\. Every exported function is covered by tests in the spec's own test file\.\n6\. Dates are ISO 8601 strings, never Date objects\.\n$/);
    expect(await runCli(['lessons', '--accept', '1'], { cwd: root, env })).toMatchObject({ code: 2, stderr: expect.stringMatching(/lesson 1 was accepted on \d{4}-\d\d-\d\d; only a proposed lesson/) });

    // In every later prompt, and so in every job key: the queue fills again, line-items included.
    const after = await keysOf();
    expect(after.money.jobKey).toMatch(/^[0-9a-f]{64}$/);
    expect(after.money.jobKey).not.toBe(keysBefore.money.jobKey);
    expect(after.money.reasons).toEqual(['context-changed']);
    expect(after['discount-codes'].reasons).toContain('context-changed');
    const prompts = path.join(root, 'prompts');
    await runCli(['build', '--dry-run', '--prompts-out', prompts], { cwd: root, env });
    expect(readFileSync(path.join(prompts, 'system.md'), 'utf8')).toContain('6. Dates are ISO 8601 strings, never Date objects.');
    const queue = JSON.parse((await runCli(['status', '--format', 'json'], { cwd: root, env })).stdout) as { queue: { waiting: { id: string }[] }; lessonsProposed: number[] };
    expect(queue.lessonsProposed).toEqual([]); // decided: no longer waiting for a person
    expect(queue.queue.waiting.map((e) => e.id)).toEqual(['money', 'line-items', 'discount-codes']); // discount-codes' priority is 7 now
  }, 360_000);

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
