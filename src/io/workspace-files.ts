/**
 * The edge where a workspace's spec and context files are read from disk. Everything the check
 * needs is read here first; the phases after it are pure.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';

export interface SourceFile {
  /** Workspace-relative POSIX path. */
  file: string;
  bytes: Uint8Array;
}

export interface WorkspaceFiles {
  specsDirExists: boolean;
  specs: SourceFile[];
  context: SourceFile[];
  /** Command-line paths that matched nothing on disk. */
  missingPaths: string[];
}

export interface ReadOptions {
  root: string;
  specsDir: string;
  contextDir: string;
  /** Restrict the specs read to these files or folders (absolute, or relative to cwd). */
  paths?: string[];
  cwd?: string;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

async function exists(p: string): Promise<'file' | 'dir' | null> {
  try {
    const st = await fs.stat(p);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

async function readAll(root: string, relFiles: string[]): Promise<SourceFile[]> {
  const out = await Promise.all(
    relFiles.map(async (file): Promise<SourceFile | null> => {
      try {
        return { file, bytes: new Uint8Array(await fs.readFile(path.join(root, file))) };
      } catch {
        return null; // vanished between listing and reading (an editor's save): not a spec any more
      }
    }),
  );
  return out.filter((f): f is SourceFile => f !== null).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export async function listSpecFiles(root: string, specsDir: string): Promise<string[]> {
  const base = path.join(root, specsDir);
  const found = await glob('**/*.md', { cwd: base, onlyFiles: true, dot: false, followSymbolicLinks: false });
  return found.map((f) => toPosix(path.posix.join(toPosix(specsDir), f)));
}

export async function readWorkspaceFiles(options: ReadOptions): Promise<WorkspaceFiles> {
  const { root, specsDir, contextDir } = options;
  const specsDirExists = (await exists(path.join(root, specsDir))) === 'dir';
  let specFiles = specsDirExists ? await listSpecFiles(root, specsDir) : [];
  const missingPaths: string[] = [];
  if (options.paths && options.paths.length > 0) {
    const cwd = options.cwd ?? root;
    const wanted: { rel: string; dir: boolean }[] = [];
    for (const p of options.paths) {
      const abs = path.resolve(cwd, p);
      const kind = await exists(abs);
      if (!kind) {
        missingPaths.push(p);
        continue;
      }
      wanted.push({ rel: toPosix(path.relative(root, abs)), dir: kind === 'dir' });
    }
    specFiles = specFiles.filter((f) => wanted.some((w) => (w.dir ? w.rel === '' || f.startsWith(`${w.rel}/`) : f === w.rel)));
  }
  const contextExists = (await exists(path.join(root, contextDir))) === 'dir';
  const contextFiles = contextExists
    ? (await glob('**/*.md', { cwd: path.join(root, contextDir), onlyFiles: true })).map((f) => toPosix(path.posix.join(toPosix(contextDir), f)))
    : [];
  return {
    specsDirExists,
    specs: await readAll(root, specFiles),
    context: await readAll(root, contextFiles),
    missingPaths,
  };
}
