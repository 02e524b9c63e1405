/**
 * The workspace loader: a root folder -> the model every later phase reads. Spec files go
 * through phases 1–2 (skipping any whose content the parse cache or a watch session has already
 * modelled); context documents and the glossary are read as text.
 */
import path from 'node:path';
import type { ContextDoc, ModelledFile, Spec, Workspace } from './types/index.js';
import { readWorkspaceFiles, type SourceFile, type WorkspaceFiles } from './io/workspace-files.js';
import { openParseCache } from './io/parse-cache.js';
import { sha256 } from './phases/1-parse/hash.js';
import { parseGlossary } from './phases/2-model/glossary.js';
import { SPECCC_VERSION } from './version.js';

export interface LoadOptions {
  /** Use the content-hash parse cache under .speccc/ (default true). */
  useCache?: boolean;
  /** Already-modelled files from an earlier round (watch mode, the language server), by path; reused when the hash matches. */
  previous?: ReadonlyMap<string, ModelledFile>;
  /** Files already read (the fast path, watch mode). */
  files?: WorkspaceFiles;
  /** Keep only the cache entries this run used (a whole-workspace run). */
  prune?: boolean;
}

export interface LoadedWorkspace {
  workspace: Workspace;
  files: WorkspaceFiles;
}

export async function loadWorkspace(root: string, dirs: { specs: string; context: string }, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const files = options.files ?? (await readWorkspaceFiles({ root, specsDir: dirs.specs, contextDir: dirs.context }));
  const modelled = await modelFiles(root, files.specs, options);
  return { files, workspace: assembleWorkspace(root, modelled, files.context.map(decodeContext)) };
}

/** Phases 1–2 for every spec file, skipping files whose content the cache (or watch) has seen. */
export async function modelFiles(root: string, specs: SourceFile[], options: LoadOptions): Promise<ModelledFile[]> {
  const cache = options.useCache === false ? undefined : await openParseCache(root, SPECCC_VERSION);
  let phases: { parse: typeof import('./phases/1-parse/index.js'); model: typeof import('./phases/2-model/index.js') } | undefined;
  const out: ModelledFile[] = [];
  for (const { file, bytes } of specs) {
    const hash = sha256(bytes);
    const known = options.previous?.get(file);
    const hit = known?.hash === hash ? known : cache?.get(file, hash, () => new TextDecoder('utf-8').decode(bytes));
    // An entry cached before specs had requirement ids is a miss (until the parse cache's format is bumped with it).
    if (hit && (!hit.spec || Array.isArray(hit.spec.requirements))) {
      out.push(hit);
      continue;
    }
    // The markdown toolchain costs start-up time; load it only when something must be parsed.
    phases ??= { parse: await import('./phases/1-parse/index.js'), model: await import('./phases/2-model/index.js') };
    const entry = phases.model.modelSpec(phases.parse.parseSpecFile(file, bytes));
    cache?.set(entry);
    out.push(entry);
  }
  await cache?.save(options.prune ?? true);
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
