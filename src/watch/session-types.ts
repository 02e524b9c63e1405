/** What a watch session is and gives: its paths of interest and the result of each round (session.ts). */
import type { Diagnostic, Workspace } from '../types/index.js';
import type { DiagnosticsDiff } from './diff.js';

export interface RoundResult extends DiagnosticsDiff {
  /** Workspace-relative paths whose content changed this round. */
  changed: string[];
  diagnostics: Diagnostic[];
  specs: number;
  errors: number;
  status: string;
  durationMs: number;
  /** The workspace model after this round (spec sources for code frames). */
  workspace: Workspace;
}

/** Paths of interest for the watcher, relative to the root: a monorepo's members add their spec and context folders and configs. */
export interface WatchedPaths {
  specs: string[];
  context: string[];
  templates: string;
  config: string[];
  ignored: string[];
}

export interface WatchSession {
  readonly watched: WatchedPaths;
  /** Runs a round for these changed absolute paths (all files on the first round). Null: nothing changed. */
  round(changedPaths: readonly string[] | 'all'): Promise<RoundResult | null>;
}
