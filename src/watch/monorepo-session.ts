/**
 * A watch session over a monorepo: every member's spec and context folders and config are
 * watched, and each round is the full check (src/compile.ts), which reads the members under their
 * qualified ids exactly as `speccc check` does; the parse cache keeps it from parsing again what
 * did not change. The incremental check of a single workspace (session.ts) does not read members:
 * a round here costs a warm check of the whole monorepo, not one of the edited spec.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { check } from '../compile.js';
import { CONFIG_FILE } from '../config/file-name.js';
import { resolveMembers } from '../io/members.js';
import type { RawConfig } from '../io/raw-config.js';
import type { Diagnostic } from '../types/index.js';
import { diffDiagnostics, statusLine } from './diff.js';
import type { WatchedPaths, WatchSession } from './session-types.js';

const toPosix = (p: string) => p.split(path.sep).join('/');
/** The same digest the workspace listing gives a file (io/workspace-files.ts). */
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function openMonorepoSession(root: string, raw: RawConfig): Promise<WatchSession> {
  const { members } = await resolveMembers(root, raw.members);
  const paths = raw.paths;
  const watched: WatchedPaths = {
    specs: [paths.specs, ...members.map((m) => m.specs)],
    context: [paths.context, ...members.map((m) => m.context)],
    templates: paths.templates,
    config: [CONFIG_FILE, ...members.map((m) => path.posix.join(m.dir, CONFIG_FILE))],
    ignored: [paths.generated, '.speccc', 'node_modules', paths.scenarios, ...members.map((m) => m.scenarios), '.git'],
  };
  let last: Diagnostic[] | null = null;
  /** Spec and context files by path, as the last round read them: a save that changes no byte is no round. */
  let seen = new Map<string, string>();

  /** The paths whose content differs from the last round's (configs and templates always count). */
  async function changedAmong(paths: readonly string[]): Promise<string[]> {
    const changed: string[] = [];
    for (const abs of paths) {
      const rel = toPosix(path.relative(root, abs));
      if (!rel.endsWith('.md')) {
        changed.push(rel);
        continue;
      }
      const hash = await fs.readFile(abs).then(sha256, () => null);
      if ((seen.get(rel) ?? null) !== hash) changed.push(rel);
    }
    return changed;
  }

  return {
    watched,
    async round(changedPaths) {
      const started = performance.now();
      const changed = changedPaths === 'all' ? [] : await changedAmong(changedPaths);
      if (changedPaths !== 'all' && changed.length === 0) return null;
      const result = await check({ root });
      seen = new Map([...result.files.specs, ...result.files.context].map((f) => [f.file, f.hash]));
      const diagnostics = result.diagnostics;
      const diff = diffDiagnostics(last ?? [], diagnostics);
      last = diagnostics;
      return { ...diff, changed, diagnostics, specs: result.specs, errors: result.errors, status: statusLine(diagnostics, result.specs), durationMs: performance.now() - started, workspace: result.workspace };
    },
  };
}
