/**
 * One build per workspace at a time. proper-lockfile gives the atomic lock (a directory,
 * refreshed while held, stale after a crash); a small JSON beside it names the holder so the
 * second build can say who has it.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

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

export async function acquireWorkspaceLock(root: string, command: string): Promise<() => Promise<void>> {
  const dir = path.join(root, '.speccc');
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, 'build.lock');
  const holderFile = path.join(dir, 'build.lock.holder.json');
  await fs.writeFile(target, '', { flag: 'a' });
  const attempt = () => lockfile.lock(target, { stale: 30_000, update: 5_000, realpath: false });
  let release: () => Promise<void>;
  try {
    release = await attempt();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = await fs.readFile(holderFile, 'utf8').then(
      (t) => JSON.parse(t) as Holder,
      () => null,
    );
    // A holder on this machine whose process is gone (killed, crashed) cannot release its lock;
    // waiting out the staleness window would only delay the resume, so take the lock over.
    if (!holder || holder.host !== os.hostname() || isAlive(holder.pid)) throw new WorkspaceLockedError(holder);
    await fs.rm(`${target}.lock`, { recursive: true, force: true });
    release = await attempt();
  }
  const holder: Holder = { pid: process.pid, host: os.hostname(), command, startedAt: new Date().toISOString() };
  await fs.writeFile(holderFile, JSON.stringify(holder));
  return async () => {
    await fs.rm(holderFile, { force: true });
    await release();
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
