/**
 * `speccc adopt --check [ids]`: the round trip, the gate of adoption. For each drafted spec, a
 * temporary copy of the workspace (src/adopt/round-trip.ts says what it holds) is built through
 * the normal pipeline (`build()` with a runtime: the gate, the sealed sandbox, the holdouts in
 * their own process), with the project's existing tests of the spec's files as its holdouts. A
 * spec is faithful when code built from it alone passes them; otherwise the tests it fails name
 * the requirements it is missing. The real workspace's files are never touched: the result is
 * recorded under `.speccc/adopt/<id>.json` for `--take`.
 */
import type { CliIo } from './commands/shared.js';
import { UsageError, withGuess } from './commands/shared.js';
import type { BuildEvent, JobOutcome, Spec } from './types/index.js';
import { roundTripWorkspace, testsOfSpec, typeErrorsElsewhere, type RoundTripSpec } from './adopt/round-trip.js';
import { isHandOwned } from './phases/5-plan/index.js';
import { sha256 } from './hash.js';
import { listGeneratedRoot, readConfigText, readSources, removeScratch, scratchWorkspace, writeAdoptCheck, type AdoptCheck } from './io/adopt-project.js';
import { build, check } from './compile.js';
import { createRuntime, takeCredentials, type Credentials, type ProviderName } from './runtime.js';

export interface RoundTripOptions {
  ids: string[];
  provider: ProviderName;
  dryRun: boolean;
  maxCostUsd?: number;
}

export async function runRoundTrip(io: CliIo, root: string, options: RoundTripOptions): Promise<number> {
  const checked = await check({ root, useCache: false });
  const specs = checked.workspace.files.flatMap((f) => (f.spec?.frontmatter ? [f.spec] : []));
  const adopted = specs.filter(isHandOwned);
  const unknown = options.ids.filter((id) => !adopted.some((s) => s.frontmatter!.id === id));
  if (unknown.length > 0) throw new UsageError(`--check names no hand-owned (adopted) spec: ${unknown.map((id) => withGuess(id, adopted.map((s) => s.frontmatter!.id))).join(', ')}`);
  const chosen = options.ids.length > 0 ? adopted.filter((s) => options.ids.includes(s.frontmatter!.id)) : adopted;
  if (chosen.length === 0) throw new UsageError('there is no hand-owned (adopted) spec to check; run `speccc adopt` first');
  const config = checked.config;
  const rawConfig = await readConfigText(root);
  const files = new Set(await listGeneratedRoot(root, config.paths.generated).catch(() => [] as string[]));
  const credentials = takeCredentials(io.env);
  let unfaithful = 0;
  for (const spec of chosen) {
    const id = spec.frontmatter!.id;
    const tests = await readSources(root, testsOfSpec({ file: spec.file, source: spec.source, outputs: spec.frontmatter!.outputs }, config.paths.generated));
    for (const t of tests) files.add(t.path);
    const layout = roundTripWorkspace({ spec: asInput(spec), specs: specs.map(asInput), generatedRoot: config.paths.generated, files, tests, rawConfig });
    const temp = await scratchWorkspace(root, [config.paths.specs, config.paths.context, config.paths.templates, config.paths.generated], layout.edits, layout.remove);
    try {
      for (const u of layout.unplaced) io.stderr(`speccc: warning: ${id}: ${u.test} cannot run as a holdout: ${u.why}\n`);
      if (options.dryRun) {
        io.stdout(await priceRoundTrip(temp, id, config));
        continue;
      }
      if (layout.placed.size === 0) {
        unfaithful++;
        await record(io, root, spec, { faithful: false, failing: [], costUsd: 0, error: tests.length === 0 ? 'the spec has no existing test to check the round trip against' : 'none of its existing tests can run as a holdout' });
        continue;
      }
      io.stderr(`… round trip of ${id}: building it alone from the spec, with its ${layout.placed.size} existing test file${layout.placed.size === 1 ? '' : 's'} as holdouts\n`);
      const judged = await buildAlone(io, temp, id, credentials, options);
      const placedBack = new Map([...layout.placed].map(([test, name]) => [name, test]));
      const failing = judged.outcome ? failingTests(judged.outcome, placedBack) : [];
      const faithful = judged.outcome?.state === 'built' && judged.outcome.holdout === 'passed';
      if (!faithful) unfaithful++;
      const why = faithful || failing.length > 0 ? undefined : judged.error ?? notJudged(judged.outcome, spec.frontmatter!.outputs);
      await record(io, root, spec, { faithful, failing, costUsd: judged.outcome?.spentUsd ?? 0, ...(why ? { error: why } : {}), tests: layout.placed.size });
    } finally {
      await removeScratch(temp);
    }
  }
  return unfaithful > 0 && !options.dryRun ? 1 : 0;
}

function asInput(spec: Spec): RoundTripSpec {
  const fm = spec.frontmatter!;
  return { id: fm.id, file: spec.file, source: spec.source, status: fm.status, owner: fm.owner, kind: fm.kind, outputs: fm.outputs };
}


/** One build of the temporary workspace, through the full gate; its outcome for the spec. */
async function buildAlone(io: CliIo, temp: string, id: string, credentials: Credentials, options: RoundTripOptions): Promise<{ outcome?: JobOutcome; error?: string }> {
  const { loadConfig } = await import('./io/config-file.js');
  const config = (await loadConfig(temp)).config;
  const runtime = createRuntime({ root: temp, config, credentials, command: 'build', provider: options.provider, ...(options.maxCostUsd !== undefined ? { maxCostUsd: options.maxCostUsd } : {}), onWarning: (line) => io.stderr(`speccc: warning: ${line}\n`) });
  for (const w of runtime.warnings) io.stderr(`speccc: warning: ${w}\n`);
  const onEvent = (e: BuildEvent) => {
    if (e.type === 'job-start') io.stderr(`… ${e.attempt > 1 ? `fixing ${e.id} (attempt ${e.attempt})` : `generating ${e.id} from its spec`}\n`);
  };
  const result = await build({ root: temp, mode: 'build', runtime, onEvent, signal: io.signal });
  if (result.kind === 'blocked') {
    const first = result.diagnostics[0];
    return { error: `the temporary workspace does not build: ${first ? `${first.file}:${first.span.start.line}:${first.span.start.column}: ${first.code} ${first.message}` : 'its config is broken'}` };
  }
  if (result.kind !== 'built') return { error: 'nothing was built' };
  const outcome = result.outcomes.get(id);
  return outcome ? { outcome } : { error: `${id} was not built` };
}

/** Why a round trip judged nothing; when the type errors are all in code the spec does not own, what to do about it. */
function notJudged(outcome: JobOutcome | undefined, outputs: readonly string[]): string {
  const why = `${outcome?.failureClass ?? 'failed'}: ${outcome?.error ?? 'the build did not finish'}`;
  const elsewhere = outcome?.failureClass === 'does-not-compile' ? typeErrorsElsewhere(outcome.error ?? '', outputs) : [];
  if (elsewhere.length === 0) return why;
  return `${why}; the type errors shown are in ${elsewhere.map((f) => `\`${f}\``).join(', ')}, code this spec does not own and its agent cannot change: fix it, or set "validation": { "typecheck": false } in speccc.config.json (docs/adopt.md)`;
}

/** `src/x.test.ts › describe › it: why` for every existing test the regenerated code failed. */
function failingTests(outcome: JobOutcome, testOf: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const s of outcome.scenarios ?? []) {
    if (s.passed) continue;
    const test = testOf.get(s.file.split('/').pop()!) ?? s.file;
    const names = s.failedTests && s.failedTests.length > 0 ? s.failedTests : [s.failure ?? 'it failed'];
    for (const name of names) out.push(`${test} › ${name}`);
    if (s.failure) out.push(`  (first failure: ${s.failure.split('\n')[0]})`);
  }
  return out;
}

async function record(io: CliIo, root: string, spec: Spec, r: { faithful: boolean; failing: string[]; costUsd: number; error?: string; tests?: number }): Promise<void> {
  const id = spec.frontmatter!.id;
  const result: AdoptCheck = { format: 1, spec: id, specHash: sha256(spec.source), faithful: r.faithful, checkedAt: new Date().toISOString(), costUsd: r.costUsd, failing: r.failing, ...(r.error ? { error: r.error } : {}) };
  await writeAdoptCheck(root, result);
  const cost = `$${r.costUsd.toFixed(4)}`;
  if (r.faithful) {
    io.stdout(`✔ ${id}: faithful: code built from the spec alone passes its ${r.tests} existing test file${r.tests === 1 ? '' : 's'} (${cost})\n`);
    return;
  }
  if (r.failing.length > 0) {
    const tests = r.failing.filter((f) => !f.startsWith('  '));
    io.stdout(`✖ ${id}: not faithful: code built from the spec alone fails ${tests.length} existing test${tests.length === 1 ? '' : 's'} (${cost}); each is a requirement the spec is missing:\n${r.failing.map((f) => `    ${f}`).join('\n')}\n`);
    return;
  }
  io.stdout(`✖ ${id}: not judged: ${r.error} (${cost})\n`);
}

async function priceRoundTrip(temp: string, id: string, config: import('./types/index.js').SpecccConfig): Promise<string> {
  const result = await build({ root: temp, mode: 'plan' });
  if (result.kind !== 'planned') return `${id}: the temporary workspace does not plan (${result.kind})\n`;
  const { estimatePlan } = await import('./phases/5-plan/estimate.js');
  const { TOOL_DEFINITIONS } = await import('./phases/4-render/tools.js');
  const estimate = estimatePlan({ plan: result.plan, outcomes: result.outcomes, config, systemPrompt: result.systemPrompt, toolsBytes: Buffer.byteLength(JSON.stringify(TOOL_DEFINITIONS)), counted: new Map() });
  return `${id}: the round trip would build 1 spec: about $${estimate.expectedUsd.toFixed(4)} expected, $${estimate.worstCaseUsd.toFixed(2)} at worst (estimated; nothing sent)\n`;
}
