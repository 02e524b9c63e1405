/**
 * `npm run build`, last step: the package's type declarations need only the packages it
 * depends on. tsc writes a .d.ts for every module; the public API (dist/index.d.ts) reaches a
 * few that name packages speccc bundles rather than installs:
 *
 * - SpecccConfig and Frontmatter are derived from the zod schemas in the sources (never
 *   restated); zod is bundled, so here each is written out as the plain type it resolves to,
 *   and SPEC_KINDS and SPEC_STATUSES as the constants' types.
 * - runtime.d.ts takes BatchTuning (plain numbers) from the Anthropic provider's module, whose
 *   declarations import the SDK: written out in place too.
 *
 * Then every .d.ts the public API does not reach is removed, and the build fails if a reached
 * one still imports a package that is not in `dependencies` (a user's tsc would not find it).
 */
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const dist = path.join(repo, 'dist');
/** The package's two typed exports: `speccc` and `speccc/remark`. */
const ENTRIES = [path.join(dist, 'index.d.ts'), path.join(dist, 'remark', 'index.d.ts')];

/** A type written out from the sources: where it is declared, and the .d.ts text it replaces. */
interface Resolved {
  /** The .d.ts to rewrite, relative to dist/. */
  file: string;
  /** Lines of that file to replace (exactly as tsc writes them); the build fails if one is missing. */
  replace: Record<string, (text: (source: string, name: string, what?: 'type' | 'value') => string) => string>;
}

const RESOLVED: Resolved[] = [
  {
    file: 'types/config.d.ts',
    replace: {
      "import type { z } from 'zod';": () => '',
      "import type { ConfigSchema } from '../schemas/config.js';": () => '',
      "export type SpecccConfig = Omit<z.output<typeof ConfigSchema>, '$schema'>;": (t) => `export type SpecccConfig = ${t('src/types/config.ts', 'SpecccConfig')};`,
    },
  },
  {
    file: 'types/spec.d.ts',
    replace: {
      "import type { z } from 'zod';": () => '',
      "import type { FrontmatterSchema } from '../schemas/frontmatter.js';": () => '',
      "export { SPEC_KINDS, SPEC_STATUSES } from '../schemas/frontmatter.js';": (t) =>
        `export declare const SPEC_KINDS: ${t('src/schemas/frontmatter.ts', 'SPEC_KINDS', 'value')};\nexport declare const SPEC_STATUSES: ${t('src/schemas/frontmatter.ts', 'SPEC_STATUSES', 'value')};`,
      'export type Frontmatter = z.output<typeof FrontmatterSchema>;': (t) => `export type Frontmatter = ${t('src/types/spec.ts', 'Frontmatter')};`,
    },
  },
  {
    file: 'runtime.d.ts',
    replace: {
      "import type { BatchTuning } from './phases/6-generate/anthropic/batches.js';": (t) => `type BatchTuning = ${t('src/phases/6-generate/anthropic/batches.ts', 'BatchTuning')};`,
    },
  },
  {
    file: 'remark/options.d.ts',
    replace: {
      "import { RULE_SEVERITIES } from '../schemas/config.js';": () => '',
      'export type RuleSeverity = (typeof RULE_SEVERITIES)[number];': (t) => `export type RuleSeverity = ${t('src/remark/options.ts', 'RuleSeverity')};`,
    },
  },
];

function typeWriter(): (source: string, name: string, what?: 'type' | 'value') => string {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(repo, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('tsconfig.build.json could not be read');
  const program = ts.createProgram({ rootNames: [path.join(repo, 'src/index.ts'), path.join(repo, 'src/remark/index.ts')], options: config.options });
  const checker = program.getTypeChecker();
  const flags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.MultilineObjectLiterals;
  const printer = ts.createPrinter({ removeComments: true });
  return (source, name, what = 'type') => {
    const file = program.getSourceFile(path.join(repo, source));
    const module = file && checker.getSymbolAtLocation(file);
    const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === name);
    if (!symbol) throw new Error(`${source} exports no ${name}`);
    const type = what === 'type' ? checker.getDeclaredTypeOfSymbol(symbol) : checker.getTypeOfSymbol(symbol);
    const print = (t: ts.Type) => {
      const node = checker.typeToTypeNode(t, undefined, flags);
      return node ? printer.printNode(ts.EmitHint.Unspecified, node, file) : 'any';
    };
    // An interface prints as its name: write out its members (with their doc comments) instead.
    const isInterface = (symbol.flags & ts.SymbolFlags.Interface) !== 0;
    const text = isInterface
      ? `{\n${checker
          .getPropertiesOfType(type)
          .map((p) => {
            const doc = ts.displayPartsToString(p.getDocumentationComment(checker));
            const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
            return `${doc ? `    /** ${doc.replace(/\s*\n\s*/g, ' ')} */\n` : ''}    ${p.name}${optional ? '?' : ''}: ${print(checker.getNonNullableType(checker.getTypeOfSymbol(p)))};`;
          })
          .join('\n')}\n}`
      : print(type);
    // Written out means self-contained: no reference back into zod or the SDK.
    if (text === 'any' || /import\(|\bz\.|\$Zod|Anthropic/.test(text)) throw new Error(`${name} does not resolve to a plain type: ${text.slice(0, 200)}`);
    return text;
  };
}

function rewrite(): void {
  const typeOf = typeWriter();
  for (const { file, replace } of RESOLVED) {
    let text = readFileSync(path.join(dist, file), 'utf8');
    for (const [line, by] of Object.entries(replace)) {
      if (!text.includes(line)) throw new Error(`dist/${file} no longer has \`${line}\`: update scripts/public-types.ts`);
      text = text.replace(line, by(typeOf));
    }
    writeFileSync(path.join(dist, file), text);
  }
}

const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** The .d.ts files reached from the entries through relative imports and exports, and the packages each names. */
function reachable(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [...ENTRIES];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const packages: string[] = [];
    seen.set(file, packages);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIERS)) {
      if (specifier!.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.d.ts'));
        if (!existsSync(target)) throw new Error(`${path.relative(dist, file)} imports ${specifier}, which has no declaration file`);
        queue.push(target);
      } else packages.push(specifier!);
    }
  }
  return seen;
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? declarationFiles(path.join(dir, e.name)) : e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
}

function removeEmptyFolders(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) removeEmptyFolders(path.join(dir, e.name));
  if (dir !== dist && readdirSync(dir).length === 0) rmdirSync(dir);
}

function main(): void {
  rewrite();
  const reached = reachable();
  const unreached = declarationFiles(dist).filter((f) => !reached.has(f));
  for (const file of unreached) rmSync(file);
  removeEmptyFolders(dist);
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
  const allowed = (specifier: string) => {
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    return name === pkg.name || name in pkg.dependencies || `@types/${name}` in pkg.dependencies || builtinModules.includes(specifier.replace(/^node:/, '')) || specifier.startsWith('node:');
  };
  const missing = [...reached].flatMap(([file, packages]) => packages.filter((p) => !allowed(p)).map((p) => `${path.relative(dist, file)}: ${p}`));
  if (missing.length > 0) throw new Error(`the public types import packages a user would not have installed:\n  ${missing.join('\n  ')}`);
  console.log(`public types: ${reached.size} declaration files (${unreached.length} internal ones removed)`);
}

main();
