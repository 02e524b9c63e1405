import path from 'node:path';
import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic, Span, Spec } from '../../../types/index.js';
import type { Rule } from '../rule.js';

/** Why an output path is unsafe or malformed, or null when it is a clean relative POSIX path. */
export function outputPathProblem(p: string): string | null {
  if (p.trim() === '') return 'is empty';
  if (p.includes('\\')) return 'contains a backslash';
  if (p.includes('\0')) return 'contains a NUL character';
  if (path.posix.isAbsolute(p) || /^[a-zA-Z]:/.test(p)) return 'is absolute';
  const segments = p.split('/');
  if (segments.includes('..')) return 'contains `..`';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or `.` segment';
  if (segments[0] === '.speccc') return 'is inside `.speccc/`, which speccc owns';
  if (p.endsWith('/')) return 'names a folder, not a file';
  return null;
}

const TEST_FILE = /\.(?:test|spec)\.[a-z0-9]+$/i;
const capitalised = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);
/** Backticked or bare paths in the Outputs section that look like files (have an extension). */
const MENTIONED_FILE = /`([^`\s]+\.[a-z0-9]{1,6})`/gi;

export const outputsRule: Rule = {
  id: 'outputs',
  codes: ['output-conflict', 'output-path-invalid', 'output-duplicate', 'outputs-missing', 'constraint-has-outputs', 'outputs-no-test', 'output-undeclared'],
  scope: { kind: 'workspace', own: 'spec', reads: ['output-owners', 'same-id'] },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    const owners = new Map<string, { spec: Spec; span: Span }>();
    for (const { spec } of workspace.files) {
      const fm = spec?.frontmatter;
      if (!spec || !fm) continue;
      const fieldSpan = spec.frontmatterSpans?.fields.outputs ?? spec.frontmatterSpans!.block;
      if (fm.kind === 'constraint' && fm.outputs.length > 0) {
        out.push(d.constraintHasOutputs({ file: spec.file, span: fieldSpan, message: `Constraint spec \`${fm.id}\` declares outputs; expected none (constraints are not built)` }));
      }
      if (fm.kind !== 'constraint' && fm.outputs.length === 0 && fm.status !== 'deprecated') {
        out.push(
          d.outputsMissing({
            file: spec.file,
            span: spec.frontmatterSpans?.fields.kind ?? spec.frontmatterSpans!.block,
            message: `${capitalised(fm.kind)} spec \`${fm.id}\` declares no outputs; expected the files it owns under \`outputs:\``,
          }),
        );
      }
      if ((fm.kind === 'feature' || fm.kind === 'twin') && fm.outputs.length > 0 && !fm.outputs.some((o) => TEST_FILE.test(o))) {
        out.push(d.outputsNoTest({ file: spec.file, span: fieldSpan, message: `${capitalised(fm.kind)} spec \`${fm.id}\` owns no test file; expected an output such as \`*.test.ts\`` }));
      }
      const seen = new Set<string>();
      fm.outputs.forEach((output, i) => {
        const span = spec.frontmatterSpans?.outputs[i] ?? fieldSpan;
        const problem = outputPathProblem(output);
        if (problem) {
          out.push(d.outputPathInvalid({ file: spec.file, span, message: `Output \`${output}\` ${problem}; expected a relative path inside the generated root` }));
          return;
        }
        if (seen.has(output)) {
          out.push(d.outputDuplicate({ file: spec.file, span, message: `Output \`${output}\` is listed twice; expected each file once` }));
          return;
        }
        seen.add(output);
        const owner = owners.get(output);
        // Two specs with one id (a copied spec) share its outputs too: duplicate-id says it once.
        if (owner && owner.spec.frontmatter!.id === fm.id && workspace.sharedIds.has(fm.id)) return;
        if (owner) {
          out.push(
            d.outputConflict({
              file: spec.file,
              span,
              message: `Output \`${output}\` is already owned by \`${owner.spec.frontmatter!.id}\`; expected one owner per file`,
              related: [{ file: owner.spec.file, span: owner.span, message: 'first owner' }],
            }),
          );
        } else owners.set(output, { spec, span });
      });
      const section = spec.sections.find((s) => s.name === 'outputs');
      if (section && fm.kind !== 'constraint') {
        const offset = section.span.start.offset;
        const body = spec.source.slice(offset, section.span.end.offset);
        for (const m of body.matchAll(MENTIONED_FILE)) {
          const mentioned = m[1]!.replace(/^\.\//, '').replace(/^generated\//, '');
          // Declared counts even when the declaration is invalid: output-path-invalid reports that once.
          const declared = fm.outputs.some((o) => o === mentioned || o.replace(/^\.\//, '') === mentioned || o.endsWith(`/${mentioned}`));
          if (!mentioned.includes('/') || declared) continue;
          const start = offset + m.index;
          const at = lines(spec).span(start, start + m[0].length);
          out.push(
            d.outputUndeclared({
              file: spec.file,
              span: at,
              message: `Outputs section names \`${mentioned}\`, which is not in the frontmatter's outputs; expected every produced file to be declared`,
            }),
          );
        }
      }
    }
    return out;
  },
};
