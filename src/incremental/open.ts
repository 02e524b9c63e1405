/** A workspace root -> a session on what is there now: reads it (through the parse cache) once. */
import path from 'node:path';
import { loadedConfigOf } from '../io/config-file.js';
import { readWorkspaceFiles } from '../io/workspace-files.js';
import { readGeneratedTree } from '../io/generated-tree.js';
import { isFolder } from '../io/holdouts.js';
import { readAllScenarios } from '../io/member-scenarios.js';
import { resolveMembers } from '../io/members.js';
import { readRawConfig } from '../io/raw-config.js';
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
  const raw = await readRawConfig(root);
  const config = loadedConfigOf(raw);
  const paths = config.config.paths;
  // A monorepo's members: their spec and context folders are read beside the root's, as check() reads them.
  const members = await resolveMembers(root, raw.members);
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
