/**
 * What a spec's own code and tests may not do to its visible checks, read from the source (never
 * run). Each finding is a failed visible check, fed back to the agent like a compiler error:
 *
 * - `@ts-nocheck`, `@ts-ignore`, `@ts-expect-error` anywhere in generated code: the type-check is
 *   part of the gate, and code that switches it off returns whatever type it likes;
 * - `vi.mock`/`vi.doMock` of the spec's own code in its tests: a test of a stand-in proves nothing
 *   about the code;
 * - code (not tests) that looks at the test run — `process.env.VITEST`, `import.meta.vitest`,
 *   vitest's globals, an import of vitest, the name of a test file: code must behave under test
 *   as it does in production.
 *
 * Pure; the TypeScript compiler is loaded on first use.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type TS from 'typescript';
import type { FileTree } from '../../types/index.js';

const require = createRequire(import.meta.url);
let loaded: typeof TS | undefined;
const tsc = (): typeof TS => (loaded ??= require('typescript') as typeof TS);

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const SUPPRESSION = /@ts-(nocheck|ignore|expect-error)\b/g;
const MOCKS = new Set(['mock', 'doMock']);
const TEST_NAME = /\.(?:test|spec)\.[cm]?[jt]sx?\b|\.(?:test|spec)\b|VITEST/;

export interface HonestyFinding {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

/** The tree path a relative specifier names from `from` (`./x.js` is `./x.ts` in TypeScript). */
function resolve(tree: ReadonlySet<string>, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target.replace(/\.mjs$/, '.mts'), `${target}.ts`, `${target}/index.ts`].find((c) => tree.has(c));
}

function suppressions(file: string, text: string): HonestyFinding[] {
  const out: HonestyFinding[] = [];
  for (const m of text.matchAll(SUPPRESSION)) {
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ file, line, message: `\`@ts-${m[1]}\` switches the type-check off; the type-check is part of the gate: fix the types instead` });
  }
  return out;
}

function mocksOfOwnCode(ts: typeof TS, source: TS.SourceFile, file: string, own: ReadonlySet<string>): HonestyFinding[] {
  const out: HonestyFinding[] = [];
  const visit = (node: TS.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'vi' && MOCKS.has(node.expression.name.text)) {
      const arg = node.arguments[0];
      const target = arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? resolve(own, file, arg.text) : undefined;
      if (target) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        out.push({ file, line, message: `\`vi.${node.expression.name.text}('${(arg as TS.StringLiteral).text}')\` replaces ${target}, code this spec owns: a test of a stand-in proves nothing about the code; test the code itself` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function watchesTheTestRun(ts: typeof TS, source: TS.SourceFile, file: string): HonestyFinding[] {
  const out: HonestyFinding[] = [];
  const at = (node: TS.Node, what: string) => out.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, message: `${what}: code must behave under test exactly as in production, so it may not tell a test run apart` });
  const visit = (node: TS.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && /^(?:vitest|@vitest\/)/.test(node.moduleSpecifier.text)) at(node, `it imports ${node.moduleSpecifier.text}`);
    else if (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.name.text === 'vitest') at(node, 'it reads import.meta.vitest');
    else if (ts.isIdentifier(node) && /^__vitest/.test(node.text)) at(node, `it reads ${node.text}`);
    else if ((ts.isPropertyAccessExpression(node) && /^VITEST/.test(node.name.text)) || ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && TEST_NAME.test(node.text))) at(node, `it refers to ${ts.isPropertyAccessExpression(node) ? node.name.text : JSON.stringify(node.text)}`);
    else if (ts.isPropertyAccessExpression(node) && node.name.text === 'getState' && ts.isIdentifier(node.expression) && node.expression.text === 'expect') at(node, 'it reads expect.getState()');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every way the spec's own outputs weaken its visible checks, by file and line. */
export function weakenedChecks(tree: FileTree, outputs: readonly string[]): HonestyFinding[] {
  const ts = tsc();
  const own = new Set(outputs.filter((o) => SOURCE.test(o) && !TEST.test(o)));
  const out: HonestyFinding[] = [];
  for (const file of outputs) {
    const text = tree.get(file);
    if (text === undefined || !SOURCE.test(file) || file.endsWith('.d.ts')) continue;
    out.push(...suppressions(file, text));
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : /x$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    out.push(...(TEST.test(file) ? mocksOfOwnCode(ts, source, file, own) : watchesTheTestRun(ts, source, file)));
  }
  return out;
}
