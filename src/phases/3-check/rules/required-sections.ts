import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic, SectionName, SpecKind } from '../../../types/index.js';
import type { Rule } from '../rule.js';

/** Which sections each kind must have; the table in docs/spec-format.md. */
export const REQUIRED_SECTIONS: Record<SpecKind, readonly SectionName[]> = {
  feature: ['what', 'who', 'inputs', 'outputs', 'rules', 'edge-cases', 'evaluation'],
  architecture: ['what', 'outputs', 'rules', 'evaluation'],
  constraint: ['what', 'rules'],
  twin: ['what', 'interface', 'state', 'failure-modes', 'outputs', 'evaluation'],
};

export const SECTION_TITLES: Record<SectionName, string> = {
  what: 'What',
  who: 'Who',
  inputs: 'Inputs',
  outputs: 'Outputs',
  rules: 'Rules',
  'edge-cases': 'Edge cases',
  evaluation: 'Evaluation',
  constraints: 'Constraints',
  interface: 'Interface',
  state: 'State',
  'failure-modes': 'Failure modes',
};

export const requiredSectionsRule: Rule = {
  id: 'required-sections',
  codes: ['section-missing', 'section-empty', 'section-duplicate'],
  check({ workspace }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      const seen = new Map<SectionName, (typeof spec.sections)[number]>();
      for (const section of spec.sections) {
        if (section.text.trim() === '') {
          out.push(
            d.sectionEmpty({
              file: spec.file,
              span: section.headingSpan,
              message: `Section \`${section.heading}\` is empty; expected content under the heading`,
            }),
          );
        }
        if (!section.name) continue;
        const first = seen.get(section.name);
        if (first) {
          out.push(
            d.sectionDuplicate({
              file: spec.file,
              span: section.headingSpan,
              message: `Section \`${section.heading}\` repeats \`${first.heading}\`; expected one ${SECTION_TITLES[section.name]} section`,
              related: [{ file: spec.file, span: first.headingSpan, message: 'first section' }],
            }),
          );
        } else seen.set(section.name, section);
      }
      const kind = spec.frontmatter?.kind;
      if (!kind) continue;
      const missing = REQUIRED_SECTIONS[kind].filter((name) => !seen.has(name));
      if (missing.length === 0) continue;
      const at = spec.title?.span ?? spec.frontmatterSpans?.block ?? spec.sections[0]?.headingSpan;
      const span = at ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
      for (const name of missing) {
        out.push(
          d.sectionMissing({
            file: spec.file,
            span,
            message: `Section \`${SECTION_TITLES[name]}\` is missing; a ${kind} spec requires ${REQUIRED_SECTIONS[kind].map((n) => SECTION_TITLES[n]).join(', ')}`,
            hint: `Add a \`## ${SECTION_TITLES[name]}\` section.`,
          }),
        );
      }
    }
    return out;
  },
};
