/**
 * The edge where a workspace's spec and context files are read from disk. Everything the check
 * needs is read here first; the phases after it are pure.
 *
 * Two ways in: readWorkspaceFiles reads every file; listWorkspaceFiles (the fast path) knows each
 * file by its content hash from a stat (src/io/stat-cache.ts) and leaves the bytes of unchanged
 * files unread until readContents is asked for them, when the pipeline actually runs.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../hash.js';
import type { StatCache } from './stat-cache.js';
import type { TreeIndex } from './generated-tree.js';
import { listFiles as listUnder } from './list-files.js';

const isMarkdown = (name: string) => name.endsWith('.md');

export interface SourceFile {
  /** Workspace-relative POSIX path. */
  file: string;
  /** sha256 of the file's bytes. */
  hash: string;
  /** The bytes; null while not read (the hash came from the stat cache). */
  bytes: Uint8Array | null;
}

export type ReadFile = SourceFile & { bytes: Uint8Array };

export interface WorkspaceFiles<F extends SourceFile = SourceFile> {
  specsDirExists: boolean;
  specs: F[];
  context: F[];
  /** generated/ by hash, when the caller has indexed it already (the fast path): check does not index it again. */
  generated?: TreeIndex;
}

export interface ReadOptions {
  root: string;
  specsDir: string;
  contextDir: string;
}

const toPosix = (p: string) => (path.sep === '/' ? p : p.split(path.sep).join('/'));
/** `dir`/`rel` for the POSIX paths listFiles gives (normalised already): path.posix.join's result without its cost per file. */
const under = (dir: string) => {
  const base = path.posix.normalize(toPosix(dir)).replace(/(.)\/$/, '$1');
  const prefix = base === '.' ? '' : base === '/' ? '/' : `${base}/`;
  return (rel: string) => prefix + rel;
};
const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

async function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (st) => st.isDirectory(),
    () => false,
  );
}

/** Read synchronously: for thousands of small files several times cheaper than a promise and a thread-pool trip each. */
function readAll(root: string, relFiles: string[]): ReadFile[] {
  const out = relFiles.map((file): ReadFile | null => {
    try {
      const bytes = readFileSync(path.join(root, file));
      return { file, hash: sha256(bytes), bytes };
    } catch {
      return null; // vanished between listing and reading (an editor's save): not a spec any more
    }
  });
  return out.filter((f): f is ReadFile => f !== null).sort(byFile);
}

function hashAll(root: string, relFiles: string[], stats: StatCache): SourceFile[] {
  const out: SourceFile[] = [];
  // `root` is absolute and normalised, `file` a listed relative path: no join needed per file.
  const base = root.endsWith(path.sep) ? root : root + path.sep;
  for (const file of relFiles) {
    const hashed = stats.hash(base + file);
    if (hashed) out.push({ file, hash: hashed.hash, bytes: hashed.bytes });
  }
  return out.sort(byFile);
}

/**
 * A README.md in specs/ or context/ (or any folder below) is for people browsing the folder: not
 * a spec, and not a governance document every prompt carries.
 */
export const isReadme = (rel: string): boolean => /(?:^|\/)readme\.md$/i.test(rel);

export async function listSpecFiles(root: string, specsDir: string): Promise<string[]> {
  const base = path.join(root, specsDir);
  const found = await listUnder(base, { match: isMarkdown, dot: false, followLinks: false });
  const inSpecs = under(specsDir);
  return found.filter((f) => !isReadme(f)).map(inSpecs);
}

async function listFiles(options: ReadOptions): Promise<{ specsDirExists: boolean; specs: string[]; context: string[] }> {
  const { root, specsDir, contextDir } = options;
  const specsDirExists = await isDir(path.join(root, specsDir));
  const specs = specsDirExists ? await listSpecFiles(root, specsDir) : [];
  const contextExists = await isDir(path.join(root, contextDir));
  const context = contextExists
    ? (await listUnder(path.join(root, contextDir), { match: isMarkdown, dot: false, followLinks: true })).filter((f) => !isReadme(f)).map(under(contextDir))
    : [];
  return { specsDirExists, specs, context };
}

/** Every spec and context file, read. */
export async function readWorkspaceFiles(options: ReadOptions): Promise<WorkspaceFiles<ReadFile>> {
  const listed = await listFiles(options);
  return { specsDirExists: listed.specsDirExists, specs: readAll(options.root, listed.specs), context: readAll(options.root, listed.context) };
}

/** Every spec and context file by hash: read only where its stat changed. `onListed` hears the number of specs before any is read. */
export async function listWorkspaceFiles(options: ReadOptions, stats: StatCache, onListed?: (specs: number) => void): Promise<WorkspaceFiles> {
  const listed = await listFiles(options);
  onListed?.(listed.specs.length);
  const specs = hashAll(options.root, listed.specs, stats);
  const context = hashAll(options.root, listed.context, stats);
  return { specsDirExists: listed.specsDirExists, specs, context };
}

/** Listings whose files changed between being hashed and being read: answers made from them must not be stored. */
const moved = new WeakSet<WorkspaceFiles>();
export const changedSinceListed = (files: WorkspaceFiles): boolean => moved.has(files);

/**
 * The same files with their bytes, reading those not read yet. A file that changed since it was
 * hashed is taken as it is now (with its new hash) and the listing is marked (changedSinceListed);
 * one that vanished is left out, as a listing made now would.
 */
export async function readContents(root: string, files: WorkspaceFiles): Promise<WorkspaceFiles<ReadFile>> {
  let changed = false;
  const read = (list: SourceFile[]): ReadFile[] =>
    list
      .map((f): ReadFile | null => {
        if (f.bytes) return f as ReadFile;
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(path.join(root, f.file)); // synchronous, as readAll
        } catch {
          changed = true;
          return null;
        }
        const hash = sha256(bytes);
        if (hash !== f.hash) changed = true;
        return { file: f.file, hash, bytes };
      })
      .filter((f): f is ReadFile => f !== null);
  const specs = read(files.specs);
  const context = read(files.context);
  if (changed) moved.add(files);
  return { ...files, specs, context };
}

/** One workspace file's bytes (a workspace-relative POSIX path), or null when it is gone or unreadable. */
export async function readWorkspaceFile(root: string, file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(path.join(root, ...file.split('/'))));
  } catch {
    return null;
  }
}
