/**
 * The listings of specs, context documents, templates and generated/ (src/io/list-files.ts):
 * what each walk takes and leaves out, as the glob patterns it replaced did.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/io/list-files.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

function tree(files: string[]): string {
  const root = workspaces.empty('speccc-list-');
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), f);
  }
  return root;
}

const md = (name: string) => name.endsWith('.md');

describe('listFiles', () => {
  it('lists matching files in every folder, sorted, as POSIX paths; no dot files or folders unless asked', async () => {
    const root = tree(['b.md', 'a/z.md', 'a/deep/er/y.md', 'a/x.txt', '.hidden.md', '.git/c.md', 'a/.draft/d.md', 'UPPER.MD']);
    expect(await listFiles(root, { match: md, dot: false, followLinks: false })).toEqual(['a/deep/er/y.md', 'a/z.md', 'b.md']);
    expect(await listFiles(root, { match: () => true, dot: true, followLinks: false })).toEqual(['.git/c.md', '.hidden.md', 'UPPER.MD', 'a/.draft/d.md', 'a/deep/er/y.md', 'a/x.txt', 'a/z.md', 'b.md']);
  });

  it('a folder that is missing or not a folder lists nothing', async () => {
    const root = tree(['file.md']);
    expect(await listFiles(path.join(root, 'nope'), { match: md, dot: false, followLinks: true })).toEqual([]);
    expect(await listFiles(path.join(root, 'file.md'), { match: md, dot: false, followLinks: true })).toEqual([]);
  });

  it('symbolic links are followed (files under the link path, folders entered, loops cut) or left out entirely', async () => {
    const outside = tree(['shared/s.md', 'one.md']);
    const root = tree(['own.md', 'sub/inner.md']);
    symlinkSync(path.join(outside, 'shared'), path.join(root, 'linked'), 'dir');
    symlinkSync(path.join(outside, 'one.md'), path.join(root, 'alias.md'));
    symlinkSync(path.join(root, 'missing.md'), path.join(root, 'broken.md'));
    symlinkSync(root, path.join(root, 'sub/loop'), 'dir'); // back to the root: entered never again
    expect(await listFiles(root, { match: md, dot: false, followLinks: true })).toEqual(['alias.md', 'linked/s.md', 'own.md', 'sub/inner.md']);
    expect(await listFiles(root, { match: md, dot: false, followLinks: false })).toEqual(['own.md', 'sub/inner.md']);
  });

  it('skipTop leaves out folders directly under the root only', async () => {
    const root = tree(['src/a.ts', '.speccc/manifest.json', 'node_modules/x/index.js', 'src/node_modules/kept.js', 'README.md']);
    expect(await listFiles(root, { match: () => true, dot: true, followLinks: false, skipTop: ['.speccc', 'node_modules'] })).toEqual(['README.md', 'src/a.ts', 'src/node_modules/kept.js']);
  });
});
