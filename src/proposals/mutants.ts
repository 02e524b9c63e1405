/**
 * Surviving mutants -> what `scenarios propose` drafts for, and a mutant applied to promoted code
 * (what `scenarios accept` judges a draft against). The survivors file is speccc's own state in the
 * workspace, so it is input like any other: parsed against its schema, every mutant checked
 * against the code as it is now before it is used. Pure.
 */
import { SurvivorsFileSchema } from '../schemas/state.js';
import type { Survivor } from '../types/index.js';

/** A surviving mutant with the requirement ids of the code it sits in. */
export type KnownMutant = Survivor & { requirements: string[] };

export interface SpecSurvivors {
  spec: string;
  score: number | null;
  survivors: KnownMutant[];
}

export type SurvivorsRead = { ok: true; at: string; specs: SpecSurvivors[] } | { ok: false; message: string };

/** The survivors file's text -> its mutants by spec, or one line saying what is wrong with it (never a schema dump). */
export function parseSurvivors(text: string): SurvivorsRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'is not valid JSON' };
  }
  const parsed = SurvivorsFileSchema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return { ok: false, message: `does not hold what \`verify --mutate\` writes${where ? ` (at ${where})` : ''}` };
  }
  return { ok: true, at: parsed.data.at, specs: parsed.data.specs.map((s) => ({ spec: s.spec, score: s.score, survivors: s.survivors })) };
}

const kebab = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 40);

/** The draft scenario's name for a mutant: where it sits and what it changed (`mutant-money-l42c10-arithmetic-operator`). */
export function draftName(m: Survivor): string {
  const base = kebab(m.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '')) || 'code';
  return `mutant-${base}-l${m.line}c${m.column}-${kebab(m.mutator) || 'mutant'}`;
}

/** `src/money.ts:42:10 ArithmeticOperator`: how a mutant is named to a person. */
export const mutantLabel = (m: Pick<Survivor, 'file' | 'line' | 'column' | 'mutator'>): string => `${m.mutator} at ${m.file}:${m.line}:${m.column}`;

/** Offsets of a 1-based line and column in `source`; null when the source has no such place. */
function offsetOf(source: string, line: number, column: number): number | null {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', at);
    if (next < 0) return null;
    at = next + 1;
  }
  const lineEnd = source.indexOf('\n', at) < 0 ? source.length : source.indexOf('\n', at);
  const offset = at + column - 1;
  return offset > lineEnd + 1 ? null : offset;
}

/**
 * `source` with the mutant in place of the code it replaced; null when that code is not where the
 * mutant says (the code changed since the mutation run, or the record was edited): a stale mutant
 * is never applied somewhere else.
 */
export function applyMutant(source: string, m: Survivor): string | null {
  const start = offsetOf(source, m.line, m.column);
  const end = offsetOf(source, m.end.line, m.end.column);
  if (start === null || end === null || end < start) return null;
  if (source.slice(start, end) !== m.original) return null;
  return source.slice(0, start) + m.replacement + source.slice(end);
}

/**
 * Which of a spec's mutants to draft for, at most `max`, none already drafted, accepted or
 * rejected. Logic before text: a changed condition or operator before a changed message string
 * (which a spec seldom pins down); mutants the scenarios ran (Survived) before those no scenario
 * ran (NoCoverage); and one per line before a second of the same line, since one new scenario of
 * a line often kills all of its mutants. File and line order otherwise.
 */
export function mutantsToDraft(survivors: readonly KnownMutant[], max: number, taken: ReadonlySet<string>): KnownMutant[] {
  const rank = (m: KnownMutant) => (m.mutator === 'StringLiteral' ? 2 : 0) + (m.status === 'NoCoverage' ? 1 : 0);
  const open = survivors.filter((m) => !taken.has(draftName(m))).sort((a, b) => rank(a) - rank(b));
  const lines = new Set<string>();
  const first: KnownMutant[] = [];
  const rest: KnownMutant[] = [];
  for (const m of open) {
    const line = `${m.file}:${m.line}`;
    (lines.has(line) ? rest : first).push(m);
    lines.add(line);
  }
  return [...first, ...rest].slice(0, max);
}
