/**
 * A proposal's prompt, from speccc's proposal template (assets/scenarios/propose.hbs: not one of
 * the build's templates, so it is no part of any job key). The proposer sees the spec, the
 * generated code's declarations and the one piece of code the mutant changed, with its
 * replacement; never another body, never the conversation that wrote the code. Pure.
 */
import Handlebars from 'handlebars';
import type { Spec } from '../types/index.js';
import type { KnownMutant } from './mutants.js';

export interface ProposalInput {
  spec: Spec;
  name: string;
  mutant: KnownMutant;
  /** `.d.ts` text of the spec's outputs, by declaration path. */
  interfaces: { path: string; text: string }[];
}

/** The draft's two files, relative to the drafts folder: `<spec-id>/<name>.md` and `<spec-id>/<name>.test.ts`. */
export const draftPaths = (spec: string, name: string) => ({ md: `${spec}/${name}.md`, check: `${spec}/${name}.test.ts` });

/** At most this many lines of the replaced code reach the proposer: a mutant that empties a block shows its start, not the whole body. */
const SHOWN_LINES = 6;

function excerpt(code: string): string {
  const lines = code.split('\n');
  return lines.length <= SHOWN_LINES ? code : `${lines.slice(0, SHOWN_LINES).join('\n')}\n// … ${lines.length - SHOWN_LINES} more lines of the block`;
}

export function renderProposal(template: string, input: ProposalInput): string {
  const fm = input.spec.frontmatter!;
  const first = fm.outputs.find((o) => !/\.(test|spec)\./.test(o)) ?? fm.outputs[0] ?? 'src/index.ts';
  const wanted = new Set(input.mutant.requirements);
  const paths = draftPaths(fm.id, input.name);
  const render = Handlebars.create().compile(template, { strict: true, noEscape: true });
  const text = render({
    spec: { id: fm.id, file: input.spec.file, source: input.spec.source.trim() },
    name: input.name,
    mdPath: paths.md,
    checkPath: paths.check,
    firstOutput: first.replace(/\.tsx?$/, '.js'),
    mutant: { ...input.mutant, original: excerpt(input.mutant.original), replacement: excerpt(input.mutant.replacement), ran: input.mutant.status === 'Survived' },
    requirements: input.spec.requirements.filter((r) => wanted.has(r.id)).map((r) => ({ id: r.id, text: r.text })),
    interfaces: input.interfaces,
  });
  return text.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
