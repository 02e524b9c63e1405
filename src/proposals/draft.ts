/**
 * A draft's records: the mutant file speccc writes beside a proposed scenario, and the line
 * `scenarios accept` appends once the draft passed on the promoted code and killed its mutant;
 * what a draft must hold before it is judged at all. Pure.
 */
import { DraftMutantSchema } from '../schemas/state.js';
import type { KnownMutant } from './mutants.js';

export interface DraftMutant {
  version: 1;
  spec: string;
  proposedAt: string;
  mutant: KnownMutant;
}

export const draftMutantText = (spec: string, mutant: KnownMutant, at: Date): string => `${JSON.stringify({ version: 1, spec, proposedAt: at.toISOString(), mutant } satisfies DraftMutant, null, 2)}\n`;

/** The mutant file's text -> the record, or null when it is not one (a draft whose mutant is unknown is never accepted). */
export function parseDraftMutant(text: string | null): DraftMutant | null {
  if (text === null) return null;
  try {
    const parsed = DraftMutantSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What is wrong with a draft scenario's text before anything runs: it must name its spec in its frontmatter and say what must follow. */
export function draftProblem(md: string | null, check: string | null, spec: string): string | null {
  if (md === null) return 'its scenario (.md) is missing or unreadable';
  if (check === null) return 'its check (.test.ts) is missing or unreadable';
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(md)?.[1];
  const named = front ? /^spec:[ \t]*["']?([^"'\s]+)["']?[ \t]*$/m.exec(front)?.[1] : undefined;
  if (named !== spec) return `its scenario's frontmatter must say \`spec: ${spec}\``;
  if (!/\*\*Then\*\*/.test(md)) return 'its scenario has no **Then** step: it says nothing a person can judge';
  return null;
}

export interface AcceptedLine {
  at: string;
  scenario: string;
  spec: string;
  mutant: { file: string; line: number; column: number; mutator: string };
  check: string;
}

export const acceptedLine = (line: AcceptedLine): string => JSON.stringify(line);
