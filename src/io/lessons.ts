/**
 * The lessons' edges: the review file (`triage/lessons.json`, committed with the specs), the run
 * traces lessons are derived from, and context/rules.md, where an accepted lesson goes. A review
 * file that does not parse is a CorruptStateError that names it, never a stack trace and never
 * overwritten.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LessonsFileSchema } from '../schemas/state.js';
import { deriveLessons } from '../lessons/derive.js';
import { mergeLessons, type Lesson } from '../lessons/review.js';
import { listRuns, readRun } from './trace.js';
import { CorruptStateError } from './promote.js';
import { writeInside } from './safe-write.js';

export const LESSONS_FILE = 'triage/lessons.json';

export async function readLessons(root: string): Promise<Lesson[]> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, LESSONS_FILE), 'utf8');
  } catch {
    return [];
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptStateError(`${LESSONS_FILE} is not valid JSON; fix it by hand (its history is in git) or delete it to propose every lesson again`);
  }
  const parsed = LessonsFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CorruptStateError(`${LESSONS_FILE} is not a lessons file (at ${issue.path.join('.') || 'the top'}: ${issue.message}); fix it by hand or delete it to propose every lesson again`);
  }
  return parsed.data.lessons;
}

export async function writeLessons(root: string, lessons: readonly Lesson[]): Promise<void> {
  await writeInside(root, LESSONS_FILE, `${JSON.stringify({ version: 1, lessons }, null, 2)}\n`);
}

/**
 * Reads every build trace, proposes the lessons they support that the file does not have yet
 * (and updates the evidence of those still proposed), and writes the file when that changed
 * anything. The numbers of the new proposals, and every lesson.
 */
export async function refreshLessons(root: string, now: string): Promise<{ lessons: Lesson[]; added: number[] }> {
  const runs = [];
  for (const run of await listRuns(root)) runs.push({ id: run.runId, events: (await readRun(run)).events });
  const before = await readLessons(root);
  const merged = mergeLessons(before, deriveLessons(runs), now);
  if (JSON.stringify(merged.lessons) !== JSON.stringify(before)) await writeLessons(root, merged.lessons);
  return merged;
}

/** context/rules.md (at the configured context folder), or null when it does not exist. */
export async function readRules(root: string, contextDir: string): Promise<{ file: string; text: string | null }> {
  const file = path.posix.join(contextDir.split(path.sep).join('/'), 'rules.md');
  const text = await fs.readFile(path.join(root, file), 'utf8').catch(() => null);
  return { file, text };
}
