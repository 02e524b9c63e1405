/**
 * `<specs>/adopted.json` (speccc adopt's record), read on its own: `check` reads it on every run
 * and must not load the rest of io/adopt-project.ts (a glob library, and picomatch from
 * node_modules, which the bundled fdir requires as it loads).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AdoptionRecordSchema } from '../schemas/state.js';
import type { AdoptionRecord } from '../adopt/plan.js';
import { CorruptStateError } from './promote.js';

/** `<specs>/adopted.json`, or null when there is none; a corrupt one is a CorruptStateError (exit 1). */
export async function readAdoptionRecord(root: string, file: string): Promise<AdoptionRecord | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, file), 'utf8');
  } catch {
    return null;
  }
  try {
    return AdoptionRecordSchema.parse(JSON.parse(text)) as AdoptionRecord;
  } catch (error) {
    throw new CorruptStateError(`${file} is not an adoption record speccc can read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); restore it from version control`);
  }
}

/** The record for `check`: null when missing or unreadable (check then reports no hand-owned drift). */
export async function readAdoptionRecordQuietly(root: string, file: string): Promise<AdoptionRecord | null> {
  return readAdoptionRecord(root, file).catch(() => null);
}
