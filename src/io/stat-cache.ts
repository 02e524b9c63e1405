/**
 * Content hashes without reading unchanged files, as git's index does: each file's sha256 is kept
 * under `.speccc/cache/stats.json` next to its size, mtime and ctime (in nanoseconds) and inode.
 * A file whose stat is unchanged is not read; any other is read and hashed (and its bytes handed
 * back, so nothing reads it twice).
 *
 * Racy files: a file written in the same instant as the cache could change again without its
 * stat changing. So, like git, an entry whose mtime is not clearly older than the moment the
 * cache was written (the cache file's own mtime, on the same file system clock, less
 * RACY_MARGIN_NS) is hashed again, and the cache rewritten so the next run can trust it.
 *
 * Never trusted blindly: a cache from another machine or checkout matches no inode and ctime, a
 * corrupt file or entry is simply not used.
 */
import { promises as fs, readFileSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from './write-atomic.js';
import { sha256 } from '../phases/1-parse/hash.js';

export const STAT_CACHE_FILE = path.join('.speccc', 'cache', 'stats.json');
const FORMAT = 1;

/**
 * Covers file systems whose timestamps are coarser than they print (whole seconds on some, a
 * clock tick on Linux) and clocks that disagree a little (network file systems).
 */
export const RACY_MARGIN_NS = 1_000_000_000n;

export interface HashedFile {
  hash: string;
  /** The bytes, when the file had to be read to hash it; null when its stat was enough. */
  bytes: Uint8Array | null;
}

/** A file's sha256 (and its bytes if it was read for it); null when it cannot be read. */
export type Hasher = (abs: string) => Promise<HashedFile | null>;

export interface StatCache {
  /** The file's sha256, read only when its stat changed. */
  hash: Hasher;
  /** Writes the cache when an entry changed (or was hashed again because it was racy). */
  save(): Promise<void>;
}

/** [size, mtime ns, ctime ns, inode, sha256]: numbers as decimal strings. */
type Entry = [string, string, string, string, string];

const stampOf = (st: BigIntStats): [string, string, string, string] => [String(st.size), String(st.mtimeNs), String(st.ctimeNs), String(st.ino)];

/**
 * Whether a cached hash still holds for a file with this stat: the same size, mtime, ctime and
 * inode, and an mtime older than `trustedBefore` (the cache's write time less the racy margin).
 */
export function stillHolds(known: readonly string[], stamp: readonly string[], mtimeNs: bigint, trustedBefore: bigint): boolean {
  return mtimeNs < trustedBefore && stamp.every((v, i) => v === known[i]);
}

function validEntries(json: unknown): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const raw = (json as { format?: unknown; entries?: unknown } | null)?.entries;
  if ((json as { format?: unknown }).format !== FORMAT || !raw || typeof raw !== 'object') return entries;
  for (const [file, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(entry) || entry.length !== 5 || !entry.slice(0, 4).every((n) => typeof n === 'string' && /^\d+$/.test(n))) continue;
    if (typeof entry[4] !== 'string' || !/^[0-9a-f]{64}$/.test(entry[4])) continue;
    entries.set(file, entry as Entry);
  }
  return entries;
}

export async function openStatCache(root: string): Promise<StatCache> {
  const file = path.join(root, STAT_CACHE_FILE);
  let entries = new Map<string, Entry>();
  let writtenNs = 0n;
  try {
    const [text, st] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file, { bigint: true })]);
    entries = validEntries(JSON.parse(text));
    writtenNs = st.mtimeNs;
  } catch {
    // no cache yet, or unusable: every file is read and hashed
  }
  const trustedBefore = writtenNs - RACY_MARGIN_NS;
  const next = new Map<string, Entry>();
  let dirty = false;
  return {
    async hash(abs) {
      let st: BigIntStats;
      try {
        // Synchronous, as every read here: thousands of small files are stat'ed and read several
        // times faster (in CPU and in time) without a thread-pool round trip and a promise each.
        st = statSync(abs, { bigint: true });
      } catch {
        return null;
      }
      const stamp = stampOf(st);
      const known = entries.get(abs);
      if (known && stillHolds(known, stamp, st.mtimeNs, trustedBefore)) {
        next.set(abs, known);
        return { hash: known[4], bytes: null };
      }
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(abs);
      } catch {
        return null;
      }
      const hash = sha256(bytes);
      // The stat taken before the read: if the file changed in between, the next run sees a new stat and hashes again.
      next.set(abs, [...stamp, hash]);
      dirty = true;
      return { hash, bytes };
    },
    async save() {
      if (!dirty && next.size === entries.size) return;
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeAtomic(file, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(next) }));
      } catch {
        // read-only workspace: hashing just stays the slow way
      }
    },
  };
}

/** No cache: every file read and hashed (a check without the fast path). */
export const readAndHash = async (abs: string): Promise<HashedFile | null> => {
  try {
    const bytes = readFileSync(abs);
    return { hash: sha256(bytes), bytes };
  } catch {
    return null;
  }
};
