/**
 * The fast path: an unchanged workspace is answered from what the last run stored, without
 * loading the pipeline. One typed record lists every input a check or a build reads, by content
 * hash; `check` keys its stored report by the check part of it, `build` its stamp by all of it.
 * (Like turborepo's TaskHashable: add an input here before reading it anywhere else.)
 */
import path from 'node:path';
import type { Diagnostic } from './types/index.js';
import { readRawConfig } from './io/raw-config.js';
import { readWorkspaceFiles, type WorkspaceFiles } from './io/workspace-files.js';
import { readTemplates } from './io/templates.js';
import { readGeneratedTree, type GeneratedTree } from './io/generated-tree.js';
import { readStored, writeStored } from './io/stamps.js';
import { listScenarios } from './io/holdouts.js';
import { canonicalJson, sha256 } from './phases/1-parse/hash.js';

import { PARSE_CACHE_FORMAT } from './io/parse-cache.js';
import { SPECCC_VERSION } from './version.js';

/** Everything a check or a build reads, by content. Paths are workspace-relative POSIX. */
export interface WorkspaceInputs {
  /** speccc's version and the parse cache's format: a new speccc answers nothing from an old store. */
  speccc: string;
  /** speccc.config.json as written ('' when absent): any change is re-validated in full. */
  config: string;
  specsDirExists: boolean;
  /** [file, sha256] of every spec. */
  specs: [string, string][];
  /** [file, sha256] of every context document. */
  context: [string, string][];
  /** [file, sha256] of every template, speccc's defaults and the workspace's overrides (build only). */
  templates: [string, string][];
  /** [file, sha256] of every file in generated/ (drift is reported by check and repaired by build). */
  generated: [string, string][];
  /** sha256 of generated/.speccc/manifest.json as parsed (null when absent or unusable). */
  manifest: string | null;
  /** Holdout scenario files by name (never their text) and whether each has a check: check reports those without. */
  scenarios: [string, boolean][];
}

export interface ReadInputs {
  inputs: WorkspaceInputs;
  /** The spec and context files, already read: check reuses them instead of reading twice. */
  files: WorkspaceFiles;
  tree: GeneratedTree;
}

export async function readInputs(root: string): Promise<ReadInputs> {
  const raw = await readRawConfig(root);
  const [files, templates, tree, scenarios] = await Promise.all([
    readWorkspaceFiles({ root, specsDir: raw.paths.specs, contextDir: raw.paths.context }),
    readTemplates(root, raw.paths.templates),
    readGeneratedTree(path.join(root, raw.paths.generated), SPECCC_VERSION),
    listScenarios(path.resolve(root, raw.paths.scenarios)),
  ]);
  const byHash = (list: { file: string; bytes: Uint8Array }[]) => list.map((f): [string, string] => [f.file, sha256(f.bytes)]);
  return {
    files,
    tree,
    inputs: {
      speccc: `${SPECCC_VERSION}+parse${PARSE_CACHE_FORMAT}`,
      config: raw.text,
      specsDirExists: files.specsDirExists,
      specs: byHash(files.specs),
      context: byHash(files.context),
      templates: [...templates.defaults, ...templates.overrides].map((t): [string, string] => [t.file, sha256(t.text)]),
      generated: [...tree.hashes].sort(([a], [b]) => (a < b ? -1 : 1)),
      manifest: tree.manifestProblem === null && tree.manifest.specs.size > 0 ? sha256(canonicalJson(tree.manifest)) : null,
      scenarios: scenarios.map((s): [string, boolean] => [s.file, s.hasCheck]),
    },
  };
}

/** The digest a check report is keyed by: what check reads, plus the command line's path filter. */
export function checkDigest(inputs: WorkspaceInputs, paths: readonly string[]): string {
  const { templates: _notRead, ...read } = inputs;
  return sha256(canonicalJson({ for: 'check', ...read, paths }));
}

/** The digest of the sources a build reads (everything but generated/): unchanged from plan to stamp, or no stamp. */
export function sourcesDigest(inputs: WorkspaceInputs): string {
  const { generated: _g, manifest: _m, scenarios: _s, ...sources } = inputs;
  return sha256(canonicalJson({ for: 'sources', ...sources }));
}

/** The digest a build stamp is keyed by: every input, generated/ included. */
export function buildDigest(inputs: WorkspaceInputs): string {
  return sha256(canonicalJson({ for: 'build', ...inputs }));
}

export interface StoredReport {
  diagnostics: Diagnostic[];
  specs: number;
  errors: number;
  warnings: number;
  configBroken: boolean;
}

export interface BuildStamp {
  /** Ready specs the build covered, for the "N specs up to date" line. */
  specs: number;
}

export const storedReport = (root: string, digest: string) => readStored<StoredReport>(root, 'check-report', digest);
export const storeReport = (root: string, digest: string, report: StoredReport) => writeStored(root, 'check-report', digest, report);
export const buildStamp = (root: string, digest: string) => readStored<BuildStamp>(root, 'build-stamp', digest);
export const stampBuild = (root: string, digest: string, stamp: BuildStamp) => writeStored(root, 'build-stamp', digest, stamp);

