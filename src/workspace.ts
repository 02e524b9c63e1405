/**
 * Reading a workspace into the model the checker and planner take: spec files through phases
 * 1–2 (skipping any whose content the cache or a watch session has already modelled), context
 * documents, the glossary, drift in generated/, and the command line's path filter.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { ContextDoc, Diagnostic, ModelledFile, Spec, SpecccConfig, Workspace } from './types.js';
import type { SourceFile } from './io/workspace-files.js';
import { readGeneratedTree } from './io/generated-tree.js';
import { openParseCache } from './io/parse-cache.js';
import { sha256 } from './phases/1-parse/hash.js';
import { parseGlossary } from './phases/2-model/glossary.js';
import { checkGeneratedTree } from './phases/3-check/generated-drift.js';
import { SPECCC_VERSION } from './version.js';

export interface ModelOptions {
  useCache?: boolean;
  previous?: ReadonlyMap<string, ModelledFile>;
  /** Prune cache entries this run did not use (a whole-workspace run). */
  prune: boolean;
}

/** Hand edits in generated/, compared with the manifest the last build wrote. */
export async function driftOf(root: string, config: SpecccConfig, workspace: Workspace): Promise<Diagnostic[]> {
  const tree = await readGeneratedTree(path.join(root, config.paths.generated), SPECCC_VERSION);
  return checkGeneratedTree({ workspace, generatedRoot: config.paths.generated, manifest: tree.manifest, hashes: tree.hashes });
}

/** Phases 1–2 for every spec file, skipping files whose content the cache (or watch) has seen. */
export async function modelFiles(root: string, specs: SourceFile[], options: ModelOptions): Promise<ModelledFile[]> {
  const cache = options.useCache === false ? undefined : await openParseCache(root, SPECCC_VERSION);
  let phases: { parse: typeof import('./phases/1-parse/index.js'); model: typeof import('./phases/2-model/index.js') } | undefined;
  const out: ModelledFile[] = [];
  for (const { file, bytes } of specs) {
    const hash = sha256(bytes);
    const known = options.previous?.get(file);
    const hit = known?.hash === hash ? known : cache?.get(file, hash, () => new TextDecoder('utf-8').decode(bytes));
    if (hit) {
      out.push(hit);
      continue;
    }
    // The markdown toolchain costs start-up time; load it only when something must be parsed.
    phases ??= { parse: await import('./phases/1-parse/index.js'), model: await import('./phases/2-model/index.js') };
    const entry = phases.model.modelSpec(phases.parse.parseSpecFile(file, bytes));
    cache?.set(entry);
    out.push(entry);
  }
  await cache?.save(options.prune);
  return out;
}

export function decodeContext({ file, bytes }: SourceFile): ContextDoc {
  return { file, hash: sha256(bytes), text: new TextDecoder('utf-8').decode(bytes) };
}

export function assembleWorkspace(root: string, files: ModelledFile[], context: ContextDoc[]): Workspace {
  const byId = new Map<string, Spec>();
  for (const { spec } of files) {
    const id = spec?.frontmatter?.id;
    if (spec && id && !byId.has(id)) byId.set(id, spec);
  }
  const glossaryDoc = context.find((c) => path.posix.basename(c.file).toLowerCase() === 'glossary.md');
  return { root, files, byId, context, glossary: glossaryDoc ? parseGlossary(glossaryDoc) : [] };
}

/** The command line's paths, as a filter on reported files (references are still checked workspace-wide). */
export async function selectPaths(root: string, paths: string[], cwd: string) {
  const wanted: { rel: string; dir: boolean }[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    try {
      const st = await fsp.stat(abs);
      wanted.push({ rel: path.relative(root, abs).split(path.sep).join('/'), dir: st.isDirectory() });
    } catch {
      missing.push(p);
    }
  }
  return {
    missing,
    matches: (file: string) => wanted.some((w) => (w.dir ? w.rel === '' || file === w.rel || file.startsWith(`${w.rel}/`) : file === w.rel)),
  };
}

