import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Option } from 'commander';
import { EXIT, type CliIo, type RegisterCommand } from './shared.js';
import { resolveRoot } from './check.js';

export interface BuildFlags {
  root?: string;
  dryRun?: boolean;
  promptsOut?: string;
  check?: boolean;
  force?: boolean | string[];
  maxCost?: string;
  concurrency?: string;
  provider: string;
  format: 'text' | 'json';
  record?: boolean;
}

export async function runBuild(io: CliIo, flags: BuildFlags): Promise<number> {
  const root = await resolveRoot(io, flags.root);
  if (typeof root !== 'string') {
    io.stderr(`${root.error}\n`);
    return EXIT.usage;
  }
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) {
    io.stderr(`speccc: --concurrency must be a whole number from 1 to 64, not ${flags.concurrency}\n`);
    return EXIT.usage;
  }
  const maxCost = flags.maxCost === undefined ? undefined : Number(flags.maxCost);
  if (maxCost !== undefined && !(maxCost > 0)) {
    io.stderr(`speccc: --max-cost must be a positive number of US dollars, not ${flags.maxCost}\n`);
    return EXIT.usage;
  }
  const force = flags.force === true ? 'all' : Array.isArray(flags.force) ? new Set(flags.force) : null;
  const planOnly = Boolean(flags.dryRun || flags.check);

  // Fast path before loading the pipeline: nothing changed since the last up-to-date build.
  if (!force && !flags.promptsOut) {
    const { upToDateStamp } = await import('../io/build-stamp.js');
    const { SPECCC_VERSION } = await import('../version.js');
    const stamp = await upToDateStamp(root, SPECCC_VERSION);
    if (stamp) {
      const n = stamp.specs;
      if (flags.format === 'json') io.stdout(JSON.stringify({ upToDate: true, specs: n }, null, 2) + '\n');
      else io.stdout(`${planOnly ? '' : '✔ '}${n} spec${n === 1 ? '' : 's'} up to date\n`);
      return EXIT.ok;
    }
  }

  const { build } = await import('../compile.js');
  const { formatText } = await import('../diagnostics/reporters/text.js');
  const out = await import('./build-output.js');
  const { WorkspaceLockedError } = await import('../io/lock.js');

  let agentChoice: { agent: import('../types/index.js').Agent; label: string } | undefined;
  let validator: import('../types/index.js').Validator | undefined;
  let trace: import('../io/trace.js').TraceSink | undefined;
  if (!planOnly) {
    const { loadConfig } = await import('../config/load.js');
    const { lazyAgent, providerLabel } = await import('./agent-factory.js');
    const { openTrace } = await import('../io/trace.js');
    const loaded = await loadConfig(root);
    const config = maxCost !== undefined ? { ...loaded.config, budgetUsd: maxCost } : loaded.config;
    trace = openTrace(root, io.env);
    let agent = lazyAgent(flags.provider, io.env, config, root, trace);
    if (flags.record) {
      const { recordingAgent } = await import('../phases/6-generate/cassette.js');
      const { createRedactor } = await import('../io/trace.js');
      agent = recordingAgent(agent, path.join(root, '.speccc', 'cassettes'), createRedactor(io.env));
    }
    agentChoice = { agent, label: providerLabel(flags.provider, io.env) };
    const { createValidator } = await import('../phases/7-validate/index.js');
    validator = createValidator({ config, scenariosDir: path.resolve(root, config.paths.scenarios), parentEnv: io.env });
  }

  const running = new Set<string>();
  let spent = 0;
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      root,
      mode: planOnly ? 'plan' : 'build',
      force,
      agent: agentChoice?.agent ?? null,
      providerLabel: agentChoice?.label ?? flags.provider,
      ...(validator ? { validator } : {}),
      signal: io.signal,
      ...(concurrency ? { concurrency } : {}),
      onEvent: (event) => {
        if (event.type === 'job-end' && event.outcome.state !== 'fresh') {
          const o = event.outcome;
          trace?.write({
            type: 'job',
            spec: o.id,
            state: o.state,
            attempts: o.attempts,
            ...(o.failureClass ? { failureClass: o.failureClass } : {}),
            ...(o.error ? { error: o.error } : {}),
            ...(o.result ? { usage: o.result.usage, costUsd: o.result.costUsd, durationMs: o.result.durationMs } : {}),
            ...(o.prepared ? { jobKey: o.prepared.key } : {}),
          });
        }
        if (planOnly || flags.format === 'json') return;
        if (event.type === 'job-start') {
          running.add(event.id);
          const what = event.attempt > 1 ? `fixing ${event.id} (attempt ${event.attempt})` : `generating ${event.id}`;
          // A terminal gets one status line redrawn in place; a log gets a line per event.
          if (io.isTTY) io.stdout(`\r\u001b[2K… ${what}; ${running.size} running, $${spent.toFixed(4)} spent so far`);
          else io.stdout(`… ${what}\n`);
          return;
        }
        running.delete(event.outcome.id);
        if (event.outcome.result && event.outcome.state === 'built') spent += event.outcome.result.costUsd;
        const line = out.formatOutcome(event.outcome, io.color);
        if (line) io.stdout(`${io.isTTY ? '\r\u001b[2K' : ''}${line}${event.outcome.state === 'built' ? ` — $${spent.toFixed(4)} spent so far` : ''}\n`);
      },
    });
  } catch (error) {
    if (error instanceof WorkspaceLockedError) {
      io.stderr(`speccc: ${error.message}\n`);
      return EXIT.failed;
    }
    const { ProviderSetupError } = await import('./agent-factory.js');
    if (error instanceof ProviderSetupError) {
      io.stderr(`speccc: ${error.message}; generated/ is unchanged\n`);
      return EXIT.usage;
    }
    throw error;
  }

  if (result.check.configBroken || result.blocked.length > 0) {
    const diagnostics = result.check.configBroken ? result.check.diagnostics : result.blocked;
    io.stdout(formatText(diagnostics, { specs: result.check.specs, errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: 0 }, { color: io.color }));
    io.stderr('speccc: build stopped before any agent call: fix the errors above\n');
    return result.check.configBroken ? EXIT.usage : EXIT.failed;
  }

  if (result.stamped) {
    const n = result.stamped.specs;
    if (flags.format === 'json') io.stdout(JSON.stringify({ upToDate: true, specs: n }, null, 2) + '\n');
    else io.stdout(planOnly ? `${n} spec${n === 1 ? '' : 's'} up to date\n` : `✔ ${n} spec${n === 1 ? '' : 's'} up to date\n`);
    return EXIT.ok;
  }

  const estimate = (id: string) => {
    const prepared = result.outcomes.get(id)?.prepared ?? result.plan!.jobs.find((j) => j.id === id)?.prepared;
    if (!prepared) return null;
    const inputTokens = Math.ceil((result.systemPrompt.length + prepared.prompt.length) / 4);
    return { inputTokens, worstCaseUsd: null };
  };

  if (flags.promptsOut && result.plan) {
    const dir = path.resolve(io.cwd, flags.promptsOut);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'system.md'), result.systemPrompt);
    for (const job of result.plan.jobs) {
      const prepared = result.outcomes.get(job.id)?.prepared ?? job.prepared;
      if (prepared) await fs.writeFile(path.join(dir, `${job.id}.md`), prepared.prompt);
    }
  }

  if (flags.format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          jobs: result.plan!.jobs.map((j) => {
            const o = result.outcomes.get(j.id);
            return { id: j.id, state: o?.state, reasons: j.reasons, drifted: j.drifted, jobKey: o?.prepared?.key ?? null, failureClass: o?.failureClass, error: o?.error, estimate: estimate(j.id) };
          }),
          orphans: result.plan!.orphans,
          change: result.change,
          cancelled: result.cancelled,
        },
        null,
        2,
      ) + '\n',
    );
  } else if (planOnly) {
    io.stdout(out.formatPlan(result, estimate, io.color));
  } else {
    io.stdout(out.formatBuildSummary(result, io.color));
  }

  const states = [...result.outcomes.values()].map((o) => o.state);
  if (flags.check) return states.some((s) => s !== 'fresh') || result.plan!.orphans.length > 0 ? EXIT.failed : EXIT.ok;
  if (flags.dryRun) return EXIT.ok;
  if (result.cancelled) return EXIT.failed;
  return states.some((s) => s === 'failed' || s === 'skipped' || s === 'cancelled') ? EXIT.failed : EXIT.ok;
}

export const registerBuild: RegisterCommand = (program, io, done) => {
  program
    .command('build')
    .description('Generate code for every stale ready spec and promote it into generated/ atomically.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--dry-run', 'print the plan (what is stale and why, estimated tokens and cost); call no agent')
    .option('--prompts-out <dir>', 'with --dry-run: write the rendered prompts to this folder')
    .option('--check', 'exit 1 if generated/ is not what the current specs would produce (CI; no agent, no key)')
    .option('--force [ids...]', 'rebuild these specs (all when no id is given)')
    .option('--max-cost <usd>', 'stop before any request that could take this run past this many US dollars')
    .option('--concurrency <n>', 'jobs to run at once (default from config)')
    .option('--record', 'save each job\'s writes as a cassette under .speccc/cassettes/ (rebuild offline with --provider replay)')
    .addOption(new Option('--provider <name>', 'who writes the code').choices(['anthropic', 'replay']).default('anthropic'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: BuildFlags) => done(runBuild(io, flags)));
};
