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
}

export interface ReadOptions {
  root: string;
  specsDir: string;
  contextDir: string;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

async function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (st) => st.isDirectory(),
    () => false,
  );
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
  const specsDirExists = await isDir(path.join(root, specsDir));
  const specFiles = specsDirExists ? await listSpecFiles(root, specsDir) : [];
  const contextExists = await isDir(path.join(root, contextDir));
  const contextFiles = contextExists
    ? (await glob('**/*.md', { cwd: path.join(root, contextDir), onlyFiles: true })).map((f) => toPosix(path.posix.join(toPosix(contextDir), f)))
    : [];
  return {
    specsDirExists,
    specs: await readAll(root, specFiles),
    context: await readAll(root, contextFiles),
  };
}

/** One workspace file's bytes (a workspace-relative POSIX path), or null when it is gone or unreadable. */
export async function readWorkspaceFile(root: string, file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(path.join(root, ...file.split('/'))));
  } catch {
    return null;
  }
}
