/**
 * The whole `speccc check` report, keyed by a digest of every input (speccc version, config,
 * each spec's and context document's path and content hash, the paths filter). When nothing
 * changed, the command prints the stored report without loading a single model: a warm check
 * then costs start-up plus reading and hashing the files.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Diagnostic } from '../types.js';

export interface StoredReport {
  diagnostics: Diagnostic[];
  specs: number;
  errors: number;
  warnings: number;
  configBroken: boolean;
}

const fileOf = (root: string) => path.join(root, '.speccc', 'cache', 'check-report.json');

export async function readReport(root: string, digest: string): Promise<StoredReport | undefined> {
  try {
    const stored = JSON.parse(await fs.readFile(fileOf(root), 'utf8')) as { digest: string; report: StoredReport };
    return stored.digest === digest ? stored.report : undefined;
  } catch {
    return undefined;
  }
}

export async function writeReport(root: string, digest: string, report: StoredReport): Promise<void> {
  try {
    await fs.mkdir(path.dirname(fileOf(root)), { recursive: true });
    await writeFileAtomic(fileOf(root), JSON.stringify({ digest, report }));
  } catch {
    // read-only workspace: no cache, same answer
  }
}
