/** What `speccc build` prints: the plan, per-job results and the summary line. Pure formatting. */
import pc from 'picocolors';
import type { BuildResult } from '../compile.js';
import { REASON_TEXT } from '../phases/5-plan/index.js';
import type { JobOutcome } from '../phases/6-generate/run-jobs.js';

export interface CostEstimate {
  inputTokens: number;
  worstCaseUsd: number | null;
}

/** Dependents that only might rebuild are listed up to this many; the headline counts them all. */
const MAYBE_LISTED = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatPlan(result: BuildResult, estimate: (id: string) => CostEstimate | null, color: boolean): string {
  const c = color ? pc : pc.createColors(false);
  const plan = result.plan!;
  const lines: string[] = [];
  let tokens = 0;
  let usd = 0;
  let unknownCost = false;
  let maybeShown = 0;
  for (const job of plan.jobs) {
    const outcome = result.outcomes.get(job.id);
    if (outcome?.state === 'fresh') {
      if (job.state === 'stale' && ++maybeShown <= MAYBE_LISTED) lines.push(`  ${c.dim('•')} ${job.id}: dependency changed; rebuilt only if the dependency's outputs change`);
      continue;
    }
    if (outcome?.state === 'reused') {
      lines.push(`  ${c.yellow('•')} ${job.id}: ${job.reasons.map((r) => REASON_TEXT[r]).join(', ')}; a stored result restores it (no agent call)`);
      for (const d of job.drifted) lines.push(`      drifted: ${d}`);
      continue;
    }
    const e = estimate(job.id);
    if (e) {
      tokens += e.inputTokens;
      if (e.worstCaseUsd === null) unknownCost = true;
      else usd += e.worstCaseUsd;
    }
    const cost = e ? ` — ~${e.inputTokens.toLocaleString('en-US')} input tokens, worst case ${e.worstCaseUsd === null ? 'unknown' : `$${e.worstCaseUsd.toFixed(2)}`}` : '';
    lines.push(`  ${c.yellow('•')} ${job.id}: ${job.reasons.map((r) => REASON_TEXT[r]).join(', ')}${cost}`);
    for (const d of job.drifted) lines.push(`      drifted: ${d}`);
  }
  if (maybeShown > MAYBE_LISTED) lines.push(`  ${c.dim(`… and ${maybeShown - MAYBE_LISTED} more behind a changed dependency`)}`);
  for (const orphan of plan.orphans) lines.push(`  ${c.red('-')} ${orphan}: no spec owns it; it will be removed`);
  const stale = plan.jobs.filter((j) => result.outcomes.get(j.id)?.state !== 'fresh').length;
  const maybe = plan.jobs.filter((j) => j.state === 'stale' && result.outcomes.get(j.id)?.state === 'fresh').length;
  const head =
    stale === 0 && maybe === 0 && plan.orphans.length === 0
      ? `${plural(plan.jobs.length, 'spec')} up to date`
      : `${plural(stale, 'spec')} of ${plan.jobs.length} to build${maybe > 0 ? `, ${maybe} more if their dependencies' outputs change` : ''}`;
  const total = stale > 0 ? ` (estimated ${tokens.toLocaleString('en-US')} input tokens; worst case ${unknownCost ? 'unknown' : `$${usd.toFixed(2)}`})` : '';
  return [`${head}${total}`, ...lines].join('\n') + '\n';
}

export function formatOutcome(o: JobOutcome, color: boolean): string {
  const c = color ? pc : pc.createColors(false);
  switch (o.state) {
    case 'built': {
      const u = o.result!.usage;
      const attempts = o.attempts > 1 ? `, ${o.attempts} attempts` : '';
      return `${c.green('✔')} ${o.id} built (${u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens} in / ${u.outputTokens} out tokens, $${o.result!.costUsd.toFixed(4)}, ${(o.result!.durationMs / 1000).toFixed(1)} s${attempts})`;
    }
    case 'reused':
      return `${c.green('✔')} ${o.id} restored from a stored result (no agent call)`;
    case 'staged':
      return `${c.yellow('⏸')} ${o.id} staged: passed its checks; promotion is manual, run \`speccc promote ${o.id}\``;
    case 'fresh':
      return o.cutOff ? `${c.green('✔')} ${o.id} up to date (its dependency was rebuilt with identical outputs)` : '';
    case 'failed':
      return `${c.red('✖')} ${o.id} failed (${o.failureClass}): ${o.error}; generated/ keeps its previous files`;
    case 'skipped':
      return `${c.yellow('-')} ${o.id} skipped: ${o.error}`;
    case 'cancelled':
      return `${c.yellow('-')} ${o.id} cancelled`;
    default:
      return `${c.yellow('•')} ${o.id} stale`;
  }
}

export function formatBuildSummary(result: BuildResult, color: boolean): string {
  const c = color ? pc : pc.createColors(false);
  const outcomes = [...result.outcomes.values()];
  const count = (s: JobOutcome['state']) => outcomes.filter((o) => o.state === s).length;
  const total = result.plan?.jobs.length ?? 0;
  if (result.cancelled) return `${c.yellow('⚠')} build cancelled: generated/ unchanged; finished jobs are stored and the next build reuses them\n`;
  const built = count('built') + count('reused');
  const failed = count('failed') + count('skipped');
  const staged = count('staged');
  if (built === 0 && failed === 0 && count('staged') === 0 && !result.change) return `${c.green('✔')} ${plural(total, 'spec')} up to date\n`;
  const change = result.change ? `; generated/: ${result.change.written.length} written, ${result.change.removed.length} removed, ${result.change.unchanged} unchanged` : '';
  const spent = outcomes.reduce((sum, o) => sum + (o.state === 'built' ? o.result!.costUsd : 0), 0);
  const mark = failed > 0 ? c.red('✖') : c.green('✔');
  const held = staged > 0 ? `, ${staged} staged for manual promotion` : '';
  return `${mark} ${plural(built, 'spec')} built, ${failed} failed${held}, ${total - built - failed - staged} up to date ($${spent.toFixed(4)} spent)${change}\n`;
}
