/** What `speccc build` prints: the plan with its price, per-job results and the summary line. Pure formatting. */
import { palette } from '../diagnostics/reporters/palette.js';
import type { JobOutcome, Plan } from '../types/index.js';
import { onlyVerdictStale, REASON_TEXT } from '../phases/5-plan/index.js';
import type { PlanEstimate } from '../phases/5-plan/estimate.js';
import type { TreeChange } from '../io/promote.js';

/** Dependents that only might rebuild are listed up to this many; the headline counts them all. */
const MAYBE_LISTED = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const usd = (n: number) => `$${n < 0.01 && n > 0 ? n.toFixed(4) : n.toFixed(2)}`;

export function formatPlan(plan: Plan, outcomes: ReadonlyMap<string, JobOutcome>, estimate: PlanEstimate, maxCostUsd: number | null, color: boolean, batch = false): string {
  const c = palette(color);
  const lines: string[] = [];
  const byId = new Map(estimate.jobs.map((e) => [e.id, e]));
  let maybeShown = 0;
  for (const job of plan.jobs) {
    const outcome = outcomes.get(job.id);
    if (outcome?.state === 'fresh') {
      if (job.state === 'stale' && ++maybeShown <= MAYBE_LISTED) lines.push(`  ${c.dim('•')} ${job.id}: dependency changed; rebuilt only if the dependency's outputs change`);
      continue;
    }
    const reasons = job.reasons.map((r) => REASON_TEXT[r]).join(', ');
    if (outcome?.state === 'reused') lines.push(`  ${c.yellow('•')} ${job.id}: ${reasons}; a stored result restores it (no agent call)`);
    else if (outcome?.state === 'failed' || outcome?.state === 'skipped') lines.push(`  ${c.red('•')} ${job.id}: ${reasons}; ${outcome.state === 'failed' ? `a recorded verdict says ${outcome.error}` : `${outcome.error}`}`);
    else if (onlyVerdictStale(job)) lines.push(`  ${c.yellow('•')} ${job.id}: ${reasons}; judged again with no agent call`);
    else {
      const e = byId.get(job.id);
      const cost = e ? ` — ~${e.inputTokens.toLocaleString('en-US')} input tokens${e.counted ? '' : ' (estimated)'}, expected ${usd(e.expectedUsd)}, worst case ${usd(e.worstCaseUsd)} (${e.model})` : '';
      lines.push(`  ${c.yellow('•')} ${job.id}: ${reasons}${cost}`);
    }
    for (const d of job.drifted) lines.push(`      drifted: ${d}`);
  }
  if (maybeShown > MAYBE_LISTED) lines.push(`  ${c.dim(`… and ${maybeShown - MAYBE_LISTED} more behind a changed dependency`)}`);
  for (const orphan of plan.orphans) lines.push(`  ${c.red('-')} ${orphan}: no spec owns it; it will be removed`);
  const notFresh = plan.jobs.filter((j) => outcomes.get(j.id)?.state !== 'fresh');
  const judgeOnly = notFresh.filter((j) => outcomes.get(j.id)?.state === 'stale' && onlyVerdictStale(j)).length;
  const stale = notFresh.length - judgeOnly;
  const maybe = plan.jobs.filter((j) => j.state === 'stale' && outcomes.get(j.id)?.state === 'fresh').length;
  const judging = judgeOnly > 0 ? `${stale > 0 ? `, ${judgeOnly} more` : `${plural(judgeOnly, 'spec')} of ${plan.jobs.length}`} to judge again (no agent call)` : '';
  const head =
    notFresh.length === 0 && maybe === 0 && plan.orphans.length === 0
      ? `${plural(plan.jobs.length, 'spec')} up to date`
      : `${stale > 0 || judgeOnly === 0 ? `${plural(stale, 'spec')} of ${plan.jobs.length} to build` : ''}${judging}${maybe > 0 ? `, ${maybe} more if their dependencies' outputs change` : ''}`;
  let price = '';
  if (estimate.jobs.length > 0) {
    const tokens = estimate.jobs.reduce((s, j) => s + j.inputTokens, 0);
    const fits = maxCostUsd === null ? '' : estimate.worstCaseUsd <= maxCostUsd ? `; within --max-cost ${usd(maxCostUsd)}` : `; above --max-cost ${usd(maxCostUsd)}: the budget stops the build before a request could pass it`;
    price = ` (${tokens.toLocaleString('en-US')} input tokens${estimate.estimated ? ', estimated' : ', counted'}; ${batch ? 'at Message Batches prices, ' : ''}expected ${usd(estimate.expectedUsd)}, worst case ${usd(estimate.worstCaseUsd)}${fits})`;
  }
  return [`${head}${price}`, ...lines].join('\n') + '\n';
}

export function formatOutcome(o: JobOutcome, color: boolean): string {
  const c = palette(color);
  switch (o.state) {
    case 'built': {
      const u = o.result!.usage;
      const attempts = o.attempts > 1 ? `, ${o.attempts} attempts` : '';
      return `${c.green('✔')} ${o.id} built: ${o.typechecked === false ? '' : 'type-checked, '}its tests passed, ${gateLine(o)} (${u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens} in / ${u.outputTokens} out tokens, $${o.spentUsd.toFixed(4)}, ${(o.result!.durationMs / 1000).toFixed(1)} s${attempts})`;
    }
    case 'reused':
      return `${c.green('✔')} ${o.id} restored from a stored result (no agent call), ${gateLine(o)}`;
    case 'staged':
      return `${c.yellow('⏸')} ${o.id} staged: passed its checks; promotion is manual, run \`speccc promote ${o.id}\``;
    case 'fresh':
      if (o.rejudged) return `${c.green('✔')} ${o.id} judged again under the current holdouts and settings (no agent call): ${gateLine(o)}`;
      return o.cutOff ? `${c.green('✔')} ${o.id} up to date (its dependency was rebuilt with identical outputs)` : '';
    case 'failed':
      if (o.rejudged) return `${c.red('✖')} ${o.id} fails its gate now (${o.failureClass}): ${o.error}; generated/ still holds that output`;
      return `${c.red('✖')} ${o.id} failed (${o.failureClass}): ${o.error}; generated/ keeps its previous files`;
    case 'skipped':
      return `${c.yellow('-')} ${o.id} skipped: ${o.error}`;
    case 'cancelled':
      return `${c.yellow('-')} ${o.id} not built: ${o.error ?? 'cancelled'}`;
    default:
      return `${c.yellow('•')} ${o.id} ${o.error ?? 'stale'}`;
  }
}

/** What the holdout gate said: `1/1 holdouts passed`, or that there was none. */
function gateLine(o: JobOutcome): string {
  const scenarios = o.scenarios ?? [];
  return o.holdout === 'unverified' || scenarios.length === 0 ? 'no holdout check (unverified)' : `${scenarios.filter((s) => s.passed).length}/${scenarios.length} holdouts passed`;
}

export function formatBuildSummary(input: { outcomes: ReadonlyMap<string, JobOutcome>; total: number; change: TreeChange | null; cancelled: boolean; runId: string; shard?: { index: number; count: number; owned: number } }, color: boolean): string {
  if (input.shard) return formatShardSummary({ ...input, shard: input.shard }, color);
  const c = palette(color);
  const outcomes = [...input.outcomes.values()];
  const count = (s: JobOutcome['state']) => outcomes.filter((o) => o.state === s).length;
  // Every billed request, failed and cancelled jobs included: the same total as `speccc log` and the trace.
  const spent = outcomes.reduce((sum, o) => sum + o.spentUsd, 0);
  const money = `$${spent.toFixed(4)} spent`;
  if (input.cancelled) return `${c.yellow('⚠')} build cancelled (${money}): generated/ unchanged; finished jobs are stored and the next build reuses them\n`;
  const built = count('built') + count('reused');
  const failed = count('failed');
  const skipped = count('skipped');
  const notBuilt = count('cancelled');
  const staged = count('staged');
  // Left in the queue by `build --next`.
  const waiting = count('stale');
  const unverified = outcomes.filter((o) => (o.state === 'built' || o.state === 'reused') && o.holdout === 'unverified').length;
  const rejudged = outcomes.filter((o) => o.state === 'fresh' && o.rejudged).length;
  const judgedAgain = rejudged > 0 ? ` (${rejudged} judged again, no agent call)` : '';
  if (built === 0 && failed === 0 && skipped === 0 && notBuilt === 0 && staged === 0 && waiting === 0 && !input.change) return `${c.green('✔')} ${plural(input.total, 'spec')} up to date\n`;
  if (built === 0 && failed === 0 && skipped === 0 && notBuilt === 0 && staged === 0 && waiting === 0 && rejudged > 0) return `${c.green('✔')} ${plural(input.total, 'spec')} up to date${judgedAgain} (run ${input.runId})\n`;
  const change = input.change ? `; generated/: ${input.change.written.length} written, ${input.change.removed.length} removed, ${input.change.unchanged} unchanged` : '';
  const mark = failed + skipped + notBuilt > 0 ? c.red('✖') : c.green('✔');
  const parts = [
    `${plural(built, 'spec')} built`,
    ...(unverified > 0 ? [`${unverified} unverified (no holdout check)`] : []),
    `${failed} failed`,
    ...(skipped > 0 ? [`${skipped} skipped (a dependency failed)`] : []),
    ...(notBuilt > 0 ? [`${notBuilt} not built (the build stopped)`] : []),
    ...(staged > 0 ? [`${staged} staged for manual promotion`] : []),
    ...(waiting > 0 ? [`${waiting} left waiting in the queue`] : []),
    `${input.total - built - failed - skipped - notBuilt - staged - waiting} up to date${judgedAgain}`,
  ];
  return `${mark} ${parts.join(', ')} (${money}; run ${input.runId})${change}\n`;
}

/** A shard's last line: what it built and published, what it left to the other shards. */
function formatShardSummary(input: { outcomes: ReadonlyMap<string, JobOutcome>; cancelled: boolean; runId: string; shard: { index: number; count: number; owned: number } }, color: boolean): string {
  const c = palette(color);
  const outcomes = [...input.outcomes.values()];
  const count = (s: JobOutcome['state']) => outcomes.filter((o) => o.state === s).length;
  const spent = outcomes.reduce((sum, o) => sum + o.spentUsd, 0);
  const { index, count: n, owned } = input.shard;
  const bad = count('failed') + count('skipped') + count('cancelled');
  const mark = input.cancelled || bad > 0 ? c.red('✖') : c.green('✔');
  const parts = [
    `${count('built')} built`,
    `${count('reused') + count('staged')} restored`,
    `${count('failed')} failed`,
    ...(count('skipped') > 0 ? [`${count('skipped')} skipped (a dependency failed or never reached the shared cache)`] : []),
    ...(count('cancelled') > 0 ? [`${count('cancelled')} not built (the build stopped)`] : []),
    `${count('stale')} left to other shards`,
  ];
  return `${mark} shard ${index}/${n} (${plural(owned, 'job')} of its own): ${parts.join(', ')} ($${spent.toFixed(4)} spent; run ${input.runId}); results are in the shared cache, generated/ is left to the assembling \`speccc build\`\n`;
}

/** The shared cache's part in a build, when it had one. */
export function formatCacheSummary(counts: { restored: number; uploaded: number; refused: number; errors: number }): string {
  const parts = [`${counts.restored} restored`, `${counts.uploaded} uploaded`, ...(counts.refused > 0 ? [`${counts.refused} refused`] : []), ...(counts.errors > 0 ? [`${counts.errors} failed`] : [])];
  return `remote cache: ${parts.join(', ')}\n`;
}
