/**
 * Starting service twins inside a sealed run (docs/twins.md). A command that needs twins is
 * rewritten, before it enters the sandbox, into one process tree:
 *
 *   node .speccc-twins/launch.mjs -- <argv>
 *
 * with, beside the launcher (launcher.ts, compiled), each twin's module graph transpiled from
 * TypeScript to JavaScript here, in speccc's process, so nothing inside the sandbox needs a
 * compiler and a twin starts in milliseconds. Transpiling only parses: no generated code runs
 * outside the sandbox.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { REPLAY_PLAN, SERVICE_TWIN_DIR, type FileTree, type ReplayPlan, type ServiceTwin } from '../../types/index.js';
import { shippedScript } from '../package-files.js';

type TypeScript = typeof import('typescript');

let typescript: Promise<TypeScript> | undefined;
const loadTypeScript = () => (typescript ??= import('typescript').then((m) => ((m as { default?: TypeScript }).default ?? m) as TypeScript));

const transpiled = new Map<string, string>();

/** TypeScript -> JavaScript (an ES module), one file at a time, as esbuild or vitest would strip it; cached by content. Parsing only: nothing runs. */
export async function transpile(source: string, fileName: string): Promise<string> {
  const key = createHash('sha256').update(fileName).update('\0').update(source).digest('hex');
  const hit = transpiled.get(key);
  if (hit !== undefined) return hit;
  const ts = await loadTypeScript();
  const out = ts.transpileModule(source, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, inlineSourceMap: false, declaration: false },
    reportDiagnostics: false,
  }).outputText;
  transpiled.set(key, out);
  return out;
}

/**
 * A script that runs inside the sandbox, as JavaScript: the bundle's own self-contained file
 * (dist/service-twins/), or (running from source) its TypeScript transpiled.
 */
async function script(name: 'launcher' | 'replayer'): Promise<string> {
  const shipped = shippedScript(`service-twins/${name}`, `io/service-twins/${name}`);
  const text = await fs.readFile(shipped.path, 'utf8');
  return shipped.typescript ? transpile(text, shipped.path) : text;
}

const JS_OUT = `${SERVICE_TWIN_DIR}/js`;
const TS_SOURCE = /\.(?:ts|mts|tsx)$/;

/** The tree path a relative import specifier names: `./x.js` is `./x.ts` in TypeScript sources. */
function resolveImport(tree: FileTree, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target.replace(/\.mjs$/, '.mts')];
  return candidates.find((c) => tree.has(c));
}

const outputPath = (rel: string) => `${JS_OUT}/${rel.replace(/\.mts$/, '.mjs').replace(/\.tsx?$/, '.js')}`;

/** Transpiles a twin's module and every module it imports by relative path into `.speccc-twins/js/`. */
async function transpileGraph(tree: FileTree, entry: string, out: Map<string, string>): Promise<void> {
  const ts = await loadTypeScript();
  const queue = [entry];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const rel = queue.shift()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const source = tree.get(rel)!;
    if (!TS_SOURCE.test(rel)) {
      out.set(`${JS_OUT}/${rel}`, source); // .js, .mjs, .json: as written
      continue;
    }
    out.set(outputPath(rel), await transpile(source, rel));
    for (const imported of ts.preProcessFile(source, true, true).importedFiles) {
      const next = resolveImport(tree, rel, imported.fileName);
      if (next) queue.push(next);
    }
  }
}

export interface TwinRun {
  files: Map<string, string>;
  argv: string[];
}

/**
 * `files` plus the launcher, its config and each twin's transpiled modules; `argv` wrapped in the
 * launcher. A twin whose entry is not in the tree is still listed: the launcher then fails the run
 * with a line saying so.
 */
export async function prepareTwinRun(input: { node: string; twins: readonly ServiceTwin[]; files: FileTree; argv: readonly string[] }): Promise<TwinRun> {
  const files = new Map(input.files);
  const added = new Map<string, string>([[`${JS_OUT}/package.json`, '{ "type": "module" }\n']]);
  const config = { twins: [] as { id: string; env: string; entry: string; module: string | null }[] };
  for (const twin of input.twins) {
    const present = input.files.has(twin.entry);
    if (present) await transpileGraph(input.files, twin.entry, added);
    config.twins.push({ id: twin.id, env: twin.env, entry: twin.entry, module: present ? path.posix.relative(SERVICE_TWIN_DIR, outputPath(twin.entry)) : null });
  }
  added.set(`${SERVICE_TWIN_DIR}/twins.json`, `${JSON.stringify(config, null, 2)}\n`);
  added.set(`${SERVICE_TWIN_DIR}/launch.mjs`, await script('launcher'));
  for (const [p, c] of added) files.set(p, c);
  return { files, argv: [input.node, `${SERVICE_TWIN_DIR}/launch.mjs`, '--', ...input.argv] };
}

/**
 * What a fidelity replay adds to a sealed tree: the plan and the replayer (replayer.ts); run
 * `argv` under the twin launcher, then read REPLAY_REPORT back.
 */
export async function replayFiles(plan: ReplayPlan, node: string): Promise<{ files: [string, string][]; argv: string[] }> {
  const replayer = `${SERVICE_TWIN_DIR}/replay.mjs`;
  return { files: [[REPLAY_PLAN, JSON.stringify(plan)], [replayer, await script('replayer')]], argv: [node, replayer] };
}
