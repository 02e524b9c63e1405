/**
 * The scenarios folder -> holdout checks, for the validator only. Nothing here is ever handed
 * to a generating agent: the build gives this source to the validator and to nothing else.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HoldoutCheck, HoldoutSource, HoldoutText } from '../types/index.js';
import { canonicalJson, sha256 } from '../phases/1-parse/hash.js';

const CHECK_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const MAX_CHECK_BYTES = 1024 * 1024;

export function holdoutsFrom(scenariosDir: string): HoldoutSource {
  return {
    async checksFor(specId) {
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
    },
  };
}

/** Plain-language scenarios (`<spec-id>/<name>.md`) and whether each has an automated check beside it. */
export async function listScenarios(scenariosDir: string): Promise<{ spec: string; name: string; file: string; hasCheck: boolean }[]> {
  const out: { spec: string; name: string; file: string; hasCheck: boolean }[] = [];
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
      out.push({ spec, name, file: `${spec}/${md}`, hasCheck: checks.has(name) });
    }
  }
  return out;
}

/** A scenario's plain-language text: for the scenario-check agent only, never for a generating agent. */
export async function readScenario(scenariosDir: string, file: string): Promise<string> {
  return fs.readFile(path.join(scenariosDir, file), 'utf8');
}

/** Writes a generated check beside its scenario. */
export async function writeScenarioCheck(scenariosDir: string, rel: string, content: string): Promise<void> {
  await fs.writeFile(path.join(scenariosDir, rel), content);
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
