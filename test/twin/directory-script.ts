// A script read from a folder: <dir>/<spec-id>/<output path...>. Any job whose prompt
// carries the line `speccc-spec-id: <id>` is answered by writing that folder's files.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { writeFilesReply } from './replies.js';
import type { Rule } from './types.js';

async function filesUnder(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const path of paths) files[relative(root, path).split(sep).join('/')] = await readFile(path, 'utf8');
  return files;
}

export async function directoryScript(dir: string): Promise<Rule[]> {
  const specs = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const rules: Rule[] = [];
  for (const id of specs) {
    rules.push({ name: `dir:${id}`, match: { specId: id }, reply: writeFilesReply(await filesUnder(join(dir, id))) });
  }
  return rules;
}
