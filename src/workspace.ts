/**
 * The workspace loader: a root folder -> the model every later phase reads. Spec files go
 * through phases 1–2 (skipping any whose content the parse cache or a watch session has already
 * modelled); context documents and the glossary are read as text.
 */
import path from 'node:path';
import type { ContextDoc, ModelledFile, Spec, Workspace, WorkspaceFolders } from './types/index.js';
import { readContents, readWorkspaceFiles, type ReadFile, type WorkspaceFiles } from './io/workspace-files.js';
import { openParseCache } from './io/parse-cache.js';
import { decodeModel, MODEL_CODEC } from './phases/2-model/model-codec.js';
import { coolPool, modelInWorkers, poolSize, type ModelJob } from './io/model-pool.js';
import { parseGlossary } from './phases/2-model/glossary.js';
import { defaultConfig } from './config/parse.js';
import { SPECCC_VERSION } from './version.js';

export interface LoadOptions {
  /** Use the content-hash parse cache under .speccc/ (default true). */
  useCache?: boolean;
  /** Already-modelled files from an earlier round (watch mode, the language server), by path; reused when the hash matches. */
  previous?: ReadonlyMap<string, ModelledFile>;
  /** Files already listed or read (the fast path, watch mode); the bytes not read yet are read here. */
  files?: WorkspaceFiles;
  /** Keep only the cache entries this run used (a whole-workspace run). */
  prune?: boolean;
}

export interface LoadedWorkspace {
  workspace: Workspace;
  files: WorkspaceFiles<ReadFile>;
  /** The parse cache's write, still under way so that checking overlaps it: await before exiting. */
  cacheWritten: Promise<void>;
}

/** The folders a workspace is read from (the config's `paths`); the generated root and the scenarios folder default as the config's do. */
export interface WorkspaceDirs extends Partial<WorkspaceFolders> {
  specs: string;
  context: string;
}

export async function loadWorkspace(root: string, dirs: WorkspaceDirs, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const files = options.files ? await readContents(root, options.files) : await readWorkspaceFiles({ root, specsDir: dirs.specs, contextDir: dirs.context });
  const { models, cacheWritten } = await modelFiles(root, files.specs, options);
  return { files, workspace: assembleWorkspace(root, models, files.context.map(decodeContext), dirs), cacheWritten };
}

/**
 * Phases 1–2 and the spec-local checks for every spec file, skipping files whose content the
 * cache (or watch) has seen. What is left is modelled here, and on worker threads beside this
 * one when there is enough of it (src/io/model-pool.ts).
 */
export async function modelFiles(root: string, specs: ReadFile[], options: LoadOptions): Promise<{ models: ModelledFile[]; cacheWritten: Promise<void> }> {
  const cache = options.useCache === false ? undefined : await openParseCache(root, SPECCC_VERSION, MODEL_CODEC);
  const out: ModelledFile[] = new Array(specs.length);
  const misses: (ModelJob & { index: number })[] = [];
  specs.forEach(({ file, hash, bytes }, index) => {
    const known = options.previous?.get(file);
    const hit = known?.hash === hash ? known : cache?.get(file, hash, () => decodeUtf8(bytes));
    if (hit) out[index] = hit;
    else misses.push({ file, hash, bytes, index });
  });
  const workers = poolSize(misses.length);
  if (workers === 0) coolPool();
  if (misses.length > 0) {
    // The markdown toolchain costs start-up time; load it only when something must be parsed.
    const { modelAndCheck } = await import('./phases/3-check/model-and-check.js');
    // This thread models its share (no encoding on the way but the cache's), the workers the rest.
    await modelInWorkers(
      misses,
      workers,
      (i, encoded) => {
        const miss = misses[i]!;
        out[miss.index] = decodeModel(encoded, miss, () => decodeUtf8(miss.bytes));
        cache?.setEncoded(miss.file, miss.hash, encoded);
      },
      (first, files) => {
        modelAndCheck(files).forEach((entry, i) => {
          cache?.set(entry);
          out[misses[first + i]!.index] = entry;
        });
      },
    );
  }
  return { models: out, cacheWritten: cache ? cache.save(options.prune ?? true) : Promise.resolve() };
}

const decodeUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

export function decodeContext({ file, hash, bytes }: ReadFile): ContextDoc {
  return { file, hash, text: decodeUtf8(bytes) };
}

/** Specs by id (the first of each id, in file order) and the ids more than one spec declares. */
export function indexIds(files: readonly ModelledFile[]): Pick<Workspace, 'byId' | 'sharedIds'> {
  const byId = new Map<string, Spec>();
  const sharedIds = new Set<string>();
  for (const { spec } of files) {
    const id = spec?.frontmatter?.id;
    if (!spec || !id) continue;
    if (byId.has(id)) sharedIds.add(id);
    else byId.set(id, spec);
  }
  return { byId, sharedIds };
}

export function assembleWorkspace(root: string, files: ModelledFile[], context: ContextDoc[], folders: Partial<WorkspaceFolders> = {}): Workspace {
  const glossaryDoc = context.find((c) => path.posix.basename(c.file).toLowerCase() === 'glossary.md');
  const defaults = folders.generated !== undefined && folders.scenarios !== undefined ? null : defaultConfig().paths;
  const { generated = defaults!.generated, scenarios = defaults!.scenarios } = folders;
  return { root, folders: { generated, scenarios }, files, ...indexIds(files), context, glossary: glossaryDoc ? parseGlossary(glossaryDoc) : [] };
}
