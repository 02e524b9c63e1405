/**
 * Report models for the tests and the bench: the bundled example (4 specs, one failing), a
 * hostile one whose every string tries to break out of the page, and a generated 1,000-spec one.
 */
import type { ReportModel, SpecState } from '../../src/report/model.js';
import { FAILURE_CLASSES } from '../../src/report/failure-classes.js';
import { queueOf } from '../../src/report/queue.js';

type Spec = ReportModel['specs'][number];

const RUNS: ReportModel['runs'] = [
  { id: 'run-1', at: '2026-03-02T09:14:05Z', costUsd: 0.412, jobs: 4, failed: 0, outcome: 'done', stopped: null },
  { id: 'run-2', at: '2026-03-03T16:40:11Z', costUsd: 0.127, jobs: 1, failed: 0, outcome: 'done', stopped: null },
  { id: 'run-3', at: '2026-03-05T11:02:47Z', costUsd: 0.238, jobs: 4, failed: 1, outcome: 'failed', stopped: null },
];

function spec(partial: Partial<Spec> & Pick<Spec, 'id' | 'file' | 'kind' | 'title' | 'state' | 'why'>): Spec {
  return { dependsOn: [], scenarios: [], satisfaction: [], coverage: null, mutationScore: null, mutationHistory: [], diagnostics: [], cost: [], ...partial };
}

/** The queue of these specs: drafts are proposed, the stale spec is urgent (priority high), the rest normal. */
function queueFrom(specs: Spec[]): ReportModel['queue'] {
  return queueOf(
    specs.map((s) => ({ id: s.id, title: s.title, kind: s.kind, status: s.state === 'draft' ? 'proposed' : 'ready', priority: s.state === 'stale' ? 1 : 2, state: s.state, why: s.why, ...(s.state === 'failing' ? { failureClass: 'holdout-fails' } : {}) })),
    new Map(),
  );
}

/** The bundled example (specs/ of this repository) after three runs; discount-codes fails. */
export function exampleModel(): ReportModel {
  const m: Omit<ReportModel, 'queue'> = {
    generatedAt: '2026-03-05T11:09:30Z',
    workspace: 'tally (examples)',
    specccVersion: '0.1.0',
    summary: { promoted: 2, stale: 1, failing: 1, unverified: 0, total: 4, spentUsd: 0.777, satisfaction: 0.69 },
    // A copy: a test that edits a run (html.test.ts cuts run-3 off) must not edit the next test's model.
    runs: RUNS.map((r) => ({ ...r })),
    lastRun: {
      id: 'run-3',
      at: '2026-03-05T11:02:47Z',
      outcome: 'failed',
      stopped: null,
      jobs: [
        { spec: 'money', startMs: 0, endMs: 180, attempts: 0, retries: 0, costUsd: 0, state: 'reused' },
        { spec: 'line-items', startMs: 190, endMs: 260, attempts: 0, retries: 0, costUsd: 0, state: 'reused' },
        { spec: 'discount-codes', startMs: 200, endMs: 96_400, attempts: 3, retries: 2, costUsd: 0.201, state: 'failed', failureClass: 'holdout-fails' },
        { spec: 'invoice-totals', startMs: 96_500, endMs: 131_900, attempts: 1, retries: 0, costUsd: 0.037, state: 'staged' },
      ],
    },
    failureClasses: [
      { class: 'holdout-fails', label: 'Holdout scenarios fail', count: 2, specs: ['discount-codes'], hint: FAILURE_CLASSES['holdout-fails'].hint },
      { class: 'tests-fail', label: 'Visible tests fail', count: 1, specs: ['discount-codes', 'invoice-totals'], hint: FAILURE_CLASSES['tests-fail'].hint },
    ],
    specs: [
      spec({
        id: 'money',
        file: 'specs/core/money.md',
        kind: 'architecture',
        title: 'Money',
        state: 'promoted',
        why: 'All checks and holdout scenarios pass; promoted in run-1.',
        scenarios: [{ name: 'Negative amounts round half to even too', passed: true }],
        satisfaction: [
          { at: RUNS[0]!.at, value: 0.9 },
          { at: RUNS[1]!.at, value: 0.95 },
          { at: RUNS[2]!.at, value: 1 },
        ],
        coverage: { requirements: 6, covered: 6, untested: [] },
        mutationScore: 0.91,
        mutationHistory: [0.41, 0.73, 0.91],
        cost: [{ run: 'run-1', at: RUNS[0]!.at, costUsd: 0.094, inputTokens: 18_240, outputTokens: 2_310 }],
      }),
      spec({
        id: 'line-items',
        file: 'specs/features/line-items.md',
        kind: 'feature',
        title: 'Line items',
        state: 'promoted',
        why: 'All checks and holdout scenarios pass; promoted in run-2.',
        dependsOn: ['money'],
        scenarios: [{ name: 'Quantities over 10,000 are refused with the line number', passed: true }],
        satisfaction: [
          { at: RUNS[0]!.at, value: 0.7 },
          { at: RUNS[1]!.at, value: 0.85 },
          { at: RUNS[2]!.at, value: 0.85 },
        ],
        coverage: { requirements: 8, covered: 7, untested: ['A line without a category is refused'] },
        mutationScore: null,
        diagnostics: [{ code: 'vague-requirement', severity: 'warning', line: 41, column: 3, message: 'Rule says "reasonable quantity" without a number.' }],
        cost: [
          { run: 'run-1', at: RUNS[0]!.at, costUsd: 0.101, inputTokens: 20_115, outputTokens: 2_804 },
          { run: 'run-2', at: RUNS[1]!.at, costUsd: 0.127, inputTokens: 24_870, outputTokens: 3_412 },
        ],
      }),
      spec({
        id: 'discount-codes',
        file: 'specs/features/discount-codes.md',
        kind: 'feature',
        title: 'Discount codes',
        state: 'failing',
        why: '2 of 3 holdout scenarios fail after 3 attempts; generated/ keeps the output of run-1.',
        dependsOn: ['money'],
        scenarios: [
          { name: 'Codes typed by customers are matched forgivingly', passed: false },
          { name: 'A fixed code never discounts below zero', passed: true },
          { name: 'Percent codes do not stack', passed: false },
        ],
        satisfaction: [
          { at: RUNS[0]!.at, value: 0.67 },
          { at: RUNS[2]!.at, value: 0.33 },
        ],
        coverage: { requirements: 9, covered: 7, untested: ['Codes are matched case-insensitively', 'Leading and trailing spaces are ignored'] },
        mutationScore: 0.64,
        diagnostics: [{ code: 'missing-edge-case', severity: 'error', line: 51, column: 1, message: 'Edge case "  save10 " has no matching rule.' }],
        cost: [
          { run: 'run-1', at: RUNS[0]!.at, costUsd: 0.118, inputTokens: 21_930, outputTokens: 3_025 },
          { run: 'run-3', at: RUNS[2]!.at, costUsd: 0.201, inputTokens: 41_220, outputTokens: 6_470 },
        ],
      }),
      spec({
        id: 'invoice-totals',
        file: 'specs/features/invoice-totals.md',
        kind: 'feature',
        title: 'Invoice totals',
        state: 'stale',
        why: 'Passing output from run-3 waits for speccc promote; discount-codes, which it depends on, is failing.',
        dependsOn: ['money', 'line-items', 'discount-codes'],
        scenarios: [{ name: 'An accountant can reconcile the printed figures', passed: true }],
        satisfaction: [{ at: RUNS[2]!.at, value: 0.6 }],
        coverage: null,
        mutationScore: null,
        cost: [
          { run: 'run-1', at: RUNS[0]!.at, costUsd: 0.099, inputTokens: 19_400, outputTokens: 2_950 },
          { run: 'run-3', at: RUNS[2]!.at, costUsd: 0.037, inputTokens: 8_120, outputTokens: 1_004 },
        ],
      }),
    ],
  };
  return { ...m, queue: queueFrom(m.specs) };
}

export const HOSTILE = '<script>alert(1)</script>';

/** Every string of the example replaced by something that would break out of naive markup. */
export function hostileModel(): ReportModel {
  const m = exampleModel();
  m.workspace = `${HOSTILE} & "quotes"`;
  const evil = m.specs[2]!;
  evil.title = HOSTILE;
  evil.why = `</details></summary><img src=x onerror="alert(2)"> | **bold** [link](https://example.com) \`tick\``;
  evil.file = `specs/"><svg onload=alert(3)>.md`;
  evil.scenarios[0]!.name = `</style><script>alert(4)</script>`;
  evil.diagnostics[0]!.message = `</textarea><iframe src="https://example.com"></iframe>`;
  evil.coverage!.untested = ['<b onclick=alert(5)>x</b>'];
  m.failureClasses[0]!.label = '<marquee>holdout</marquee>';
  m.specs[3]!.id = `a"b'c<d>&e f`;
  m.specs[3]!.title = `]]> --> "<!--`;
  m.lastRun!.jobs[3]!.spec = m.specs[3]!.id;
  m.queue = queueFrom(m.specs);
  return m;
}

/** A deterministic pseudo-random source (Park–Miller). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/**
 * A workspace of `count` specs after `runCount` runs, shaped like bench/generate-workspace.ts
 * (spec i depends on i-10 and i-7), with a last run that rebuilt every spec: the worst case.
 */
export function largeModel(count = 1000, runCount = 20): ReportModel {
  const rnd = random(42);
  const day = (i: number) => new Date(Date.UTC(2026, 0, 5) + i * 86_400_000 * 1.5).toISOString().replace('.000Z', 'Z');
  const runs: ReportModel['runs'] = Array.from({ length: runCount }, (_, i) => ({ id: `run-${i + 1}`, at: day(i), costUsd: 0, jobs: 0, failed: 0, outcome: 'done', stopped: null }));
  const states: SpecState[] = [];
  const specs: Spec[] = [];
  const failureSpecs = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const id = `feature-${String(i).padStart(4, '0')}`;
    const r = rnd();
    const state: SpecState = r < 0.04 ? 'failing' : r < 0.1 ? 'stale' : r < 0.15 ? 'unverified' : r < 0.17 ? 'draft' : r < 0.18 ? 'blocked' : 'promoted';
    states.push(state);
    const verified = state !== 'unverified' && state !== 'draft';
    const scenarios = [1, 2, 3, 4].map((n) => ({
      name: `case ${n} of ${id}: an order with ${n} line items totals ${175 * n} cents`,
      passed: !verified ? null : state === 'failing' ? n % 2 === 0 : true,
    }));
    const points = verified ? Math.min(runCount, 3 + Math.floor(rnd() * 8)) : 0;
    const satisfaction = Array.from({ length: points }, (_, k) => ({
      at: runs[runCount - points + k]!.at,
      value: Math.round(Math.min(1, Math.max(0, (state === 'failing' ? 0.5 : 0.8) + (rnd() - 0.5) * 0.4)) * 100) / 100,
    }));
    const costRuns = 2 + Math.floor(rnd() * 6);
    const cost = Array.from({ length: costRuns }, (_, k) => {
      const run = runs[Math.min(runCount - 1, Math.floor(((k + rnd()) * runCount) / costRuns))]!;
      const inputTokens = 15_000 + Math.floor(rnd() * 30_000);
      const outputTokens = 1_500 + Math.floor(rnd() * 5_000);
      const costUsd = Math.round((inputTokens * 3 + outputTokens * 15) / 1e3) / 1e3;
      run.costUsd += costUsd;
      run.jobs += 1;
      return { run: run.id, at: run.at, costUsd, inputTokens, outputTokens };
    });
    const requirements = 6 + Math.floor(rnd() * 7);
    const untested = rnd() < 0.3 ? [`Rule ${1 + Math.floor(rnd() * requirements)} of ${id} has no check`] : [];
    if (state === 'failing') {
      const cls = rnd() < 0.6 ? 'holdout-fails' : 'tests-fail';
      failureSpecs.set(cls, [...(failureSpecs.get(cls) ?? []), id]);
    }
    specs.push(
      spec({
        id,
        file: `specs/group-${Math.floor(i / 100)}/feature-${i}.md`,
        kind: 'feature',
        title: `Feature ${i}: order totals variant ${i}`,
        state,
        why: {
          promoted: 'All checks and holdout scenarios pass.',
          stale: `The spec changed since run-${runCount - 1}; not rebuilt yet.`,
          failing: `2 of 4 holdout scenarios fail after 3 attempts.`,
          unverified: 'Built, but holdout scenarios were never run.',
          draft: 'Status is draft: not built.',
          blocked: `Waits for ${i >= 10 ? `feature-${String(i - 10).padStart(4, '0')}` : 'a dependency'}, which fails.`,
        }[state],
        dependsOn: i >= 10 ? [`feature-${String(i - 10).padStart(4, '0')}`, `feature-${String(i - 7).padStart(4, '0')}`] : [],
        scenarios,
        satisfaction,
        coverage: verified ? { requirements, covered: requirements - untested.length, untested } : null,
        mutationScore: verified && rnd() < 0.5 ? Math.round(rnd() * 100) / 100 : null,
        diagnostics:
          rnd() < 0.1
            ? [{ code: 'vague-requirement', severity: 'warning', line: 40 + (i % 20), column: 3, message: `Rule in ${id} says "fast" without a number.` }]
            : [],
        cost,
      }),
    );
  }
  for (const run of runs) run.costUsd = Math.round(run.costUsd * 1000) / 1000;
  const count_ = (s: SpecState) => states.filter((x) => x === s).length;
  let t = 0;
  const jobs = specs.map((s, i) => {
    const startMs = t + Math.floor(rnd() * 2000);
    const failing = s.state === 'failing';
    const attempts = failing ? 3 : rnd() < 0.1 ? 2 : 1;
    const endMs = startMs + attempts * (8_000 + Math.floor(rnd() * 30_000));
    if (i % 2 === 1) t = startMs; // two jobs at a time
    return {
      spec: s.id,
      startMs,
      endMs,
      attempts,
      retries: attempts - 1,
      costUsd: s.cost.at(-1)?.costUsd ?? 0,
      state: failing ? 'failed' : 'built',
      ...(failing ? { failureClass: 'holdout-fails' } : {}),
    };
  });
  const last = runs[runCount - 1]!;
  last.jobs = count;
  last.failed = count_('failing');
  const m: Omit<ReportModel, 'queue'> = {
    generatedAt: day(runCount),
    workspace: `generated (${count} specs)`,
    specccVersion: '0.1.0',
    summary: {
      promoted: count_('promoted'),
      stale: count_('stale'),
      failing: count_('failing'),
      unverified: count_('unverified'),
      total: count,
      spentUsd: Math.round(runs.reduce((a, r) => a + r.costUsd, 0) * 100) / 100,
      satisfaction: 0.78,
    },
    runs,
    lastRun: { id: last.id, at: last.at, outcome: last.outcome, stopped: null, jobs },
    failureClasses: [...failureSpecs].map(([cls, ids]) => ({
      class: cls,
      label: cls === 'holdout-fails' ? 'Holdout scenarios fail' : 'Visible tests fail',
      count: ids.length * 2,
      specs: ids,
      hint: FAILURE_CLASSES[cls === 'holdout-fails' ? 'holdout-fails' : 'tests-fail'].hint,
    })),
    specs,
  };
  return { ...m, queue: queueFrom(m.specs) };
}
