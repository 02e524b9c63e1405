/**
 * The wording rules' figures in docs/diagnostics.md are the ones the rules produce now: both
 * corpora are run through the real checker (bench/smells-measure.ts) and compared with
 * test/corpus/measured.json. After changing a wording rule, run `npm run bench smells` and
 * `npm run docs`. No wording rule ships on by default below 80% precision on any corpus where it
 * flagged at least 10 sentences (fewer say too little); on
 * the written set the rules keep 95% precision and 90% recall overall; and no rule loses
 * precision on the real corpus against what it had before the written set existed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASURED, measure, type Measured } from '../../bench/smells-measure.js';
import { CATALOGUE } from '../../src/diagnostics/catalogue/index.js';

/** Below this many flagged sentences, a corpus says too little about a rule's precision to decide its default. */
const MIN_FLAGGED = 10;
const stored = () => JSON.parse(readFileSync(MEASURED, 'utf8')) as Measured;
const corpus = (name: string) => stored().corpora.find((c) => c.name === name)!;

/** Precision on requirements.jsonl of each rule when written.jsonl was added (test/corpus/README.md). */
const REAL_PRECISION_BEFORE: Record<string, number> = {
  'vague-wording': 1,
  'comparative-no-reference': 1,
  'open-ended-list': 1,
  loophole: 1,
  'weak-modal': 1,
  'number-without-unit': 1,
  'between-ends-unclear': 0.95,
  'passive-no-actor': 0.991,
  'placeholder-text': 1,
};

describe('wording rules on the labelled corpora', () => {
  it('test/corpus/measured.json is what the rules do now (else run `npm run bench smells`, then `npm run docs`)', async () => {
    const { measured } = await measure();
    expect(stored()).toEqual(measured);
  }, 120_000);

  it('every wording rule on by default has at least 80% precision on each corpus it flagged 10 sentences of; those below are off by default', () => {
    for (const { name, rules } of stored().corpora) {
      for (const rule of rules) {
        const entry = CATALOGUE.get(rule.code);
        expect(entry, rule.code).toBeDefined();
        if (entry!.offByDefault || rule.precision === null || rule.truePositives + rule.falsePositives < MIN_FLAGGED) continue;
        expect(rule.precision, `${rule.code} ships on by default (${name})`).toBeGreaterThanOrEqual(0.8);
      }
    }
  });

  it('on the written set: at least 95% precision and 90% recall overall', () => {
    const { overall } = corpus('written');
    expect(overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(overall.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('on the real corpus, no rule is less precise than before the written set', () => {
    for (const rule of corpus('requirements').rules) {
      const before = REAL_PRECISION_BEFORE[rule.code];
      if (before !== undefined) expect(rule.precision ?? 1, rule.code).toBeGreaterThanOrEqual(before);
    }
  });
});
