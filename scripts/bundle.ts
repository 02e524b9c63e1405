/**
 * `npm run build`, first half: dist/'s JavaScript, bundled by esbuild (then `tsc` writes the
 * .d.ts files beside it: the public types stay tsc's).
 *
 * Why a bundle: Node spends most of a short command's time finding, reading and linking modules
 * (a warm `speccc check` loaded 177 files, zod alone 94). One file per entry point with code
 * splitting (`splitting: true`, ESM) lets `check` load the check half only; what only a build,
 * the language server, the report or the twin needs sits in chunks imported on use.
 *
 * - dist/cli.js (the `speccc` bin), dist/index.js (the API), dist/model-worker.js (the parse
 *   worker: it loads the parse chunk and nothing else) and dist/chunks/*.js, shared by them.
 * - dist/service-twins/{launcher,replayer}.js: copied into a sandbox alone, so each is one
 *   self-contained file (node builtins only), never split.
 * - Bundled: speccc's pure-JavaScript dependencies. Left as packages (external): those that run
 *   as their own files or are read from disk at run time — typescript and vitest (the sandbox's
 *   toolchain), Stryker (optional), yaml (loaded synchronously on first use through
 *   createRequire), tsx (tests only), and the design card's unified pipeline (unified, remark-parse,
 *   remark-frontmatter, vfile): dependencies, so a user's own remark pipeline and speccc/remark share them.
 * - dist/THIRD_PARTY_LICENSES.md: the licence of every package the bundle contains, since their
 *   code ships inside speccc's files.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const dist = path.join(repo, 'dist');

/** Packages resolved at run time from node_modules, never copied into the bundle. */
export const EXTERNAL = ['typescript', 'vitest', 'vite', '@stryker-mutator/*', 'yaml', 'tsx', 'fsevents', 'unified', 'remark-parse', 'remark-frontmatter', 'vfile'];

/**
 * commander requires node:child_process when it loads, for subcommands that are separate
 * executables (speccc has none). Loading child_process costs several milliseconds of every
 * start-up (measured: about as much as the rest of `speccc --version`), so the bundled copy
 * requires it on first use instead. The build fails if commander's line changes.
 */
const commanderSpawnOnUse: Plugin = {
  name: 'commander-spawn-on-use',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const line = "const childProcess = require('node:child_process');";
      if (!source.includes(line)) throw new Error(`commander's lib/command.js no longer has \`${line}\`: update scripts/bundle.ts`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(line, lazy), loader: 'js' };
    });
  },
};

/**
 * An ES import of a Node built-in makes a module namespace of all its exports, reading every lazy
 * getter on the way: for node:fs that loads the file streams and the whole stream library, which
 * nothing in a warm `check` or `--version` needs (about 2.5 ms of a warm check of one spec, a
 * tenth of what it costs over an empty Node). So in the bundled code an import of node:fs, and of
 * the other built-ins a warm check imports, gets a module of the same exports taken from
 * require(), reading only the getters named here; an import of any other getter fails the build
 * (esbuild: no matching export), so nothing changes unnoticed.
 */
const GETTERS_READ: Record<string, readonly string[]> = {
  fs: ['promises', 'Dir', 'opendir', 'opendirSync'],
  path: [],
  url: [],
  util: [],
};
const builtinsWithoutNamespaces: Plugin = {
  name: 'builtins-without-namespaces',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(fs|path|url|util)$/ }, (args) => {
      if (args.kind !== 'import-statement' || args.namespace === 'speccc-builtin') return undefined;
      return { path: args.path.replace(/^node:/, ''), namespace: 'speccc-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'speccc-builtin' }, (args) => {
      const name = args.path;
      const real = createRequire(import.meta.url)(`node:${name}`) as object;
      const names = Object.entries(Object.getOwnPropertyDescriptors(real))
        .filter(([key, d]) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default' && (!d.get || GETTERS_READ[name]!.includes(key)))
        .map(([key]) => key);
      // `require`: the one the banner makes from node:module (esbuild leaves a require of a built-in as it is).
      const lines = [`const real = require(${JSON.stringify(`node:${name}`)});`, 'export default real;', ...names.map((key) => `export const ${key} = real.${key};`)];
      return { contents: lines.join('\n'), loader: 'js', resolveDir: repo };
    });
  },
};

const common: BuildOptions = {
  absWorkingDir: repo,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: EXTERNAL,
  // Bundled CommonJS packages call require() for node builtins; an ES module has no require of its own.
  banner: { js: "import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);" },
  // ...nor __filename and __dirname (write-file-atomic hashes its own file name into temporary names).
  define: { __filename: 'import.meta.filename', __dirname: 'import.meta.dirname' },
  // Stack traces of internal errors stay readable: names are kept, and no source maps ship.
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  const app = await build({
    ...common,
    entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', 'remark/index': 'src/remark/index.ts', 'model-worker': 'src/model-worker.ts' },
    splitting: true,
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [commanderSpawnOnUse, builtinsWithoutNamespaces],
  });
  const scripts = await Promise.all(
    ['launcher', 'replayer'].map((name) =>
      build({ ...common, banner: {}, entryPoints: [`src/io/service-twins/${name}.ts`], outfile: path.join(dist, 'service-twins', `${name}.js`) }),
    ),
  );
  // dist/quick-check.js: a bare `check` of an unchanged workspace from one file (src/quick-check.ts).
  // Its own build, so that what it runs is not spread over the main bundle's shared chunks; what it
  // loads only on use (a reporter, the manifest's schema) goes to dist/quick/ and stays unloaded.
  const quick = await build({
    ...common,
    entryPoints: { 'quick-check': 'src/quick-check.ts' },
    splitting: true,
    outdir: dist,
    chunkNames: 'quick/[name]-[hash]',
    plugins: [builtinsWithoutNamespaces],
  });
  // For looking into what each chunk holds (esbuild's analyzer reads this file too).
  if (process.env.SPECCC_BUNDLE_META) writeFileSync(process.env.SPECCC_BUNDLE_META, JSON.stringify(app.metafile));
  const bundled = bundledPackages([app.metafile!, quick.metafile!, ...scripts.map((s) => s.metafile!)]);
  writeFileSync(path.join(dist, 'THIRD_PARTY_LICENSES.md'), licences(bundled));
  console.log(`bundled ${Object.keys(app.metafile!.outputs).length} files into dist/ (${bundled.length} packages inside)`);
}

/** node_modules folders of the packages whose code went into an output file. */
function bundledPackages(metafiles: Metafile[]): string[] {
  const dirs = new Set<string>();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) dirs.add(m[1]!);
    }
  }
  return [...dirs].sort();
}

/** One section per bundled package: name, version, licence, and its licence file's text. */
function licences(dirs: string[]): string {
  const sections = dirs.map((dir) => {
    const pkg = JSON.parse(readFileSync(path.join(repo, dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const file = readdirSync(path.join(repo, dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file && existsSync(path.join(repo, dir, file)) ? readFileSync(path.join(repo, dir, file), 'utf8').trim() : `(no licence file; package.json says ${pkg.license ?? 'nothing'})`;
    return `## ${pkg.name} ${pkg.version} (${pkg.license ?? 'unknown'})\n\n\`\`\`\n${text}\n\`\`\`\n`;
  });
  return `# Third-party code in speccc's bundle\n\nspeccc's dist/ files contain the code of these packages.\n\n${sections.join('\n')}`;
}

await main();
