/**
 * Where the parse cache lives and which format it has: what the fast path needs to know about it
 * (src/fast-path.ts), apart from the cache itself (src/io/parse-cache.ts), whose checksums load
 * node:zlib, which an unchanged workspace never needs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Bump when the model's shape, the checks inside phases 1–2 or the spec-local rules change meaning. */
export const PARSE_CACHE_FORMAT = 16;

export const PARSE_CACHE_FILE = path.join('.speccc', 'cache', 'models.jsonl');

/** Whether the workspace has a parse cache at all: without one, every spec will be parsed. */
export const hasParseCache = (root: string): boolean => existsSync(path.join(root, PARSE_CACHE_FILE));
