/**
 * Crash recovery before anything reads generated/: a promotion a crash cut between its two
 * renames is finished or undone (io/promote.ts). Every command that reads generated/ starts here,
 * `check` included, so the common case (no journal) costs one lstat and loads neither the lock
 * nor the journal's schema.
 */
import path from 'node:path';
import type { RawConfig } from './raw-config.js';
import { journalExists } from './promote.js';

/**
 * Finishes or undoes a promotion a crash interrupted, before anything reads generated/ (at the
 * config's path, `raw`: the run's one read of it). Only while holding the lock: a build
 * (`holding`) holds it already; a read-only run (check, --check, --dry-run) takes it for the
 * moment it needs, and leaves recovery to the holder when a live build has it. Returns the
 * absolute generated/ folder.
 */
export async function recoverUnderLock(root: string, raw: RawConfig, holding: boolean): Promise<string> {
  const generatedDir = path.resolve(root, raw.paths.generated);
  if (!holding && !(await journalExists(root))) return generatedDir; // the common case: nothing to recover, no lock to take
  const { recoverPromotion } = await import('./promote.js');
  if (holding) {
    await recoverPromotion(root, generatedDir);
    return generatedDir;
  }
  const { acquireWorkspaceLock, WorkspaceLockedError } = await import('./lock.js');
  try {
    const lock = await acquireWorkspaceLock(root, 'build --check');
    try {
      await recoverPromotion(root, generatedDir);
    } finally {
      await lock.release();
    }
  } catch (error) {
    if (!(error instanceof WorkspaceLockedError)) throw error;
  }
  return generatedDir;
}
