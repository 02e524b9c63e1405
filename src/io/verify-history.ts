/**
 * `.speccc/verify/history.jsonl`: one line per `speccc verify` run (scenario results, unverified
 * specs, mutation scores). Read defensively: a line a crash cut short or a hand edit broke is
 * reported by number and skipped.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { VerifyHistoryLineSchema } from '../schemas/state.js';

export type VerifyHistoryLine = z.output<typeof VerifyHistoryLineSchema>;

export const VERIFY_HISTORY = path.join('.speccc', 'verify', 'history.jsonl');

export async function appendVerifyHistory(root: string, line: VerifyHistoryLine): Promise<void> {
  await fs.mkdir(path.join(root, path.dirname(VERIFY_HISTORY)), { recursive: true });
  await fs.appendFile(path.join(root, VERIFY_HISTORY), JSON.stringify(line) + '\n');
}

/** Every usable line, oldest first; null when nothing was ever recorded. */
export async function readVerifyHistory(root: string): Promise<{ lines: VerifyHistoryLine[]; problems: number[] } | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, VERIFY_HISTORY), 'utf8');
  } catch {
    return null;
  }
  const lines: VerifyHistoryLine[] = [];
  const problems: number[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let parsed: ReturnType<typeof VerifyHistoryLineSchema.safeParse> | undefined;
    try {
      parsed = VerifyHistoryLineSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) lines.push(parsed.data);
    else problems.push(i + 1);
  });
  return { lines, problems };
}
