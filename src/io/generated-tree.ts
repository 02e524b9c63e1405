/** Reading the generated tree and its manifest: the edge the planner's data comes from. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { Manifest } from '../types/index.js';
import { sha256 } from '../phases/1-parse/hash.js';
import { emptyManifest, MANIFEST_FORMAT } from '../phases/5-plan/manifest.js';
import { ManifestFileSchema } from '../schemas/state.js';

export const MANIFEST_PATH = '.speccc/manifest.json';
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

export async function readGeneratedTree(generatedDir: string, version: string): Promise<GeneratedTree> {
  const files = new Map<string, string>();
  const hashes = new Map<string, string>();
  let names: string[] = [];
  try {
    names = await glob('**/*', { cwd: generatedDir, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['.speccc/**', ...TREE_FOREIGN_DIRS.map((d) => `${d}/**`)] });
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
  const { manifest, problem } = await readManifest(generatedDir, version);
  return { files, hashes, manifest, manifestProblem: problem };
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
  const parsed = ManifestFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { manifest: emptyManifest(version), problem: `does not match the manifest format at \`${issue.path.join('.') || '(root)'}\`: ${issue.message}` };
  }
  if (parsed.data.format !== MANIFEST_FORMAT) return { manifest: emptyManifest(version), problem: `has format ${parsed.data.format}; this speccc reads format ${MANIFEST_FORMAT}` };
  return { manifest: { format: parsed.data.format, speccc: parsed.data.speccc, specs: new Map(Object.entries(parsed.data.specs)) }, problem: null };
}
