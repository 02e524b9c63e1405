import { closest } from '../../../diagnostics/closest.js';
import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic, Section, SectionName, Spec, SpecKind } from '../../../types/index.js';
import { KNOWN_HEADINGS, sectionNameOf } from '../../2-model/sections.js';
import type { LineIndex } from '../../1-parse/line-index.js';
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

/** The heading's text without the `## ` before it or a closing `##` after it: what a quick fix replaces. */
function headingTextSpan(spec: Spec, section: Section, lines: LineIndex) {
  const start = section.headingSpan.start.offset;
  const raw = spec.source.slice(start, section.headingSpan.end.offset);
  const lead = /^#+[ \t]*/.exec(raw)![0].length;
  const text = raw.slice(lead).replace(/(?:[ \t]+#+)?[ \t]*$/, '');
  return lines.span(start + lead, start + lead + text.length);
}

/**
 * Unknown headings that are a typo of a section the spec lacks and its kind requires (`## Evalution`
 * for Evaluation), by the section they stand for. Only required sections are guessed at: an extra
 * heading (`## Why`, `## Stats`) is the author's own, and close to some optional section by chance.
 */
function misspelledHeadings(spec: Spec, missing: readonly SectionName[]): { section: Section; name: SectionName; meant: string }[] {
  const out: { section: Section; name: SectionName; meant: string }[] = [];
  for (const section of spec.sections) {
    if (section.name) continue;
    const guess = closest(section.heading, KNOWN_HEADINGS);
    const name = guess ? sectionNameOf(guess) : null;
    if (!guess || !name || !missing.includes(name)) continue;
    // The canonical title when the guess is one ("Evaluation"), else the alias as guessed ("Requirements").
    const meant = guess.toLowerCase() === SECTION_TITLES[name].toLowerCase() ? SECTION_TITLES[name] : guess;
    out.push({ section, name, meant });
  }
  return out;
}

/** The required sections a spec lacks: at a heading that misspells one, else at the title. */
function missingSections(spec: Spec, seen: ReadonlyMap<SectionName, Section>, lines: LineIndex): Diagnostic[] {
  const kind = spec.frontmatter?.kind;
  if (!kind) return [];
  const missing = REQUIRED_SECTIONS[kind].filter((name) => !seen.has(name));
  if (missing.length === 0) return [];
  const out: Diagnostic[] = [];
  const misspelled = misspelledHeadings(spec, missing);
  for (const { section, name, meant } of misspelled) {
    out.push(
      d.sectionMisspelled({
        file: spec.file,
        span: headingTextSpan(spec, section, lines),
        message: `Heading \`${section.heading}\` is not a known section; did you mean \`${meant}\`?`,
        hint: `Rename the heading to \`## ${meant}\`; until then speccc reads it as an extra section, and the ${kind} spec has no ${SECTION_TITLES[name]}.`,
        replacement: meant,
      }),
    );
  }
  // A section a misspelled heading stands for is reported there, not again as missing at the title.
  const located = new Set(misspelled.map((m) => m.name));
  const at = spec.title?.span ?? spec.frontmatterSpans?.block ?? spec.sections[0]?.headingSpan;
  const span = at ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  for (const name of missing) {
    if (located.has(name)) continue;
    out.push(
      d.sectionMissing({
        file: spec.file,
        span,
        message: `Section \`${SECTION_TITLES[name]}\` is missing; a ${kind} spec requires ${REQUIRED_SECTIONS[kind].map((n) => SECTION_TITLES[n]).join(', ')}`,
        hint: `Add a \`## ${SECTION_TITLES[name]}\` section.`,
      }),
    );
  }
  return out;
}

export const requiredSectionsRule: Rule = {
  id: 'required-sections',
  codes: ['section-missing', 'section-empty', 'section-duplicate', 'section-misspelled'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      const seen = new Map<SectionName, Section>();
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
      out.push(...missingSections(spec, seen, lines(spec)));
    }
    return out;
  },
};
