/**
 * A group -> its draft spec, without a model: frontmatter from the files (outputs, `depends_on`
 * from imports, `status: draft`, `owner: hand`), Inputs and Outputs from exported signatures and
 * JSDoc, a link to each existing test, and in the other sections only what the code says, each
 * drafted sentence marked `<!-- drafted -->` until a person confirms it. Deterministic and pure.
 */
import path from 'node:path';
import { DRAFTED_MARKER } from '../phases/3-check/rules/drafted-unconfirmed.js';
import type { ExportInfo, Group, ModuleInfo } from './types.js';

export interface SkeletonContext {
  /** Workspace-relative generated root: outputs are relative to it. */
  generatedRoot: string;
  /** Workspace-relative path of the spec file being written (links are relative to it). */
  specFile: string;
  modules: ReadonlyMap<string, ModuleInfo>;
  /** Groups whose modules import this group's modules, by id. */
  importedBy: readonly string[];
}

const M = ` ${DRAFTED_MARKER}`;
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** `try-path` -> `Try path`. */
export function titleFromId(id: string): string {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The kind a group's spec gets: architecture when its modules declare only types or re-export others, feature otherwise. */
export function kindOf(group: Group, modules: ReadonlyMap<string, ModuleInfo>): 'feature' | 'architecture' {
  const exports = group.modules.flatMap((p) => modules.get(p)?.exports ?? []);
  const behaves = exports.some((e) => e.kind === 'function' || e.kind === 'class' || e.kind === 'variable' || e.kind === 'enum' || e.kind === 'namespace');
  return group.modules.length > 0 && !behaves ? 'architecture' : 'feature';
}

export function outputsOf(group: Group, generatedRoot: string): string[] {
  const rel = (p: string) => p.slice(generatedRoot.length + 1);
  return [...group.modules, ...group.tests, ...group.others].map(rel);
}

export function skeletonSpec(group: Group, ctx: SkeletonContext): string {
  const kind = kindOf(group, ctx.modules);
  const exports = group.modules.flatMap((p) => (ctx.modules.get(p)?.exports ?? []).map((e) => ({ file: p, e })));
  const sections: [string, string][] = [
    ['What', what(group, ctx)],
    ...(kind === 'feature' ? ([['Who', who(group, ctx)]] as [string, string][]) : []),
    ...(kind === 'feature' ? ([['Inputs', inputs(exports)]] as [string, string][]) : []),
    ['Outputs', outputs(group, ctx)],
    ['Rules', rules(exports)],
    ...(kind === 'feature' ? ([['Edge cases', edgeCases(exports)]] as [string, string][]) : []),
    ['Evaluation', evaluation(group, ctx)],
  ];
  return `${frontmatter(group, kind, ctx.generatedRoot)}\n# ${titleFromId(group.id)}\n\n${sections.map(([h, body]) => `## ${h}\n\n${body}\n`).join('\n')}`;
}

function frontmatter(group: Group, kind: string, generatedRoot: string): string {
  // A plain YAML scalar where it reads as one (not starting with `@`, `-` or a quote), else JSON's quoting.
  const scalar = (i: string) => (/^[A-Za-z0-9_.][\w./-]*$/.test(i) ? i : JSON.stringify(i));
  const list = (items: string[]) => (items.length === 0 ? ' []' : `\n${items.map((i) => `  - ${scalar(i)}`).join('\n')}`);
  return ['---', `id: ${group.id}`, `kind: ${kind}`, 'status: draft', 'owner: hand', `depends_on:${list(group.dependsOn)}`, `outputs:${list(outputsOf(group, generatedRoot))}`, '---', ''].join('\n');
}

function rel(ctx: SkeletonContext, p: string): string {
  return p.slice(ctx.generatedRoot.length + 1);
}

function what(group: Group, ctx: SkeletonContext): string {
  const lines = group.modules.map((p) => {
    const m = ctx.modules.get(p)!;
    const summary = m.moduleDoc ?? m.exports.find((e) => e.doc)?.doc;
    const names = m.exports.filter((e) => e.name !== '*').map((e) => code(e.name));
    const exported = names.length > 0 ? `exports ${names.join(', ')}` : 'exports nothing';
    return summary ? `${code(rel(ctx, p))}: ${summary.replace(/\s*$/, '')}${/[.!?]$/.test(summary) ? '' : '.'}${M}` : `${code(rel(ctx, p))} ${exported}.${M}`;
  });
  if (lines.length === 0) return `The tests ${group.tests.map((t) => code(rel(ctx, t))).join(', ')} and the files they use.${M}`;
  return lines.join('\n\n');
}

function who(group: Group, ctx: SkeletonContext): string {
  if (ctx.importedBy.length > 0) return `The code of the spec${ctx.importedBy.length === 1 ? '' : 's'} ${ctx.importedBy.map(code).join(', ')}, which imports it.${M}`;
  const files = group.modules.map((p) => code(rel(ctx, p))).join(', ');
  return `Callers outside this project: no module of the project imports ${files || 'it'}.${M}`;
}

function inputs(exports: { file: string; e: ExportInfo }[]): string {
  const callable = exports.filter(({ e }) => e.kind === 'function' || e.kind === 'class');
  const lines = callable.map(({ e }) => [`- ${code(e.signature)}`, ...e.params.filter((p) => p.doc).map((p) => `  - ${code(p.name)}: ${p.doc}`)].join('\n'));
  const throwing = callable.filter(({ e }) => e.throws.length > 0);
  const invalid =
    throwing.length > 0
      ? `On invalid input: ${throwing.map(({ e }) => `${code(e.name)} throws ${e.throws.map((t) => t || 'an error').join('; ')}`).join('; ')}.${M}`
      : `What happens on invalid input is not drafted yet: the existing tests show what the code does.${M}`;
  return [lines.length > 0 ? lines.join('\n') : `No function or class is exported: the module takes no input of its own.${M}`, invalid].join('\n\n');
}

/** Re-exports grouped by the module they come from: `a`, `b` from `./x`. */
function reExports(exports: readonly ExportInfo[]): string[] {
  const by = new Map<string, string[]>();
  for (const e of exports) if (e.kind === 're-export') by.set(e.from ?? '', [...(by.get(e.from ?? '') ?? []), code(e.signature)]);
  return [...by].map(([from, names]) => `${names.join(', ')}${from ? ` from ${code(from)}` : ''}`);
}

function outputs(group: Group, ctx: SkeletonContext): string {
  // Re-exports by name only: a module path in Outputs would read as an undeclared output.
  const kinds = (m: ModuleInfo) => m.exports.map((e) => (e.kind !== 're-export' ? `${code(e.name)} (${e.kind})` : e.name === '*' ? 'everything another module exports' : `${code(e.name)} (re-exported)`));
  return [
    ...group.modules.map((p) => {
      const list = kinds(ctx.modules.get(p)!);
      return `- ${code(rel(ctx, p))} ${list.length > 0 ? `exports ${list.join(', ')}` : 'exports nothing'}.`;
    }),
    ...group.tests.map((t) => {
      const m = ctx.modules.get(t);
      return m?.role === 'test' ? `- ${code(rel(ctx, t))}: tests of this code (${m.tests.length} today).` : `- ${code(rel(ctx, t))}: used by the tests.`;
    }),
    ...group.others.map((o) => `- ${code(rel(ctx, o))}: kept as it is.`),
  ].join('\n');
}

function rules(exports: { file: string; e: ExportInfo }[]): string {
  const lines: string[] = reExports(exports.map(({ e }) => e)).map((r) => `- The module exports ${r} unchanged.${M}`);
  for (const { e } of exports) {
    if (e.kind === 're-export') continue;
    if (e.doc) lines.push(`- ${code(e.name)}: ${e.doc.replace(/\s*$/, '')}${/[.!?]$/.test(e.doc) ? '' : '.'}${M}`);
    else lines.push(`- ${code(e.name)} keeps the exported signature ${code(e.signature)}.${M}`);
    if (e.returns) lines.push(`- ${code(e.name)} returns ${e.returns.replace(/[.\s]*$/, '')}.${M}`);
  }
  return lines.length > 0 ? lines.join('\n') : `- The module keeps the files listed in Outputs as they are.${M}`;
}

function edgeCases(exports: { file: string; e: ExportInfo }[]): string {
  const lines = exports.flatMap(({ e }) => e.throws.map((t) => `- ${code(e.name)} throws ${t || 'an error'}${/[.!?]$/.test(t) ? '' : '.'}${M}`));
  return lines.length > 0 ? lines.join('\n') : `- No edge case is drafted yet: the existing tests pin the edges down until they are written here.${M}`;
}

function evaluation(group: Group, ctx: SkeletonContext): string {
  const tests = [...group.tests.filter((t) => ctx.modules.get(t)?.role === 'test'), ...group.externalTests];
  const link = (t: string) => `[${code(t.startsWith(`${ctx.generatedRoot}/`) ? rel(ctx, t) : t)}](${path.posix.relative(path.posix.dirname(ctx.specFile), t)})`;
  if (tests.length === 0) return `- **Given** the code as adopted, **when** it is type-checked, **then** it compiles with no error.${M}`;
  return tests
    .map((t) => {
      const n = ctx.modules.get(t)?.tests.length ?? 0;
      return `- **Given** the existing tests in ${link(t)}, **when** they run against code built from this spec, **then** ${n === 1 ? 'the one test passes' : `all ${n} of them pass`}.${M}`;
    })
    .join('\n');
}
