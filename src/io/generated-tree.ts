/** Reading the generated tree and its manifest: the edge the planner's data comes from. */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './list-files.js';
import type { Manifest, ManifestEntry } from '../types/index.js';
import { sha256 } from '../hash.js';
import type { Hasher } from './stat-cache.js';

export const MANIFEST_PATH = '.speccc/manifest.json';

/** Bumped when the manifest's shape changes. */
export const MANIFEST_FORMAT = 1;

/** The manifest of a tree nothing was ever built into (or whose manifest cannot be read). */
export const emptyManifest = (version: string): Manifest => ({ format: MANIFEST_FORMAT, speccc: version, specs: new Map() });
/** Files speccc writes into generated/ itself, never owned by a spec. */
export const TREE_OWN_FILES = new Set(['README.md']);
/**
 * Folders inside generated/ that are not generated: a generated package's own installation
 * (`npm install` in generated/) and tools' caches in it. Never read, never owned, kept across
 * promotions.
 */
export const TREE_FOREIGN_DIRS = ['node_modules'];

export interface GeneratedTree {
  /** Relative path -> content, for every file outside generated/.speccc/ (README excluded). */
  files: Map<string, string>;
  hashes: Map<string, string>;
  manifest: Manifest;
  /** Why the manifest file could not be used (every spec is then treated as never built), or null. */
  manifestProblem: string | null;
}

/** generated/ by content hash, as the fast path knows it: bytes only of the files it had to read. */
export interface TreeIndex {
  dir: string;
  /** Relative path -> sha256, for every file outside generated/.speccc/ (README excluded). */
  hashes: Map<string, string>;
  /** The bytes read while hashing (files whose stat changed). */
  bytes: Map<string, Uint8Array>;
  /** sha256 of the manifest file's bytes, null when there is none. */
  manifestHash: string | null;
}

async function listTree(generatedDir: string): Promise<string[]> {
  const names = await listFiles(generatedDir, { match: () => true, dot: true, followLinks: false, skipTop: ['.speccc', ...TREE_FOREIGN_DIRS] });
  return names.filter((rel) => !TREE_OWN_FILES.has(rel));
}

export async function readGeneratedTree(generatedDir: string, version: string): Promise<GeneratedTree> {
  const files = new Map<string, string>();
  const hashes = new Map<string, string>();
  await Promise.all(
    (await listTree(generatedDir)).map(async (rel) => {
      const bytes = await fs.readFile(path.join(generatedDir, rel));
      files.set(rel, bytes.toString('utf8'));
      hashes.set(rel, sha256(bytes));
    }),
  );
  const { manifest, problem } = await readManifest(generatedDir, version);
  return { files, hashes, manifest, manifestProblem: problem };
}

/** Every file of generated/ and the manifest by hash, read only where its stat changed. */
export async function indexGeneratedTree(generatedDir: string, hash: Hasher): Promise<TreeIndex> {
  const hashes = new Map<string, string>();
  const bytes = new Map<string, Uint8Array>();
  // listTree gives sorted POSIX paths: the index is in path order as it is built.
  for (const rel of await listTree(generatedDir)) {
    const hashed = hash(`${generatedDir}${path.sep}${rel}`);
    if (!hashed) continue;
    hashes.set(rel, hashed.hash);
    if (hashed.bytes) bytes.set(rel, hashed.bytes);
  }
  const manifest = hash(path.join(generatedDir, MANIFEST_PATH));
  return { dir: generatedDir, hashes, bytes, manifestHash: manifest?.hash ?? null };
}

/**
 * The whole tree from its index: the contents of the files not read yet, and the manifest. A file
 * read now is hashed again, so contents and hashes always agree.
 */
export async function readIndexedTree(index: TreeIndex, version: string): Promise<GeneratedTree> {
  const files = new Map<string, string>();
  const hashes = new Map(index.hashes);
  await Promise.all(
    [...index.hashes.keys()].map(async (rel) => {
      let bytes = index.bytes.get(rel);
      if (!bytes) {
        try {
          bytes = readFileSync(path.join(index.dir, rel)); // synchronous: many small files, as in stat-cache.ts
        } catch {
          hashes.delete(rel);
          return;
        }
        hashes.set(rel, sha256(bytes));
      }
      files.set(rel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    }),
  );
  const { manifest, problem } = await readManifest(index.dir, version);
  return { files, hashes, manifest, manifestProblem: problem };
}

/** The texts of the indexed files `wanted` picks: bytes the index already holds, the rest read now. */
export function readIndexedFiles(index: TreeIndex, wanted: (rel: string) => boolean): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of index.hashes.keys()) {
    if (!wanted(rel)) continue;
    let bytes = index.bytes.get(rel);
    if (!bytes) {
      try {
        bytes = readFileSync(path.join(index.dir, rel));
      } catch {
        continue; // gone since it was indexed: coverage treats it as absent
      }
    }
    files.set(rel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  }
  return files;
}

export async function readManifest(generatedDir: string, version: string): Promise<{ manifest: Manifest; problem: string | null }> {
  let text: string;
  try {
    text = await fs.readFile(path.join(generatedDir, MANIFEST_PATH), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { manifest: emptyManifest(version), problem: missing ? null : `cannot be read (${(error as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { manifest: emptyManifest(version), problem: `is not valid JSON (${(error as Error).message})` };
  }
  // zod is loaded only here: the fast path hashes the manifest without reading it.
  const { ManifestFileSchema } = await import('../schemas/state.js');
  const parsed = ManifestFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { manifest: emptyManifest(version), problem: `does not match the manifest format at \`${issue.path.join('.') || '(root)'}\`: ${issue.message}` };
  }
  if (parsed.data.format !== MANIFEST_FORMAT) return { manifest: emptyManifest(version), problem: `has format ${parsed.data.format}; this speccc reads format ${MANIFEST_FORMAT}` };
  // Zod reads a verdict's failure class as a string; a class this speccc does not know is just a reason for people.
  return { manifest: { format: parsed.data.format, speccc: parsed.data.speccc, specs: new Map(Object.entries(parsed.data.specs) as [string, ManifestEntry][]) }, problem: null };
}
