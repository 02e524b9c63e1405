/** A workspace root -> a session on what is there now: reads it (through the parse cache) once. */
import path from 'node:path';
import { loadConfig } from '../io/config-file.js';
import { readWorkspaceFiles } from '../io/workspace-files.js';
import { readGeneratedTree } from '../io/generated-tree.js';
import { holdoutTextsOf, isFolder, readScenarioFiles, scenariosOf } from '../io/holdouts.js';
import { listAllScenarioFolders } from '../io/member-scenarios.js';
import { resolveMembers } from '../io/members.js';
import { readRawConfig } from '../io/raw-config.js';
import type { Member } from '../types/index.js';
import { openTestCache } from '../io/test-cache.js';
import { readTests as readTestCases } from '../phases/3-check/coverage.js';
import { readAdoptionRecordQuietly } from '../io/adoption-record.js';
import { modelFiles } from '../workspace.js';
import type { ScenariosFolder } from '../pipeline-steps.js';
import { SPECCC_VERSION } from '../version.js';
import { createIncrementalCheck } from './create.js';
import type { IncrementalCheck } from './types.js';

export async function openIncrementalCheck(root: string, options: { useCache?: boolean } = {}): Promise<IncrementalCheck> {
  root = path.resolve(root);
  const config = await loadConfig(root);
  const paths = config.config.paths;
  // A monorepo's members: their spec and context folders are read beside the root's, as check() reads them.
  const members = await resolveMembers(root, (await readRawConfig(root)).members);
  const files = await readWorkspaceFiles({ root, specsDir: paths.specs, contextDir: paths.context, members: members.members });
  const { models, cacheWritten } = await modelFiles(root, files.specs, { useCache: options.useCache ?? true, prune: false });
  await cacheWritten;
  const scenariosDir = path.resolve(root, paths.scenarios);
  const [tree, { entries: scenarios, texts: holdouts }, tests, exists, adopted] = await Promise.all([
    readGeneratedTree(path.join(root, paths.generated), SPECCC_VERSION),
    readAllScenarios(root, scenariosDir, members.members),
    options.useCache === false ? undefined : openTestCache(root, SPECCC_VERSION, readTestCases),
    isFolder(scenariosDir),
    readAdoptionRecordQuietly(root, `${paths.specs}/adopted.json`),
  ]);
  const scenariosFolder: ScenariosFolder = { configured: config.spans.get('value:paths.scenarios') ?? null, state: !exists ? 'missing' : holdouts.length === 0 ? 'empty' : 'present' };
  const session = createIncrementalCheck({ root, config, files, models, tree, scenarios, holdouts, scenariosFolder, adopted, members, ...(tests ? { readTests: tests.read } : {}) });
  await tests?.save();
  return session;
}

/** The root's scenarios folder and every member's, as check() reads them (pipeline/snapshot.ts). */
async function readAllScenarios(root: string, scenariosDir: string, members: readonly Member[]) {
  const listing = await listAllScenarioFolders(root, scenariosDir, members);
  const files = await readScenarioFiles(listing);
  return { entries: scenariosOf(listing, files), texts: holdoutTextsOf(listing, files) };
}
