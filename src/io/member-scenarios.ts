/**
 * A monorepo's scenarios: the root's scenarios folder and each member's, listed as one listing
 * (holdouts.ts derives everything else from it, so each folder is listed once and each file read
 * once). A member's spec folders are named by the qualified id of their spec (`billing:invoice`),
 * so its holdouts are keyed `billing:invoice` and its files named `billing:invoice/<name>.test.ts`,
 * which the validator places at `billing/.holdout/invoice/` (phases/7-validate/holdout-placement.ts):
 * a member's check imports its code as `../../src/invoice.js`, exactly as in a single workspace.
 * With no members, this is listScenariosFolder.
 */
import path from 'node:path';
import type { HoldoutText, Member } from '../types/index.js';
import { holdoutTextsOf, listScenariosFolder, readScenarioFiles, scenariosOf, type ScenarioEntry, type ScenariosListing } from './holdouts.js';

/** The root's scenarios folder (absolute) with every member's spec folders after its own; `exists` is the root folder's. */
export async function listAllScenarioFolders(root: string, scenariosDir: string, members: readonly Member[]): Promise<ScenariosListing> {
  const [own, ...theirs] = await Promise.all([listScenariosFolder(scenariosDir), ...members.map((m) => listScenariosFolder(path.resolve(root, m.scenarios)))]);
  if (members.length === 0) return own;
  const memberFolders = theirs.flatMap((listing, i) =>
    listing.folders
      // A member's hidden folders (its scenarios repository's .git/) name no spec.
      .filter((f) => !f.name.startsWith('.'))
      .map((f) => ({ name: `${members[i]!.name}:${f.name}`, names: f.names, dir: path.join(listing.dir, f.name), rel: path.posix.join(members[i]!.scenarios, f.name) })),
  );
  return { ...own, folders: [...own.folders, ...memberFolders] };
}

/** readScenariosFolder (holdouts.ts) over the root's scenarios folder and every member's: what check() reads of them. */
export async function readAllScenarios(root: string, scenariosDir: string, members: readonly Member[]): Promise<{ entries: ScenarioEntry[]; texts: HoldoutText[] }> {
  const listing = await listAllScenarioFolders(root, scenariosDir, members);
  const files = await readScenarioFiles(listing);
  return { entries: scenariosOf(listing, files), texts: holdoutTextsOf(listing, files) };
}
