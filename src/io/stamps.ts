/**
 * Answers stored under `.speccc/cache/<name>.json` by what their inputs were: the check report (by
 * its key, the canonical inputs) and the build stamp (by a digest of them). A missing, corrupt or
 * mismatched file is simply no answer; a read-only workspace just never gets faster.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { OutsideWorkspaceError, writeInside } from './safe-write.js';

const fileOf = (root: string, name: string) => path.join(root, '.speccc', 'cache', `${name}.json`);

/** Whether any answer is stored under `name` (for any digest): without one, working out the digest is not worth it. */
export const hasStored = (root: string, name: string): Promise<boolean> =>
  fs.access(fileOf(root, name)).then(
    () => true,
    () => false,
  );

export async function readStored<T>(root: string, name: string, digest: string): Promise<T | undefined> {
  try {
    const stored = JSON.parse(await fs.readFile(fileOf(root, name), 'utf8')) as { digest?: unknown; value?: T };
    return stored.digest === digest && stored.value !== undefined ? stored.value : undefined;
  } catch {
    return undefined;
  }
}

export async function writeStored<T>(root: string, name: string, digest: string, value: T): Promise<void> {
  try {
    await writeInside(root, path.relative(root, fileOf(root, name)), JSON.stringify({ digest, value }));
  } catch (error) {
    // read-only workspace: the next run just works again (a link out of the workspace is the user's to hear about)
    if (error instanceof OutsideWorkspaceError) throw error;
  }
}
