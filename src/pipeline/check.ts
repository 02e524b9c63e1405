/**
 * `check`, phases 1–3, on a snapshot: the specs modelled (parse cache, workers), every rule run,
 * generated/ compared with its manifest, coverage traced. Reads nothing the snapshot holds: only
 * the bytes of specs and generated test files not read yet, and the caches.
 */
import path from 'node:path';
import type { Diagnostic, HoldoutText, ModelledFile, SpecccConfig, Workspace } from '../types/index.js';
import type { ReadFile } from '../io/workspace-files.js';
import { loadWorkspace } from '../workspace.js';
import { indexGeneratedTree, readIndexedFiles, readManifest } from '../io/generated-tree.js';
import { readAndHash } from '../io/stat-cache.js';
import { selectPaths } from '../io/select-paths.js';
import { openTestCache } from '../io/test-cache.js';
import { readAdoptionRecordQuietly } from '../io/adopt-project.js';
import { checkWorkspace, sortDiagnostics } from '../phases/3-check/index.js';
import { checkGeneratedTree } from '../phases/3-check/generated-drift.js';
import { checkRequirementCoverage, readTests, TEST_FILE } from '../phases/3-check/coverage.js';
import { inputProblems } from '../pipeline-steps.js';
import type { Snapshot } from './snapshot.js';
import { SPECCC_VERSION } from '../version.js';

export interface CheckOptions {
  /** Only report on these spec files or folders (the whole workspace is still read for references). */
  paths?: string[];
  cwd?: string;
  useCache?: boolean;
  previous?: ReadonlyMap<string, ModelledFile>;
}

export interface CheckResult {
  config: SpecccConfig;
  /** True when the config itself is broken: the command should exit 2. */
  configBroken: boolean;
  workspace: Workspace;
  files: import('../io/workspace-files.js').WorkspaceFiles<ReadFile>;
  diagnostics: Diagnostic[];
  /** The scenarios folder as text: for the coverage trace only, never for a prompt. */
  holdouts: HoldoutText[];
  specs: number;
  errors: number;
  warnings: number;
}

export async function checkSnapshot(snapshot: Snapshot, options: CheckOptions = {}): Promise<CheckResult> {
  const { root, loaded, scenarios } = snapshot;
  const config = loaded.config;
  const whole = !options.paths || options.paths.length === 0;
  const { workspace, files, cacheWritten } = await loadWorkspace(root, config.paths, { ...options, files: snapshot.files, prune: whole });
  const generatedDir = path.join(root, config.paths.generated);
  const [index, { manifest, problem }, tests, adopted] = await Promise.all([
    snapshot.files.generated ?? indexGeneratedTree(generatedDir, readAndHash),
    readManifest(generatedDir, SPECCC_VERSION),
    options.useCache === false ? undefined : openTestCache(root, SPECCC_VERSION, readTests),
    readAdoptionRecordQuietly(root, `${config.paths.specs}/adopted.json`),
  ]);
  const holdouts = [...scenarios.texts];
  const scenariosFolder = { configured: loaded.spans.get('value:paths.scenarios') ?? null, state: !scenarios.exists ? 'missing' : holdouts.length === 0 ? 'empty' : 'present' } as const;
  const hashes = index.hashes;
  let diagnostics = sortDiagnostics([
    ...loaded.diagnostics,
    ...inputProblems(files, config, scenariosFolder),
    ...workspace.files.flatMap((m) => m.diagnostics),
    ...checkWorkspace({ workspace, generatedRoot: config.paths.generated, config, configSpans: loaded.spans, scenarios: [...scenarios.entries] }),
    ...checkGeneratedTree({ workspace, generatedRoot: config.paths.generated, manifest, manifestProblem: problem, hashes, adopted }),
    // Coverage reads only the generated test files (a warm check stats the rest).
    ...checkRequirementCoverage({ workspace, manifest, hashes, files: readIndexedFiles(index, (rel) => TEST_FILE.test(rel)), holdouts, ...(tests ? { read: tests.read } : {}) }),
  ]);
  await Promise.all([tests?.save(), cacheWritten]);
  if (!whole) diagnostics = (await selectPaths(root, options.paths!, options.cwd ?? root)).filter(diagnostics, loaded.file);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { config, configBroken: loaded.diagnostics.length > 0, workspace, files, diagnostics, holdouts, specs: workspace.files.length, errors, warnings: diagnostics.length - errors };
}
