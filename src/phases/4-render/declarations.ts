/**
 * Generated TypeScript -> its declarations (`.d.ts`), through the TypeScript compiler API with
 * an in-memory file system: exported types in full, functions and classes as signatures, never
 * a body. This is all a scenario-writing agent may see of the implementation: enough to call it,
 * nothing of how it works. Parsing generated code runs none of it.
 */
import { createRequire } from 'node:module';
import type TS from 'typescript';

const require = createRequire(import.meta.url);
let loaded: typeof TS | undefined;
/** The compiler, loaded on first use: a check, and a build whose prompts need no declarations, never load it. */
const tsc = (): typeof TS => (loaded ??= require('typescript') as typeof TS);

const options = (ts: typeof TS): TS.CompilerOptions => ({
  declaration: true,
  emitDeclarationOnly: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  noLib: true,
  types: [],
});

/** Declarations of every `.ts` file in `files` (path -> source), by the source's path. */
export function declarationsOf(files: ReadonlyMap<string, string>): Map<string, string> {
  if (files.size === 0) return new Map();
  const ts = tsc();
  const root = '/speccc-interface/';
  const sources = new Map([...files].filter(([p]) => /\.(?:[cm]?ts|tsx)$/.test(p) && !/\.d\.ts$/.test(p)).map(([p, text]) => [root + p, text]));
  const emitted = new Map<string, string>();
  const host: TS.CompilerHost = {
    getSourceFile: (name, languageVersion) => {
      const text = sources.get(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, languageVersion, true);
    },
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: (name, text) => emitted.set(name, text),
    getCurrentDirectory: () => root,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => sources.has(f),
    readFile: (f) => sources.get(f),
    directoryExists: () => true,
    getDirectories: () => [],
  };
  const program = ts.createProgram({ rootNames: [...sources.keys()], options: options(ts), host });
  program.emit(undefined, undefined, undefined, true);
  const out = new Map<string, string>();
  for (const name of sources.keys()) {
    const dts = emitted.get(name.replace(/\.(?:[cm]?ts|tsx)$/, '.d.ts'));
    if (dts !== undefined) out.set(name.slice(root.length), dts.trim());
  }
  return out;
}
