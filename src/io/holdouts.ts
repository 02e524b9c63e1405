/**
 * The scenarios folder -> holdout checks, for the validator only. Nothing here is ever handed
 * to a generating agent: the build gives this source to the validator and to nothing else.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HoldoutCheck, HoldoutSet, HoldoutText } from '../types/index.js';
import { canonicalJson, sha256 } from '../hash.js';
import type { Hasher } from './stat-cache.js';
import { writeInside } from './safe-write.js';
import { holdoutPropertyShape, type HoldoutPropertyShape } from './holdout-property.js';

const CHECK_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const MAX_CHECK_BYTES = 1024 * 1024;

/** One spec's automated checks (`<spec-id>/<name>.test.ts`), sorted by name; links, unreadable and oversized files are left out. */
async function checksOf(scenariosDir: string, specId: string): Promise<HoldoutCheck[]> {
  let names: string[];
  try {
    names = (await fs.readdir(path.join(scenariosDir, specId))).filter((n) => CHECK_FILE.test(n)).sort();
  } catch {
    return [];
  }
  const checks: HoldoutCheck[] = [];
  for (const name of names) {
    const file = path.join(scenariosDir, specId, name);
    const st = await fs.lstat(file).catch(() => null);
    if (!st?.isFile() || st.size > MAX_CHECK_BYTES) continue;
    checks.push({ name: name.replace(CHECK_FILE, ''), file: `${specId}/${name}`, content: await fs.readFile(file, 'utf8') });
  }
  return checks;
}

/**
 * Every automated holdout check of the scenarios folder, by spec id, read once per run. The
 * validator runs exactly these and the verdict keys digest exactly these; nothing here is ever
 * handed to a generating agent. A missing folder is an empty set (the checker reports one that
 * the config names but that is missing or empty).
 */
export async function readHoldoutSet(scenariosDir: string): Promise<HoldoutSet> {
  let specs: string[];
  try {
    specs = (await fs.readdir(scenariosDir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort();
  } catch {
    return new Map();
  }
  const set = new Map<string, HoldoutCheck[]>();
  for (const spec of specs) {
    const checks = await checksOf(scenariosDir, spec);
    if (checks.length > 0) set.set(spec, checks);
  }
  return set;
}

/**
 * [`<spec-id>/<name>.test.ts`, sha256] of every holdout check, through the stat cache's hasher:
 * the build stamp covers the checks' contents (a new or edited check means judging again), never
 * their text.
 */
export async function hashHoldoutChecks(scenariosDir: string, hash: Hasher): Promise<[string, string][]> {
  let specs: string[];
  try {
    specs = (await fs.readdir(scenariosDir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort();
  } catch {
    return [];
  }
  const out: [string, string][] = [];
  for (const spec of specs) {
    const names = (await fs.readdir(path.join(scenariosDir, spec)).catch(() => [] as string[])).filter((n) => CHECK_FILE.test(n)).sort();
    for (const name of names) {
      const hashed = await hash(path.join(scenariosDir, spec, name));
      if (hashed) out.push([`${spec}/${name}`, hashed.hash]);
    }
  }
  return out;
}

export async function isFolder(dir: string): Promise<boolean> {
  return fs.stat(dir).then((st) => st.isDirectory(), () => false);
}

export interface ListedScenario {
  spec: string;
  name: string;
  file: string;
  hasCheck: boolean;
  /** Set when the scenario states a property: whether it names its inputs (For any) and what holds (Then). */
  property?: HoldoutPropertyShape;
}

/** Plain-language scenarios (`<spec-id>/<name>.md`), whether each has an automated check beside it, and whether it states a property. */
export async function listScenarios(scenariosDir: string): Promise<ListedScenario[]> {
  const out: ListedScenario[] = [];
  let specs: string[];
  try {
    specs = (await fs.readdir(scenariosDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return out;
  }
  for (const spec of specs) {
    const names = await fs.readdir(path.join(scenariosDir, spec)).catch(() => [] as string[]);
    const checks = new Set(names.filter((n) => CHECK_FILE.test(n)).map((n) => n.replace(CHECK_FILE, '')));
    for (const md of names.filter((n) => n.endsWith('.md')).sort()) {
      const name = md.replace(/\.md$/, '');
      const shape = await scenarioShape(path.join(scenariosDir, spec, md));
      out.push({ spec, name, file: `${spec}/${md}`, hasCheck: checks.has(name), ...(shape ? { property: shape } : {}) });
    }
  }
  return out;
}

/** Whether a scenario's markdown states a property, and its shape; links, oversized and unreadable files state none. */
async function scenarioShape(file: string): Promise<HoldoutPropertyShape | null> {
  const st = await fs.lstat(file).catch(() => null);
  if (!st?.isFile() || st.size > MAX_CHECK_BYTES) return null;
  return holdoutPropertyShape(await fs.readFile(file, 'utf8').catch(() => ''));
}

/** A scenario's plain-language text: for the scenario-check agent only, never for a generating agent. */
export async function readScenario(scenariosDir: string, file: string): Promise<string> {
  return fs.readFile(path.join(scenariosDir, file), 'utf8');
}

/** Writes a generated check beside its scenario. */
export async function writeScenarioCheck(scenariosDir: string, rel: string, content: string): Promise<void> {
  await writeInside(scenariosDir, rel, content);
}

/**
 * Every scenario of the folder as text, paired by name (`<name>.md` with `<name>.test.ts`), for
 * the coverage trace and the leak audit: never for a prompt. Files larger than 1 MiB, links and
 * unreadable files are left out.
 */
export async function readHoldoutTexts(scenariosDir: string): Promise<HoldoutText[]> {
  const out: HoldoutText[] = [];
  let specs: string[];
  try {
    specs = (await fs.readdir(scenariosDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return out;
  }
  const read = async (file: string): Promise<string | null> => {
    const st = await fs.lstat(file).catch(() => null);
    if (!st?.isFile() || st.size > MAX_CHECK_BYTES) return null;
    return fs.readFile(file, 'utf8').catch(() => null);
  };
  for (const spec of specs) {
    const names = (await fs.readdir(path.join(scenariosDir, spec)).catch(() => [] as string[])).sort();
    const byName = new Map<string, { md?: string; check?: string }>();
    for (const n of names) {
      if (n.endsWith('.md')) byName.set(n.slice(0, -3), { ...byName.get(n.slice(0, -3)), md: n });
      else if (CHECK_FILE.test(n)) byName.set(n.replace(CHECK_FILE, ''), { ...byName.get(n.replace(CHECK_FILE, '')), check: n });
    }
    for (const [name, files] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const markdown = files.md ? await read(path.join(scenariosDir, spec, files.md)) : null;
      const code = files.check ? await read(path.join(scenariosDir, spec, files.check)) : null;
      out.push({ spec, name, markdown, check: files.check && code !== null ? `${spec}/${files.check}` : null, code });
    }
  }
  return out;
}

/** A digest of the scenarios folder's text: what the coverage part of a check reads from it (the stored check report is keyed by it). */
export async function holdoutTextsDigest(scenariosDir: string): Promise<string> {
  return sha256(canonicalJson(await readHoldoutTexts(scenariosDir)));
}
