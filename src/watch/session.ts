/**
 * One watch session's state between rounds: an incremental check (src/incremental/) holding
 * every file's bytes, model and findings. A round re-reads only the paths the watcher reported,
 * re-models only files whose content changed, re-runs each rule only where the change reaches,
 * and returns what changed. A change to the config or the templates starts the session afresh.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openIncrementalCheck, type FileChange, type IncrementalCheck } from '../incremental/index.js';
import type { Diagnostic, Workspace } from '../types/index.js';
import { diffDiagnostics, statusLine, type DiagnosticsDiff } from './diff.js';

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

export interface WatchSession {
  /** Paths of interest for the watcher, relative to the root. */
  readonly watched: { specs: string; context: string; templates: string; config: string; ignored: string[] };
  /** Runs a round for these changed absolute paths (all files on the first round). Null: nothing changed. */
  round(changedPaths: readonly string[] | 'all'): Promise<RoundResult | null>;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export async function openWatchSession(root: string): Promise<WatchSession> {
  let check: IncrementalCheck = await openIncrementalCheck(root);
  const config = check.config;
  let last: Diagnostic[] | null = null;

  /** Reads the changed paths: spec and context contents for the session; anything else asks for a fresh start. */
  async function changesOf(paths: readonly string[]): Promise<{ changes: FileChange[]; structural: string[] }> {
    const changes: FileChange[] = [];
    const structural: string[] = [];
    for (const abs of paths) {
      const rel = toPosix(path.relative(root, abs));
      if (check.kindOf(rel) === null) {
        structural.push(rel); // config or templates
        continue;
      }
      let content: Uint8Array | null;
      try {
        content = new Uint8Array(await fs.readFile(abs));
      } catch {
        content = null; // deleted (or renamed away)
      }
      changes.push({ file: rel, content });
    }
    return { changes, structural };
  }

  return {
    watched: {
      specs: config.paths.specs,
      context: config.paths.context,
      templates: config.paths.templates,
      config: 'speccc.config.json',
      ignored: [config.paths.generated, '.speccc', 'node_modules', config.paths.scenarios, '.git'],
    },
    async round(changedPaths) {
      const started = performance.now();
      let changed: string[] = [];
      if (changedPaths !== 'all') {
        const { changes, structural } = await changesOf(changedPaths);
        if (structural.length > 0) {
          check = await openIncrementalCheck(root);
          changed = [...structural, ...changes.map((c) => c.file)];
        } else {
          changed = check.update(changes).changed;
          if (changed.length === 0) return null; // saves that did not change any content
        }
      } else if (last !== null) {
        check = await openIncrementalCheck(root);
      }
      const diagnostics = check.diagnostics();
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const specs = check.workspace.files.length;
      const diff = diffDiagnostics(last ?? [], diagnostics);
      last = diagnostics;
      return { ...diff, changed, diagnostics, specs, errors, status: statusLine(diagnostics, specs), durationMs: performance.now() - started, workspace: check.workspace };
    },
  };
}
