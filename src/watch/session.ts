/**
 * One watch session's state between rounds: every file's bytes and model, and the last round's
 * findings. A round re-reads only the paths the watcher reported, re-parses only files whose
 * content hash changed, re-runs the (pure, in-memory) checks and returns what changed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { check, type CheckResult } from '../compile.js';
import { readWorkspaceFiles, type ReadFile, type WorkspaceFiles } from '../io/workspace-files.js';
import { sha256 } from '../phases/1-parse/hash.js';
import type { Diagnostic, ModelledFile } from '../types/index.js';
import { diffDiagnostics, statusLine, type DiagnosticsDiff } from './diff.js';

export interface RoundResult extends DiagnosticsDiff {
  /** Workspace-relative paths whose content changed this round. */
  changed: string[];
  diagnostics: Diagnostic[];
  specs: number;
  errors: number;
  status: string;
  durationMs: number;
  result: CheckResult;
}

export interface WatchSession {
  /** Paths of interest for the watcher, relative to the root. */
  readonly watched: { specs: string; context: string; templates: string; config: string; ignored: string[] };
  /** Runs a round for these changed absolute paths (all files on the first round). Null: nothing changed. */
  round(changedPaths: readonly string[] | 'all'): Promise<RoundResult | null>;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export async function openWatchSession(root: string): Promise<WatchSession> {
  const first = await check({ root });
  const config = first.config;
  let files: WorkspaceFiles<ReadFile> = await readWorkspaceFiles({ root, specsDir: config.paths.specs, contextDir: config.paths.context });
  let models = new Map<string, ModelledFile>(first.workspace.files.map((f) => [f.file, f]));
  let last: Diagnostic[] | null = null;
  const hashes = new Map<string, string>([...files.specs, ...files.context].map((f) => [f.file, f.hash]));

  /** Re-reads the changed paths only, keeping every other file's bytes from the last round. */
  async function refresh(changed: readonly string[]): Promise<string[]> {
    const specs = new Map(files.specs.map((f) => [f.file, f]));
    const context = new Map(files.context.map((f) => [f.file, f]));
    const really: string[] = [];
    let structural = false;
    for (const abs of changed) {
      const rel = toPosix(path.relative(root, abs));
      const isSpec = rel.startsWith(`${toPosix(config.paths.specs)}/`) && rel.endsWith('.md');
      const isContext = rel.startsWith(`${toPosix(config.paths.context)}/`) && rel.endsWith('.md');
      if (!isSpec && !isContext) {
        structural = true; // config or templates: re-read everything
        really.push(rel);
        continue;
      }
      const target = isSpec ? specs : context;
      let bytes: Uint8Array | null = null;
      try {
        bytes = new Uint8Array(await fs.readFile(abs));
      } catch {
        bytes = null; // deleted (or renamed away)
      }
      const hash = bytes ? sha256(bytes) : null;
      if ((hashes.get(rel) ?? null) === hash) continue; // a save that did not change content
      really.push(rel);
      if (bytes && hash) {
        target.set(rel, { file: rel, hash, bytes } satisfies ReadFile);
        hashes.set(rel, hash);
      } else {
        target.delete(rel);
        hashes.delete(rel);
      }
    }
    if (structural) files = await readWorkspaceFiles({ root, specsDir: config.paths.specs, contextDir: config.paths.context });
    else {
      const sorted = (m: Map<string, ReadFile>) => [...m.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
      files = { ...files, specsDirExists: files.specsDirExists || specs.size > 0, specs: sorted(specs), context: sorted(context) };
    }
    return really;
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
      let result: CheckResult;
      if (changedPaths === 'all' && last === null) {
        result = first;
      } else {
        changed = changedPaths === 'all' ? [] : await refresh(changedPaths);
        if (changedPaths !== 'all' && changed.length === 0) return null;
        result = await check({ root, files, previous: models, useCache: false });
      }
      models = new Map(result.workspace.files.map((f) => [f.file, f]));
      const diff = diffDiagnostics(last ?? [], result.diagnostics);
      last = result.diagnostics;
      return {
        ...diff,
        changed,
        diagnostics: result.diagnostics,
        specs: result.specs,
        errors: result.errors,
        status: statusLine(result.diagnostics, result.specs),
        durationMs: performance.now() - started,
        result,
      };
    },
  };
}
