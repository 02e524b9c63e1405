/**
 * A cache of modelled spec files keyed by (path, content hash), under `.speccc/cache/models.jsonl`.
 * Data lives across runs keyed by content, never by mtime. The cache is never trusted: a cache
 * restored from another machine, speccc version or a crashed write is validated entry by entry,
 * and whatever does not validate is a miss (the file is parsed again), never an error.
 *
 * The file: a header line (format and speccc version: another one means an empty cache), then one
 * line per entry: `crc32 \t sha256 \t JSON file path \t encoded model` (phase 2's model-codec.ts, handed in as a `ModelCodec`; no
 * field holds a raw tab or newline). The checksum covers the header too, so a line is valid only
 * under the header it was written for. Lines are kept as bytes and checked and decoded only when
 * asked for, so a run that uses few entries reads the rest without parsing them.
 *
 * A run that parsed a few files (an edit) appends their lines instead of rewriting tens of MB;
 * the entries nothing uses any more stay until they are a tenth of the file, when the whole file
 * is rewritten with only the used ones. A torn append is a line that fails its checksum: a miss.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, promises as fs, writev } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { ModelledFile } from '../types/index.js';
import { appendInside, folderInsideSync, OutsideWorkspaceError } from './safe-write.js';
import { PARSE_CACHE_FILE, PARSE_CACHE_FORMAT } from './parse-cache-file.js';

export { hasParseCache, PARSE_CACHE_FILE, PARSE_CACHE_FORMAT } from './parse-cache-file.js';

/**
 * How a modelled file becomes a cache line's payload and back: phase 2's model-codec.ts, passed in
 * by the caller so that io imports no phase. `decode` throws on anything it cannot trust.
 */
export interface ModelCodec {
  encode(entry: ModelledFile): string;
  decode(encoded: string, expected: { file: string; hash: string }, text: () => string): ModelledFile;
}

export interface ParseCache {
  /** The entry for this file and content, rebuilt around `text` (the decoded file); undefined when absent or invalid. */
  get(file: string, hash: string, text: () => string): ModelledFile | undefined;
  set(entry: ModelledFile): void;
  /** An entry already encoded (by a parse worker). */
  setEncoded(file: string, hash: string, encoded: string): void;
  /** Writes the cache if anything changed; keeps only the entries used in this run when `prune`. */
  save(prune: boolean): Promise<void>;
}

const TAB = 9;
const NL = 10;
const keyOf = (file: string, hash: string) => `${hash}\t${JSON.stringify(file)}`;
const NEWLINE = Buffer.from('\n');
const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** Entries nothing uses that a file may hold before it is rewritten without them (or a tenth of its entries, if more). */
const MAX_STALE = 64;

/**
 * A line's bytes (without its newline): one buffer for a line read from the file; for a line
 * made in this run, its checksum field and its body apart, so that the body (the encoded model,
 * most of the bytes) is copied once, into the file's buffer, instead of once per line first.
 */
type Line = Buffer | { head: Buffer; body: Buffer };

/** One entry line for a key and an encoded model, its checksum seeded with the header's. */
function lineOf(headerCrc: number, key: string, encoded: string): Line {
  const body = Buffer.from(`${key}\t${encoded}`, 'utf8'); // encoded once, for the checksum and the line
  return { head: Buffer.from(`${hex8(crc32(body, headerCrc))}\t`, 'latin1'), body };
}

/** The buffers of `lines`, each followed by a newline, in order: for one write (or one Buffer.concat). */
function partsOf(lines: Iterable<Line>, parts: Buffer[] = []): Buffer[] {
  for (const line of lines) {
    if (Buffer.isBuffer(line)) parts.push(line, NEWLINE);
    else parts.push(line.head, line.body, NEWLINE);
  }
  return parts;
}

interface IndexedLines {
  lines: Map<string, Buffer>;
  /** The file has this header and no malformed line: lines may be appended to it. */
  appendable: boolean;
}

/** key -> the line's bytes, for every line after the header; malformed lines are left out. */
function indexLines(bytes: Buffer, header: string): IndexedLines {
  const lines = new Map<string, Buffer>();
  const firstEnd = bytes.indexOf(NL);
  if (firstEnd < 0 || bytes.toString('utf8', 0, firstEnd) !== header) return { lines, appendable: false };
  let appendable = bytes.at(-1) === NL;
  let start = firstEnd + 1;
  while (start < bytes.length) {
    let end = bytes.indexOf(NL, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    start = end + 1;
    const crcEnd = line.indexOf(TAB);
    const hashEnd = crcEnd < 0 ? -1 : line.indexOf(TAB, crcEnd + 1);
    const fileEnd = hashEnd < 0 ? -1 : line.indexOf(TAB, hashEnd + 1);
    if (crcEnd !== 8 || fileEnd < 0) {
      appendable = false;
      continue;
    }
    lines.set(line.toString('utf8', crcEnd + 1, fileEnd), line);
  }
  return { lines, appendable };
}

/** The encoded model in a line, or undefined when its checksum does not match its bytes. */
function payloadOf(headerCrc: number, line: Line): string | undefined {
  if (!Buffer.isBuffer(line)) line = Buffer.concat([line.head, line.body]); // made in this run: read back only in a long session
  if (hex8(crc32(line.subarray(9), headerCrc)) !== line.toString('latin1', 0, 8)) return undefined;
  const body = line.toString('utf8', 9);
  const fileEnd = body.indexOf('\t', body.indexOf('\t') + 1);
  return body.slice(fileEnd + 1);
}

/**
 * Writes `parts`, in order, to `file` atomically (a temporary file renamed over it), starting the write before
 * returning to the caller: the folder and the temporary file are made synchronously, so the
 * write itself (tens of MB at 10,000 specs, ~0.3 s of system time here) runs on libuv's thread
 * pool while this thread goes on checking. write-file-atomic would wait for this thread between
 * its steps, after the checking. A crash can leave the temporary file, never a torn cache.
 */
async function writeBehind(root: string, file: string, parts: readonly Buffer[]): Promise<void> {
  folderInsideSync(root, path.relative(root, path.dirname(file)));
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  // A new file, never through a link; the rename then replaces whatever stands at `file` (a link included) without following it.
  const handle = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  let open = true;
  try {
    // The lines as they are, gathered by the kernel: no copy of the whole file (tens of MB at
    // 10,000 specs) into one buffer first. writev may write less than asked: go on from there.
    let pending = parts.filter((part) => part.length > 0);
    for (let at = 0; pending.length > 0; ) {
      const n = await new Promise<number>((resolve, reject) => writev(handle, pending, at, (error, written) => (error ? reject(error) : resolve(written))));
      if (n <= 0) throw new Error(`could not write ${file}`);
      at += n;
      let left = n;
      let done = 0;
      while (done < pending.length && left >= pending[done]!.length) left -= pending[done++]!.length;
      pending = pending.slice(done);
      if (left > 0) pending[0] = pending[0]!.subarray(left);
    }
    open = false;
    closeSync(handle);
    await fs.rename(temporary, file);
  } catch (error) {
    if (open) closeSync(handle);
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

export async function openParseCache(root: string, specccVersion: string, codec: ModelCodec): Promise<ParseCache> {
  const file = path.join(root, PARSE_CACHE_FILE);
  const header = JSON.stringify({ speccc: specccVersion, format: PARSE_CACHE_FORMAT });
  const headerCrc = crc32(`${header}\n`);
  let stored = new Map<string, Line>();
  let appendable = false;
  try {
    ({ lines: stored, appendable } = indexLines(await fs.readFile(file), header));
  } catch {
    // no cache yet, or unreadable: start empty
  }
  const added = new Map<string, Line>();
  const used = new Set<string>();
  let dropped = false;
  const drop = (key: string) => {
    stored.delete(key);
    dropped = true;
  };
  const setEncoded = (f: string, hash: string, encoded: string) => {
    const key = keyOf(f, hash);
    added.set(key, lineOf(headerCrc, key, encoded));
    used.add(key);
  };
  return {
    get(f, hash, text) {
      const key = keyOf(f, hash);
      const line = added.get(key) ?? stored.get(key);
      if (!line) return undefined;
      const encoded = payloadOf(headerCrc, line);
      if (encoded === undefined) return void drop(key);
      try {
        const entry = codec.decode(encoded, { file: f, hash }, text);
        used.add(key);
        return entry;
      } catch {
        return void drop(key);
      }
    },
    set: (entry) => setEncoded(entry.file, entry.hash, codec.encode(entry)),
    setEncoded,
    async save(prune) {
      const stale = prune ? [...stored.keys()].filter((key) => !used.has(key) && !added.has(key)) : [];
      try {
        if (appendable && !dropped && stale.length <= Math.max(MAX_STALE, stored.size / 10)) {
          if (added.size === 0) return;
          await appendInside(root, PARSE_CACHE_FILE, Buffer.concat(partsOf(added.values())));
          return;
        }
        if (!dropped && added.size === 0 && stale.length === 0) return;
        const all = new Map([...stored, ...added]);
        for (const key of stale) all.delete(key);
        await writeBehind(root, file, partsOf(all.values(), [Buffer.from(`${header}\n`)]));
        await fs.rm(path.join(path.dirname(file), 'models.json'), { force: true }); // the cache before format 6
      } catch (error) {
        // A read-only workspace still checks; it just does not get faster. A link out of it is reported.
        if (error instanceof OutsideWorkspaceError) throw error;
      }
    },
  };
}
