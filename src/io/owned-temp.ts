/**
 * Temporary folders that name the process that made them, and the sweep that removes those whose
 * process is gone. speccc removes its scratch trees, spares and judge folders itself, but a speccc
 * that is killed (SIGKILL, a CI job cancelled, a test worker ended) cannot: without the sweep they
 * would pile up in the temp folder.
 *
 * The owner file holds `<hostname> <pid>` and sits beside what the sandbox sees (the scratch tree
 * is a sub-folder), never inside it. The sweep is careful: it removes only a real folder of the
 * same user with one of speccc's prefixes, whose owner file names this host and a process that no
 * longer exists. Anything else (no owner file, another host sharing the folder, a symbolic link)
 * is left alone.
 */
import { lstatSync, mkdtempSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const OWNER_FILE = '.speccc-owner';
/** The prefixes of the folders speccc makes for one run and removes after it. */
export const OWNED_PREFIXES = ['speccc-spare-', 'speccc-sealed-', 'speccc-judge-'] as const;

const ownerLine = () => `${os.hostname()} ${process.pid}\n`;

/** A new temporary folder `<tmp>/<prefix>XXXXXX` with its owner file; the first one of a process also starts the sweep. */
export async function ownedTemp(prefix: (typeof OWNED_PREFIXES)[number]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.writeFile(path.join(dir, OWNER_FILE), ownerLine());
  sweepOnce();
  return dir;
}

/** ownedTemp, synchronously (a spare is started synchronously). */
export function ownedTempSync(prefix: (typeof OWNED_PREFIXES)[number]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  writeFileSync(path.join(dir, OWNER_FILE), ownerLine());
  sweepOnce();
  return dir;
}

let swept = false;
function sweepOnce(): void {
  if (swept) return;
  swept = true;
  void sweepOrphans().catch(() => {}); // best effort: a folder that cannot be read or removed stays
}

/** Whether a process with this pid exists (EPERM: it does, and belongs to someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the owned folders in `dir` whose process is gone; returns their names. */
export async function sweepOrphans(dir: string = os.tmpdir(), isAlive: (pid: number) => boolean = alive): Promise<string[]> {
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const name of await fs.readdir(dir)) {
    if (!OWNED_PREFIXES.some((p) => name.startsWith(p))) continue;
    const folder = path.join(dir, name);
    try {
      const st = lstatSync(folder);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      const owner = /^(\S+) (\d{1,10})\n?$/.exec(await fs.readFile(path.join(folder, OWNER_FILE), 'utf8'));
      if (!owner || owner[1] !== os.hostname()) continue;
      const pid = Number(owner[2]);
      if (pid === process.pid || isAlive(pid)) continue;
      await fs.rm(folder, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // gone meanwhile, no owner file, unreadable: left alone
    }
  }
  return removed;
}
