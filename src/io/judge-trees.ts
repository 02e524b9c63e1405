/**
 * The two trees of a holdout run (docs/security.md, "Holdouts in their own process"), completed
 * with speccc's runtime: the code's tree gets the code host (assets/judge/host*.mjs) and every
 * module transpiled to JavaScript under `.speccc-host/js/` (here, in speccc's process: parsing
 * only, nothing runs), so the host needs no compiler; the judge's tree gets the client its
 * stand-in modules load. The runtime files ship in the package and are read once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assetPath } from './package-files.js';
import { HOST_RUNTIME, JUDGE_RUNTIME, type FileTree } from '../types/index.js';
import { transpile } from './service-twins/index.js';

const assets = assetPath('judge');
let runtime: Map<string, string> | undefined;
const read = (name: string) => (runtime ??= new Map()).get(name) ?? runtime.set(name, readFileSync(path.join(assets, name), 'utf8')).get(name)!;

const TS = /\.(?:ts|tsx|mts)$/;
const JS_LIKE = /\.(?:[cm]?js|json)$/;
const jsPath = (rel: string) => rel.replace(/\.mts$/, '.mjs').replace(/\.tsx?$/, '.js');

/** The code's tree plus the host: its launcher, the host, the wire format, and the tree as JavaScript. */
export async function codeHostTree(tree: FileTree): Promise<Map<string, string>> {
  const files = new Map(tree);
  for (const name of ['host-launcher.mjs', 'host.mjs', 'wire.mjs']) files.set(`${HOST_RUNTIME}/${name}`, read(name));
  files.set(`${HOST_RUNTIME}/js/package.json`, '{ "type": "module" }\n');
  for (const [rel, content] of tree) {
    if (rel.startsWith('.speccc') || rel.endsWith('.d.ts')) continue;
    if (TS.test(rel)) files.set(`${HOST_RUNTIME}/js/${jsPath(rel)}`, withExtensions(await transpile(content, rel), rel, tree));
    else if (JS_LIKE.test(rel) && path.posix.basename(rel) !== 'package.json') files.set(`${HOST_RUNTIME}/js/${rel}`, content);
  }
  return files;
}

const RELATIVE = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]*)\2/g;

/**
 * Node's ES modules need a file's extension; TypeScript written for CommonJS or a bundler imports
 * `./x` (and vitest resolves it). An extensionless import of a module of the tree gets its `.js`.
 */
function withExtensions(js: string, rel: string, tree: FileTree): string {
  return js.replace(RELATIVE, (whole, head: string, quote: string, specifier: string) => {
    if (/\.[cm]?js$|\.json$/.test(specifier)) return whole;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), specifier));
    const file = [`${target}.ts`, `${target}.tsx`, `${target}.js`].find((c) => tree.has(c));
    const index = [`${target}/index.ts`, `${target}/index.tsx`, `${target}/index.js`].find((c) => tree.has(c));
    return file ? `${head}${quote}${specifier}.js${quote}` : index ? `${head}${quote}${specifier.replace(/\/$/, '')}/index.js${quote}` : whole;
  });
}

/** The coverage proof's driver (assets/prove/driver.mjs), run inside the sandbox. */
export function proofDriverScript(): string {
  return readFileSync(path.resolve(assets, '../prove/driver.mjs'), 'utf8');
}

/** The judge's tree plus the client its stand-in modules load. */
export function judgeRuntimeTree(judge: FileTree): Map<string, string> {
  const files = new Map(judge);
  for (const name of ['client.mjs', 'io.mjs', 'wire.mjs', 'setup.mjs']) files.set(`${JUDGE_RUNTIME}/${name}`, read(name));
  return files;
}
