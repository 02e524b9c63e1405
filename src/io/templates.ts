import { promises as fs } from 'node:fs';
import path from 'node:path';
import { listFiles } from './list-files.js';
import type { TemplateSource } from '../types/index.js';
import type { StatCache } from './stat-cache.js';
import { templatesPath } from './package-files.js';

/** speccc's own templates ship in the package's top-level templates/, beside dist/ and src/. */
export const defaultTemplatesDir = (): string => templatesPath();

const DEFAULT_LABEL = (name: string): string => `(speccc default) ${name}`;

/**
 * The workspace's override folder and how its files are labelled, or null where that folder is
 * speccc's defaults folder itself: speccc's own repository is a workspace whose `templates/` (the
 * default `paths.templates`) is where the defaults live, and reading it twice would call every
 * default an override.
 */
function overrides(root: string, templatesDir: string): { dir: string; label: (name: string) => string } | null {
  const dir = path.join(root, templatesDir);
  if (path.resolve(dir) === path.resolve(defaultTemplatesDir())) return null;
  return { dir, label: (name) => path.posix.join(templatesDir.split(path.sep).join('/'), name) };
}

async function listDir(dir: string): Promise<string[]> {
  return listFiles(dir, { match: (name) => name.endsWith('.hbs'), dot: false, followLinks: true });
}

async function readDir(dir: string, label: (name: string) => string): Promise<TemplateSource[]> {
  return Promise.all(
    (await listDir(dir)).map(async (name) => ({
      name: name.replace(/\.hbs$/, '').split(path.sep).join('/').replace(/^partials\//, ''),
      file: label(name.split(path.sep).join('/')),
      text: await fs.readFile(path.join(dir, name), 'utf8'),
    })),
  );
}

export async function readTemplates(root: string, templatesDir: string): Promise<{ defaults: TemplateSource[]; overrides: TemplateSource[] }> {
  const workspace = overrides(root, templatesDir);
  return {
    defaults: await readDir(defaultTemplatesDir(), DEFAULT_LABEL),
    overrides: workspace ? await readDir(workspace.dir, workspace.label) : [],
  };
}

/** [label, sha256] of every template, speccc's defaults then the workspace's overrides, read only where a stat changed. */
export async function hashTemplates(root: string, templatesDir: string, stats: StatCache): Promise<[string, string][]> {
  const hashDir = async (dir: string, label: (name: string) => string) =>
    (await Promise.all((await listDir(dir)).map(async (name): Promise<[string, string] | null> => {
      const hashed = await stats.hash(path.join(dir, name));
      return hashed && [label(name.split(path.sep).join('/')), hashed.hash];
    }))).filter((t): t is [string, string] => t !== null);
  const workspace = overrides(root, templatesDir);
  return [...(await hashDir(defaultTemplatesDir(), DEFAULT_LABEL)), ...(workspace ? await hashDir(workspace.dir, workspace.label) : [])];
}
