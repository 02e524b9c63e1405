/**
 * A monorepo's scenarios: the root's scenarios folder and each member's, read as one. A member's
 * holdouts are keyed by the qualified id of their spec (`billing:invoice`) and their files named
 * `billing:invoice/<name>.test.ts`, which the validator places at `billing/.holdout/invoice/`, so a
 * member's check imports its code as `../../src/invoice.js`, exactly as in a single workspace.
 * With no members, each function is the single-folder reader in holdouts.ts.
 */
import path from 'node:path';
import type { HoldoutCheck, HoldoutSet, HoldoutText, Member } from '../types/index.js';
import { hashHoldoutChecks, listScenarios, readHoldoutSet, readHoldoutTexts } from './holdouts.js';
import type { Hasher } from './stat-cache.js';

/** The folders to read: the root's scenarios folder (absolute) and the members. */
export interface ScenarioFolders {
  root: string;
  /** Absolute path of the root's scenarios folder. */
  scenariosDir: string;
  members: readonly Member[];
}

const q = (member: string, rel: string) => `${member}:${rel}`;
const dirOf = (f: ScenarioFolders, m: Member) => path.resolve(f.root, m.scenarios);

export async function readAllHoldoutSets(f: ScenarioFolders): Promise<HoldoutSet> {
  const set = new Map<string, readonly HoldoutCheck[]>(await readHoldoutSet(f.scenariosDir));
  for (const m of f.members) {
    for (const [spec, checks] of await readHoldoutSet(dirOf(f, m))) set.set(q(m.name, spec), checks.map((c) => ({ ...c, file: q(m.name, c.file) })));
  }
  return set;
}

export async function hashAllHoldoutChecks(f: ScenarioFolders, hash: Hasher): Promise<[string, string][]> {
  const out = await hashHoldoutChecks(f.scenariosDir, hash);
  for (const m of f.members) out.push(...(await hashHoldoutChecks(dirOf(f, m), hash)).map(([file, h]): [string, string] => [q(m.name, file), h]));
  return out;
}

export async function listAllScenarios(f: ScenarioFolders): ReturnType<typeof listScenarios> {
  const out = await listScenarios(f.scenariosDir);
  for (const m of f.members) out.push(...(await listScenarios(dirOf(f, m))).map((s) => ({ ...s, spec: q(m.name, s.spec), file: q(m.name, s.file) })));
  return out;
}

export async function readAllHoldoutTexts(f: ScenarioFolders): Promise<HoldoutText[]> {
  const out = await readHoldoutTexts(f.scenariosDir);
  for (const m of f.members) {
    out.push(...(await readHoldoutTexts(dirOf(f, m))).map((t) => ({ ...t, spec: q(m.name, t.spec), check: t.check === null ? null : q(m.name, t.check) })));
  }
  return out;
}
