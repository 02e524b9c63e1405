/**
 * The verdict store: `.speccc/verdicts/<sha256 of the key>.json`, one promotion verdict per
 * verdict key, passed or not. A build that meets the same output under the same checks again
 * (an edit and its revert, a restored result) answers from here instead of judging twice. Like
 * every state file it is input: a file that does not parse, or whose key is not the key asked
 * for, is a miss.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FailureClass, Verdict, VerdictKey } from '../types/index.js';
import { VerdictSchema } from '../schemas/state.js';
import { canonicalJson, sha256 } from '../hash.js';
import { writeInside } from './safe-write.js';

export interface VerdictStore {
  read(key: VerdictKey): Promise<Verdict | undefined>;
  write(verdict: Verdict): Promise<void>;
}

const DIR = path.join('.speccc', 'verdicts');
const nameOf = (key: VerdictKey) => `${sha256(canonicalJson(key))}.json`;

export function verdictStore(root: string): VerdictStore {
  return {
    async read(key) {
      try {
        const parsed = VerdictSchema.safeParse(JSON.parse(await fs.readFile(path.join(root, DIR, nameOf(key)), 'utf8')));
        if (!parsed.success) return undefined;
        const v = parsed.data;
        const same = v.key.tree === key.tree && v.key.visible === key.visible && v.key.holdouts === key.holdouts && v.key.settings === key.settings;
        return same ? ({ ...v, ...(v.failureClass ? { failureClass: v.failureClass as FailureClass } : {}) } as Verdict) : undefined;
      } catch {
        return undefined;
      }
    },
    async write(verdict) {
      await writeInside(root, path.join(DIR, nameOf(verdict.key)), JSON.stringify(verdict));
    },
  };
}

/** For plan-only runs: reads what is there, writes nothing. */
export function readOnlyVerdictStore(root: string): VerdictStore {
  const store = verdictStore(root);
  return { read: store.read, write: async () => {} };
}
