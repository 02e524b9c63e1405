/**
 * `.speccc/verify/history.jsonl`: one line per `speccc verify` run: every scenario's verdict, the
 * unverified specs, and (`verify --mutate`) each scored spec's mutation score. `verify` appends
 * to it; `verify --history`, `speccc trace` and `speccc report` read it. A line a crash cut short
 * or a hand edit broke is reported with its line number and skipped.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { VerifyHistoryLineSchema } from '../schemas/state.js';
import { appendInside } from './safe-write.js';

export const VERIFY_HISTORY = path.join('.speccc', 'verify', 'history.jsonl');

export type VerifyHistoryLine = z.output<typeof VerifyHistoryLineSchema>;

export async function appendVerifyHistory(root: string, line: VerifyHistoryLine): Promise<void> {
  await appendInside(root, VERIFY_HISTORY, JSON.stringify(line) + '\n');
}

/** Every recorded verify run, oldest first; null when `speccc verify` never ran here. */
export async function readVerifyHistory(root: string): Promise<{ lines: VerifyHistoryLine[]; problems: { line: number; message: string }[] } | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, VERIFY_HISTORY), 'utf8');
  } catch {
    return null;
  }
  const lines: VerifyHistoryLine[] = [];
  const problems: { line: number; message: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let parsed: ReturnType<typeof VerifyHistoryLineSchema.safeParse> | undefined;
    try {
      parsed = VerifyHistoryLineSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) lines.push(parsed.data);
    else problems.push({ line: i + 1, message: 'not a verify record (cut short or edited); skipped' });
  });
  return { lines, problems };
}
