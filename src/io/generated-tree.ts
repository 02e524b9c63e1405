/** Reading the generated tree and its manifest: the edge the planner's data comes from. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { sha256 } from '../phases/1-parse/hash.js';
import { emptyManifest, MANIFEST_FORMAT, type Manifest } from '../phases/4-plan/manifest.js';

export const MANIFEST_PATH = '.speccc/manifest.json';
/** Files speccc writes into generated/ itself, never owned by a spec. */
export const TREE_OWN_FILES = new Set(['README.md']);

export interface GeneratedTree {
  /** Relative path -> content, for every file outside generated/.speccc/ (README excluded). */
  files: Map<string, string>;
  hashes: Map<string, string>;
  manifest: Manifest;
  /** The manifest file existed but could not be read: treat every spec as never built. */
  manifestBroken: boolean;
}

export async function readGeneratedTree(generatedDir: string, version: string): Promise<GeneratedTree> {
  const files = new Map<string, string>();
  const hashes = new Map<string, string>();
  let names: string[] = [];
  try {
    names = await glob('**/*', { cwd: generatedDir, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['.speccc/**'] });
  } catch {
    names = [];
  }
  await Promise.all(
    names.map(async (name) => {
      const rel = name.split(path.sep).join('/');
      if (TREE_OWN_FILES.has(rel)) return;
      const bytes = await fs.readFile(path.join(generatedDir, name));
      files.set(rel, bytes.toString('utf8'));
      hashes.set(rel, sha256(bytes));
    }),
  );
  let manifest = emptyManifest(version);
  let manifestBroken = false;
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(generatedDir, MANIFEST_PATH), 'utf8')) as Manifest;
    if (parsed.format === MANIFEST_FORMAT && parsed.specs && typeof parsed.specs === 'object') manifest = parsed;
    else manifestBroken = true;
  } catch (error) {
    manifestBroken = (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  return { files, hashes, manifest, manifestBroken };
}
