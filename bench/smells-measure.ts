/**
 * Measures every wording rule against the hand-labelled corpus (test/corpus/requirements.jsonl):
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

const repo = path.resolve(import.meta.dirname, '..');
export const CORPUS = path.join(repo, 'test/corpus/requirements.jsonl');
export const MEASURED = path.join(repo, 'test/corpus/measured.json');

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
] as const;

export const codeOf = (label: string) => CODE_OF_LABEL[label] ?? label;

export interface CorpusLine {
  id: string;
  text: string;
  section: 'rules' | 'constraints' | 'inputs' | 'outputs' | 'edge-cases' | 'what';
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
  /** truePositives / labelled. */
  recall: number | null;
  /** The code's severity as shipped: warning, error, or off (left out by default). */
  shipped: string;
}

export interface Measured {
  corpus: { lines: number; file: string };
  rules: RuleFigures[];
}

export interface Detail {
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
};

export function readCorpus(): CorpusLine[] {
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusLine);
}

/** Runs the checker over the corpus; per line, the wording codes it reported. */
export async function runCorpus(lines: readonly CorpusLine[] = readCorpus()): Promise<Detail[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-smells-'));
  try {
    const codes = LABELS.map(codeOf);
    // Every wording rule on, as a warning: the corpus measures rules left out by default too.
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ rules: Object.fromEntries(codes.map((c) => [c, 'warn'])) }, null, 2) + '\n');
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
    return [...fileOf].map(([file, line]) => ({ line, found: found.get(file) ?? new Set() }));
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

export async function measure(): Promise<{ measured: Measured; details: Detail[] }> {
  const lines = readCorpus();
  const details = await runCorpus(lines);
  return { measured: { corpus: { lines: lines.length, file: 'test/corpus/requirements.jsonl' }, rules: figures(details) }, details };
}
