import { describe, expect, it } from 'vitest';
import { collectReport, type CollectInput, type CollectSpec } from '../../src/report/collect.js';
import type { ManifestEntry, TracedEvent } from '../../src/types/index.js';

const spec = (id: string, extra: Partial<CollectSpec> = {}): CollectSpec => ({ id, file: `specs/${id}.md`, kind: 'feature', status: 'ready', title: id.toUpperCase(), dependsOn: [], buildable: true, ...extra });

const entry = (jobKey: string, holdout: ManifestEntry['holdout'], builtAt = '2026-03-01T10:00:00.000Z'): ManifestEntry => ({
  file: 'x',
  jobKey,
  inputs: { spec: '', system: '', templates: '', settings: '', dependencies: '' },
  model: 'm',
  provider: 'p',
  outputs: {},
  usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
  costUsd: 0,
  durationMs: 0,
  builtAt,
  ...(holdout ? { holdout } : {}),
});

const ev = (at: string, e: Record<string, unknown>) => ({ at, ...e }) as TracedEvent;

function input(partial: Partial<CollectInput>): CollectInput {
  return { generatedAt: '2026-03-09T00:00:00.000Z', workspace: 'w', specccVersion: '0.1.0', specs: [], diagnostics: [], plan: { kind: 'up-to-date' }, manifest: new Map(), runs: [], verify: [], scenarios: [], scenariosDir: 'scenarios', ...partial };
}

describe('collectReport: states and why', () => {
  const run1 = {
    id: 'run-1',
    events: [
      ev('2026-03-01T09:59:00.000Z', { type: 'run-start', command: 'build', provider: 'p', sandbox: 'bubblewrap', speccc: '0.1.0', maxCostUsd: null }),
      ev('2026-03-01T09:59:01.000Z', { type: 'job-start', spec: 'a', attempt: 1, jobKey: 'ka1' }),
      ev('2026-03-01T09:59:03.000Z', { type: 'validation', spec: 'a', stage: 'holdout', attempt: 1, passed: true, durationMs: 5, scenarios: [{ name: 'one', file: 'a/one.test.ts', passed: true }] }),
      ev('2026-03-01T09:59:03.500Z', { type: 'job', spec: 'a', state: 'built', attempts: 1, jobKey: 'ka1', costUsd: 0.25, usage: { inputTokens: 100, outputTokens: 20, cacheReadTokens: 5, cacheWriteTokens: 0 } }),
      ev('2026-03-01T09:59:10.000Z', { type: 'run-end', outcome: 'done', spentUsd: 0.25 }),
    ],
  };
  const run2 = {
    id: 'run-2',
    events: [
      ev('2026-03-02T09:00:00.000Z', { type: 'run-start', command: 'build', provider: 'p', sandbox: 'bubblewrap', speccc: '0.1.0', maxCostUsd: null }),
      ev('2026-03-02T09:00:01.000Z', { type: 'job-start', spec: 'b', attempt: 1, jobKey: 'kb2' }),
      ev('2026-03-02T09:00:01.200Z', { type: 'retry', spec: 'b', attempt: 1, delayMs: 100 }),
      ev('2026-03-02T09:00:02.000Z', { type: 'request', spec: 'b', job: 'kb2', model: 'm', promptHash: 'h', inputTokens: 50, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.5, latencyMs: 1, requestId: null, stopReason: null }),
      ev('2026-03-02T09:00:03.000Z', { type: 'job-start', spec: 'b', attempt: 2, jobKey: 'kb2' }),
      ev('2026-03-02T09:00:04.000Z', { type: 'validation', spec: 'b', stage: 'holdout', attempt: 2, passed: false, failureClass: 'holdout-fails', durationMs: 5, scenarios: [{ name: 'x', file: 'b/x.test.ts', passed: false }, { name: 'y', file: 'b/y.test.ts', passed: true }] }),
      ev('2026-03-02T09:00:05.000Z', { type: 'job', spec: 'b', state: 'failed', attempts: 2, failureClass: 'holdout-fails', error: 'holdout scenarios failed: x', jobKey: 'kb2', costUsd: 0.5 }),
      ev('2026-03-02T09:00:05.000Z', { type: 'job', spec: 'c', state: 'skipped', attempts: 0, error: 'dependency b failed', costUsd: 0 }),
      ev('2026-03-02T09:00:06.000Z', { type: 'job', spec: 'd', state: 'failed', attempts: 1, failureClass: 'does-not-compile', jobKey: 'kd-old', costUsd: 0.1 }),
      ev('2026-03-02T09:00:07.000Z', { type: 'run-end', outcome: 'failed', spentUsd: 0.6 }),
    ],
  };

  const model = collectReport(
    input({
      specs: [
        spec('a'),
        spec('b', { dependsOn: ['a'] }),
        spec('c', { dependsOn: ['b', 'rules', 'gone'] }),
        spec('d'),
        spec('e'),
        spec('f'),
        spec('i', { dependsOn: ['b'] }),
        spec('h', { dependsOn: ['i'] }),
        spec('draft-one', { status: 'draft', buildable: false }),
        spec('broken'),
        spec('rules', { kind: 'constraint', buildable: false }),
      ],
      diagnostics: [
        { file: 'specs/broken.md', code: 'section-missing', severity: 'error', line: 11, column: 1, message: 'Section `Rules` is missing' },
        { file: 'specs/e.md', code: 'vague-requirement', severity: 'warning', line: 3, column: 2, message: 'vague' },
        { file: 'specs/f.md', code: 'generated-drift', severity: 'error', line: 1, column: 1, message: 'edited' },
      ],
      plan: {
        kind: 'planned',
        jobs: [
          { id: 'a', stale: false, reasons: [], key: 'ka1' },
          { id: 'b', stale: true, reasons: ['spec changed'], key: 'kb2' },
          { id: 'c', stale: true, reasons: ['never built'], key: null },
          { id: 'd', stale: true, reasons: ['spec changed'], key: 'kd-new' },
          { id: 'e', stale: false, reasons: [], key: 'ke' },
          { id: 'f', stale: false, reasons: [], key: 'kf' },
          { id: 'i', stale: false, reasons: [], key: 'ki' },
          { id: 'h', stale: true, reasons: ['never built'], key: null },
        ],
      },
      manifest: new Map([
        ['a', entry('ka1', 'passed')],
        ['b', entry('kb1', 'passed')],
        ['d', entry('kd0', 'passed')],
        ['e', entry('ke', 'unverified')],
        ['f', entry('kf', 'passed')],
        ['i', entry('ki', 'passed')],
      ]),
      runs: [run1, run2],
      verify: [
        { at: '2026-02-01T00:00:00.000Z', results: [{ spec: 'f', scenario: 'z', passed: false }] },
        { at: '2026-03-05T00:00:00.000Z', results: [{ spec: 'a', scenario: 'one', passed: true }, { spec: 'f', scenario: 'z', passed: false }, { spec: 'f', scenario: 'w', passed: true }] },
      ],
      scenarios: [
        { spec: 'b', name: 'x', title: 'X happens' },
        { spec: 'b', name: 'y', title: null },
        { spec: 'b', name: 'new', title: 'Written after the run' },
      ],
    }),
  );
  const of = (id: string) => model.specs.find((s) => s.id === id)!;

  it('decides each state with the first matching rule, and says why', () => {
    expect(model.specs.map((s) => [s.id, s.state])).toEqual([
      ['a', 'promoted'],
      ['b', 'failing'],
      ['c', 'blocked'],
      ['d', 'stale'],
      ['e', 'unverified'],
      ['f', 'failing'],
      ['i', 'promoted'],
      ['h', 'blocked'],
      ['draft-one', 'draft'],
      ['broken', 'blocked'],
      ['rules', 'constraint'],
    ]);
    expect(of('a').why).toBe('All checks and holdout scenarios pass; promoted in run run-1.');
    expect(of('b').why).toBe('Failed in run run-2 (holdout-fails) after 2 attempts: 1 of 2 holdout scenarios fail; generated/ keeps the output of the build of 2026-03-01T10:00:00.000Z.');
    expect(of('c').why).toBe('Waits for b, which is failing.');
    expect(of('h').why).toBe('Waits for b (through i), which is failing.');
    expect(of('d').why).toBe('Stale: spec changed; not rebuilt yet; its last job failed in run run-2 (does-not-compile) before the change.');
    expect(of('e').why).toBe('Built and promoted at 2026-03-01T10:00:00.000Z, but no automated holdout check covers it: add one under scenarios/e/.');
    expect(of('f').why).toBe('1 of 2 holdout scenarios fail in the verify run of 2026-03-05T00:00:00.000Z.');
    expect(of('draft-one').why).toBe('Status is draft: not built.');
    expect(of('broken').why).toBe('1 check error stops every build: section-missing at line 11: Section `Rules` is missing');
    expect(of('rules').why).toBe('A constraint: no outputs of its own; its rules are part of the system prompt of every job (9 specs with outputs).');
    expect(model.summary).toMatchObject({ promoted: 2, stale: 1, failing: 2, unverified: 1, total: 11 });
  });

  it("shows the failing job's scenarios by title, and scenarios without a result as null", () => {
    expect(of('b').scenarios).toEqual([
      { name: 'X happens', passed: false },
      { name: 'y', passed: true },
      { name: 'Written after the run', passed: null },
    ]);
  });

  it('lists constraint specs, which have no outputs but are part of the product, and keeps dependencies on them', () => {
    expect(of('rules')).toMatchObject({ state: 'constraint', kind: 'constraint', scenarios: [], cost: [] });
    expect(of('c').dependsOn).toEqual(['b', 'rules', 'gone']);
  });

  it('shows a constraint whose status is draft as a draft, and one with check errors as blocked', () => {
    const m = collectReport(
      input({
        specs: [spec('a'), spec('rules', { kind: 'constraint', status: 'draft', buildable: false }), spec('style', { kind: 'constraint', buildable: false })],
        diagnostics: [{ file: 'specs/style.md', code: 'section-missing', severity: 'error', line: 3, column: 1, message: 'Section `Rules` is missing' }],
        plan: { kind: 'blocked', why: '1 error blocks the build' },
      }),
    );
    expect(m.specs.map((s) => [s.id, s.state, s.why])).toEqual([
      ['a', 'stale', expect.any(String)],
      ['rules', 'draft', 'Status is draft: no job is built under its rules.'],
      ['style', 'blocked', '1 check error stops every build: section-missing at line 3: Section `Rules` is missing'],
    ]);
  });

  it('counts failure classes across runs, verify runs and check errors, with the specs they hit and a hint', () => {
    expect(model.failureClasses.map((f) => [f.class, f.count, f.specs])).toEqual([
      ['holdout-fails', 3, ['b', 'f']],
      ['does-not-compile', 1, ['d']],
      ['spec-incomplete', 1, ['broken']],
    ]);
    expect(model.failureClasses[0]!.hint).toMatch(/^Rules, Edge cases and Evaluation/);
    expect(model.failureClasses.find((f) => f.class === 'does-not-compile')!.hint).toMatch(/^Outputs and Constraints/);
  });

  it('takes spend, tokens, retries and the timeline from the traces', () => {
    expect(model.runs).toEqual([
      { id: 'run-1', at: '2026-03-01T09:59:00.000Z', costUsd: 0.25, jobs: 1, failed: 0, outcome: 'done', stopped: null },
      { id: 'run-2', at: '2026-03-02T09:00:00.000Z', costUsd: 0.6, jobs: 3, failed: 2, outcome: 'failed', stopped: null },
    ]);
    expect(model.summary.spentUsd).toBeCloseTo(0.85);
    expect(of('a').cost).toEqual([{ run: 'run-1', at: '2026-03-01T09:59:00.000Z', costUsd: 0.25, inputTokens: 105, outputTokens: 20 }]);
    expect(of('b').cost).toEqual([{ run: 'run-2', at: '2026-03-02T09:00:00.000Z', costUsd: 0.5, inputTokens: 50, outputTokens: 10 }]);
    expect(model.lastRun!.id).toBe('run-2');
    expect(model.lastRun!.jobs[0]).toEqual({ spec: 'b', startMs: 1000, endMs: 5000, attempts: 2, retries: 1, costUsd: 0.5, state: 'failed', failureClass: 'holdout-fails' });
    expect(model.lastRun!.jobs[1]).toMatchObject({ spec: 'c', startMs: 5000, endMs: 5000, state: 'skipped', note: 'dependency b failed' });
  });

  it('takes satisfaction per spec from each verify run, and the summary from the latest', () => {
    expect(of('f').satisfaction).toEqual([
      { at: '2026-02-01T00:00:00.000Z', value: 0 },
      { at: '2026-03-05T00:00:00.000Z', value: 0.5 },
    ]);
    expect(model.summary.satisfaction).toBe(0.75);
  });
});

describe('collectReport: runs that stopped before their jobs finished', () => {
  const start = (at: string) => ev(at, { type: 'run-start', command: 'build', provider: 'p', sandbox: 'bubblewrap', speccc: '0.1.0', maxCostUsd: null });
  const failedRun = {
    id: 'run-1',
    events: [start('2026-03-01T09:00:00.000Z'), ev('2026-03-01T09:00:05.000Z', { type: 'job', spec: 'a', state: 'failed', attempts: 1, failureClass: 'tests-fail', jobKey: 'ka', costUsd: 0.1 }), ev('2026-03-01T09:00:06.000Z', { type: 'run-end', outcome: 'failed', spentUsd: 0.1 })],
  };
  const ctrlC = {
    id: 'run-2',
    events: [
      start('2026-03-02T09:00:00.000Z'),
      ev('2026-03-02T09:00:01.000Z', { type: 'job-start', spec: 'a', attempt: 1, jobKey: 'ka' }),
      ev('2026-03-02T09:00:02.000Z', { type: 'job', spec: 'a', state: 'cancelled', attempts: 1, failureClass: 'cancelled', error: 'cancelled', jobKey: 'ka', costUsd: 0.01 }),
      ev('2026-03-02T09:00:02.000Z', { type: 'job', spec: 'b', state: 'cancelled', attempts: 0, error: 'dependency a cancelled', costUsd: 0 }),
      ev('2026-03-02T09:00:02.000Z', { type: 'run-end', outcome: 'cancelled', spentUsd: 0.01 }),
    ],
  };
  const fatal = {
    id: 'run-3',
    events: [
      start('2026-03-03T09:00:00.000Z'),
      ev('2026-03-03T09:00:01.000Z', { type: 'job', spec: 'c', state: 'failed', attempts: 1, failureClass: 'api-error', error: 'the API refused the key (401)', jobKey: 'kc', costUsd: 0 }),
      ev('2026-03-03T09:00:01.000Z', { type: 'job', spec: 'd', state: 'cancelled', attempts: 0, error: 'stopped: the API refused the key (401)', jobKey: 'kd', costUsd: 0 }),
      ev('2026-03-03T09:00:02.000Z', { type: 'run-end', outcome: 'failed', spentUsd: 0 }),
    ],
  };
  const killed = { id: 'run-4', events: [start('2026-03-04T09:00:00.000Z'), ev('2026-03-04T09:00:01.000Z', { type: 'job', spec: 'e', state: 'built', attempts: 1, jobKey: 'ke', costUsd: 0.01 })] };
  const model = collectReport(
    input({
      specs: [spec('a'), spec('b', { dependsOn: ['a'] }), spec('c'), spec('d'), spec('e')],
      plan: { kind: 'planned', jobs: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, stale: true, reasons: ['spec changed'], key: `k${id}` })) },
      runs: [failedRun, ctrlC, fatal, killed],
    }),
  );
  const of = (id: string) => model.specs.find((s) => s.id === id)!;

  it('says why each run stopped, from its trace', () => {
    expect(model.runs.map((r) => [r.id, r.outcome, r.stopped])).toEqual([
      ['run-1', 'failed', null],
      ['run-2', 'cancelled', 'stopped from outside the build (Ctrl-C or SIGTERM, or `speccc watch` starting over after a newer edit)'],
      ['run-3', 'failed', 'a fatal error stopped the jobs still to come: the API refused the key (401)'],
      ['run-4', null, 'its trace ends before the run did: the process was killed, or the run is still going'],
    ]);
  });

  it("gives each cancelled job's own reason where it adds to the state word", () => {
    const m = collectReport(input({ specs: [spec('a'), spec('b')], runs: [ctrlC] }));
    expect(m.lastRun).toMatchObject({ id: 'run-2', outcome: 'cancelled', stopped: expect.stringMatching(/^stopped from outside the build/) });
    expect(m.lastRun!.jobs.map((j) => [j.spec, j.state, j.note])).toEqual([
      ['a', 'cancelled', undefined],
      ['b', 'cancelled', 'dependency a cancelled'],
    ]);
  });

  it('keeps a failing spec failing when a later try was cancelled, and says so', () => {
    expect(of('a').state).toBe('failing');
    expect(of('a').why).toBe('Failed in run run-1 (tests-fail) after 1 attempt: its own tests fail; a later try was cancelled in run run-2: stopped from outside the build (Ctrl-C or SIGTERM, or `speccc watch` starting over after a newer edit).');
    expect(of('d').why).toBe('Stale: spec changed; not rebuilt yet; its last job was cancelled in run run-3: a fatal error stopped the jobs still to come: the API refused the key (401).');
  });
});

describe('collectReport: mutation scores', () => {
  it('takes the latest score per spec from verify --mutate or a gated promotion, whichever is newer', () => {
    const gated = { ...entry('kb', 'passed', '2026-03-03T00:00:00.000Z'), mutationScore: 90 };
    const model = collectReport(
      input({
        specs: [spec('a'), spec('b'), spec('c')],
        manifest: new Map([['a', entry('ka', 'passed')], ['b', gated], ['c', entry('kc', 'passed')]]),
        verify: [
          { at: '2026-03-02T00:00:00.000Z', results: [], mutation: [{ spec: 'a', score: 75 }, { spec: 'b', score: 40 }] },
          { at: '2026-03-04T00:00:00.000Z', results: [], mutation: [{ spec: 'a', score: null }] },
        ],
      }),
    );
    expect(model.specs.map((s) => [s.id, s.mutationScore])).toEqual([
      ['a', 0.75], // the later run judged no mutant: the last real score stands
      ['b', 0.9], // promoted after the verify run that scored it 40%
      ['c', null],
    ]);
    // How the score moved run by run (properties added, proposals accepted): the verify runs that scored it, oldest first.
    expect(model.specs.map((s) => [s.id, s.mutationHistory])).toEqual([
      ['a', [0.75]],
      ['b', [0.4]],
      ['c', []],
    ]);
  });
});

describe('collectReport: the scenarios folder', () => {
  it('names the folder paths.scenarios configures where it says to add a holdout check', () => {
    const model = collectReport(
      input({
        specs: [spec('e')],
        scenariosDir: '../holdouts/',
        manifest: new Map([['e', entry('ke', 'unverified')]]),
        runs: [{ id: 'run-1', events: [ev('2026-03-01T10:00:00.000Z', { type: 'job', spec: 'e', state: 'failed', attempts: 1, failureClass: 'unverified', jobKey: 'ke2', costUsd: 0 })] }],
        plan: { kind: 'planned', jobs: [{ id: 'e', stale: false, reasons: [], key: 'ke' }] },
      }),
    );
    expect(model.specs[0]!.why).toMatch(/no automated holdout check covers it: add one under \.\.\/holdouts\/e\/\.$/);
    expect(model.failureClasses).toEqual([{ class: 'unverified', label: 'No holdout check (promotion refused)', count: 1, specs: ['e'], hint: expect.stringContaining('under ../holdouts/<spec-id>/ (') }]);
  });
});

describe('collectReport: without a plan', () => {
  it('reports from the manifest when check errors block the build, and says there is no plan', () => {
    const model = collectReport(
      input({
        specs: [spec('a'), spec('b')],
        diagnostics: [{ file: 'specs/b.md', code: 'section-missing', severity: 'error', line: 1, column: 1, message: 'm' }],
        plan: { kind: 'blocked', why: '1 error blocks the build' },
        manifest: new Map([['a', entry('ka', 'passed')]]),
      }),
    );
    expect(model.specs.map((s) => s.state)).toEqual(['promoted', 'blocked']);
    expect(model.specs[0]!.why).toContain('(no plan: 1 error blocks the build)');
    expect(model.failureClasses.map((f) => f.class)).toEqual(['spec-incomplete']);
  });

  it('has no last run, no spend and no satisfaction in a fresh workspace', () => {
    const model = collectReport(input({ specs: [spec('a')] }));
    expect(model.lastRun).toBeNull();
    expect(model.summary).toEqual({ promoted: 0, stale: 1, failing: 0, unverified: 0, total: 1, spentUsd: 0, satisfaction: null });
  });
});
