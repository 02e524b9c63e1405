/**
 * Finished jobs' outputs, stored by job key under `.speccc/results/<key>.json` the moment a job
 * succeeds — before promotion — so a crash, Ctrl-C or a failed sibling never loses paid work:
 * a later build with the same key reuses the result with no agent call.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { TokenUsage } from '../types.js';

export interface StoredResult {
  jobKey: string;
  specId: string;
  model: string;
  provider: string;
  /** Output path -> content as the agent wrote it (no provenance header). */
  files: Record<string, string>;
  usage: TokenUsage;
  costUsd: number;
  durationMs: number;
  finishedAt: string;
}

const fileOf = (root: string, key: string) => path.join(root, '.speccc', 'results', `${key}.json`);

export async function readResult(root: string, key: string): Promise<StoredResult | undefined> {
  try {
    const result = JSON.parse(await fs.readFile(fileOf(root, key), 'utf8')) as StoredResult;
    return result.jobKey === key ? result : undefined;
  } catch {
    return undefined;
  }
}

export async function writeResult(root: string, result: StoredResult): Promise<void> {
  await fs.mkdir(path.dirname(fileOf(root, result.jobKey)), { recursive: true });
  await writeFileAtomic(fileOf(root, result.jobKey), JSON.stringify(result));
}
