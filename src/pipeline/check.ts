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
import { readAdoptionRecordQuietly } from '../io/adoption-record.js';
import { checkWorkspace, sortDiagnostics } from '../phases/3-check/index.js';
import { checkGeneratedTree } from '../phases/3-check/generated-drift.js';
import { checkRequirementCoverage, readTests, TEST_FILE } from '../phases/3-check/coverage.js';
import { inputProblems } from '../pipeline-steps.js';
import type { Snapshot } from './snapshot.js';
import { memberDiagnostics } from '../config/members.js';
import { CONFIG_FILE } from '../config/file-name.js';
import { affectedSpecs, memberAndDependencies, withinAffected, type Affected } from '../phases/3-check/affected.js';
import { SPECCC_VERSION } from '../version.js';

export interface CheckOptions {
  /** Only report on these spec files or folders (the whole workspace is still read for references). */
  paths?: string[];
  cwd?: string;
  useCache?: boolean;
  previous?: ReadonlyMap<string, ModelledFile>;
  /**
   * `--since`: the files a change touched (io/git.ts). Only findings in the specs the change
   * reaches (phases/3-check/affected.ts) are reported, with the workspace-level ones (config,
   * folders, generated/); the whole workspace is still read and checked.
   */
  changed?: readonly string[];
  /** `check` inside a monorepo member: only that member's specs and what they depend on are reported (with the workspace-level findings). */
  member?: string;
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
  /** With `changed`: the specs the change reaches. */
  affected?: Affected;
  specs: number;
  errors: number;
  warnings: number;
}

export async function checkSnapshot(snapshot: Snapshot, options: CheckOptions = {}): Promise<CheckResult> {
  const { root, loaded, scenarios } = snapshot;
  const config = loaded.config;
  const members = snapshot.members.members;
  const configDiagnostics = [...loaded.diagnostics, ...memberDiagnostics(snapshot.members.problems, loaded.spans)];
  const whole = !options.paths || options.paths.length === 0;
  const { workspace, files, cacheWritten } = await loadWorkspace(root, { ...config.paths, members }, { ...options, files: snapshot.files, prune: whole });
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
    ...configDiagnostics,
    ...inputProblems(files, config, scenariosFolder),
    ...workspace.files.flatMap((m) => m.diagnostics),
    ...checkWorkspace({ workspace, generatedRoot: config.paths.generated, config, configSpans: loaded.spans, scenarios: [...scenarios.entries] }),
    ...checkGeneratedTree({ workspace, generatedRoot: config.paths.generated, manifest, manifestProblem: problem, hashes, adopted }),
    // Coverage reads only the generated test files (a warm check stats the rest).
    ...checkRequirementCoverage({ workspace, manifest, hashes, files: readIndexedFiles(index, (rel) => TEST_FILE.test(rel)), holdouts, ...(tests ? { read: tests.read } : {}) }),
  ]);
  await Promise.all([tests?.save(), cacheWritten]);
  if (!whole) diagnostics = (await selectPaths(root, options.paths!, options.cwd ?? root)).filter(diagnostics, loaded.file);
  const scoped = narrow(diagnostics, workspace, config.paths, options);
  const errors = scoped.diagnostics.filter((d) => d.severity === 'error').length;
  return { config, configBroken: configDiagnostics.length > 0, workspace, files, holdouts, ...scoped, errors, warnings: scoped.diagnostics.length - errors };
}

/** `--since` and a member's check: the findings (and the count of specs) within what the change reaches and the member's scope. */
function narrow(all: Diagnostic[], workspace: Workspace, paths: SpecccConfig['paths'], options: CheckOptions): { diagnostics: Diagnostic[]; specs: number; affected?: Affected } {
  let diagnostics = all;
  const affected = options.changed ? affectedSpecs({ workspace, changed: options.changed, paths, configFile: CONFIG_FILE }) : undefined;
  if (affected) diagnostics = withinAffected(diagnostics, workspace, affected);
  const scope = options.member === undefined ? null : memberAndDependencies(workspace, options.member);
  if (scope) diagnostics = withinAffected(diagnostics, workspace, { files: scope });
  const specs = affected && scope ? [...affected.files].filter((f) => scope.has(f)).length : affected ? affected.files.size : scope ? scope.size : workspace.files.length;
  return { diagnostics, specs, ...(affected ? { affected } : {}) };
}
