/**
 * Answers stored by input digest under `.speccc/cache/<name>.json`: the check report and the
 * build stamp. A missing, corrupt or mismatched file is simply no answer; a read-only workspace
 * just never gets faster.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from './write-atomic.js';

const fileOf = (root: string, name: string) => path.join(root, '.speccc', 'cache', `${name}.json`);

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
    await fs.mkdir(path.dirname(fileOf(root, name)), { recursive: true });
    await writeAtomic(fileOf(root, name), JSON.stringify({ digest, value }));
  } catch {
    // read-only workspace: the next run just works again
  }
}
