/**
 * A cache of modelled spec files keyed by (path, content hash), under `.speccc/cache/`.
 * Data lives across runs keyed by content, never by mtime. A missing, stale or corrupt cache is
 * simply a miss: the cache can always be deleted.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ModelledFile } from '../types.js';

/** Bump when the model's shape or the checks inside phases 1–2 change meaning. */
export const PARSE_CACHE_FORMAT = 4;

interface CacheFile {
  format: number;
  entries: Record<string, ModelledFile>;
}

export interface ParseCache {
  get(file: string, hash: string): ModelledFile | undefined;
  set(entry: ModelledFile): void;
  /** Writes the cache if anything changed; keeps only the entries used in this run when `prune`. */
  save(prune: boolean): Promise<void>;
}

const keyOf = (file: string, hash: string) => `${file}\u0000${hash}`;

export async function openParseCache(root: string, specccVersion: string): Promise<ParseCache> {
  const file = path.join(root, '.speccc', 'cache', 'models.json');
  const format = `${PARSE_CACHE_FORMAT}:${specccVersion}`;
  let entries: Record<string, ModelledFile> = {};
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as CacheFile & { version?: string };
    if (parsed.version === format && parsed.entries && typeof parsed.entries === 'object') entries = parsed.entries;
  } catch {
    // no cache yet, or unreadable: start empty
  }
  const used = new Set<string>();
  let dirty = false;
  return {
    get(f, hash) {
      const key = keyOf(f, hash);
      const hit = entries[key];
      if (hit) used.add(key);
      return hit;
    },
    set(entry) {
      const key = keyOf(entry.file, entry.hash);
      entries[key] = entry;
      used.add(key);
      dirty = true;
    },
    async save(prune) {
      if (prune) {
        for (const key of Object.keys(entries)) {
          if (!used.has(key)) {
            delete entries[key];
            dirty = true;
          }
        }
      }
      if (!dirty) return;
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, JSON.stringify({ version: format, entries }));
      } catch {
        // A read-only workspace still checks; it just does not get faster.
      }
    },
  };
}
