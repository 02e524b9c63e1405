import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

/** examples/replies/<spec-id>/<path> as { specId: { path: content } }. */
export function exampleReplies(): Record<string, Record<string, string>> {
  const root = path.join(repo, 'examples/replies');
  const out: Record<string, Record<string, string>> = {};
  for (const id of readdirSync(root)) {
    if (!statSync(path.join(root, id)).isDirectory()) continue;
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files[path.relative(path.join(root, id), p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
      }
    };
    walk(path.join(root, id));
    out[id] = files;
  }
  return out;
}
