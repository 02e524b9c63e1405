/**
 * The workspace's folder paths from speccc.config.json without validating it: for the fast paths
 * (report cache, build stamp) whose digests include the config's exact text. Any config that
 * differs from the one a cached answer was made with misses that cache and is validated in full.
 * Kept free of zod so start-up stays small.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SpecccConfig } from '../types/index.js';

export { CONFIG_FILE } from '../config/file-name.js';
import { CONFIG_FILE } from '../config/file-name.js';
import { DEFAULT_PATHS } from '../schemas/default-paths.js';

export interface RawConfig {
  text: string;
  paths: SpecccConfig['paths'];
  /** Why the file could not be read ('ENOENT' when there is none, 'EISDIR', …); absent when it was read. */
  unread?: string;
}

/** The config's one read in a run: its text, and the folder paths taken from it without validation (loadedConfigOf validates it). */
export async function readRawConfig(root: string): Promise<RawConfig> {
  let unread: string | undefined;
  const text = await fs.readFile(path.join(root, CONFIG_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    unread = error.code ?? error.message;
    return '';
  });
  let paths = DEFAULT_PATHS;
  try {
    const parsed = text ? (JSON.parse(text) as { paths?: Partial<SpecccConfig['paths']> }) : {};
    const given = parsed.paths && typeof parsed.paths === 'object' ? parsed.paths : {};
    paths = { ...DEFAULT_PATHS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => typeof v === 'string' && v !== '')) };
  } catch {
    // invalid JSON: the full load reports it; the digest (which includes the text) never matches
  }
  return { text, paths, ...(unread !== undefined ? { unread } : {}) };
}
