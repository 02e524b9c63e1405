/**
 * The files of `scenarios propose` and `scenarios accept`: the last mutation run's survivors
 * (`.speccc/verify/survivors.json`, in the workspace), the proposal template, and the drafts,
 * which live in the scenarios folder's hidden `.proposed/<spec-id>/` (holdout content, kept
 * where no generating agent reads; hidden, so no run counts a draft as a holdout). Never through
 * a link (safe-write); files over 1 MiB are not read. Parsing is src/proposals/.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { assetPath } from './package-files.js';
import { appendInside, assertInside, writeInside } from './safe-write.js';

/** Where `verify --mutate` keeps the last run's surviving mutants, workspace-relative. */
export const SURVIVORS_FILE = path.join('.speccc', 'verify', 'survivors.json');
/** The drafts' folder inside the scenarios folder. */
export const DRAFTS_DIR = '.proposed';
/** The record of accepted drafts, inside the drafts' folder. */
export const ACCEPTED_LOG = `${DRAFTS_DIR}/accepted.jsonl`;

const MAX_BYTES = 1024 * 1024;

/** A regular file's text; null when it is missing, a link, not a file or over 1 MiB. */
async function readSmall(file: string): Promise<string | null> {
  const st = await fs.lstat(file).catch(() => null);
  if (!st?.isFile() || st.size > MAX_BYTES) return null;
  return fs.readFile(file, 'utf8').catch(() => null);
}

export const readSurvivorsText = (root: string): Promise<string | null> => readSmall(path.join(root, SURVIVORS_FILE));

export const readProposalTemplate = (): Promise<string> => fs.readFile(assetPath('scenarios', 'propose.hbs'), 'utf8');

/** A draft's three files: the scenario, its check, and the mutant it was proposed to kill (JSON). */
export interface DraftFiles {
  md: string | null;
  check: string | null;
  mutant: string | null;
}

const draftFile = (spec: string, name: string, suffix: string) => `${DRAFTS_DIR}/${spec}/${name}${suffix}`;

export async function writeDraft(scenariosDir: string, spec: string, name: string, files: { md: string; check: string; mutant: string }): Promise<void> {
  // The mutant last: a draft is listed by its mutant file, so a cut write leaves no half-draft listed.
  await writeInside(scenariosDir, draftFile(spec, name, '.md'), files.md);
  await writeInside(scenariosDir, draftFile(spec, name, '.test.ts'), files.check);
  await writeInside(scenariosDir, draftFile(spec, name, '.mutant.json'), files.mutant);
}

export async function readDraft(scenariosDir: string, spec: string, name: string): Promise<DraftFiles> {
  const [md, check, mutant] = await Promise.all(['.md', '.test.ts', '.mutant.json'].map((s) => readSmall(path.join(scenariosDir, draftFile(spec, name, s)))));
  return { md: md!, check: check!, mutant: mutant! };
}

/** Every draft as `<spec-id>/<name>`, sorted: the `.mutant.json` files of `.proposed/<spec-id>/`. */
export async function listDrafts(scenariosDir: string): Promise<{ spec: string; name: string }[]> {
  const root = path.join(scenariosDir, DRAFTS_DIR);
  const specs = (await fs.readdir(root, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory()).map((d) => d.name);
  const out: { spec: string; name: string }[] = [];
  for (const spec of specs.sort()) {
    const names = await fs.readdir(path.join(root, spec)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.mutant.json')).map((n) => n.slice(0, -'.mutant.json'.length)).sort()) out.push({ spec, name });
  }
  return out;
}

export async function removeDraft(scenariosDir: string, spec: string, name: string): Promise<void> {
  for (const suffix of ['.mutant.json', '.md', '.test.ts']) {
    const rel = draftFile(spec, name, suffix);
    // A link among the folders above would move the removal out of the scenarios folder.
    await assertInside(scenariosDir, rel);
    await fs.rm(path.join(scenariosDir, rel), { force: true });
  }
}

/** Whether `<spec-id>/<name>.md` or its check is already a scenario of the folder. */
export async function scenarioExists(scenariosDir: string, spec: string, name: string): Promise<boolean> {
  const found = await Promise.all([`${name}.md`, `${name}.test.ts`].map((n) => fs.lstat(path.join(scenariosDir, spec, n)).then(() => true, () => false)));
  return found.some(Boolean);
}

/**
 * An accepted draft becomes a holdout: its scenario and check are written into `<spec-id>/`,
 * the acceptance is appended to `.proposed/accepted.jsonl`, then the draft is removed.
 */
export async function promoteDraft(scenariosDir: string, spec: string, name: string, files: { md: string; check: string }, record: string): Promise<void> {
  await writeInside(scenariosDir, `${spec}/${name}.md`, files.md);
  await writeInside(scenariosDir, `${spec}/${name}.test.ts`, files.check);
  await appendInside(scenariosDir, ACCEPTED_LOG, `${record}\n`);
  await removeDraft(scenariosDir, spec, name);
}

/** The record of rejected drafts, inside the drafts' folder: `propose` does not draft for their mutants again. */
export const REJECTED_LOG = `${DRAFTS_DIR}/rejected.jsonl`;

export async function appendRejected(scenariosDir: string, line: string): Promise<void> {
  await appendInside(scenariosDir, REJECTED_LOG, `${line}\n`);
}

/** The record of mutants the proposer declined (the spec allows what they do): not asked about again. */
export const DECLINED_LOG = `${DRAFTS_DIR}/declined.jsonl`;

export async function appendDeclined(scenariosDir: string, line: string): Promise<void> {
  await appendInside(scenariosDir, DECLINED_LOG, `${line}\n`);
}

/**
 * `<spec-id>/<name>` of every draft rejected by a person, or declined by the proposer, before
 * (lines that are not such a record are passed over; delete a line to be asked again).
 */
export async function readRejectedNames(scenariosDir: string): Promise<string[]> {
  const text = [(await readSmall(path.join(scenariosDir, REJECTED_LOG))) ?? '', (await readSmall(path.join(scenariosDir, DECLINED_LOG))) ?? ''].join('\n');
  return text.split('\n').flatMap((line) => {
    try {
      const scenario = (JSON.parse(line) as { scenario?: unknown }).scenario;
      return typeof scenario === 'string' ? [scenario] : [];
    } catch {
      return [];
    }
  });
}
