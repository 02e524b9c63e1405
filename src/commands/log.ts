import { Option } from 'commander';
import type { TracedEvent } from '../types/index.js';
import type { RunFile } from '../io/trace.js';
import { EXIT, inWorkspace, toJson, UsageError, type CliIo, type RegisterCommand } from './shared.js';

export interface SpecSummary {
  spec: string;
  state: string;
  failureClass?: string;
  holdout?: string;
  requests: number;
  retries: number;
  /** Turns the model declined (stop_reason refusal). */
  refusals: number;
  /** The model the job moved to after a refusal (model.fallbackModel). */
  fallbackModel?: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  durationMs: number;
  /** Input tokens count_tokens gave before the requests that were counted (the estimate), and how many of the requests were. */
  countedInputTokens: number;
  countedRequests: number;
  /** Billed input (plain, cache reads, cache writes) of those same requests: the actual the estimate is set against. */
  countedBilledInputTokens: number;
  /** Worst cases reserved for the requests (USD): what the budget held against what they cost. */
  reservedUsd: number;
}

/** A run's trace -> one summary per spec: what happened, what it cost (every billed request), how often it retried. */
export function summariseRun(events: readonly TracedEvent[]): SpecSummary[] {
  const bySpec = new Map<string, SpecSummary>();
  const of = (spec: string) => {
    let s = bySpec.get(spec);
    if (!s) bySpec.set(spec, (s = { spec, state: 'running', requests: 0, retries: 0, refusals: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0, durationMs: 0, countedInputTokens: 0, countedRequests: 0, countedBilledInputTokens: 0, reservedUsd: 0 }));
    return s;
  };
  /** When each spec's first attempt started: the time of a failed job in a trace written before jobs recorded it. */
  const firstStart = new Map<string, string>();
  for (const e of events) {
    switch (e.type) {
      case 'job-start':
        if (!firstStart.has(e.spec)) firstStart.set(e.spec, e.at);
        break;
      case 'request': {
        const s = of(e.spec);
        s.requests++;
        s.inputTokens += e.inputTokens;
        s.outputTokens += e.outputTokens;
        s.cacheReadTokens += e.cacheReadTokens;
        s.cacheWriteTokens += e.cacheWriteTokens;
        s.costUsd += e.costUsd;
        s.reservedUsd += e.reservedUsd ?? 0;
        if (e.countedInputTokens !== undefined) {
          s.countedRequests++;
          s.countedInputTokens += e.countedInputTokens;
          s.countedBilledInputTokens += e.inputTokens + e.cacheReadTokens + e.cacheWriteTokens;
        }
        break;
      }
      case 'retry':
        of(e.spec).retries++;
        break;
      case 'refusal': {
        const s = of(e.spec);
        s.refusals++;
        if (e.fallback) s.fallbackModel = e.fallback;
        break;
      }
      case 'triage':
        of(e.spec).state = e.decision ?? 'not decided';
        break;
      case 'job': {
        const s = of(e.spec);
        s.state = e.state;
        if (e.failureClass) s.failureClass = e.failureClass;
        if (e.holdout) s.holdout = e.holdout;
        if (e.durationMs !== undefined) s.durationMs = e.durationMs;
        else if (firstStart.has(e.spec)) s.durationMs = Math.max(0, Date.parse(e.at) - Date.parse(firstStart.get(e.spec)!));
        break;
      }
      default:
        break;
    }
  }
  return [...bySpec.values()].sort((a, b) => (a.spec < b.spec ? -1 : 1));
}

/**
 * Why the run's first request missed the prompt cache, against the latest earlier run that
 * recorded its prefix and made a request (reading back only as far as that run).
 */
async function cacheMissOf(runs: readonly RunFile[], chosen: RunFile, events: readonly TracedEvent[]) {
  const { readRun } = await import('../io/trace.js');
  const { explainCacheMiss } = await import('../report/cache-miss.js');
  if (!events.some((e) => e.type === 'prefix')) return null;
  for (let i = runs.indexOf(chosen) - 1; i >= 0; i--) {
    const earlier = (await readRun(runs[i]!)).events;
    if (earlier.some((e) => e.type === 'prefix') && earlier.some((e) => e.type === 'request')) return explainCacheMiss({ id: runs[i]!.runId, events: earlier }, { events });
  }
  return null;
}

export async function runLog(io: CliIo, runId: string | undefined, flags: { root?: string; format: 'text' | 'json' }): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const { listRuns, readRun } = await import('../io/trace.js');
    const runs = await listRuns(root);
    const chosen = runId ? runs.find((r) => r.runId === runId || r.runId.startsWith(runId)) : runs.at(-1);
    if (!chosen) throw new UsageError(runId ? `no run ${runId} in .speccc/runs/` : 'no build runs recorded yet; run `speccc build`');
    const { events, problems } = await readRun(chosen);
    for (const p of problems) io.stderr(`speccc: .speccc/runs/${chosen.runId}.jsonl:${p.line}: ${p.message}; skipped\n`);
    const specs = summariseRun(events);
    const cacheMiss = await cacheMissOf(runs, chosen, events);
    const total = specs.reduce(
      (t, s) => ({ requests: t.requests + s.requests, retries: t.retries + s.retries, input: t.input + s.inputTokens + s.cacheReadTokens + s.cacheWriteTokens, output: t.output + s.outputTokens, cost: t.cost + s.costUsd }),
      { requests: 0, retries: 0, input: 0, output: 0, cost: 0 },
    );
    const { failureClassInfo } = await import('../report/failure-classes.js');
    // The hints name the scenarios folder as configured; an unreadable config falls back to the default folder, as everywhere.
    const { readRawConfig } = await import('../io/raw-config.js');
    const workspace = { scenariosDir: (await readRawConfig(root)).paths.scenarios };
    const hintOf = (s: SpecSummary) => (s.state === 'failed' && s.failureClass ? failureClassInfo(s.failureClass, workspace).hint : undefined);
    if (flags.format === 'json') {
      io.stdout(toJson({ run: chosen.runId, specs: specs.map((s) => ({ ...s, ...(hintOf(s) ? { hint: hintOf(s) } : {}) })), total, ...(cacheMiss ? { cacheMiss } : {}) }));
      return EXIT.ok;
    }
    const status = (s: SpecSummary) => {
      const why = s.failureClass ? ` (${s.failureClass})` : s.holdout === 'unverified' ? ' (unverified)' : '';
      const fallback = s.fallbackModel ? `, refused; fell back to ${s.fallbackModel}` : '';
      return `${s.state}${why}${fallback}`;
    };
    // Estimate against actual: input counted before sending against input billed (for the counted requests), reserved against cost.
    const counted = (s: SpecSummary) => (s.countedRequests === 0 ? '-' : `${s.countedInputTokens}/${s.countedBilledInputTokens}`);
    const rows = [
      ['spec', 'status', 'requests', 'retries', 'in tokens', 'cache r/w', 'counted/billed in', 'out tokens', 'cost', 'reserved', 'time'],
      ...specs.map((s) => [s.spec, status(s), String(s.requests), String(s.retries), String(s.inputTokens), `${s.cacheReadTokens}/${s.cacheWriteTokens}`, counted(s), String(s.outputTokens), `$${s.costUsd.toFixed(4)}`, `$${s.reservedUsd.toFixed(4)}`, `${(s.durationMs / 1000).toFixed(1)} s`]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    io.stdout(`run ${chosen.runId}\n`);
    for (const r of rows) io.stdout(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n');
    io.stdout(`total: ${total.requests} requests, ${total.retries} retries, ${total.input} input and ${total.output} output tokens, $${total.cost.toFixed(4)}\n`);
    if (cacheMiss) io.stdout(`${(await import('../report/cache-miss.js')).cacheMissLine(cacheMiss)}\n`);
    const failed = specs.filter((s) => hintOf(s));
    if (failed.length > 0) {
      io.stdout('what to strengthen in the spec:\n');
      for (const s of failed) io.stdout(`  ${s.spec} (${s.failureClass}): ${hintOf(s)}\n`);
    }
    return EXIT.ok;
  });
}

export const registerLog: RegisterCommand = (program, io, done) => {
  program
    .command('log')
    .description('Summarise a build run from its trace: per spec status and failure class, tokens, cost, time and retries.')
    .argument('[run-id]', 'run id (default: the latest)')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((runId: string | undefined, flags: { root?: string; format: 'text' | 'json' }) => done(runLog(io, runId, flags)));
};
