/**
 * The files under a folder, for the four listings speccc makes: specs and context documents
 * (`*.md`), templates (`*.hbs`) and generated/ (every file). Each is a walk over `readdir` with a
 * name test, which is all those listings need; it replaces a glob library whose loading and
 * first pattern compilation were a measurable part of a warm one-spec `check` (docs/performance.md).
 * Semantics are tinyglobby's for the patterns it replaced (`**\/*.md` and the rest): a dot file
 * or folder is left out unless `dot`; a symbolic link is followed, or left out entirely.
 */
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';

export interface ListOptions {
  /** Keep a file by its base name. */
  match: (name: string) => boolean;
  /** Take files, and enter folders, whose name starts with a dot. */
  dot: boolean;
  /**
   * Follow symbolic links: a link to a file is listed under the link's path, a link to a folder
   * is entered, unless it leads back into a folder the walk is inside (a loop). Without it a link
   * is left out, whatever it points to.
   */
  followLinks: boolean;
  /** Folders directly under the root that are not entered (generated/'s `.speccc` and `node_modules`). */
  skipTop?: readonly string[];
}

/** Workspace-relative POSIX paths of the files under `dir` that `options` keeps, sorted; [] when `dir` is not a folder. */
export async function listFiles(dir: string, options: ListOptions): Promise<string[]> {
  const out: string[] = [];
  // `inside`: the real paths of the folders above, when links are followed (only a link can loop).
  const walk = async (abs: string, rel: string, inside: readonly string[]): Promise<void> => {
    const real = options.followLinks ? await fs.realpath(abs).catch(() => abs) : abs;
    if (inside.includes(real)) return;
    const above = options.followLinks ? [...inside, real] : inside;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch {
      return;
    }
    const folders: Promise<void>[] = [];
    // `abs` is normalised and an entry's name is one plain component: no path.join per entry (10,000 of them cost ~10 ms).
    const prefix = abs.endsWith(path.sep) ? abs : abs + path.sep;
    for (const entry of entries) {
      if (!options.dot && entry.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = prefix + entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!options.followLinks) continue;
        const target = await fs.stat(childAbs).catch(() => null); // a broken link is no file
        isDir = Boolean(target?.isDirectory());
        isFile = Boolean(target?.isFile());
      }
      if (isDir && !(rel === '' && options.skipTop?.includes(entry.name))) folders.push(walk(childAbs, childRel, above));
      else if (isFile && options.match(entry.name)) out.push(childRel);
    }
    await Promise.all(folders);
  };
  await walk(path.resolve(dir), '', []);
  return out.sort();
}
