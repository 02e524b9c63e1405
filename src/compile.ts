/**
 * The whole pipeline, top to bottom. Each step reads everything it needs first, then hands data to
 * the pure phases (src/phases/N-*), whose entry functions are named below:
 *
 *   files --1-parse--> mdast --2-model--> Spec[] --3-check--> diagnostics
 */
import path from 'node:path';
import type { ContextDoc, Diagnostic, ModelledFile, Spec, SpecccConfig, Workspace } from './types.js';
import { loadConfig } from './config/load.js';
import { makeDiagnostic } from './diagnostics/make.js';
import { readWorkspaceFiles, type SourceFile } from './io/workspace-files.js';
import { openParseCache } from './io/parse-cache.js';
import { sha256 } from './phases/1-parse/hash.js';
import { parseGlossary } from './phases/2-model/glossary.js';
import { checkWorkspace, sortDiagnostics } from './phases/3-check/index.js';
import { SPECCC_VERSION } from './version.js';
import { readReport, writeReport, type StoredReport } from './io/report-cache.js';
import { PARSE_CACHE_FORMAT } from './io/parse-cache.js';
import { promises as fsp } from 'node:fs';
import { CONFIG_FILE } from './config/schema.js';

export interface CheckOptions {
  /** Absolute workspace root. */
  root: string;
  /** Only report on these spec files or folders (the whole workspace is still read for references). */
  paths?: string[];
  cwd?: string;
  /** Use the content-hash parse cache under .speccc/ (default true). */
  useCache?: boolean;
  /** Already-modelled files from an earlier round (watch mode), by path; reused when the hash matches. */
  previous?: ReadonlyMap<string, ModelledFile>;
}

export interface CheckResult {
  config: SpecccConfig;
  /** True when the config itself is broken: the command should exit 2. */
  configBroken: boolean;
  workspace: Workspace;
  diagnostics: Diagnostic[];
  specs: number;
  errors: number;
  warnings: number;
}

export async function check(options: CheckOptions): Promise<CheckResult> {
  const root = path.resolve(options.root);
  const loaded = await loadConfig(root);
  const config = loaded.config;
  const files = await readWorkspaceFiles({ root, specsDir: config.paths.specs, contextDir: config.paths.context });
  const modelled = await modelFiles(root, files.specs, options);
  const context = files.context.map(decodeContext);
  const workspace = assembleWorkspace(root, modelled, context);

  const inputProblems: Diagnostic[] = [];
  const origin = { line: 1, column: 1, offset: 0 };
  if (!files.specsDirExists) {
    inputProblems.push(
      makeDiagnostic('specs-folder-missing', {
        file: config.paths.specs,
        span: { start: origin, end: origin },
        message: `Specs folder \`${config.paths.specs}\` does not exist in the workspace root; expected a folder of markdown specs`,
      }),
    );
  }
  let diagnostics = sortDiagnostics([
    ...loaded.diagnostics,
    ...inputProblems,
    ...modelled.flatMap((m) => m.diagnostics),
    ...checkWorkspace({ workspace, generatedRoot: config.paths.generated }),
  ]);
  if (options.paths && options.paths.length > 0) {
    const only = await selectPaths(root, options.paths, options.cwd ?? root, config.paths.specs);
    diagnostics = diagnostics.filter((d) => only.matches(d.file) || d.file === loaded.file);
    for (const missing of only.missing) {
      diagnostics.push(
        makeDiagnostic('path-not-found', {
          file: missing,
          span: { start: origin, end: origin },
          message: `Path \`${missing}\` does not exist; expected a spec file or folder`,
        }),
      );
    }
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    config,
    configBroken: loaded.diagnostics.length > 0,
    workspace,
    diagnostics,
    specs: modelled.length,
    errors,
    warnings: diagnostics.length - errors,
  };
}

/**
 * The check report only (what `speccc check` prints), served from the report cache when no
 * input changed since the last run; otherwise a full check() whose report is then stored.
 */
export async function checkReport(options: CheckOptions): Promise<StoredReport> {
  const root = path.resolve(options.root);
  const useCache = options.useCache !== false;
  let digest: string | undefined;
  if (useCache) {
    const loaded = await loadConfig(root);
    const files = await readWorkspaceFiles({ root, specsDir: loaded.config.paths.specs, contextDir: loaded.config.paths.context });
    const configText = await fsp.readFile(path.join(root, CONFIG_FILE), 'utf8').catch(() => '');
    digest = sha256(
      JSON.stringify({
        version: SPECCC_VERSION,
        format: PARSE_CACHE_FORMAT,
        config: configText,
        specsDir: files.specsDirExists,
        specs: files.specs.map((f) => [f.file, sha256(f.bytes)]),
        context: files.context.map((f) => [f.file, sha256(f.bytes)]),
        paths: (options.paths ?? []).map((p) => path.resolve(options.cwd ?? root, p)),
      }),
    );
    const stored = await readReport(root, digest);
    if (stored) return stored;
  }
  const result = await check(options);
  const report: StoredReport = {
    diagnostics: result.diagnostics,
    specs: result.specs,
    errors: result.errors,
    warnings: result.warnings,
    configBroken: result.configBroken,
  };
  if (digest) await writeReport(root, digest, report);
  return report;
}

/** Phases 1–2 for every spec file, skipping files whose content the cache (or watch) has seen. */
async function modelFiles(root: string, specs: SourceFile[], options: CheckOptions): Promise<ModelledFile[]> {
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
  await cache?.save(!options.paths || options.paths.length === 0);
  return out;
}

function decodeContext({ file, bytes }: SourceFile): ContextDoc {
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

async function selectPaths(root: string, paths: string[], cwd: string, _specsDir: string) {
  const { promises: fs } = await import('node:fs');
  const wanted: { rel: string; dir: boolean }[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    try {
      const st = await fs.stat(abs);
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
