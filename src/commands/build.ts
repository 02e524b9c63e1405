import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Option } from 'commander';
import type { BuildEvent, Diagnostic } from '../types/index.js';
import { EXIT, inWorkspace, parseUsd, toJson, UsageError, withGuess, type CliIo, type RegisterCommand } from './shared.js';
import { requireStryker } from './stryker.js';

export interface BuildFlags {
  root?: string;
  dryRun?: boolean;
  promptsOut?: string;
  check?: boolean;
  force?: boolean | string[];
  maxCost?: string;
  concurrency?: string;
  provider: 'anthropic' | 'replay';
  format: 'text' | 'json';
  record?: boolean;
  batch?: boolean;
  shard?: string;
  shardWait?: string;
  next?: string;
}

/** The flags, checked and parsed: every usage error before anything is read. */
async function parseFlags(flags: BuildFlags) {
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) throw new UsageError(`--concurrency must be a whole number from 1 to 64, not ${flags.concurrency}`);
  const maxCost = parseUsd('--max-cost', flags.maxCost);
  if (flags.promptsOut && !flags.dryRun) throw new UsageError('--prompts-out writes the prompts of a dry run; add --dry-run');
  const force: import('../types/index.js').ForceSpec = flags.force === true ? 'all' : Array.isArray(flags.force) ? new Set(flags.force) : null;
  const planOnly = Boolean(flags.dryRun || flags.check);
  if (flags.batch && flags.provider !== 'anthropic') throw new UsageError(`--batch sends requests through the Anthropic Message Batches API; --provider ${flags.provider} sends none`);
  const shard = flags.shard === undefined ? undefined : await shardOf(flags, planOnly, force);
  const shardWaitMs = flags.shardWait === undefined ? undefined : seconds('--shard-wait', flags.shardWait) * 1000;
  return { concurrency, maxCost, force, planOnly, shard, shardWaitMs };
}

type Parsed = Awaited<ReturnType<typeof parseFlags>>;

/** How the build's run makes its runtime from the config it reads (once, under the lock); warnings go to stderr and into `warned`. */
async function runtimeOf(io: CliIo, root: string, flags: BuildFlags, parsed: Parsed, credentials: import('../runtime.js').Credentials, warned: string[]) {
  const { createRuntime } = await import('../runtime.js');
  const warn = (line: string) => {
    warned.push(line);
    io.stderr(`speccc: warning: ${line}\n`);
  };
  return (loaded: import('../config/parse.js').LoadedConfig) => {
    // promotion.minMutationScore adds a Stryker run to every build of a spec with holdouts.
    if (loaded.config.promotion.minMutationScore !== undefined) requireStryker('promotion.minMutationScore');
    const runtime = createRuntime({
      root,
      config: loaded.config,
      credentials,
      command: 'build',
      provider: flags.provider,
      record: Boolean(flags.record),
      ...(parsed.maxCost !== undefined ? { maxCostUsd: parsed.maxCost } : {}),
      ...(flags.batch ? { batch: true } : {}),
      onWarning: warn,
    });
    for (const warning of runtime.warnings) warn(warning);
    if (parsed.shard && !runtime.shared) throw new UsageError('--shard shares results through the remote cache: set cache.remote in speccc.config.json, and SPECCC_REMOTE_CACHE_TOKEN and SPECCC_REMOTE_CACHE_KEY in the environment');
    return runtime;
  };
}

export async function runBuild(io: CliIo, flags: BuildFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const parsed = await parseFlags(flags);
    const { planOnly, force } = parsed;
    if (flags.next !== undefined && (planOnly || force || flags.shard)) throw new UsageError('--next builds what the queue (`speccc status`) has at its top; it does not combine with --dry-run, --check, --force or --shard');
    const next = flags.next === undefined ? undefined : await takeFromQueue(io, root, count('--next', flags.next), flags.format === 'text');
    if (next && next.size === 0) {
      if (flags.format === 'json') io.stdout(toJson({ next: [], upToDate: true }));
      else io.stdout('✔ nothing waits in the queue (speccc status shows it)\n');
      return EXIT.ok;
    }
    const { build } = await import('../compile.js');
    const { takeCredentials } = await import('../runtime.js');
    const credentials = takeCredentials(io.env);
    // Every warning of the run, as printed: also part of the JSON output.
    const warned: string[] = [];
    const { concurrency, shard, shardWaitMs } = parsed;
    const progress = planOnly || flags.format === 'json' ? undefined : await liveProgress(io);
    const common = { root, force, signal: io.signal, ...(concurrency ? { concurrency } : {}), ...(progress ? { onEvent: progress } : {}) };
    if (force instanceof Set) await requireReadySpecs(root, [...force], '--force');
    let shared: SharedResults | null = null;
    const result = planOnly
      ? await build({ ...common, mode: 'plan' })
      : await build({ ...common, mode: 'build', runtime: keepShared(await runtimeOf(io, root, flags, parsed, credentials, warned), (s) => (shared = s)), ...(shard ? { shard } : {}), ...(shardWaitMs !== undefined ? { shardWaitMs } : {}), ...(next ? { only: next } : {}) });
    return printResult(io, root, flags, parsed, credentials, result, warned, (shared as SharedResults | null)?.counts(), next);
  });
}

type SharedResults = NonNullable<import('../runtime.js').Runtime['shared']>;

/** The runtime factory, telling the command which shared cache the run used (its counts are printed after). */
function keepShared(make: (loaded: import('../config/parse.js').LoadedConfig) => import('../runtime.js').Runtime, keep: (shared: SharedResults | null) => void) {
  return (loaded: import('../config/parse.js').LoadedConfig) => {
    const runtime = make(loaded);
    keep(runtime.shared);
    return runtime;
  };
}

type Result = Awaited<ReturnType<typeof import('../compile.js').build>>;

async function printResult(io: CliIo, root: string, flags: BuildFlags, parsed: Parsed, credentials: import('../runtime.js').Credentials, result: Result, warned: string[], cache: ReturnType<SharedResults['counts']> | undefined, next: ReadonlySet<string> | undefined): Promise<number> {
  switch (result.kind) {
    case 'up-to-date': {
      const n = result.specs;
      if (flags.format === 'json') io.stdout(JSON.stringify({ upToDate: true, specs: n }, null, 2) + '\n');
      else io.stdout(`${parsed.planOnly ? '' : '✔ '}${n} spec${n === 1 ? '' : 's'} up to date\n`);
      return EXIT.ok;
    }
    case 'blocked':
      return printBlocked(io, result.check.configBroken ? result.check.diagnostics : result.diagnostics, result.check.specs, result.check.configBroken);
    case 'planned':
      return printPlanned(io, flags, parsed, credentials, result);
    case 'built': {
      const out = await import('./build-output.js');
      const summary = { outcomes: result.outcomes, total: result.plan.jobs.length, change: result.change, cancelled: result.cancelled, runId: result.runId, ...(result.shard ? { shard: result.shard } : {}) };
      const lessons = await proposeLessons(io, root, result.outcomes);
      if (flags.format === 'json') {
        const spentUsd = [...result.outcomes.values()].reduce((s, o) => s + o.spentUsd, 0);
        const actuals = await estimateAgainstActual(root, result.runId);
        io.stdout(toJson({ run: result.runId, ...(next ? { next: [...next] } : {}), jobs: jobsJson(result.plan, result.outcomes, null, actuals), orphans: result.plan.orphans, change: result.change, cancelled: result.cancelled, spentUsd, warnings: warned, lessonsProposed: lessons, ...(result.shard ? { shard: result.shard } : {}), ...(cache ? { remoteCache: cache } : {}) }));
      } else {
        io.stdout(`${io.isTTY ? '\r\u001b[2K' : ''}${out.formatBuildSummary(summary, io.color)}`);
        if (cache) io.stdout(out.formatCacheSummary(cache));
        if (lessons.length > 0) io.stdout(`${lessons.length === 1 ? `lesson ${lessons[0]} proposed` : `lessons ${lessons.join(', ')} proposed`} for the rules from this build's failures: speccc lessons\n`);
      }
      if (result.cancelled) return EXIT.failed;
      return [...result.outcomes.values()].some((o) => o.state === 'failed' || o.state === 'skipped' || o.state === 'cancelled') ? EXIT.failed : EXIT.ok;
    }
  }
}

async function printPlanned(io: CliIo, flags: BuildFlags, parsed: Parsed, credentials: import('../runtime.js').Credentials, result: Planned): Promise<number> {
  const config = result.check.config;
  const { estimatePlan } = await import('../phases/5-plan/estimate.js');
  const { TOOL_DEFINITIONS } = await import('../phases/4-render/tools.js');
  const counted = await countTokens(credentials, result);
  const estimate = estimatePlan({ plan: result.plan, outcomes: result.outcomes, config, systemPrompt: result.systemPrompt, toolsBytes: Buffer.byteLength(JSON.stringify(TOOL_DEFINITIONS)), counted, batch: Boolean(flags.batch) });
  if (flags.promptsOut) await writePrompts(path.resolve(io.cwd, flags.promptsOut), result);
  if (flags.format === 'json') io.stdout(toJson({ jobs: jobsJson(result.plan, result.outcomes, estimate), orphans: result.plan.orphans, estimate: { expectedUsd: estimate.expectedUsd, worstCaseUsd: estimate.worstCaseUsd, estimated: estimate.estimated } }));
  else io.stdout((await import('./build-output.js')).formatPlan(result.plan, result.outcomes, estimate, (await import('../phases/6-generate/budget.js')).spendCaps(config, parsed.maxCost !== undefined ? { maxCostUsd: parsed.maxCost } : {}).run, io.color, Boolean(flags.batch)));
  const stale = [...result.outcomes.values()].some((o) => o.state !== 'fresh') || result.plan.orphans.length > 0;
  return flags.check && stale ? EXIT.failed : EXIT.ok;
}

async function shardOf(flags: BuildFlags, planOnly: boolean, force: import('../types/index.js').ForceSpec) {
  const { parseShard } = await import('../phases/5-plan/shard.js');
  const shard = parseShard(flags.shard!);
  if (typeof shard === 'string') throw new UsageError(shard);
  if (planOnly) throw new UsageError('--shard builds a part of the plan; it does not combine with --dry-run or --check');
  if (force) throw new UsageError('--shard does not combine with --force: the other shards could not tell a forced result from the one it replaces');
  return shard;
}

/**
 * After a build in which a job failed or needed a fix round, the lessons its trace (and the
 * earlier ones) support that were not proposed before: their numbers. Proposed only, never
 * accepted: a person decides (speccc lessons).
 */
async function proposeLessons(io: CliIo, root: string, outcomes: ReadonlyMap<string, import('../types/index.js').JobOutcome>): Promise<number[]> {
  const costly = [...outcomes.values()].some((o) => o.state === 'failed' || o.attempts > 1);
  if (!costly) return [];
  const { refreshLessons } = await import('../io/lessons.js');
  const { CorruptStateError } = await import('../io/promote.js');
  try {
    return (await refreshLessons(root, new Date().toISOString())).added;
  } catch (error) {
    // The build is done either way: a broken review file is worth a warning, not its result.
    if (!(error instanceof CorruptStateError)) throw error;
    io.stderr(`speccc: warning: no lessons proposed: ${error.message}\n`);
    return [];
  }
}

/** A whole number from 1 to 10,000, or a usage error naming the flag. */
function count(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > 10_000) throw new UsageError(`${flag} must be a whole number from 1 to 10000, not ${text}`);
  return n;
}

/**
 * `--next N`: the first N specs waiting in the queue (most urgent first, as `speccc status` lists
 * them), and every spec they build on that is waiting too, so they can be built. Specs whose last
 * job failed, or that wait for a person, are not taken: an unattended job would pay for the same
 * failure again.
 */
async function takeFromQueue(io: CliIo, root: string, n: number, announce: boolean): Promise<Set<string>> {
  const { gatherReport } = await import('./report.js');
  const { check } = await import('../compile.js');
  const model = await gatherReport(io, root);
  const waiting = new Set(model.queue.waiting.map((e) => e.id));
  const picked = model.queue.waiting.slice(0, n).map((e) => e.id);
  const byId = (await check({ root })).workspace.byId;
  const taken = new Set<string>();
  const take = (id: string) => {
    if (taken.has(id) || !waiting.has(id)) return;
    taken.add(id);
    const fm = byId.get(id)?.frontmatter;
    for (const dep of [...(fm?.depends_on ?? []), ...(fm?.uses_twins ?? [])]) take(dep);
  };
  picked.forEach(take);
  const extra = [...taken].filter((id) => !picked.includes(id));
  if (announce && taken.size > 0) io.stdout(`… taking ${picked.join(', ')} from the queue${extra.length > 0 ? `, with ${extra.join(', ')} ${extra.length === 1 ? 'it builds' : 'they build'} on` : ''}; ${waiting.size - taken.size} left waiting\n`);
  return taken;
}

function seconds(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n)) throw new UsageError(`${flag} must be a whole number of seconds, not ${text}`);
  return n;
}

/** Spec ids on the command line must name ready specs that build: anything else is a usage error, exit 2. */
export async function requireReadySpecs(root: string, ids: string[], what: string): Promise<void> {
  const { check } = await import('../compile.js');
  const { buildableInOrder } = await import('../phases/5-plan/index.js');
  const buildable = new Set(buildableInOrder((await check({ root })).workspace).map((s) => s.frontmatter!.id));
  const unknown = ids.filter((id) => !buildable.has(id));
  if (unknown.length > 0) throw new UsageError(`${what} names no ready spec that builds: ${unknown.map((id) => withGuess(id, buildable)).join(', ')}`);
}

async function printBlocked(io: CliIo, diagnostics: Diagnostic[], specs: number, configBroken: boolean): Promise<number> {
  const { formatText } = await import('../diagnostics/reporters/text.js');
  io.stdout(formatText(diagnostics, { specs, errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: 0 }, { color: io.color }));
  io.stderr('speccc: build stopped before any agent call: fix the errors above\n');
  return configBroken ? EXIT.usage : EXIT.failed;
}

/** Start and end of each job with spend so far: one redrawn status line on a terminal, plain lines in a log. */
async function liveProgress(io: CliIo): Promise<(event: BuildEvent) => void> {
  const { formatOutcome } = await import('./build-output.js');
  const running = new Set<string>();
  let spent = 0;
  return (event) => {
    if (event.type === 'job-start') {
      running.add(event.id);
      const what = event.attempt > 1 ? `fixing ${event.id} (attempt ${event.attempt})` : `generating ${event.id}`;
      if (io.isTTY) io.stdout(`\r\u001b[2K… ${what}; ${running.size} running, $${spent.toFixed(4)} spent so far`);
      else io.stdout(`… ${what}\n`);
      return;
    }
    running.delete(event.outcome.id);
    spent += event.outcome.spentUsd;
    const line = formatOutcome(event.outcome, io.color);
    if (line) io.stdout(`${io.isTTY ? '\r\u001b[2K' : ''}${line}\n`);
  };
}

type Planned = Extract<Awaited<ReturnType<typeof import('../compile.js').build>>, { kind: 'planned' }>;

/** With a key, the API counts each stale job's first request; without one, the plan's figures are estimates. */
async function countTokens(credentials: import('../runtime.js').Credentials, result: Planned): Promise<Map<string, number>> {
  const counted = new Map<string, number>();
  if (!credentials.apiKey) return counted;
  const { countInputTokens } = await import('../phases/6-generate/anthropic/count-tokens.js');
  for (const job of result.plan.jobs) {
    const outcome = result.outcomes.get(job.id);
    const prepared = outcome?.prepared ?? job.prepared;
    if (outcome?.state !== 'stale' || !prepared) continue;
    const tokens = await countInputTokens({ apiKey: credentials.apiKey, ...(credentials.baseURL ? { baseURL: credentials.baseURL } : {}) }, { model: prepared.model, system: result.systemPrompt, prompt: prepared.prompt });
    if (tokens !== undefined) counted.set(job.id, tokens);
  }
  return counted;
}

async function writePrompts(dir: string, result: Planned): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'system.md'), result.systemPrompt);
  for (const job of result.plan.jobs) {
    const prepared = result.outcomes.get(job.id)?.prepared ?? job.prepared;
    if (prepared) await fs.writeFile(path.join(dir, `${job.id}.md`), prepared.prompt);
  }
}

type Actuals = Map<string, { estimate: { countedInputTokens: number | null; reservedUsd: number }; actual: { inputTokens: number; costUsd: number } }>;

/**
 * Per job of a finished build, from its trace: what speccc estimated before sending (input tokens
 * count_tokens gave, the worst cases reserved) against what the requests were billed.
 */
async function estimateAgainstActual(root: string, runId: string): Promise<Actuals> {
  const { listRuns, readRun } = await import('../io/trace.js');
  const { summariseRun } = await import('./log.js');
  const run = (await listRuns(root)).find((r) => r.runId === runId);
  const specs = run ? summariseRun((await readRun(run)).events) : [];
  return new Map(
    specs
      .filter((s) => s.requests > 0)
      .map((s) => [s.spec, { estimate: { countedInputTokens: s.countedRequests > 0 ? s.countedInputTokens : null, reservedUsd: s.reservedUsd }, actual: { inputTokens: s.inputTokens + s.cacheReadTokens + s.cacheWriteTokens, costUsd: s.costUsd } }]),
  );
}

function jobsJson(plan: import('../types/index.js').Plan, outcomes: ReadonlyMap<string, import('../types/index.js').JobOutcome>, estimate: import('../phases/5-plan/estimate.js').PlanEstimate | null, actuals?: Actuals) {
  return plan.jobs.map((j) => {
    const o = outcomes.get(j.id);
    const e = estimate?.jobs.find((x) => x.id === j.id);
    const a = actuals?.get(j.id);
    return {
      id: j.id,
      state: o?.state,
      reasons: j.reasons,
      drifted: j.drifted,
      jobKey: o?.prepared?.key ?? null,
      failureClass: o?.failureClass,
      error: o?.error,
      spentUsd: o?.spentUsd ?? 0,
      holdout: o?.holdout,
      ...(e ? { estimate: { inputTokens: e.inputTokens, counted: e.counted, expectedUsd: e.expectedUsd, worstCaseUsd: e.worstCaseUsd, model: e.model } } : {}),
      ...(a ? a : {}),
    };
  });
}

export const registerBuild: RegisterCommand = (program, io, done) => {
  program
    .command('build')
    .description('Generate code for every stale ready spec, validate it sealed, and promote it into generated/ atomically.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--dry-run', 'print the plan (what is stale and why, its tokens and cost); call no agent')
    .option('--prompts-out <dir>', 'with --dry-run: write the rendered prompts to this folder')
    .option('--check', 'exit 1 if generated/ is not what the current specs would produce (CI; no agent, no key)')
    .option('--force [ids...]', 'rebuild these specs (all when no id is given)')
    .option('--max-cost <usd>', 'stop before any request that could take this run past this many US dollars')
    .option('--concurrency <n>', 'jobs to run at once (default from config)')
    .option('--record', "save each job's writes as a cassette under .speccc/cassettes/ (rebuild offline with --provider replay)")
    .option('--batch', 'send requests through the Message Batches API at half price; slower; an interrupted build resumes its batches')
    .option('--shard <i/n>', 'CI: generate the i-th of n parts of the stale jobs and publish them to the remote cache (cache.remote); generated/ is left to a final `speccc build`')
    .option('--next <n>', 'build only the n specs at the top of the queue (`speccc status`: ready, not up to date, most urgent first) and what they build on; for a scheduled job working through the queue')
    .option('--shard-wait <seconds>', "with --shard: how long to wait for another shard's result this shard's jobs depend on (default 1800)")
    .addOption(new Option('--provider <name>', 'who writes the code').choices(['anthropic', 'replay']).default('anthropic'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: BuildFlags) => done(runBuild(io, flags)));
};
