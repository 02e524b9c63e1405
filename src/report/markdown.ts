/**
 * A short Markdown summary of a report, for a GitHub job summary or a pull-request comment:
 * the counts, each failing spec with its failing holdout scenarios, failures by kind with what
 * to strengthen in the spec, and spend. Long lists are cut (with how many were left out) so the
 * text stays well under a comment's size limit.
 */
import type { ReportModel } from './model.js';
import { specAnchor } from './graph.js';

/** What a pull request adds to the summary (`report --format markdown --since <ref> --link <url>`). */
export interface MarkdownOptions {
  /**
   * The full report's address (`--link`, `SPECCC_REPORT_URL`: where CI publishes the HTML report,
   * or the artifact's page). Each spec named links to its section there; absent: no links.
   */
  link?: string;
  /** `--since`: the specs the change reaches, each with why (the changed file, or the spec it depends on). */
  changed?: readonly { id: string; why: string }[];
}
import { priorityLabel } from './queue.js';

export const MAX_FAILING_LISTED = 25;
export const MAX_SCENARIOS_LISTED = 10;
export const MAX_RUNS_LISTED = 5;
export const MAX_CLASSES_LISTED = 15;
export const MAX_CLASS_SPECS_LISTED = 10;
export const MAX_QUEUE_LISTED = 10;

/**
 * Spec text as inert Markdown: characters that could start markup (emphasis, code, links,
 * table cells) are backslash-escaped, `<`, `>` and `&` become entities, line breaks become
 * spaces, and `@` is followed by a word joiner so that it mentions no one.
 */
export function markdownText(text: unknown): string {
  return String(text)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u2060');
}

function usd(v: number): string {
  const n = Number.isFinite(v) ? v : 0;
  return n !== 0 && Math.abs(n) < 0.01 ? `$${n.toPrecision(2)}` : `$${n.toFixed(2)}`;
}

function when(at: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(String(at));
  return m ? `${m[1]} ${m[2]}${/Z$/.test(at) ? ' UTC' : ''}` : markdownText(at);
}

function more(n: number, what: string): string {
  return `…and ${n} more ${what}`;
}

/** A spec's id, linked to its section of the full report when there is one. */
const specRef = (id: string, link: string | undefined) => (link ? `[${markdownText(id)}](${linkUrl(link)}#${specAnchor(id)})` : `**${markdownText(id)}**`);
/** An address as a Markdown link target: spaces and parentheses escaped so that it cannot end the link early. */
const linkUrl = (link: string) => encodeURI(link).replace(/\(/g, '%28').replace(/\)/g, '%29');

/** The pull request's part: specs the change reaches, stale specs and why, what the last run built and spent. */
function pullRequestLines(model: ReportModel, options: MarkdownOptions): string[] {
  const lines: string[] = [];
  const link = options.link;
  const stateOf = new Map(model.specs.map((x) => [x.id, x.state]));
  if (options.changed) {
    lines.push(`### Specs this change reaches (${options.changed.length})`, '');
    if (options.changed.length === 0) lines.push('None: no spec, context, template, holdout or generated file changed.');
    for (const c of options.changed.slice(0, MAX_FAILING_LISTED)) lines.push(`- ${specRef(c.id, link)} (${markdownText(stateOf.get(c.id) ?? 'unknown')}): ${markdownText(c.why)}`);
    if (options.changed.length > MAX_FAILING_LISTED) lines.push(`- ${more(options.changed.length - MAX_FAILING_LISTED, 'specs')}`);
    lines.push('');
  }
  const stale = model.specs.filter((x) => x.state === 'stale');
  if (stale.length > 0) {
    lines.push(`### Stale specs (${stale.length})`, '');
    for (const x of stale.slice(0, MAX_FAILING_LISTED)) lines.push(`- ${specRef(x.id, link)}: ${markdownText(x.why)}`);
    if (stale.length > MAX_FAILING_LISTED) lines.push(`- ${more(stale.length - MAX_FAILING_LISTED, 'stale specs')}`);
    lines.push('');
  }
  const run = model.lastRun;
  if (run && run.jobs.length > 0) {
    const cost = run.jobs.reduce((sum, j) => sum + j.costUsd, 0);
    lines.push(`### Last run: ${markdownText(run.id)} (${usd(cost)})`, '', '| Spec | State | Attempts | Cost |', '| --- | --- | ---: | ---: |');
    for (const j of run.jobs.slice(0, MAX_FAILING_LISTED)) {
      const state = `${markdownText(j.state)}${j.failureClass ? ` (${markdownText(j.failureClass)})` : ''}${j.note ? `: ${markdownText(j.note)}` : ''}`;
      lines.push(`| ${specRef(j.spec, link)} | ${state} | ${j.attempts} | ${usd(j.costUsd)} |`);
    }
    if (run.jobs.length > MAX_FAILING_LISTED) lines.push(`| ${more(run.jobs.length - MAX_FAILING_LISTED, 'jobs')} | | | |`);
    lines.push('');
  }
  return lines;
}

/** The queue: its counts, what `build --next` takes next (most urgent first), what runs, what waits for a person. */
function queueLines(model: ReportModel): string[] {
  const q = model.queue;
  const counts = `${q.waiting.length} waiting · ${q.running.length} running · ${q.failed.length} failed · ${q.shipped.length} shipped · ${q.held.length} held`;
  const lines = ['### Queue', '', `**${counts}**${q.waiting.length > 0 ? ' · `speccc build --next N` takes from the top:' : ''}`, ''];
  q.waiting.slice(0, MAX_QUEUE_LISTED).forEach((e, i) => lines.push(`${i + 1}. **${markdownText(e.id)}** (${priorityLabel(e.priority)}): ${markdownText(e.why)}`));
  if (q.waiting.length > MAX_QUEUE_LISTED) lines.push(`- ${more(q.waiting.length - MAX_QUEUE_LISTED, 'waiting')}`);
  if (q.waiting.length > 0) lines.push('');
  const list = (entries: typeof q.held, word: (e: (typeof q.held)[number]) => string) =>
    entries.slice(0, MAX_QUEUE_LISTED).map((e) => `${markdownText(e.id)} (${markdownText(word(e))})`).join(', ') + (entries.length > MAX_QUEUE_LISTED ? ` and ${entries.length - MAX_QUEUE_LISTED} more` : '');
  if (q.running.length > 0) lines.push(`Running: ${list(q.running, (e) => e.run ?? 'building')}.`, '');
  if (q.held.length > 0) lines.push(`Held for a person: ${list(q.held, (e) => e.stage)}.`, '');
  return lines;
}

export function renderReportMarkdown(model: ReportModel, options: MarkdownOptions = {}): string {
  const s = model.summary;
  const lines: string[] = [];
  lines.push(`## speccc report: ${markdownText(model.workspace)}`, '');
  const extra = (['draft', 'blocked', 'constraint'] as const)
    .map((state) => [state, model.specs.filter((x) => x.state === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${state}`);
  lines.push(
    `**${s.promoted} promoted · ${s.stale} stale · ${s.failing} failing · ${s.unverified} unverified** of ${s.total} specs${extra.length ? ` (${extra.join(', ')})` : ''}` +
      ` · satisfaction ${s.satisfaction === null ? 'not measured' : s.satisfaction.toFixed(2)} · spent ${usd(s.spentUsd)} in ${model.runs.length} ${model.runs.length === 1 ? 'run' : 'runs'}`,
    '',
  );
  lines.push(...pullRequestLines(model, options));

  lines.push(...queueLines(model));

  const failing = model.specs.filter((x) => x.state === 'failing');
  if (failing.length === 0) {
    lines.push('No failing spec.', '');
  } else {
    lines.push(`### Failing specs (${failing.length})`, '');
    for (const spec of failing.slice(0, MAX_FAILING_LISTED)) {
      lines.push(`- ${specRef(spec.id, options.link)} (${markdownText(spec.title)}): ${markdownText(spec.why)}`);
      const failed = spec.scenarios.filter((x) => x.passed === false);
      for (const scenario of failed.slice(0, MAX_SCENARIOS_LISTED)) lines.push(`  - ✗ ${markdownText(scenario.name)}${scenario.failure ? `: ${markdownText(scenario.failure.replace(/\s+/g, ' '))}` : ''}`);
      if (failed.length > MAX_SCENARIOS_LISTED) lines.push(`  - ${more(failed.length - MAX_SCENARIOS_LISTED, 'failing scenarios')}`);
    }
    if (failing.length > MAX_FAILING_LISTED) lines.push(`- ${more(failing.length - MAX_FAILING_LISTED, 'failing specs')}`);
    lines.push('');
  }

  const blocked = model.specs.filter((x) => x.state === 'blocked');
  if (blocked.length > 0) {
    const ids = blocked.slice(0, MAX_FAILING_LISTED).map((x) => markdownText(x.id));
    lines.push(`Blocked by a failing dependency: ${ids.join(', ')}${blocked.length > MAX_FAILING_LISTED ? ` and ${blocked.length - MAX_FAILING_LISTED} more` : ''}.`, '');
  }

  if (model.failureClasses.length > 0) {
    lines.push('### Failures by kind', '', '| Failure | Count | Specs | What to strengthen in the spec |', '| --- | ---: | --- | --- |');
    const classes = [...model.failureClasses].sort((a, b) => b.count - a.count);
    for (const f of classes.slice(0, MAX_CLASSES_LISTED)) {
      const specs = f.specs.slice(0, MAX_CLASS_SPECS_LISTED).map(markdownText).join(', ') + (f.specs.length > MAX_CLASS_SPECS_LISTED ? ` and ${f.specs.length - MAX_CLASS_SPECS_LISTED} more` : '');
      lines.push(`| ${markdownText(f.label)} (${markdownText(f.class)}) | ${f.count} | ${specs} | ${markdownText(f.hint ?? '')} |`);
    }
    lines.push('');
  }

  lines.push('### Spend', '');
  if (model.runs.length === 0) {
    lines.push('No run recorded yet.', '');
  } else {
    const recent = model.runs.slice(-MAX_RUNS_LISTED).reverse();
    lines.push('| Run | At | Cost | Jobs | Failed |', '| --- | --- | ---: | ---: | ---: |');
    for (const r of recent) lines.push(`| ${markdownText(r.id)} | ${when(r.at)} | ${usd(r.costUsd)} | ${r.jobs} | ${r.failed} |`);
    lines.push('');
    const stopped = recent.filter((r) => r.stopped);
    for (const r of stopped) lines.push(`- ${markdownText(r.id)} was ${r.outcome === 'cancelled' ? 'cancelled' : r.outcome === null ? 'cut off' : 'stopped'}: ${markdownText(r.stopped)}.`);
    if (stopped.length > 0) lines.push('');
    const shown = recent.length < model.runs.length ? `Latest ${recent.length} of ${model.runs.length} runs; ` : '';
    lines.push(`${shown}${usd(s.spentUsd)} spent in all.`, '');
    if (model.lastRun?.cacheMiss) lines.push(`Last run: ${markdownText(model.lastRun.cacheMiss.line)}.`, '');
  }
  const full = options.link ? `[the full report](${linkUrl(options.link)})` : '`speccc report`';
  lines.push(`<sub>Generated ${when(model.generatedAt)} by speccc ${markdownText(model.specccVersion)}. Every spec in detail: ${full}.</sub>`, '');
  return lines.join('\n');
}
