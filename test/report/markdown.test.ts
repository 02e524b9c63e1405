import { describe, expect, it } from 'vitest';
import { markdownText, MAX_FAILING_LISTED, renderReportMarkdown } from '../../src/report/markdown.js';
import { exampleModel, hostileModel, largeModel } from './fixtures.js';

describe('renderReportMarkdown', () => {
  it('summarises the example: counts, the failing spec with its failing scenarios, spend', () => {
    expect(renderReportMarkdown(exampleModel())).toBe(`## speccc report: tally (examples)

**2 promoted · 1 stale · 1 failing · 0 unverified** of 4 specs · satisfaction 0.69 · spent $0.78 in 3 runs

### Queue

**1 waiting · 0 running · 1 failed · 2 shipped · 0 held** · \`speccc build --next N\` takes from the top:

1. **invoice-totals** (high): Passing output from run-3 waits for speccc promote; discount-codes, which it depends on, is failing.

### Failing specs (1)

- **discount-codes** (Discount codes): 2 of 3 holdout scenarios fail after 3 attempts; generated/ keeps the output of run-1.
  - ✗ Codes typed by customers are matched forgivingly
  - ✗ Percent codes do not stack

### Failures by kind

| Failure | Count | Specs | What to strengthen in the spec |
| --- | ---: | --- | --- |
| Holdout scenarios fail (holdout-fails) | 2 | discount-codes | Rules, Edge cases and Evaluation: write the behaviour each failing scenario checks into the spec. |
| Visible tests fail (tests-fail) | 1 | discount-codes, invoice-totals | Rules and Edge cases: state each behaviour precisely (numbers, units, rounding, errors) so code and tests agree. |

### Spend

| Run | At | Cost | Jobs | Failed |
| --- | --- | ---: | ---: | ---: |
| run-3 | 2026-03-05 11:02 UTC | $0.24 | 4 | 1 |
| run-2 | 2026-03-03 16:40 UTC | $0.13 | 1 | 0 |
| run-1 | 2026-03-02 09:14 UTC | $0.41 | 4 | 0 |

$0.78 spent in all.

<sub>Generated 2026-03-05 11:09 UTC by speccc 0.1.0. Every spec in detail: \`speccc report\`.</sub>
`);
  });

  it('keeps spec text inert: no HTML, no emphasis, no table break, no mention', () => {
    const md = renderReportMarkdown(hostileModel());
    expect(md).not.toMatch(/<(?!sub>|\/sub>)/);
    expect(md).toContain('(&lt;script&gt;alert(1)&lt;/script&gt;)');
    expect(md).toContain('\\*\\*bold\\*\\* \\[link\\](https://example.com) \\`tick\\`');
    expect(markdownText('a | b\nc @octocat _x_ ~y~')).toBe('a \\| b c @\u2060octocat \\_x\\_ \\~y\\~');
  });

  it('stays short for 1,000 specs', () => {
    const m = largeModel(1000, 20);
    const md = renderReportMarkdown(m);
    expect(md.length).toBeLessThan(20_000);
    expect(md).toContain(`### Failing specs (${m.summary.failing})`);
    expect(md.match(/^- \*\*feature-/gm)).toHaveLength(MAX_FAILING_LISTED);
    expect(md).toContain(`- …and ${m.summary.failing - MAX_FAILING_LISTED} more failing specs`);
    expect(md).toContain('Latest 5 of 20 runs;');
    expect(md).toMatch(/Blocked by a failing dependency: feature-\d{4}/);
  });

  it('says so when nothing fails and nothing ran', () => {
    const m = exampleModel();
    m.specs = m.specs.filter((s) => s.state !== 'failing');
    m.runs = [];
    const md = renderReportMarkdown(m);
    expect(md).toContain('No failing spec.');
    expect(md).toContain('No run recorded yet.');
  });
});
