/**
 * One watch session's state between rounds: an incremental check (src/incremental/) holding
 * every file's bytes, model and findings. A round re-reads only the paths the watcher reported,
 * re-models only files whose content changed, re-runs each rule only where the change reaches,
 * and returns what changed. A change to the config or the templates starts the session afresh.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openIncrementalCheck, type FileChange, type IncrementalCheck } from '../incremental/index.js';
import type { Diagnostic } from '../types/index.js';
import { diffDiagnostics, statusLine } from './diff.js';
import type { WatchSession } from './session-types.js';
import { CONFIG_FILE } from '../config/file-name.js';

export type { RoundResult, WatchedPaths, WatchSession } from './session-types.js';

const toPosix = (p: string) => p.split(path.sep).join('/');

export async function openWatchSession(root: string): Promise<WatchSession> {
  let check: IncrementalCheck = await openIncrementalCheck(root);
  const config = check.config;
  const members = check.members;
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
    // A monorepo's members (read when the session opened): their spec and context folders and configs too.
    watched: {
      specs: [config.paths.specs, ...members.map((m) => m.specs)],
      context: [config.paths.context, ...members.map((m) => m.context)],
      templates: config.paths.templates,
      config: [CONFIG_FILE, ...members.map((m) => path.posix.join(m.dir, CONFIG_FILE))],
      ignored: [config.paths.generated, '.speccc', 'node_modules', config.paths.scenarios, ...members.map((m) => m.scenarios), '.git'],
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
