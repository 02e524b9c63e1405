/**
 * What the holdout judge's tree holds in place of the code (docs/security.md, "Holdouts in their
 * own process"): at each path of a module of the code, a module of the same exports whose values
 * are stand-ins that ask the code host. Export names are read from the source, never by running
 * it. Pure; the TypeScript compiler is loaded on first use.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type TS from 'typescript';
import { JUDGE_RUNTIME, type FileTree } from '../../types/index.js';

const require = createRequire(import.meta.url);
let loaded: typeof TS | undefined;
const tsc = (): typeof TS => (loaded ??= require('typescript') as typeof TS);

const MODULE = /\.(?:[cm]?[jt]s|tsx)$/;
const TEST = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const OURS = /^\.speccc[-/]|^\.holdout\//;

/** The tree's modules a holdout check may import: its code, not its tests, declarations or speccc's own files. */
export function codeModules(tree: FileTree): string[] {
  return [...tree.keys()].filter((p) => MODULE.test(p) && !TEST.test(p) && !p.endsWith('.d.ts') && !OURS.test(p)).sort();
}

/** The tree path a relative import names (`./x.js` is `./x.ts` in TypeScript), or undefined. */
export function resolveInTree(tree: FileTree, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target.replace(/\.mjs$/, '.mts'), `${target}.ts`, `${target}/index.ts`].find((c) => tree.has(c));
}

/** The names a module exports at run time (types left out), following `export *` within the tree. */
export function exportNames(tree: FileTree, file: string, seen: Set<string> = new Set()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const ts = tsc();
  const source = ts.createSourceFile(file, tree.get(file) ?? '', ts.ScriptTarget.Latest, false, /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const names = new Set<string>();
  const exported = (node: TS.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: TS.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  const bindingNames = (name: TS.BindingName): string[] =>
    ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) {
      if (!statement.isExportEquals) names.add('default');
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (!clause) {
        const target = ts.isStringLiteral(statement.moduleSpecifier!) ? resolveInTree(tree, file, statement.moduleSpecifier.text) : undefined;
        if (target) for (const n of exportNames(tree, target, seen)) if (n !== 'default') names.add(n);
      } else if (ts.isNamespaceExport(clause)) names.add(clause.name.text);
      else for (const e of clause.elements) if (!e.isTypeOnly) names.add(e.name.text);
    } else if (exported(statement)) {
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
      if (ts.isEnumDeclaration(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ConstKeyword)) continue;
      if (ts.isModuleDeclaration(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) continue;
      if (isDefault(statement)) names.add('default');
      else if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) for (const n of bindingNames(d.name)) names.add(n);
      else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && statement.name && ts.isIdentifier(statement.name)) {
        if (ts.isFunctionDeclaration(statement) && !statement.body) continue; // an overload signature
        names.add(statement.name.text);
      }
    }
  }
  return [...names].sort();
}

/** The module the judge imports at a code module's path: the same export names, each a stand-in from the host. */
export function proxyModule(file: string, names: readonly string[]): string {
  const runtime = path.posix.relative(path.posix.dirname(file), `${JUDGE_RUNTIME}/client.mjs`);
  const lines = [
    `// Written by speccc: the code under test runs in another process; these exports ask it (docs/security.md).`,
    `import { load } from ${JSON.stringify(runtime.startsWith('.') ? runtime : `./${runtime}`)};`,
    `const m = load(${JSON.stringify(file)});`,
    ...names.map((name, i) => `const e${i} = m[${JSON.stringify(name)}];\nexport { e${i} as ${JSON.stringify(name)} };`),
    '',
  ];
  return lines.join('\n');
}
