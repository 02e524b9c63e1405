/**
 * Lessons from traces: which failures become proposals (repeated, or ending a job; never a
 * holdout's), how they group across attempts, jobs and runs, how a person's decision sticks, and
 * how an accepted one joins the rules. The end-to-end path (a real failed build, the accepted
 * lesson changing every job key) is in queue.test.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveLessons, signatureOf } from '../../src/lessons/derive.js';
import { mergeLessons, withRule } from '../../src/lessons/review.js';
import type { TracedEvent } from '../../src/types/index.js';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const at = '2026-03-01T10:00:00.000Z';
const start = { type: 'run-start', command: 'build', provider: 'p', sandbox: 'bubblewrap', speccc: '0', maxCostUsd: null, at } as TracedEvent;
const visible = (spec: string, failureClass: string, detail: string, attempt = 1) => ({ type: 'validation', spec, stage: 'visible', attempt, passed: false, failureClass, durationMs: 1, detail, at }) as TracedEvent;
const job = (spec: string, state: string, failureClass?: string, error?: string) => ({ type: 'job', spec, state, attempts: 2, costUsd: 0.1, ...(failureClass ? { failureClass } : {}), ...(error ? { error } : {}), at }) as TracedEvent;
const DATE = "src/a.ts(3,14): error TS2322: Type 'Date' is not assignable to type 'string'.";

describe('lessons', () => {
  it('groups repeated or final failures of a spec\'s own checks by class and error without its place, and learns nothing from holdouts', () => {
    expect(signatureOf(`visible checks failed after 2 attempt(s): ${DATE}`)).toBe("TS2322: Type 'Date' is not assignable to type 'string'.");
    const runs = [
      { id: 'run-1', events: [start, visible('a', 'does-not-compile', DATE), visible('a', 'does-not-compile', DATE, 2), job('a', 'failed', 'does-not-compile', `visible checks failed after 2 attempt(s): ${DATE}`), visible('b', 'tests-fail', '× sums: AssertionError: expected 2 to be 3'), job('b', 'built'), job('h', 'failed', 'holdout-fails', '1 of 2 holdout scenarios fail: secret scenario name')] },
      { id: 'run-2', events: [start, visible('c', 'does-not-compile', DATE.replace('src/a.ts(3,14)', 'src/c.ts(9,2)')), job('c', 'built'), job('m', 'failed', 'missing-output', 'the agent did not write src/m.test.ts')] },
      // Not a build: triage and scenario runs teach nothing about code.
      { id: 'run-3', events: [{ ...start, command: 'triage' } as TracedEvent, visible('x', 'does-not-compile', DATE), visible('x', 'does-not-compile', DATE)] },
    ];
    const found = deriveLessons(runs);
    expect(found.map((l) => [l.failureClass, l.signature, l.evidence])).toEqual([
      ['does-not-compile', "TS2322: Type 'Date' is not assignable to type 'string'.", { occurrences: 3, failedJobs: 1, specs: ['a', 'c'], runs: ['run-1', 'run-2'] }],
      ['missing-output', 'the agent did not write src/m.test.ts', { occurrences: 1, failedJobs: 1, specs: ['m'], runs: ['run-2'] }],
    ]);
    expect(JSON.stringify(found)).not.toContain('secret scenario name');
    expect(found[1]!.text).toBe('Write every file the job lists, all of them in one reply: 1 attempt at `m` ended without `src/m.test.ts`.');

    // A person's decision sticks; an open proposal takes the latest evidence; a new failure gets the next number.
    const first = mergeLessons([], found, at);
    expect(first.added).toEqual([1, 2]);
    const decided = first.lessons.map((l) => (l.n === 1 ? { ...l, status: 'rejected' as const } : l));
    const again = mergeLessons(decided, [...found.map((c) => ({ ...c, evidence: { ...c.evidence, occurrences: 9 } })), { ...found[0]!, key: 'new', failureClass: 'timeout' as const }], at);
    expect(again.added).toEqual([3]);
    expect(again.lessons.map((l) => `${l.n}:${l.status}:${l.evidence.occurrences}`)).toEqual(['1:rejected:3', '2:proposed:9', '3:proposed:3']);
  });

  it('adds an accepted lesson as the next rule, whatever list the rules keep', () => {
    expect(withRule('# Rules\n\n1. One.\n2. Two.\n', 'Three.')).toEqual({ text: '# Rules\n\n1. One.\n2. Two.\n3. Three.\n', label: 'rule 3' });
    expect(withRule('# Rules\n\n- One.\n  still one.\n\n', 'Two.')).toEqual({ text: '# Rules\n\n- One.\n  still one.\n- Two.\n', label: 'a new rule' });
    expect(withRule('# Rules\n\n1. One.\n\nA closing paragraph.\n', 'Two.').text).toBe('# Rules\n\n1. One.\n\nA closing paragraph.\n\n2. Two.\n');
    expect(withRule(null, 'First.')).toEqual({ text: '# Rules\n\n1. First.\n', label: 'rule 1' });
  });

  const temp = useTempWorkspace();
  it('speccc lessons lists, rejects, and names a broken review file without touching it', async () => {
    const root = temp.empty();
    mkdirSync(path.join(root, '.speccc/runs'), { recursive: true });
    const trace = [start, visible('a', 'does-not-compile', DATE), job('a', 'failed', 'does-not-compile', DATE)].map((e) => JSON.stringify(e)).join('\n');
    writeFileSync(path.join(root, '.speccc/runs/2026-03-01T10-00-00-000Z-1.jsonl'), `${trace}\n`);
    const listed = await runCli(['lessons'], { cwd: root });
    expect(listed.stdout).toMatch(/^1 proposed · does-not-compile · 1 failed attempt, 1 failed job · a · 1 run\n/);
    expect(await runCli(['lessons', '--reject', '2'], { cwd: root })).toMatchObject({ code: 2, stderr: 'speccc: --reject 2: no such lesson; the lessons are 1 (speccc lessons lists them)\n' });
    expect(await runCli(['lessons', '--as', 'x'], { cwd: root })).toMatchObject({ code: 2, stderr: 'speccc: --as words a lesson you accept; add --accept <n>\n' });
    expect((await runCli(['lessons', '--reject', '1'], { cwd: root })).stdout).toBe('lesson 1 rejected; it will not be proposed again\n');
    expect((await runCli(['lessons'], { cwd: root })).stdout).toMatch(/^1 rejected \d{4}-\d\d-\d\d · does-not-compile\n$/);
    const file = path.join(root, 'triage/lessons.json');
    writeFileSync(file, '{"version": 1, "lessons": [{"n": "one"}]}');
    const broken = await runCli(['lessons'], { cwd: root });
    expect(broken).toMatchObject({ code: 1, stderr: expect.stringMatching(/^speccc: triage\/lessons\.json is not a lessons file \(at lessons\.0\.n: /) });
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "lessons": [{"n": "one"}]}');
  });
});
