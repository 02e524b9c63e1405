/**
 * The scenarios folder -> holdout checks, for the validator only. Nothing here is ever handed
 * to a generating agent: the build gives this source to the validator and to nothing else.
 */
import { lstatSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { HoldoutCheck, HoldoutSet, HoldoutText } from '../types/index.js';
import { sha256 } from '../hash.js';
import type { Hasher } from './stat-cache.js';
import { writeInside } from './safe-write.js';
import { holdoutPropertyShape, type HoldoutPropertyShape } from './holdout-property.js';

const CHECK_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const MAX_CHECK_BYTES = 1024 * 1024;

/**
 * The scenarios folder as one listing: its sub-folders (hidden ones too: the checks' readers
 * leave those out, the scenario lists keep them, as they always have) and the names in each.
 * Everything a run needs from the folder is derived from this and from the files read once
 * (readScenarioFiles), so a build lists the folder and reads each scenario file once.
 */
export interface ScenariosListing {
  dir: string;
  /** The folder could be listed. */
  exists: boolean;
  /**
   * Sub-folders by name, sorted; each with its entries' names, sorted ([] when it could not be
   * listed). A monorepo member's folders carry their own absolute `dir` and a qualified name
   * (`billing:invoice`, io/member-scenarios.ts); the others are `<listing.dir>/<name>`.
   */
  folders: ScenarioFolder[];
}

export interface ScenarioFolder {
  name: string;
  names: string[];
  /** Absolute folder, when it is not `<listing.dir>/<name>` (a member's). */
  dir?: string;
  /** The same folder workspace-relative (POSIX), for findings located in it. */
  rel?: string;
}

/** The absolute path of `<folder>/<name>`. */
const fileOf = (listing: ScenariosListing, folder: ScenarioFolder, name: string) => path.join(folder.dir ?? path.join(listing.dir, folder.name), name);

export async function listScenariosFolder(scenariosDir: string): Promise<ScenariosListing> {
  let dirs: string[];
  try {
    dirs = (await fs.readdir(scenariosDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return { dir: scenariosDir, exists: false, folders: [] };
  }
  const folders = await Promise.all(dirs.map(async (name) => ({ name, names: (await fs.readdir(path.join(scenariosDir, name)).catch(() => [] as string[])).sort() })));
  return { dir: scenariosDir, exists: true, folders };
}

/** Spec folders whose checks count: the recommended scenarios repository has .git/ (and often .github/). */
const specFolders = (listing: ScenariosListing) => listing.folders.filter((f) => !f.name.startsWith('.'));

/**
 * [`<spec-id>/<name>.test.ts`, sha256] of every holdout check, through the stat cache's hasher:
 * the build stamp covers the checks' contents (a new or edited check means judging again), never
 * their text. The bytes a hash had to read are kept in `read`, by file, for readScenarioFiles.
 */
export function hashChecksOf(listing: ScenariosListing, hash: Hasher): { hashes: [string, string][]; read: Map<string, Uint8Array> } {
  const hashes: [string, string][] = [];
  const read = new Map<string, Uint8Array>();
  for (const folder of specFolders(listing)) {
    const { name: spec, names } = folder;
    for (const name of names.filter((n) => CHECK_FILE.test(n))) {
      const hashed = hash(fileOf(listing, folder, name));
      if (!hashed) continue;
      hashes.push([`${spec}/${name}`, hashed.hash]);
      if (hashed.bytes) read.set(`${spec}/${name}`, hashed.bytes);
    }
  }
  return { hashes, read };
}

/** The text of every scenario and check file (`<spec>/<name>`), read once; null for links, unreadable files and files over 1 MiB. */
export type ScenarioFiles = ReadonlyMap<string, string | null>;

/** Whether a file's lstat is one whose text check reads: a regular file (no link) of at most 1 MiB. */
const isReadableText = (st: { isFile(): boolean; size: number } | null | undefined): boolean => Boolean(st?.isFile() && st.size <= MAX_CHECK_BYTES);

/** The scenario and check files whose text check reads (`<spec>/<name>` and the absolute path), in the listing's order. */
const textFilesOf = (listing: ScenariosListing) =>
  listing.folders.flatMap((folder) => folder.names.filter((n) => n.endsWith('.md') || CHECK_FILE.test(n)).map((n) => ({ rel: `${folder.name}/${n}`, file: fileOf(listing, folder, n) })));

/**
 * The sha256 of each scenario and check file whose text check reads (null where readScenarioFiles
 * gives none: a link, a file over 1 MiB, one that cannot be read), through the stat cache: an
 * unchanged file is not read. What check's key holds of the scenarios' text (never the text).
 */
export function hashScenarioTextsOf(listing: ScenariosListing, hash: Hasher): { hashes: [string, string | null][]; read: Map<string, Uint8Array> } {
  const hashes: [string, string | null][] = [];
  const read = new Map<string, Uint8Array>();
  for (const { rel, file } of textFilesOf(listing)) {
    let st;
    try {
      st = lstatSync(file, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    const hashed = isReadableText(st) ? hash(file) : null;
    hashes.push([rel, hashed?.hash ?? null]);
    if (hashed?.bytes) read.set(rel, hashed.bytes);
  }
  return { hashes, read };
}

/** The same hashes as hashScenarioTextsOf, of texts already read (equal for every file that is UTF-8). */
export const scenarioTextHashes = (files: ScenarioFiles): [string, string | null][] => [...files].map(([rel, text]) => [rel, text === null ? null : sha256(text)]);

export async function readScenarioFiles(listing: ScenariosListing, alreadyRead: ReadonlyMap<string, Uint8Array> = new Map()): Promise<ScenarioFiles> {
  const named = textFilesOf(listing);
  const rels = named.map((n) => n.rel);
  const texts = await Promise.all(
    named.map(async ({ rel, file }): Promise<string | null> => {
      const st = await fs.lstat(file).catch(() => null);
      if (!isReadableText(st)) return null;
      const bytes = alreadyRead.get(rel);
      return bytes ? Buffer.from(bytes).toString('utf8') : fs.readFile(file, 'utf8').catch(() => null);
    }),
  );
  return new Map(rels.map((rel, i) => [rel, texts[i]!]));
}

/**
 * Every automated holdout check of the scenarios folder, by spec id, sorted by name. The
 * validator runs exactly these and the verdict keys digest exactly these; nothing here is ever
 * handed to a generating agent. A missing folder is an empty set (the checker reports one that
 * the config names but that is missing or empty).
 */
export function holdoutSetOf(listing: ScenariosListing, files: ScenarioFiles): HoldoutSet {
  const set = new Map<string, HoldoutCheck[]>();
  for (const { name: spec, names } of specFolders(listing)) {
    const checks = names
      .filter((n) => CHECK_FILE.test(n))
      .flatMap((name): HoldoutCheck[] => {
        const content = files.get(`${spec}/${name}`);
        return typeof content === 'string' ? [{ name: name.replace(CHECK_FILE, ''), file: `${spec}/${name}`, content }] : [];
      });
    if (checks.length > 0) set.set(spec, checks);
  }
  return set;
}

/**
 * Plain-language scenarios (`<spec-id>/<name>.md`), whether each has an automated check beside
 * it, and, when their text was read (`files`), whether each states a property. Links, oversized
 * and unreadable files (null in `files`) state none.
 */
export function scenariosOf(listing: ScenariosListing, files?: ScenarioFiles): ScenarioEntry[] {
  return listing.folders.flatMap(({ name: spec, names, rel }) => {
    const checks = new Set(names.filter((n) => CHECK_FILE.test(n)).map((n) => n.replace(CHECK_FILE, '')));
    return names.filter((n) => n.endsWith('.md')).map((md) => {
      const name = md.replace(/\.md$/, '');
      const text = files?.get(`${spec}/${md}`);
      const shape = typeof text === 'string' ? holdoutPropertyShape(text) : null;
      return { spec, name, file: `${spec}/${md}`, hasCheck: checks.has(name), ...(rel !== undefined ? { folder: rel } : {}), ...(shape ? { property: shape } : {}) };
    });
  });
}

export interface ScenarioEntry {
  spec: string;
  name: string;
  file: string;
  hasCheck: boolean;
  /** Its folder, workspace-relative, when it is not `<paths.scenarios>/<spec>` (a monorepo member's). */
  folder?: string;
  /** Set when the scenario states a property: whether it names its inputs (For any) and what holds (Then). */
  property?: HoldoutPropertyShape;
}

/** A property shape as a short tag for digests: `g` for a For any step, `a` for a Then step; null for an example scenario. */
export const propertyShapeTag = (shape: HoldoutPropertyShape | undefined): string | null => (shape ? `${shape.generator ? 'g' : ''}${shape.assertion ? 'a' : ''}` : null);

/**
 * Every scenario of the folder as text, paired by name (`<name>.md` with `<name>.test.ts`), for
 * the coverage trace and the leak audit: never for a prompt. Files larger than 1 MiB, links and
 * unreadable files are left out.
 */
export function holdoutTextsOf(listing: ScenariosListing, files: ScenarioFiles): HoldoutText[] {
  const out: HoldoutText[] = [];
  for (const { name: spec, names } of listing.folders) {
    const byName = new Map<string, { md?: string; check?: string }>();
    for (const n of names) {
      if (n.endsWith('.md')) byName.set(n.slice(0, -3), { ...byName.get(n.slice(0, -3)), md: n });
      else if (CHECK_FILE.test(n)) byName.set(n.replace(CHECK_FILE, ''), { ...byName.get(n.replace(CHECK_FILE, '')), check: n });
    }
    for (const [name, f] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const markdown = f.md ? (files.get(`${spec}/${f.md}`) ?? null) : null;
      const code = f.check ? (files.get(`${spec}/${f.check}`) ?? null) : null;
      out.push({ spec, name, markdown, check: f.check && code !== null ? `${spec}/${f.check}` : null, code });
    }
  }
  return out;
}

/** Every automated holdout check, by spec id, read once (for a command that reads nothing else of the folder). */
export async function readHoldoutSet(scenariosDir: string): Promise<HoldoutSet> {
  const listing = await listScenariosFolder(scenariosDir);
  return holdoutSetOf(listing, await readScenarioFiles(listing));
}

export async function isFolder(dir: string): Promise<boolean> {
  return fs.stat(dir).then((st) => st.isDirectory(), () => false);
}

/** The folder's plain-language scenarios (with their property shapes) and its texts, listed and read once (an editor session's reading). */
export async function readScenariosFolder(scenariosDir: string): Promise<{ entries: ScenarioEntry[]; texts: HoldoutText[] }> {
  const listing = await listScenariosFolder(scenariosDir);
  const files = await readScenarioFiles(listing);
  return { entries: scenariosOf(listing, files), texts: holdoutTextsOf(listing, files) };
}

/** A scenario's plain-language text: for the scenario-check agent only, never for a generating agent. */
export async function readScenario(scenariosDir: string, file: string): Promise<string> {
  return fs.readFile(path.join(scenariosDir, file), 'utf8');
}

/** Writes a generated check beside its scenario. */
export async function writeScenarioCheck(scenariosDir: string, rel: string, content: string): Promise<void> {
  await writeInside(scenariosDir, rel, content);
}
