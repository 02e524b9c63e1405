/**
 * `speccc check`'s report, served from the report cache when no input changed since the last
 * run (no model is loaded, only files read and hashed); otherwise a full check() whose report
 * is then stored. Imports stay light: start-up is part of every warm check.
 */
import path from 'node:path';
import type { CheckOptions } from './compile.js';
import { readRawConfig } from './config/raw-paths.js';
import { readGeneratedTree } from './io/generated-tree.js';
import { PARSE_CACHE_FORMAT } from './io/parse-cache.js';
import { readReport, writeReport, type StoredReport } from './io/report-cache.js';
import { readWorkspaceFiles } from './io/workspace-files.js';
import { sha256 } from './phases/1-parse/hash.js';
import { SPECCC_VERSION } from './version.js';

export async function checkReport(options: CheckOptions): Promise<StoredReport> {
  const root = path.resolve(options.root);
  const useCache = options.useCache !== false;
  let digest: string | undefined;
  if (useCache) {
    const raw = await readRawConfig(root);
    const files = await readWorkspaceFiles({ root, specsDir: raw.paths.specs, contextDir: raw.paths.context });
    digest = sha256(
      JSON.stringify({
        version: SPECCC_VERSION,
        format: PARSE_CACHE_FORMAT,
        config: raw.text,
        specsDir: files.specsDirExists,
        specs: files.specs.map((f) => [f.file, sha256(f.bytes)]),
        context: files.context.map((f) => [f.file, sha256(f.bytes)]),
        generated: await readGeneratedTree(path.join(root, raw.paths.generated), SPECCC_VERSION).then((t) => [[...t.hashes].sort(), t.manifest]),
        paths: (options.paths ?? []).map((p) => path.resolve(options.cwd ?? root, p)),
      }),
    );
    const stored = await readReport(root, digest);
    if (stored) return stored;
  }
  // The full pipeline is loaded only on a miss.
  const { check } = await import('./compile.js');
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

