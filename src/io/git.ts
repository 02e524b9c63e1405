/**
 * The files a change touches, from git: `git diff --name-only <ref>...HEAD` (what the branch
 * changed since it left `ref`) plus what is not committed yet (`git status --porcelain`: staged,
 * unstaged and untracked files). Paths come back relative to the workspace root; files outside
 * it are left out. The two mistakes a user can make, a folder that is no git repository and a
 * ref git does not know, come back as a problem to report, never as a throw.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type ChangedFiles = { ok: true; files: string[] } | { ok: false; problem: 'not-a-repository' | 'unknown-ref'; message: string };

const git = (root: string, args: string[]) => run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });

export async function changedSince(root: string, ref: string): Promise<ChangedFiles> {
  let top: string;
  try {
    top = (await git(root, ['rev-parse', '--show-toplevel'])).stdout.trim();
  } catch {
    return { ok: false, problem: 'not-a-repository', message: `--since needs a git repository, and ${root} is not inside one` };
  }
  // `--end-of-options` keeps a ref that starts with `-` from being read as an option.
  const known = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).then(() => true, () => false);
  if (!known) return { ok: false, problem: 'unknown-ref', message: `--since ${ref}: git knows no commit by that name; expected a branch, tag or commit (is the history fetched? actions/checkout needs fetch-depth: 0)` };
  const [diff, status] = await Promise.all([git(root, ['diff', '--name-only', '-z', `${ref}...HEAD`]), git(root, ['status', '--porcelain', '-z', '--untracked-files=all'])]);
  const fromTop = [...diff.stdout.split('\0').filter(Boolean), ...statusPaths(status.stdout)];
  const realRoot = path.resolve(root);
  const files = new Set<string>();
  for (const f of fromTop) {
    const rel = path.relative(realRoot, path.join(top, f));
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) files.add(rel.split(path.sep).join('/'));
  }
  return { ok: true, files: [...files].sort() };
}

/** Paths of `git status --porcelain -z`: `XY path`, and for a rename or copy the old path as the next entry (both changed). */
function statusPaths(out: string): string[] {
  const entries = out.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.length < 4) continue;
    paths.push(e.slice(3));
    if (e[0] === 'R' || e[0] === 'C') paths.push(entries[++i] ?? '');
  }
  return paths.filter(Boolean);
}
