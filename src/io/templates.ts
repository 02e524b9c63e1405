import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import type { TemplateSource } from '../phases/4-render/templates.js';

/** speccc's own templates ship in assets/templates/ beside dist/ and src/. */
export const DEFAULT_TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/templates');

async function readDir(dir: string, label: (name: string) => string): Promise<TemplateSource[]> {
  let names: string[] = [];
  try {
    names = await glob('**/*.hbs', { cwd: dir, onlyFiles: true });
  } catch {
    return [];
  }
  return Promise.all(
    names.sort().map(async (name) => ({
      name: name.replace(/\.hbs$/, '').split(path.sep).join('/').replace(/^partials\//, ''),
      file: label(name.split(path.sep).join('/')),
      text: await fs.readFile(path.join(dir, name), 'utf8'),
    })),
  );
}

export async function readTemplates(root: string, templatesDir: string): Promise<{ defaults: TemplateSource[]; overrides: TemplateSource[] }> {
  return {
    defaults: await readDir(DEFAULT_TEMPLATES_DIR, (n) => `(speccc default) ${n}`),
    overrides: await readDir(path.join(root, templatesDir), (n) => path.posix.join(templatesDir.split(path.sep).join('/'), n)),
  };
}
