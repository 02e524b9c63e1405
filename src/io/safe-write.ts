/**
 * Every file speccc writes into a workspace goes through here, and no write follows a link out
 * of it. A repository can ship symlinks (`.speccc/cassettes/` is committable, `specs/` can be a
 * link), so each folder on the way to a file is checked as it is reached: a link is followed only
 * when it resolves inside the workspace, a missing folder is made one level at a time (never
 * `mkdir -p` through a link), and the file itself is never written through a link (atomic writes
 * replace it; appends open it with O_NOFOLLOW). A refusal is an OutsideWorkspaceError, one line
 * for the user, exit 2; nothing is written.
 */
import { constants, lstatSync, mkdirSync, openSync, closeSync, writeSync, realpathSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from './write-atomic.js';

export class OutsideWorkspaceError extends Error {}

const inside = (root: string, p: string) => p === root || p.startsWith(`${root}${path.sep}`);

function lexical(root: string, rel: string): string {
  const target = path.resolve(root, rel);
  if (!inside(path.resolve(root), target) || target === path.resolve(root)) throw new OutsideWorkspaceError(`refusing to write ${rel}: it is not a path inside the workspace ${root}`);
  return target;
}

function refuseLink(root: string, at: string, real: string | null): never {
  const rel = path.relative(root, at) || '.';
  throw new OutsideWorkspaceError(`refusing to write through ${rel}: it is a link${real ? ` to ${real}` : ''}, outside the workspace ${root}; speccc never writes outside it (remove or replace the link)`);
}

type Stat = { isSymbolicLink(): boolean; isDirectory(): boolean } | null;

/** The folder `dir` (absolute, inside `root`), made where missing; a link on the way must resolve inside `root`. */
function folderSteps(root: string, dir: string): string[] {
  const steps: string[] = [];
  let at = dir;
  while (at !== root && inside(root, at)) {
    steps.unshift(at);
    at = path.dirname(at);
  }
  return steps;
}

async function safeFolder(root: string, realRoot: string, dir: string): Promise<void> {
  for (const at of folderSteps(path.resolve(root), dir)) {
    const st: Stat = await fs.lstat(at).catch(() => null);
    if (!st) {
      await fs.mkdir(at).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      continue;
    }
    if (st.isSymbolicLink()) {
      const real = await fs.realpath(at).catch(() => null);
      if (!real || !inside(realRoot, real)) refuseLink(root, at, real);
      if (!(await fs.stat(real)).isDirectory()) throw new OutsideWorkspaceError(`refusing to write into ${path.relative(root, at)}: it is not a folder`);
    } else if (!st.isDirectory()) throw new OutsideWorkspaceError(`refusing to write into ${path.relative(root, at)}: it is not a folder`);
  }
}

function safeFolderSync(root: string, realRoot: string, dir: string): void {
  for (const at of folderSteps(path.resolve(root), dir)) {
    let st: Stat = null;
    try {
      st = lstatSync(at);
    } catch {
      try {
        mkdirSync(at);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      continue;
    }
    if (st.isSymbolicLink()) {
      let real: string | null = null;
      try {
        real = realpathSync(at);
      } catch {
        // a dangling link: refused below
      }
      if (!real || !inside(realRoot, real)) refuseLink(root, at, real);
    } else if (!st.isDirectory()) throw new OutsideWorkspaceError(`refusing to write into ${path.relative(root, at)}: it is not a folder`);
  }
}

async function realRootOf(root: string): Promise<string> {
  return fs.realpath(root).catch(() => path.resolve(root));
}

/**
 * Refuses, before anything is written, a path whose existing folders (or the file itself) lead out
 * of the workspace through a link: for commands that write several files and must write none when
 * one would be refused. Missing parts are fine; nothing is made.
 */
export async function assertInside(root: string, rel: string): Promise<void> {
  const target = lexical(root, rel);
  const realRoot = await realRootOf(root);
  for (const at of [...folderSteps(path.resolve(root), path.dirname(target)), target]) {
    const st: Stat = await fs.lstat(at).catch(() => null);
    if (!st) return;
    if (st.isSymbolicLink()) {
      const real = await fs.realpath(at).catch(() => null);
      if (!real || !inside(realRoot, real)) refuseLink(root, at, real);
    }
  }
}

/** Makes `relDir` (relative to root) and every folder above it, refusing links out of the workspace. Returns its absolute path. */
export async function folderInside(root: string, relDir: string): Promise<string> {
  const dir = path.resolve(root, relDir);
  if (!inside(path.resolve(root), dir)) throw new OutsideWorkspaceError(`refusing to write into ${relDir}: it is not inside the workspace ${root}`);
  await safeFolder(root, await realRootOf(root), dir);
  return dir;
}

/** folderInside, synchronously: for writers that must make their file before the first await. */
export function folderInsideSync(root: string, relDir: string): string {
  const dir = path.resolve(root, relDir);
  if (!inside(path.resolve(root), dir)) throw new OutsideWorkspaceError(`refusing to write into ${relDir}: it is not inside the workspace ${root}`);
  let realRoot = path.resolve(root);
  try {
    realRoot = realpathSync(root);
  } catch {
    // a root that does not resolve: compared lexically
  }
  safeFolderSync(root, realRoot, dir);
  return dir;
}

/** Writes `rel` atomically (a temporary file, then a rename): never through a link, never outside the workspace. */
export async function writeInside(root: string, rel: string, data: string | Buffer, options: { atomic?: boolean } = {}): Promise<void> {
  const target = lexical(root, rel);
  await safeFolder(root, await realRootOf(root), path.dirname(target));
  const st: Stat = await fs.lstat(target).catch(() => null);
  if (st?.isSymbolicLink()) refuseLink(root, target, await fs.realpath(target).catch(() => null));
  if (options.atomic === false) {
    const handle = await fs.open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    return;
  }
  // The target is not a link and every folder above it is inside: write-file-atomic's realpath is the path itself.
  await writeAtomic(target, data);
}

/** Appends to `rel`, opened with O_NOFOLLOW: a link in its place is refused. */
export async function appendInside(root: string, rel: string, data: string | Buffer): Promise<void> {
  const target = lexical(root, rel);
  await safeFolder(root, await realRootOf(root), path.dirname(target));
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') refuseLink(root, target, await fs.realpath(target).catch(() => null));
    throw error;
  }
  try {
    await handle.appendFile(data);
  } finally {
    await handle.close();
  }
}

/** The synchronous forms, for the trace (which must be on disk before the next step) and cassettes. */
export function appendInsideSync(root: string, rel: string, data: string): void {
  const fd = openAppendInsideSync(root, rel);
  try {
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

function openAppendInsideSync(root: string, rel: string): number {
  const target = lexical(root, rel);
  let realRoot = path.resolve(root);
  try {
    realRoot = realpathSync(root);
  } catch {
    // a root that does not resolve: compared lexically
  }
  safeFolderSync(root, realRoot, path.dirname(target));
  try {
    return openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') refuseLink(root, target, null);
    throw error;
  }
}

export function writeInsideSync(root: string, rel: string, data: string): void {
  const fd = openWriteInsideSync(root, rel);
  try {
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

function openWriteInsideSync(root: string, rel: string): number {
  const target = lexical(root, rel);
  let realRoot = path.resolve(root);
  try {
    realRoot = realpathSync(root);
  } catch {
    // compared lexically
  }
  safeFolderSync(root, realRoot, path.dirname(target));
  try {
    return openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') refuseLink(root, target, null);
    throw error;
  }
}
