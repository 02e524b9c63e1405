/**
 * Measures every wording rule against each hand-labelled corpus (test/corpus/requirements.jsonl,
 * real sentences, and test/corpus/written.jsonl, sentences written for speccc), each on its own:
 * each sentence becomes the only non-default text of a minimal spec, in the section its corpus
 * line names; the real checker runs over all of them (every wording rule switched on, whatever
 * its default); each wording code found in a spec is compared with that sentence's labels.
 *
 * Used by bench/smells.bench.ts (which writes test/corpus/measured.json, the figures
 * docs/diagnostics.md shows) and by test/corpus/smells.test.ts (which checks those figures are
 * the ones the code produces now).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check } from '../src/compile.js';
import { spec } from '../src/diagnostics/catalogue/example.js';
import { CATALOGUE } from '../src/diagnostics/catalogue/index.js';
import { RULE_CODES } from '../src/phases/3-check/rules/index.js';

const repo = path.resolve(import.meta.dirname, '..');
export const MEASURED = path.join(repo, 'test/corpus/measured.json');
/** The labelled sets, each measured on its own: real sentences from public documents, sentences written for speccc, and a held-out set written after the rules were tuned on the others. */
export const CORPORA = [
  { name: 'requirements', file: 'test/corpus/requirements.jsonl' },
  { name: 'written', file: 'test/corpus/written.jsonl' },
  { name: 'held-out', file: 'test/corpus/held-out.jsonl' },
] as const;

/** Corpus label -> the checker's code, where they differ. */
const CODE_OF_LABEL: Record<string, string> = { placeholder: 'placeholder-text' };

/** The wording rules measured, in the order the table shows them (each a corpus label). */
export const LABELS = [
  'vague-wording',
  'comparative-no-reference',
  'open-ended-list',
  'loophole',
  'weak-modal',
  'number-without-unit',
  'between-ends-unclear',
  'passive-no-actor',
  'placeholder',
  'vague-pronoun',
  'unbounded-absolute',
  'incomplete-reference',
] as const;

export const codeOf = (label: string) => CODE_OF_LABEL[label] ?? label;

export interface CorpusLine {
  id: string;
  text: string;
  section: 'rules' | 'constraints' | 'inputs' | 'outputs' | 'edge-cases' | 'what' | 'evaluation';
  source: string;
  smells: string[];
  note?: string;
}

export interface RuleFigures {
  code: string;
  /** Sentences the rule flagged that carry the label. */
  truePositives: number;
  /** Sentences the rule flagged that do not. */
  falsePositives: number;
  /** Labelled sentences the rule did not flag. */
  falseNegatives: number;
  /** truePositives / flagged, or null when the rule flagged nothing. */
  precision: number | null;
  /** truePositives / labelled, or null when no sentence carries the label. */
  recall: number | null;
  /** The code's severity as shipped: warning, error, or off (left out by default). */
  shipped: string;
}

/** Every rule's counts added up (a micro-average: each labelled or flagged sentence and code counts once). */
export type OverallFigures = Omit<RuleFigures, 'code' | 'shipped'>;

export interface CorpusFigures {
  name: string;
  file: string;
  lines: number;
  rules: RuleFigures[];
  overall: OverallFigures;
}

export interface Measured {
  corpora: CorpusFigures[];
}

export interface Detail {
  corpus: string;
  line: CorpusLine;
  found: Set<string>;
}

const HEADINGS: Record<CorpusLine['section'], string> = {
  rules: 'Rules',
  constraints: 'Constraints',
  inputs: 'Inputs',
  outputs: 'Outputs',
  'edge-cases': 'Edge cases',
  what: 'What',
  evaluation: 'Evaluation',
};

export function readCorpus(file: string = CORPORA[0].file): CorpusLine[] {
  return readFileSync(path.join(repo, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusLine);
}

/** Runs the checker over corpus lines; per line, the wording codes it reported. */
export async function runCorpus(lines: readonly CorpusLine[], corpus = 'requirements'): Promise<Detail[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-smells-'));
  try {
    const codes = LABELS.map(codeOf);
    // Every wording rule on, as a warning: the corpus measures rules left out by default too.
    // (A label whose code no rule has yet is measured too: it flags nothing.)
    const on = codes.filter((c) => RULE_CODES.has(c));
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ rules: Object.fromEntries(on.map((c) => [c, 'warn'])) }, null, 2) + '\n');
    mkdirSync(path.join(root, 'specs'));
    const fileOf = new Map<string, CorpusLine>();
    lines.forEach((line, i) => {
      const id = `s${String(i).padStart(4, '0')}`;
      const file = `specs/${id}.md`;
      const made = spec(`## ${HEADINGS[line.section]}\n\n${line.text}\n`, { id });
      writeFileSync(path.join(root, file), made.content());
      fileOf.set(file, line);
    });
    const result = await check({ root, useCache: false });
    if (result.configBroken) throw new Error(`bug: the corpus config is broken: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    const found = new Map<string, Set<string>>();
    for (const d of result.diagnostics) {
      if (!codes.includes(d.code)) continue;
      const set = found.get(d.file) ?? new Set<string>();
      set.add(d.code);
      found.set(d.file, set);
    }
    return [...fileOf].map(([file, line]) => ({ corpus, line, found: found.get(file) ?? new Set() }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

/** Precision and recall of each rule against the labels. `shipped` comes from the catalogue. */
export function figures(details: readonly Detail[]): RuleFigures[] {
  return LABELS.map((label) => {
    const code = codeOf(label);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { line, found } of details) {
      const labelled = line.smells.includes(label);
      const flagged = found.has(code);
      if (flagged && labelled) tp++;
      else if (flagged) fp++;
      else if (labelled) fn++;
    }
    const entry = CATALOGUE.get(code);
    const shipped = !entry ? 'missing' : entry.offByDefault ? 'off' : entry.severity;
    return { code, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), shipped };
  });
}

function overall(rules: readonly RuleFigures[]): OverallFigures {
  const tp = rules.reduce((n, r) => n + r.truePositives, 0);
  const fp = rules.reduce((n, r) => n + r.falsePositives, 0);
  const fn = rules.reduce((n, r) => n + r.falseNegatives, 0);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

export async function measure(): Promise<{ measured: Measured; details: Detail[] }> {
  const corpora: CorpusFigures[] = [];
  const details: Detail[] = [];
  for (const { name, file } of CORPORA) {
    const lines = readCorpus(file);
    const found = await runCorpus(lines, name);
    const rules = figures(found);
    corpora.push({ name, file, lines: lines.length, rules, overall: overall(rules) });
    details.push(...found);
  }
  return { measured: { corpora }, details };
}
