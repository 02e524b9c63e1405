/**
 * A cache of modelled spec files keyed by (path, content hash), under `.speccc/cache/`.
 * Data lives across runs keyed by content, never by mtime. A missing, stale or corrupt cache is
 * simply a miss: the cache can always be deleted.
 *
 * Entries are stored without the spec's source text and section markdown: both are slices of
 * the file's bytes, which the caller has just read to hash them, so they are rebuilt on a hit.
 * That halves the cache and what a warm check must parse.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ModelledFile } from '../types/index.js';

/** Bump when the model's shape or the checks inside phases 1–2 change meaning. */
export const PARSE_CACHE_FORMAT = 6;

export interface ParseCache {
  /** The entry for this file and content, rebuilt around `text` (the decoded file). */
  get(file: string, hash: string, text: () => string): ModelledFile | undefined;
  set(entry: ModelledFile): void;
  /** Writes the cache if anything changed; keeps only the entries used in this run when `prune`. */
  save(prune: boolean): Promise<void>;
}

const keyOf = (file: string, hash: string) => `${file}\u0000${hash}`;

function strip(entry: ModelledFile): ModelledFile {
  if (!entry.spec) return entry;
  return { ...entry, spec: { ...entry.spec, source: '', sections: entry.spec.sections.map((s) => ({ ...s, markdown: '' })) } };
}

function rehydrate(entry: ModelledFile, text: string): ModelledFile {
  if (!entry.spec) return entry;
  const spec = entry.spec;
  spec.source = text;
  for (const section of spec.sections) section.markdown = text.slice(section.bodyRange[0], section.bodyRange[1]);
  return entry;
}

export async function openParseCache(root: string, specccVersion: string): Promise<ParseCache> {
  const file = path.join(root, '.speccc', 'cache', 'models.json');
  const format = `${PARSE_CACHE_FORMAT}:${specccVersion}`;
  let entries: Record<string, ModelledFile> = {};
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { version?: string; entries?: Record<string, ModelledFile> };
    if (parsed.version === format && parsed.entries && typeof parsed.entries === 'object') entries = parsed.entries;
  } catch {
    // no cache yet, or unreadable: start empty
  }
  const used = new Set<string>();
  let dirty = false;
  return {
    get(f, hash, text) {
      const key = keyOf(f, hash);
      const hit = entries[key];
      if (!hit) return undefined;
      used.add(key);
      return rehydrate(hit, text());
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
        const stripped = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strip(v)]));
        await writeFileAtomic(file, JSON.stringify({ version: format, entries: stripped }));
      } catch {
        // A read-only workspace still checks; it just does not get faster.
      }
    },
  };
}
