// A script read from a folder: <dir>/<spec-id>/<output path...>. Any job whose prompt
// carries the line `speccc-spec-id: <id>` is answered by writing that folder's files.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { writeFilesReply, writeFilesSequence } from './replies.js';
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

/**
 * `<dir>/<id>/` holds the files of the first attempt; `<dir>/<id>@2/`, `<dir>/<id>@3/`…
 * (optional) hold what later attempts write, e.g. a fix after failing tests.
 */
export async function directoryScript(dir: string): Promise<Rule[]> {
  const folders = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const attempts = new Map<string, Array<{ n: number; folder: string }>>();
  for (const folder of folders) {
    const m = /^(.+?)(?:@(\d+))?$/.exec(folder)!;
    const id = m[1]!;
    attempts.set(id, [...(attempts.get(id) ?? []), { n: m[2] ? Number(m[2]) : 1, folder }]);
  }
  const rules: Rule[] = [];
  for (const id of [...attempts.keys()].sort()) {
    const ordered = attempts.get(id)!.sort((a, b) => a.n - b.n);
    const files = await Promise.all(ordered.map((a) => filesUnder(join(dir, a.folder))));
    rules.push({
      name: `dir:${id}`,
      match: { specId: id },
      reply: files.length === 1 ? writeFilesReply(files[0]!) : writeFilesSequence(files),
    });
  }
  return rules;
}
