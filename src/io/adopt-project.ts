/**
 * The edge of `speccc adopt`: listing and reading the project's files, the adoption record and
 * the package name; a scratch copy of the workspace to check a skeleton in before anything is
 * written; writing the result; this machine's round-trip results under `.speccc/adopt/`. The
 * decisions are made by src/adopt/ from what these return.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { sha256 } from '../hash.js';
import { AdoptCheckSchema } from '../schemas/state.js';
import type { SourceText } from '../adopt/types.js';
import { writeInside } from './safe-write.js';
import { TREE_FOREIGN_DIRS } from './generated-tree.js';
import { assetPath } from './package-files.js';

/** Folders never read: installed packages, build output, coverage, hidden folders (`.git`, `.speccc`). */
const SKIPPED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/out/**'];
/** A file larger than this is kept (owned, hashed) but its text is not read for a spec. */
const MAX_TEXT_BYTES = 1024 * 1024;

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * Workspace-relative files under each of `paths` (files or folders, relative to `cwd`), sorted;
 * `leave` are workspace-relative folders of speccc's own (specs, context, templates, scenarios).
 * A path that does not exist or lies outside the workspace is returned in `missing`.
 */
export async function listProjectFiles(root: string, cwd: string, paths: readonly string[], leave: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const rel = toPosix(path.relative(root, abs));
    const st = await fs.stat(abs).catch(() => null);
    if (!st || rel.startsWith('..') || path.isAbsolute(rel)) {
      missing.push(p);
      continue;
    }
    if (st.isFile()) files.add(rel);
    else for (const f of await listFolder(root, rel === '' ? '.' : rel, leave)) files.add(f);
  }
  return { files: [...files].sort(), missing };
}

/** Every file under a workspace-relative folder the user named, except skipped and hidden folders and speccc's own. */
export async function listFolder(root: string, rel: string, leave: readonly string[] = []): Promise<string[]> {
  const found = await glob('**/*', { cwd: path.join(root, rel), dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: [...SKIPPED, '**/.*/**'] });
  const prefix = rel === '.' ? '' : `${rel}/`;
  return found
    .map((f) => `${prefix}${toPosix(f)}`)
    .filter((f) => !leave.some((l) => f === l || f.startsWith(`${l}/`)))
    .sort();
}

/**
 * Every file of a generated root as the build will see it (generated-tree.ts: all but `.speccc/`
 * and `node_modules/`): each must be owned once adopted, or a build would remove it.
 */
export async function listGeneratedRoot(root: string, rel: string): Promise<string[]> {
  const found = await glob('**/*', { cwd: path.join(root, rel), dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['.speccc/**', ...TREE_FOREIGN_DIRS.map((d) => `${d}/**`)] });
  return found.map((f) => `${rel}/${toPosix(f)}`).sort();
}

/** Each file's text (UTF-8) and the hash of its bytes; a large or binary file has empty text. */
export async function readSources(root: string, files: readonly string[]): Promise<SourceText[]> {
  return Promise.all(
    files.map(async (file) => {
      const bytes = await fs.readFile(path.join(root, file));
      const binary = bytes.length > MAX_TEXT_BYTES || bytes.subarray(0, 8000).includes(0);
      return { path: file, text: binary ? '' : bytes.toString('utf8'), hash: sha256(bytes) };
    }),
  );
}

/** package.json's `name`, if there is one. */
export async function readPackageName(root: string): Promise<string | undefined> {
  try {
    const json = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { name?: unknown };
    return typeof json.name === 'string' ? json.name : undefined;
  } catch {
    return undefined;
  }
}

export { readAdoptionRecord, readAdoptionRecordQuietly } from './adoption-record.js';

/**
 * A scratch copy of the workspace's inputs to `check` (config, specs, context, templates, the
 * generated root), with `writes` applied: where a skeleton is checked before it is written.
 */
export async function scratchWorkspace(root: string, folders: readonly string[], writes: ReadonlyMap<string, string>, remove: readonly string[] = []): Promise<string> {
  const scratch = await fs.mkdtemp(path.join(tmpdir(), 'speccc-adopt-'));
  for (const rel of ['speccc.config.json', ...folders]) {
    const from = path.join(root, rel);
    if (!(await fs.stat(from).catch(() => null))) continue;
    await fs.cp(from, path.join(scratch, rel), { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
  }
  for (const rel of remove) await fs.rm(path.join(scratch, rel), { force: true });
  for (const [rel, content] of writes) {
    await fs.mkdir(path.dirname(path.join(scratch, rel)), { recursive: true });
    await fs.writeFile(path.join(scratch, rel), content);
  }
  return scratch;
}

export async function removeScratch(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** Writes every file of an adoption (never through a link, never outside the workspace). */
export async function writeAdoption(root: string, writes: ReadonlyMap<string, string>): Promise<void> {
  for (const [rel, content] of writes) await writeInside(root, rel, content);
}

export type AdoptCheck = ReturnType<typeof AdoptCheckSchema.parse>;

const checkFile = (id: string) => `.speccc/adopt/${id}.json`;

export async function writeAdoptCheck(root: string, result: AdoptCheck): Promise<void> {
  await writeInside(root, checkFile(result.spec), JSON.stringify(AdoptCheckSchema.parse(result), null, 2) + '\n');
}

/** The last round trip of a spec on this machine, or null (none, or an unreadable record: run --check again). */
export async function readAdoptCheck(root: string, id: string): Promise<AdoptCheck | null> {
  try {
    return AdoptCheckSchema.parse(JSON.parse(await fs.readFile(path.join(root, checkFile(id)), 'utf8')));
  } catch {
    return null;
  }
}

/** The drafting prompt's template, shipped in assets/adopt/ (not templates/: every job key digests that folder). */
export async function readDraftTemplate(): Promise<string> {
  return fs.readFile(assetPath('adopt', 'draft.hbs'), 'utf8');
}

/** speccc.config.json as written, or null when there is none. */
export async function readConfigText(root: string): Promise<string | null> {
  return fs.readFile(path.join(root, 'speccc.config.json'), 'utf8').catch(() => null);
}

/** Writes holdout checks into the scenarios folder (made if missing: it may live outside the workspace). */
export async function writeHoldoutChecks(scenariosDir: string, checks: ReadonlyMap<string, string>): Promise<void> {
  await fs.mkdir(scenariosDir, { recursive: true });
  for (const [rel, content] of checks) await writeInside(scenariosDir, rel, content);
}
