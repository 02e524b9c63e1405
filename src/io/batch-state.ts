/**
 * `.speccc/batches/<batch-id>.json`: the Message Batches a build submitted, with the job and turn
 * of each request (schema: BatchRecordSchema). A build killed while its batches ran finds them
 * here and polls them again instead of paying for the same requests twice. The files are input
 * like any other: one that does not parse is a located error (CorruptStateError), never trusted
 * and never silently dropped, because dropping it would submit — and bill — its requests again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeInside } from './safe-write.js';
import { BatchRecordSchema } from '../schemas/state.js';
import type { BatchRecord, BatchStateStore } from '../types/index.js';
import { CorruptStateError } from './promote.js';

const FILE = /^[A-Za-z0-9_-]{1,128}\.json$/;

export function batchStateStore(root: string): BatchStateStore {
  const dir = path.join(root, '.speccc', 'batches');
  const where = (name: string) => `.speccc/batches/${name}`;
  const advice = 'delete it to submit its requests again (a batch still running would then be paid for twice)';
  return {
    where: '.speccc/batches/',
    async load() {
      const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[];
        throw error;
      });
      const records: BatchRecord[] = [];
      // write-file-atomic's temporary files (`<id>.json.<n>`) are not records until renamed.
      for (const name of names.filter((n) => FILE.test(n)).sort()) {
        const text = await fs.readFile(path.join(dir, name), 'utf8');
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch (error) {
          throw new CorruptStateError(`${where(name)}: not valid JSON (${error instanceof Error ? error.message : String(error)}); ${advice}`);
        }
        const parsed = BatchRecordSchema.safeParse(data);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const at = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
          throw new CorruptStateError(`${where(name)}: not a batch state file: ${at}${issue.message}; ${advice}`);
        }
        if (`${parsed.data.id}.json` !== name) throw new CorruptStateError(`${where(name)}: records batch ${parsed.data.id}, not the batch its name says; ${advice}`);
        records.push(parsed.data);
      }
      return records;
    },
    async save(record) {
      await writeInside(root, path.join('.speccc', 'batches', `${record.id}.json`), JSON.stringify(record, null, 2) + '\n');
    },
    async remove(id) {
      if (FILE.test(`${id}.json`)) await fs.rm(path.join(dir, `${id}.json`), { force: true });
    },
  };
}
