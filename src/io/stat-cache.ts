/**
 * Content hashes without reading unchanged files, as git's index does: each file's sha256 is kept
 * under `.speccc/cache/stats.json` next to its size, mtime and ctime (in milliseconds, as Node's
 * Stats give them: a double, exact to a quarter of a microsecond today) and inode. A file whose
 * stat is unchanged is not read; any other is read and hashed (and its bytes handed back, so
 * nothing reads it twice).
 *
 * Not nanoseconds (BigIntStats): building some twenty BigInts per stat was most of a warm check
 * of 10,000 specs, and Linux stamps files from a clock that ticks in milliseconds anyway.
 *
 * Racy files: a file written in the same instant as the cache could change again without its
 * stat changing. So, like git, an entry whose mtime is not clearly older than the moment the
 * cache was written (the cache file's own mtime, on the same file system clock, less
 * RACY_MARGIN_MS) is hashed again, and the cache rewritten so the next run can trust it.
 *
 * Never trusted blindly: a cache from another machine or checkout matches no inode and ctime, a
 * corrupt file or entry is simply not used.
 */
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { OutsideWorkspaceError, writeInside } from './safe-write.js';
import { sha256 } from '../hash.js';

export const STAT_CACHE_FILE = path.join('.speccc', 'cache', 'stats.json');
/** 2: stamps as numbers of milliseconds (1 held nanoseconds as strings). */
const FORMAT = 2;

/**
 * Covers file systems whose timestamps are coarser than they print (whole seconds on some, a
 * clock tick on Linux) and clocks that disagree a little (network file systems).
 */
export const RACY_MARGIN_MS = 1_000;

export interface HashedFile {
  hash: string;
  /** The bytes, when the file had to be read to hash it; null when its stat was enough. */
  bytes: Uint8Array | null;
}

/**
 * A file's sha256 (and its bytes if it was read for it); null when it cannot be read.
 * Synchronous, as every read here: thousands of small files are stat'ed and read several times
 * faster (in CPU and in time) without a thread-pool round trip and a promise each.
 */
export type Hasher = (abs: string) => HashedFile | null;

export interface StatCache {
  /** The file's sha256, read only when its stat changed. */
  hash: Hasher;
  /** Writes the cache when an entry changed (or was hashed again because it was racy). */
  save(): Promise<void>;
}

/** [size, mtime ms, ctime ms, inode]. */
type Stamp = [number, number, number, number];
/** A stamp and the sha256 it was taken with. */
type Entry = [number, number, number, number, string];

/**
 * Whether a cached hash still holds for a file with this stat: the same size, mtime, ctime and
 * inode, and an mtime older than `trustedBefore` (the cache's write time less the racy margin).
 */
export function stillHolds(known: Readonly<Entry>, stamp: Readonly<Stamp>, trustedBefore: number): boolean {
  return stamp[1] < trustedBefore && known[0] === stamp[0] && known[1] === stamp[1] && known[2] === stamp[2] && known[3] === stamp[3];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const isStampNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

function validEntries(json: unknown): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const raw = (json as { format?: unknown; entries?: unknown } | null)?.entries;
  if ((json as { format?: unknown }).format !== FORMAT || !raw || typeof raw !== 'object') return entries;
  for (const file in raw) {
    const entry = (raw as Record<string, unknown>)[file];
    if (!Array.isArray(entry) || entry.length !== 5) continue;
    if (!isStampNumber(entry[0]) || !isStampNumber(entry[1]) || !isStampNumber(entry[2]) || !isStampNumber(entry[3])) continue;
    if (typeof entry[4] !== 'string' || !SHA256_HEX.test(entry[4])) continue;
    entries.set(file, entry as Entry);
  }
  return entries;
}

export async function openStatCache(root: string): Promise<StatCache> {
  const file = path.join(root, STAT_CACHE_FILE);
  let entries = new Map<string, Entry>();
  let writtenMs = 0;
  try {
    const [text, st] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    entries = validEntries(JSON.parse(text));
    writtenMs = st.mtimeMs;
  } catch {
    // no cache yet, or unusable: every file is read and hashed
  }
  const trustedBefore = writtenMs - RACY_MARGIN_MS;
  const next = new Map<string, Entry>();
  let dirty = false;
  const hash = (abs: string): HashedFile | null => {
    let st;
    try {
      st = statSync(abs, { throwIfNoEntry: false });
    } catch {
      return null; // not a file we may stat (a permission): as if it were not there
    }
    if (!st) return null;
    const stamp: Stamp = [st.size, st.mtimeMs, st.ctimeMs, st.ino];
    const known = entries.get(abs);
    if (known && stillHolds(known, stamp, trustedBefore)) {
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
  };
  return {
    hash,
    async save() {
      if (!dirty && next.size === entries.size) return;
      try {
        await writeInside(root, STAT_CACHE_FILE, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(next) }));
      } catch (error) {
        // read-only workspace: hashing just stays the slow way
        if (error instanceof OutsideWorkspaceError) throw error;
      }
    },
  };
}

/** No cache: every file read and hashed (a check without the fast path). */
export const readAndHash = (abs: string): HashedFile | null => {
  try {
    const bytes = readFileSync(abs);
    return { hash: sha256(bytes), bytes };
  } catch {
    return null;
  }
};
