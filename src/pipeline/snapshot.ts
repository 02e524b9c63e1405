/**
 * Read once: everything a run takes from the workspace, read at its start into one immutable
 * value that every later step is handed (TypeScript's Program, STYLE.md §7). Nothing below an
 * entry reads the config, the templates or the scenarios folder again.
 *
 * Two depths. `readInputs` (fast-path.ts) knows every input by content hash from a stat, reading
 * only files whose stat changed, and keeps the bytes it did read; that is all an unchanged
 * workspace needs. `readSnapshot` completes it: the config validated, the scenarios' text, and
 * for a build the templates' text, each file read only if hashing did not read it already. The
 * specs' and generated/'s bytes still come in where check and build need them (readContents,
 * readIndexedTree), again only those not read yet.
 */
import path from 'node:path';
import type { HoldoutSet, HoldoutText } from '../types/index.js';
import type { LoadedConfig } from '../config/parse.js';
import { readRawConfig, type RawConfig } from '../io/raw-config.js';
import { loadedConfigOf } from '../io/config-file.js';
import { readWorkspaceFiles, type WorkspaceFiles } from '../io/workspace-files.js';
import { holdoutSetOf, holdoutTextsOf, readScenarioFiles, scenariosOf, type ScenarioEntry, type ScenarioFiles } from '../io/holdouts.js';
import { hashTemplateFiles, readTemplateFiles } from '../io/templates.js';
import { readAndHash } from '../io/stat-cache.js';
import type { TemplateSource } from '../types/index.js';
import type { ReadInputs } from '../fast-path.js';
import { resolveMembers, type Members } from '../io/members.js';
import { listAllScenarioFolders } from '../io/member-scenarios.js';

/** The scenarios folder as a run read it. Its text is for the checker, the coverage trace and the validator: never a prompt. */
export interface ScenariosSnapshot {
  /** Absolute folder (the root's: a monorepo member's folders are read with it, their spec folders qualified `member:spec`). */
  readonly dir: string;
  readonly exists: boolean;
  /** Its sub-folders that may name a spec (hidden ones left out: a scenarios repository's .git/). */
  readonly folders: readonly string[];
  /** Plain-language scenarios and whether each has an automated check. */
  readonly entries: readonly ScenarioEntry[];
  /** Every scenario and check as text, paired by name (coverage, leak audit). */
  readonly texts: readonly HoldoutText[];
  /** The automated checks by spec id: what the validator runs and the verdict keys digest. */
  readonly holdouts: HoldoutSet;
}

export interface Snapshot {
  readonly root: string;
  /** speccc.config.json as read: the text, and the folder paths taken from it. */
  readonly raw: RawConfig;
  /** The same text validated (diagnostics and spans for check). */
  readonly loaded: LoadedConfig;
  /** A monorepo's members, resolved from the raw config, and what is wrong with its `members` (located by check). */
  readonly members: Members;
  /** Spec and context files, by hash (bytes where already read); generated/'s index when the fast path made one. */
  readonly files: WorkspaceFiles;
  readonly scenarios: ScenariosSnapshot;
  /** The templates' text, defaults and overrides: read for runs that render prompts (a build), else null. */
  readonly templates: { readonly defaults: readonly TemplateSource[]; readonly overrides: readonly TemplateSource[] } | null;
  /** What the fast path read (the build's stamp is keyed by its digest); absent for a run that did not take it. */
  readonly inputs?: ReadInputs;
}

export interface SnapshotOptions {
  /** The config as the run read it already (its lock holder, recovery). */
  raw?: RawConfig;
  /** The fast path's reading of the workspace: the snapshot completes it instead of reading again. */
  inputs?: ReadInputs;
  /** Files already listed or read by the caller (watch, tests), when there is no `inputs`. */
  files?: WorkspaceFiles;
  /** Read the templates' text (a build renders prompts; a check does not). */
  templates?: boolean;
  /** The scenario files the caller read already from `inputs`' listing (check's report digest). */
  scenarioFiles?: ScenarioFiles;
  /** Another scenarios folder than the config's (`verify --scenarios DIR`), absolute. */
  scenariosDir?: string;
}

export async function readSnapshot(root: string, options: SnapshotOptions = {}): Promise<Snapshot> {
  const { inputs } = options;
  const raw = inputs?.raw ?? options.raw ?? (await readRawConfig(root));
  // The validated paths, as check has always used: they differ from raw.paths only in a config that is broken anyway.
  const loaded = loadedConfigOf(raw);
  const { paths } = loaded.config;
  const dir = options.scenariosDir ?? path.resolve(root, paths.scenarios);
  const members = inputs?.members ?? (await resolveMembers(root, raw.members));
  const listed = inputs?.scenarios.listing.dir === dir ? inputs.scenarios : null;
  const [files, listing] = await Promise.all([
    inputs?.files ?? options.files ?? readWorkspaceFiles({ root, specsDir: paths.specs, contextDir: paths.context, members: members.members }),
    // Every member's scenarios folder with the root's, listed once: check, build and verify all take them from here.
    listed?.listing ?? listAllScenarioFolders(root, dir, members.members),
  ]);
  const [scenarioFiles, templates] = await Promise.all([
    (listed && options.scenarioFiles) ?? readScenarioFiles(listing, listed?.read),
    options.templates ? readTemplateFiles(inputs?.templates ?? (await hashTemplateFiles(root, paths.templates, { hash: readAndHash, save: async () => {} }))) : null,
  ]);
  const scenarios: ScenariosSnapshot = Object.freeze({
    dir,
    exists: listing.exists,
    folders: listing.folders.map((f) => f.name).filter((n) => !n.startsWith('.')),
    entries: scenariosOf(listing, scenarioFiles),
    texts: holdoutTextsOf(listing, scenarioFiles),
    holdouts: holdoutSetOf(listing, scenarioFiles),
  });
  return Object.freeze({ root, raw, loaded, members, files, scenarios, templates, ...(inputs ? { inputs } : {}) });
}
