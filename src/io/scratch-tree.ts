/** A sealed run's scratch folder: the tree written into it, and the /etc/hosts it is given. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileTree } from '../types/index.js';

/** The sandbox's /etc/hosts: `localhost` only (Stryker's workers connect to it; the host's own file names nothing inside). */
export const HOSTS = '127.0.0.1 localhost\n::1 localhost\n';

/** Writes a tree into a fresh scratch folder; a path escaping it is never written. */
export async function writeTree(scratch: string, files: FileTree): Promise<void> {
  for (const [rel, content] of files) {
    const target = path.join(scratch, rel);
    if (!target.startsWith(`${scratch}${path.sep}`)) continue;
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
  }
}
