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

const templateName = (name: string) => name.replace(/\.hbs$/, '').split(path.sep).join('/').replace(/^partials\//, '');

async function readDir(dir: string, label: (name: string) => string): Promise<TemplateSource[]> {
  return Promise.all(
    (await listDir(dir)).map(async (name) => ({
      name: templateName(name),
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

/** One template file as the run found it: hashed through the stat cache, its bytes kept when the hash needed them. */
export interface TemplateFile {
  /** The template's name (`job`, `governance`, a partial's name). */
  name: string;
  /** How diagnostics and the build stamp name it: `(speccc default) job.hbs`, `templates/job.hbs`. */
  label: string;
  abs: string;
  hash: string;
  /** Null when the stat cache vouched for the hash without reading the file. */
  bytes: Uint8Array | null;
  override: boolean;
}

/** Every template, speccc's defaults then the workspace's overrides, hashed; each file read only where its stat changed. */
export async function hashTemplateFiles(root: string, templatesDir: string, stats: StatCache): Promise<TemplateFile[]> {
  const hashDir = async (dir: string, label: (name: string) => string, override: boolean) =>
    (await Promise.all((await listDir(dir)).map(async (name): Promise<TemplateFile | null> => {
      const abs = path.join(dir, name);
      const hashed = await stats.hash(abs);
      return hashed && { name: templateName(name), label: label(name.split(path.sep).join('/')), abs, hash: hashed.hash, bytes: hashed.bytes, override };
    }))).filter((t): t is TemplateFile => t !== null);
  const workspace = overrides(root, templatesDir);
  return [...(await hashDir(defaultTemplatesDir(), DEFAULT_LABEL, false)), ...(workspace ? await hashDir(workspace.dir, workspace.label, true) : [])];
}

/** [label, sha256] of every template: what the build stamp digests. */
export const templateHashes = (files: readonly TemplateFile[]): [string, string][] => files.map((f) => [f.label, f.hash]);

/** The templates' text, reading only the files hashing did not read already. */
export async function readTemplateFiles(files: readonly TemplateFile[]): Promise<{ defaults: TemplateSource[]; overrides: TemplateSource[] }> {
  const sources = await Promise.all(
    files.map(async (f) => ({ override: f.override, source: { name: f.name, file: f.label, text: f.bytes ? Buffer.from(f.bytes).toString('utf8') : await fs.readFile(f.abs, 'utf8') } })),
  );
  return { defaults: sources.filter((s) => !s.override).map((s) => s.source), overrides: sources.filter((s) => s.override).map((s) => s.source) };
}
