/**
 * The fast path: an unchanged workspace is answered from what the last run stored, without
 * loading the pipeline. One typed record lists every input a check or a build reads, by content
 * hash; `check` keys its stored report by the check part of it, `build` its stamp by all of it.
 * (Like turborepo's TaskHashable: add an input here before reading it anywhere else.)
 */
import path from 'node:path';
import type { Diagnostic } from './types/index.js';
import { readRawConfig, type RawConfig } from './io/raw-config.js';
import { changedSinceListed, listWorkspaceFiles, type WorkspaceFiles } from './io/workspace-files.js';
import { hashTemplateFiles, templateHashes, type TemplateFile } from './io/templates.js';
import { indexGeneratedTree, type TreeIndex } from './io/generated-tree.js';
import { openStatCache } from './io/stat-cache.js';
import { hasStored, readStored, writeStored } from './io/stamps.js';
import { hashChecksOf, hashScenarioTextsOf, scenariosOf, type ScenariosListing } from './io/holdouts.js';
import { listAllScenarioFolders } from './io/member-scenarios.js';
import { resolveMembers, type Members } from './io/members.js';
import { toolchainVersions } from './io/toolchain-versions.js';
import { canonicalJson, sha256 } from './hash.js';

import { hasParseCache, PARSE_CACHE_FORMAT } from './io/parse-cache-file.js';
import { poolSize, warmPool } from './io/model-pool.js';
import { SPECCC_VERSION } from './version.js';

/** Everything a check or a build reads, by content. Paths are workspace-relative POSIX. */
export interface WorkspaceInputs {
  /** speccc's version and the parse cache's format: a new speccc answers nothing from an old store. */
  speccc: string;
  /** speccc.config.json as written ('' when absent): any change is re-validated in full. */
  config: string;
  /** A monorepo's members: [name, folder, its speccc.config.json as written] (their folders come from it). */
  members: [string, string, string][];
  specsDirExists: boolean;
  /** [file, sha256] of every spec. */
  specs: [string, string][];
  /** [file, sha256] of every context document. */
  context: [string, string][];
  /** [file, sha256] of every template, speccc's defaults and the workspace's overrides (build only). */
  templates: [string, string][];
  /** [file, sha256] of every file in generated/ (drift is reported by check and repaired by build). */
  generated: [string, string][];
  /** sha256 of generated/.speccc/manifest.json's bytes (null when absent). */
  manifest: string | null;
  /**
   * Holdout scenario files by name (never their text) and whether each has a check: check reports
   * those without. A scenario's property shape (property-no-generator, -no-assertion) comes from
   * its text, which check's key covers by hash (checkKey).
   */
  scenarios: [string, boolean][];
  /** [file, sha256] of every holdout check: a promotion verdict holds only for the checks it was given under. */
  holdouts: [string, string][];
  /** Versions of the sealed toolchain (node major, typescript, vitest, Stryker): part of every verdict. */
  toolchain: Record<string, string>;
  /** sha256 of `<specs>/adopted.json` (speccc adopt's record; null when absent): check reads it for hand-owned drift. */
  adopted: string | null;
}

export interface ReadInputs {
  inputs: WorkspaceInputs;
  /**
   * The spec and context files by hash (with generated/'s index): check reuses them instead of
   * reading twice. Bytes are there only for files whose stat changed; the rest are read when the
   * pipeline runs (readContents), never on an unchanged workspace.
   */
  files: WorkspaceFiles;
  tree: TreeIndex;
  /** The config as read (its one read in the run). */
  raw: RawConfig;
  /** Every template by hash, with the bytes hashing read: the build reads only the rest. */
  templates: readonly TemplateFile[];
  /**
   * The scenarios folder's listing (with every member's), the bytes hashing read (the pipeline
   * reads only the rest), and for a check the hash of each scenario and check file's text
   * (hashScenarioTextsOf; empty for a build).
   */
  scenarios: { listing: ScenariosListing; read: ReadonlyMap<string, Uint8Array>; texts: [string, string | null][] };
  /** A monorepo's members, resolved from the raw config (once in the run). */
  members: Members;
}

/**
 * Every input by content hash: a stat per file, a read and a hash only where the stat changed
 * (src/io/stat-cache.ts). `raw` is the config when the run has read it already. `for: 'check'`
 * leaves out what checkDigest does not cover (the templates and the toolchain's versions: four
 * package lookups and speccc's own templates folder, on every start of a check), so they are
 * empty in what it returns. `warm: false` never starts parse workers ahead of need (a caller that
 * only looks for a stored report).
 */
export async function readInputs(root: string, raw?: RawConfig, options: { for?: 'check' | 'build'; warm?: boolean } = {}): Promise<ReadInputs> {
  raw ??= await readRawConfig(root);
  const forBuild = options.for !== 'check';
  const paths = raw.paths;
  const stats = await openStatCache(root);
  const members = await resolveMembers(root, raw.members);
  const [files, templates, tree, listing, adopted] = await Promise.all([
    listWorkspaceFiles({ root, specsDir: paths.specs, contextDir: paths.context, members: members.members }, stats, (specs) => {
      // With no parse cache every spec will be parsed: start the parse workers while files are hashed.
      if (options.warm !== false && !hasParseCache(root)) warmPool(poolSize(specs));
    }),
    forBuild ? hashTemplateFiles(root, paths.templates, stats) : [],
    indexGeneratedTree(path.join(root, paths.generated), stats.hash),
    listAllScenarioFolders(root, path.resolve(root, paths.scenarios), members.members),
    stats.hash(path.join(root, paths.specs, 'adopted.json')),
  ]);
  const checks = hashChecksOf(listing, stats.hash);
  // What check's key holds of the scenarios' text (the coverage trace and the property rules read it).
  const texts = forBuild ? { hashes: [], read: new Map<string, Uint8Array>() } : hashScenarioTextsOf(listing, stats.hash);
  await stats.save();
  const byHash = (list: { file: string; hash: string }[]) => list.map((f): [string, string] => [f.file, f.hash]);
  const inputs: WorkspaceInputs = {
    speccc: `${SPECCC_VERSION}+parse${PARSE_CACHE_FORMAT}`,
    config: raw.text,
    members: members.members.map((m) => [m.name, m.dir, m.configText]),
    specsDirExists: files.specsDirExists,
    specs: byHash(files.specs),
    context: byHash(files.context),
    templates: templateHashes(templates),
    generated: [...tree.hashes],
    manifest: tree.manifestHash,
    scenarios: scenariosOf(listing).map((s): [string, boolean] => [s.file, s.hasCheck]),
    holdouts: checks.hashes,
    toolchain: forBuild ? toolchainVersions() : {},
    adopted: adopted?.hash ?? null,
  };
  const listed: WorkspaceFiles = { ...files, generated: tree };
  return { files: listed, tree, inputs, raw, templates, scenarios: { listing, read: new Map([...checks.read, ...texts.read]), texts: texts.hashes }, members };
}

/**
 * The key a check report is stored under: what check reads (the scenarios' text by hash), plus
 * the command line's path filter, as canonical JSON. Compared as text, not hashed: on an unchanged
 * workspace nothing is hashed at all (the files' hashes come from the stat cache), so a warm check
 * never loads node:crypto; and two keys are equal only when their inputs are.
 */
export function checkKey(inputs: WorkspaceInputs, paths: readonly string[], scenarioTexts: readonly [string, string | null][]): string {
  const { templates: _notRead, toolchain: _notRun, ...read } = inputs;
  return canonicalJson({ for: 'check', ...read, scenarioTexts, paths });
}

/** The digest of the sources a build reads (everything but generated/, holdout checks included): unchanged from plan to stamp, or no stamp. */
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

export const storedReport = (root: string, key: string) => readStored<StoredReport>(root, 'check-report', key);
/** Whether a check report is stored at all (under any key). */
export const hasStoredReport = (root: string) => hasStored(root, 'check-report');
/**
 * Stores a report under its key (checkKey), unless a file of `listed` (the listing the key was
 * made from, ReadInputs.files) changed between being hashed for the key and being read for the report.
 */
export async function storeReport(root: string, key: string, report: StoredReport, listed: WorkspaceFiles): Promise<void> {
  if (changedSinceListed(listed)) return;
  await writeStored(root, 'check-report', key, report);
}
export const buildStamp = (root: string, digest: string) => readStored<BuildStamp>(root, 'build-stamp', digest);
export const stampBuild = (root: string, digest: string, stamp: BuildStamp) => writeStored(root, 'build-stamp', digest, stamp);

