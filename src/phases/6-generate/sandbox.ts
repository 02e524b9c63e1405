/**
 * The JobSandbox a provider writes through: writes land in memory for this job only, and only
 * for paths the spec declares; reads see this job's files and its dependencies' outputs. Nothing
 * else is reachable — in particular not the scenarios directory, context files on disk, or any
 * path outside the generated root — so the sandbox needs no file system at all.
 */
import path from 'node:path';
import type { JobSandbox } from '../../types/index.js';

export interface SandboxOptions {
  outputs: readonly string[];
  /** Files the agent may read besides its own: dependency outputs, by path. */
  readable: ReadonlyMap<string, string>;
  /** Paths owned by other specs, for a clearer refusal message. */
  ownerOf?: (path: string) => string | undefined;
  /** Largest file content accepted, in UTF-16 code units: no reply within max_tokens can be longer. */
  maxFileBytes?: number;
}

export function normaliseAgentPath(raw: string): { ok: true; path: string } | { ok: false; error: string } {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, error: 'path is empty' };
  if (raw.includes('\0')) return { ok: false, error: 'path contains a NUL character' };
  if (raw.includes('\\')) return { ok: false, error: 'path contains a backslash; use / separators' };
  if (path.posix.isAbsolute(raw) || /^[a-zA-Z]:/.test(raw)) return { ok: false, error: 'path is absolute; paths are relative to the generated root' };
  const cleaned = raw.replace(/^\.\//, '');
  if (cleaned.split('/').includes('..')) return { ok: false, error: 'path contains `..`; paths must stay inside the generated root' };
  return { ok: true, path: path.posix.normalize(cleaned) };
}

export function createSandbox(options: SandboxOptions): JobSandbox {
  const owned = new Set(options.outputs);
  const written = new Map<string, string>();
  return {
    outputs: options.outputs,
    write(rawPath, content) {
      const norm = normaliseAgentPath(rawPath);
      if (!norm.ok) return { ok: false, error: `Refused: ${norm.error}. Write only: ${[...owned].join(', ')}` };
      if (!owned.has(norm.path)) {
        const owner = options.ownerOf?.(norm.path);
        const why = owner ? `it belongs to spec \`${owner}\`` : 'this spec does not declare it';
        return { ok: false, error: `Refused: ${norm.path} is not yours to write (${why}). Write only: ${[...owned].join(', ')}` };
      }
      if (typeof content !== 'string') return { ok: false, error: 'Refused: content must be a string' };
      if (options.maxFileBytes !== undefined && content.length > options.maxFileBytes) {
        return { ok: false, error: `Refused: ${norm.path} is ${content.length} characters; a file may have at most ${options.maxFileBytes}` };
      }
      written.set(norm.path, content);
      return { ok: true };
    },
    read(rawPath) {
      const norm = normaliseAgentPath(rawPath);
      if (!norm.ok) return { ok: false, error: `Cannot read: ${norm.error}` };
      const mine = written.get(norm.path);
      if (mine !== undefined) return { ok: true, content: mine };
      const other = options.readable.get(norm.path);
      if (other !== undefined) return { ok: true, content: other };
      return { ok: false, error: `Cannot read ${norm.path}: readable files are this job's outputs and its dependencies' outputs (${[...options.readable.keys()].join(', ') || 'none'})` };
    },
    written: () => written,
  };
}
