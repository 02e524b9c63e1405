/**
 * One build per workspace at a time. proper-lockfile gives the atomic lock (a directory,
 * refreshed while held, stale after a crash); the holder's name is written inside that
 * directory, so it exists exactly as long as the lock does and a stale name from an earlier run
 * can never be mistaken for the current holder.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { appendInside } from './safe-write.js';

export interface Holder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export class WorkspaceLockedError extends Error {
  constructor(readonly holder: Holder | null) {
    super(
      holder
        ? `another speccc ${holder.command} is running in this workspace (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}); wait for it or stop it`
        : 'another speccc build is running in this workspace; wait for it or stop it',
    );
  }
}

export interface WorkspaceLock {
  release(): Promise<void>;
  /** Fires if the lock is lost while held (its folder removed or taken over): stop writing. */
  readonly lost: AbortSignal;
}

const targetOf = (root: string) => path.join(root, '.speccc', 'build.lock');
const holderOf = (root: string) => path.join(`${targetOf(root)}.lock`, 'holder.json');

async function readHolder(root: string): Promise<Holder | null> {
  try {
    const h = JSON.parse(await fs.readFile(holderOf(root), 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? (h as Holder) : null;
  } catch {
    return null;
  }
}

export async function acquireWorkspaceLock(root: string, command: string): Promise<WorkspaceLock> {
  const target = targetOf(root);
  // Made (never through a link) before proper-lockfile puts its folder beside it.
  await appendInside(root, path.relative(root, target), '');
  const lost = new AbortController();
  const attempt = () =>
    lockfile.lock(target, {
      stale: 30_000,
      update: 5_000,
      realpath: false,
      // proper-lockfile throws from a timer by default: a lost lock must stop the build, not crash it.
      onCompromised: (error) => lost.abort(error),
    });
  let release: () => Promise<void>;
  try {
    release = await attempt();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTEMPTY: proper-lockfile judged the lock stale (its holder stopped refreshing it) but
    // cannot rmdir a folder that still holds the holder's name.
    if (code !== 'ELOCKED' && code !== 'ENOTEMPTY') throw error;
    const holder = await readHolder(root);
    // A holder on this machine whose process is gone (killed, crashed) cannot release its lock;
    // waiting out the staleness window would only delay the resume, so take the lock over. No
    // holder name yet means the lock was taken a moment ago: it is alive.
    const stale = code === 'ENOTEMPTY';
    if (!stale && (!holder || holder.host !== os.hostname() || isAlive(holder.pid))) throw new WorkspaceLockedError(holder);
    await fs.rm(`${target}.lock`, { recursive: true, force: true });
    try {
      release = await attempt();
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw new WorkspaceLockedError(await readHolder(root));
      throw again;
    }
  }
  const holder: Holder = { pid: process.pid, host: os.hostname(), command, startedAt: new Date().toISOString() };
  await keepingMtime(`${target}.lock`, () => fs.writeFile(holderOf(root), JSON.stringify(holder)));
  return {
    lost: lost.signal,
    async release() {
      // proper-lockfile removes its folder with rmdir: empty it first.
      await keepingMtime(`${target}.lock`, () => fs.rm(holderOf(root), { force: true }));
      await release().catch(() => {
        // already released or compromised: nothing left to give back
      });
    },
  };
}

/**
 * proper-lockfile proves it still holds the lock by the folder's mtime, which it refreshes on a
 * timer; adding or removing the holder file changes that mtime, so it is put back afterwards.
 */
async function keepingMtime(dir: string, change: () => Promise<void>): Promise<void> {
  const before = await fs.stat(dir);
  await change();
  await fs.utimes(dir, before.atime, before.mtime);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Who holds the workspace lock now, without taking it: null when nobody does, or when the holder
 * is a process of this machine that is gone, or its lock went stale (a crash). For `speccc status`.
 */
export async function currentHolder(root: string): Promise<Holder | null> {
  const locked = await lockfile.check(targetOf(root), { stale: 30_000, realpath: false }).catch(() => false);
  if (!locked) return null;
  const holder = await readHolder(root);
  return holder && (holder.host !== os.hostname() || isAlive(holder.pid)) ? holder : null;
}
