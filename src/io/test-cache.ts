/**
 * Tests read from test files (src/phases/3-check/coverage.ts, with the TypeScript compiler),
 * cached by the file's content hash under `.speccc/cache/tests.json`: a check after editing a
 * spec neither loads TypeScript nor parses a test file that did not change. A missing or corrupt
 * cache is a miss.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { OutsideWorkspaceError, writeInside } from './safe-write.js';
import type { TestCase, TestReader } from '../types/index.js';
import { sha256 } from '../hash.js';

/** Bump when readTests changes what it finds. */
const FORMAT = 1;

export interface TestCache {
  read: TestReader;
  save(): Promise<void>;
}

/** `readTests` is phase 3's reader (coverage.ts), which the cache stands in front of; passed in, as io imports no phase. */
export async function openTestCache(root: string, specccVersion: string, readTests: TestReader): Promise<TestCache> {
  const file = path.join(root, '.speccc', 'cache', 'tests.json');
  const version = `${FORMAT}:${specccVersion}`;
  let entries: Record<string, TestCase[]> = {};
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { version?: string; entries?: Record<string, TestCase[]> };
    if (parsed.version === version && parsed.entries && typeof parsed.entries === 'object') entries = parsed.entries;
  } catch {
    // no cache yet
  }
  const used = new Map<string, TestCase[]>();
  let dirty = false;
  return {
    read(name, text) {
      // The file name is part of the key: a parse error's recovery, and JSX, depend on it.
      const key = sha256(`${name}\u0000${text}`);
      const hit = used.get(key) ?? entries[key];
      if (Array.isArray(hit)) {
        used.set(key, hit);
        return hit;
      }
      const tests = readTests(name, text);
      used.set(key, tests);
      dirty = true;
      return tests;
    },
    async save() {
      // Keep only what this run read: the cache follows the workspace.
      if (!dirty && used.size === Object.keys(entries).length) return;
      try {
        await writeInside(root, path.relative(root, file), JSON.stringify({ version, entries: Object.fromEntries(used) }));
      } catch (error) {
        // a read-only workspace still checks
        if (error instanceof OutsideWorkspaceError) throw error;
      }
    },
  };
}
