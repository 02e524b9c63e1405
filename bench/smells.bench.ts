/**
 * `npm run bench smells`: precision and recall of each wording rule on each hand-labelled corpus
 * (test/corpus/), printed and written to test/corpus/measured.json, the figures that
 * docs/diagnostics.md shows (`npm run docs` after this). SMELLS_DETAIL=1 also prints each
 * false positive and false negative, for tuning a rule (never the labels).
 */
import { writeFileSync } from 'node:fs';
import { MEASURED, measure, codeOf, LABELS, type Detail } from './smells-measure.js';
import type { BenchResult } from './util.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function printDetail(details: readonly Detail[]) {
  for (const label of LABELS) {
    const code = codeOf(label);
    for (const { corpus, line, found } of details) {
      const labelled = line.smells.includes(label);
      const flagged = found.has(code);
      if (flagged !== labelled) console.log(`${flagged ? 'FP' : 'FN'} ${code.padEnd(26)} ${corpus.padEnd(12)} ${line.id.padEnd(20)} [${line.section}] ${line.text}`);
    }
  }
}

export async function run(): Promise<BenchResult[]> {
  const { measured, details } = await measure();
  writeFileSync(MEASURED, JSON.stringify(measured, null, 2) + '\n');
  if (process.env.SMELLS_DETAIL === '1') printDetail(details);
  const results: BenchResult[] = [];
  for (const corpus of measured.corpora) {
    console.log(`\nwording rules on ${corpus.lines} sentences of ${corpus.file} (wrote test/corpus/measured.json):`);
    console.log(`${'code'.padEnd(26)} ${'prec'.padStart(7)} ${'recall'.padStart(7)}   tp   fp   fn  shipped`);
    for (const r of [...corpus.rules, { ...corpus.overall, code: 'overall', shipped: '' }]) {
      console.log(`${r.code.padEnd(26)} ${pct(r.precision).padStart(7)} ${pct(r.recall).padStart(7)} ${String(r.truePositives).padStart(4)} ${String(r.falsePositives).padStart(4)} ${String(r.falseNegatives).padStart(4)}  ${r.shipped}`);
    }
    results.push(...corpus.rules.map((r) => ({ name: `${r.code} precision (${corpus.name})`, value: (r.precision ?? 0) * 100, unit: '%', note: `recall ${pct(r.recall)}` })));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
