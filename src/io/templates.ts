import { promises as fs } from 'node:fs';
import path from 'node:path';
import { listFiles } from './list-files.js';
import type { TemplateSource } from '../phases/4-render/templates.js';
import type { StatCache } from './stat-cache.js';
import { assetPath } from './package-files.js';

/** speccc's own templates ship in assets/templates/ beside dist/ and src/. */
export const defaultTemplatesDir = (): string => assetPath('templates');

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
  return {
    defaults: await readDir(defaultTemplatesDir(), (n) => `(speccc default) ${n}`),
    overrides: await readDir(path.join(root, templatesDir), (n) => path.posix.join(templatesDir.split(path.sep).join('/'), n)),
  };
}

/** [label, sha256] of every template, speccc's defaults then the workspace's overrides, read only where a stat changed. */
export async function hashTemplates(root: string, templatesDir: string, stats: StatCache): Promise<[string, string][]> {
  const hashDir = async (dir: string, label: (name: string) => string) =>
    (await Promise.all((await listDir(dir)).map(async (name): Promise<[string, string] | null> => {
      const hashed = await stats.hash(path.join(dir, name));
      return hashed && [label(name.split(path.sep).join('/')), hashed.hash];
    }))).filter((t): t is [string, string] => t !== null);
  return [
    ...(await hashDir(defaultTemplatesDir(), (n) => `(speccc default) ${n}`)),
    ...(await hashDir(path.join(root, templatesDir), (n) => path.posix.join(templatesDir.split(path.sep).join('/'), n))),
  ];
}
