/** Cassettes on disk: `.speccc/cassettes/<job-key>.json`. A corrupt or mismatched cassette is no cassette. */
import { readFileSync } from 'node:fs';
import { writeInsideSync } from './safe-write.js';
import path from 'node:path';
import type { Cassette, CassetteStore } from '../types/index.js';

const KEY = /^[0-9a-f]{64}$/;

export function cassetteStore(root: string): CassetteStore {
  const dir = path.join(root, '.speccc', 'cassettes');
  return {
    where: '.speccc/cassettes/',
    read(key) {
      if (!KEY.test(key)) return undefined;
      try {
        const c = JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8')) as Cassette;
        const valid = c.jobKey === key && Array.isArray(c.attempts) && c.attempts.every((a) => Array.isArray(a) && a.every((w) => typeof w?.path === 'string' && typeof w?.content === 'string'));
        return valid ? c : undefined;
      } catch {
        return undefined;
      }
    },
    write(cassette) {
      // `.speccc/cassettes/` is committable: a link there must never carry a cassette out of the workspace.
      writeInsideSync(root, path.join('.speccc', 'cassettes', `${cassette.jobKey}.json`), JSON.stringify(cassette, null, 2));
    },
  };
}
