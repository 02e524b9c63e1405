/**
 * Files speccc ships beside its code: templates/ (the default prompt templates), assets/
 * (`speccc init`'s files, the type-check server) and the scripts the bundle builds on their own
 * (the parse worker, the service-twin launcher and replayer). The module asking sits at a different depth in the sources (src/io/),
 * in the bundle (dist/ or dist/chunks/: esbuild decides which module lands in which file) and in
 * an installed package, so the package folder is found by walking up to the nearest
 * package.json, never by a fixed `../..`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when speccc runs from its TypeScript sources (tests, benches through tsx), false from the bundle in dist/. */
export const RUNNING_FROM_SOURCES = import.meta.url.endsWith('.ts');

/** speccc's package folder (the one holding its package.json, templates/, assets/ and dist/). */
export function packageDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    // Only a package installed without its package.json gets here: a broken install, so a bug report.
    if (up === dir) throw new Error(`speccc: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/** A file or folder under speccc's assets/. */
export const assetPath = (...parts: string[]): string => path.join(packageDir(), 'assets', ...parts);

/**
 * speccc's default prompt templates: the package's top-level templates/ (the design card's layout),
 * which a workspace's `paths.templates` folder overrides file by file.
 */
export const templatesPath = (...parts: string[]): string => path.join(packageDir(), 'templates', ...parts);

/**
 * A script the bundle writes as its own file (`dist/<name>.js`), or, running from the sources,
 * its TypeScript (`src/<source>.ts`), which the caller loads through tsx or transpiles.
 */
export function shippedScript(name: string, source: string): { path: string; typescript: boolean } {
  return RUNNING_FROM_SOURCES ? { path: path.join(packageDir(), 'src', `${source}.ts`), typescript: true } : { path: path.join(packageDir(), 'dist', `${name}.js`), typescript: false };
}
