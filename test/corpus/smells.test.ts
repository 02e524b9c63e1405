/**
 * The wording rules' figures in docs/diagnostics.md are the ones the rules produce now: the
 * corpus is run through the real checker (bench/smells-measure.ts) and compared with
 * test/corpus/measured.json. After changing a wording rule, run `npm run bench smells` and
 * `npm run docs`. And no wording rule ships on by default below 80% precision on the corpus.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASURED, measure } from '../../bench/smells-measure.js';
import { CATALOGUE } from '../../src/diagnostics/catalogue/index.js';

describe('wording rules on the labelled corpus', () => {
  it('test/corpus/measured.json is what the rules do now (else run `npm run bench smells`, then `npm run docs`)', async () => {
    const { measured } = await measure();
    expect(JSON.parse(readFileSync(MEASURED, 'utf8'))).toEqual(measured);
  });

  it('every wording rule on by default has at least 80% precision; those below are off by default', () => {
    const measured = JSON.parse(readFileSync(MEASURED, 'utf8')) as Awaited<ReturnType<typeof measure>>['measured'];
    for (const rule of measured.rules) {
      const entry = CATALOGUE.get(rule.code);
      expect(entry, rule.code).toBeDefined();
      if (entry!.offByDefault) continue;
      expect(rule.precision ?? 0, `${rule.code} ships on by default`).toBeGreaterThanOrEqual(0.8);
    }
  });
});
