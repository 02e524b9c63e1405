/**
 * The result store: `.speccc/results/<key>.json`, one file per job key. Candidates (an agent's
 * reply, written before validation) and passed results (written the moment a job succeeds,
 * before promotion) make paid work survive a crash, a Ctrl-C or a failed sibling. A file that
 * is corrupt or does not match its key is a miss: the job is simply built again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeInside } from './safe-write.js';
import type { ResultStore, StoredResult } from '../types/index.js';
import { StoredResultSchema } from '../schemas/state.js';

const KEY = /^[0-9a-f]{64}$/;
const fileOf = (root: string, key: string) => path.join(root, '.speccc', 'results', `${key}.json`);

export function resultStore(root: string): ResultStore {
  return {
    async read(key) {
      if (!KEY.test(key)) return undefined;
      try {
        const parsed = StoredResultSchema.safeParse(JSON.parse(await fs.readFile(fileOf(root, key), 'utf8')));
        return parsed.success && parsed.data.jobKey === key ? (parsed.data as StoredResult) : undefined;
      } catch {
        return undefined;
      }
    },
    async write(result) {
      if (!KEY.test(result.jobKey)) throw new Error(`bug: job key ${result.jobKey} is not a sha256`);
      await writeInside(root, path.join('.speccc', 'results', `${result.jobKey}.json`), JSON.stringify(result));
    },
  };
}
