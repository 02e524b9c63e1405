/** What the incremental check takes and gives: its inputs, an edit, an update's result, a session. */
import type { Diagnostic, HoldoutText, Member, ModelledFile, SpecccConfig, Workspace } from '../types/index.js';
import type { LoadedConfig } from '../config/parse.js';
import type { ReadFile, WorkspaceFiles } from '../io/workspace-files.js';
import type { GeneratedTree } from '../io/generated-tree.js';
import type { ScenariosFolder } from '../pipeline-steps.js';
import type { TestReader } from '../types/index.js';
import type { checkGeneratedTree } from '../phases/3-check/generated-drift.js';
import type { CheckContext } from '../phases/3-check/rule.js';
import type { Members } from '../io/members.js';

export interface FileChange {
  /** Workspace-relative POSIX path. */
  file: string;
  /** The new content (a buffer's text or a file's bytes); null when the file is gone. */
  content: string | Uint8Array | null;
}

export interface UpdateResult {
  /** Files whose content changed. */
  changed: string[];
  /** Files whose findings were recomputed (the changed specs and the specs they reach). */
  rechecked: string[];
  /** Files whose findings differ from before: what an editor must be told about. */
  touched: string[];
  /** True when every rule ran over the whole workspace (a spec was added or removed). */
  whole: boolean;
  durationMs: number;
}

export interface IncrementalCheck {
  readonly root: string;
  readonly config: SpecccConfig;
  /** A monorepo's members (none in a single workspace): their spec and context folders are the session's too. */
  readonly members: readonly Member[];
  /** The current model. An update replaces it (its byId map may be updated in place): read it from the session each time. */
  readonly workspace: Workspace;
  /** Whether a workspace-relative path is a spec, a context document, or neither. */
  kindOf(file: string): 'spec' | 'context' | null;
  /** A spec file's current model. */
  modelOf(file: string): ModelledFile | undefined;
  /** The current contents, as `check({ files })` takes them. */
  files(): WorkspaceFiles<ReadFile>;
  /** The findings on one file (any file: a spec, the config, a generated file), sorted. */
  diagnosticsOf(file: string): readonly Diagnostic[];
  /** Every file that has findings. */
  filesWithFindings(): string[];
  /** Every finding, sorted as `check()` sorts them. */
  diagnostics(): Diagnostic[];
  /** Applies changed contents (specs and context documents; other paths are ignored). */
  update(changes: readonly FileChange[]): UpdateResult;
}

/** What a session starts from: everything `check()` reads. */
export interface IncrementalInputs {
  root: string;
  config: LoadedConfig;
  files: WorkspaceFiles<ReadFile>;
  /** Models for (some of) the spec files; the rest are parsed. */
  models?: readonly ModelledFile[];
  tree: Pick<GeneratedTree, 'manifest' | 'manifestProblem' | 'hashes' | 'files'>;
  scenarios: CheckContext['scenarios'];
  /** The scenarios folder as text, for requirement coverage (never for a prompt). */
  holdouts: readonly HoldoutText[];
  /** Whether the config names the scenarios folder and what is there (default: present when `holdouts` has any, else missing). */
  scenariosFolder?: ScenariosFolder;
  /** Reads a test file's cases (the test cache's reader, when there is one). */
  readTests?: TestReader;
  /** `<specs>/adopted.json` (hand-owned specs' files at adoption), as check() reads it; null or absent: none. */
  adopted?: Parameters<typeof checkGeneratedTree>[0]['adopted'];
  /** A monorepo's members (their spec and context folders are part of `files`; their specs are qualified), and what is wrong with `members`. */
  members?: Members;
}
