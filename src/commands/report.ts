import path from 'node:path';
import { promises as fs } from 'node:fs';
import { spawn } from 'node:child_process';
import { Option } from 'commander';
import type { ReportModel } from '../report/model.js';
import { EXIT, inWorkspace, UsageError, type CliIo, type RegisterCommand } from './shared.js';
import { SPECCC_VERSION } from '../version.js';

export interface ReportFlags {
  root?: string;
  out?: string;
  format: 'html' | 'json' | 'markdown';
  open?: boolean;
}

export const DEFAULT_REPORT_PATH = path.join('.speccc', 'report', 'index.html');

/**
 * The report's data, from everything the workspace records: the check, the plan (as
 * `build --dry-run` makes it: no agent, no key), the manifest, every run trace and every verify
 * run. Problems reading the records go to stderr; the report is made from the rest.
 */
export async function gatherReport(io: CliIo, root: string): Promise<ReportModel> {
  const { build, check } = await import('../compile.js');
  const { readReportRecords } = await import('../io/report-inputs.js');
  const { buildableInOrder, REASON_TEXT } = await import('../phases/5-plan/index.js');
  const { collectReport } = await import('../report/collect.js');
  type CollectInput = import('../report/collect.js').CollectInput;

  const planned = await build({ root, mode: 'plan' });
  const checked = planned.kind === 'up-to-date' ? await check({ root }) : planned.check;
  if (checked.configBroken) throw new UsageError('speccc.config.json is invalid; run `speccc check` to see where');
  const records = await readReportRecords(root, checked.config.paths, SPECCC_VERSION);
  for (const problem of records.problems) io.stderr(`speccc: ${problem}\n`);
  if (records.manifestProblem) io.stderr(`speccc: warning: the manifest ${records.manifestProblem}; every spec is reported as never built\n`);

  let plan: CollectInput['plan'];
  const blocking = planned.kind === 'blocked' ? planned.diagnostics : [];
  if (planned.kind === 'up-to-date') plan = { kind: 'up-to-date' };
  else if (planned.kind === 'blocked') {
    const first = blocking[0];
    plan = { kind: 'blocked', why: `${blocking.length} ${blocking.length === 1 ? 'error blocks' : 'errors block'} the build${first ? `, first ${first.code} in ${first.file}` : ''}` };
  } else {
    plan = {
      kind: 'planned',
      jobs: planned.plan.jobs.map((job) => {
        const outcome = planned.outcomes.get(job.id);
        const reasons = [...job.reasons.map((r) => REASON_TEXT[r]), ...job.drifted.map((d) => `${d} edited by hand`)];
        if (outcome?.state === 'reused') reasons.push('a stored result restores it (no agent call)');
        return { id: job.id, stale: outcome?.state !== 'fresh', reasons, key: (outcome?.prepared ?? job.prepared)?.key ?? null };
      }),
    };
  }

  const seen = new Set<string>();
  const diagnostics = [...checked.diagnostics, ...blocking]
    .map((d) => ({ file: d.file, code: d.code, severity: d.severity, line: d.span.start.line, column: d.span.start.column, message: d.message }))
    .filter((d) => {
      const key = JSON.stringify(d);
      return !seen.has(key) && Boolean(seen.add(key));
    });

  const specFiles = new Set(checked.workspace.files.map((f) => f.file));
  const outside = diagnostics.filter((d) => d.severity === 'error' && !specFiles.has(d.file));
  if (outside.length > 0) io.stderr(`speccc: warning: ${outside.length} ${outside.length === 1 ? 'error' : 'errors'} outside any spec (first: ${outside[0]!.file}: ${outside[0]!.code}); run \`speccc check\` to see them\n`);

  const order = new Map(buildableInOrder(checked.workspace).map((s, i) => [s.file, i]));
  const files = [...checked.workspace.files].sort((a, b) => (order.get(a.file) ?? Infinity) - (order.get(b.file) ?? Infinity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const specs = files.map((f) => {
    const fm = f.spec?.frontmatter ?? null;
    return {
      id: fm?.id ?? f.file,
      file: f.file,
      kind: fm?.kind ?? 'unknown',
      status: fm?.status ?? 'unknown (frontmatter missing or invalid)',
      title: f.spec?.title?.value ?? fm?.id ?? f.file,
      // A twin is built before the specs that use it: in the graph it is one of their dependencies.
      dependsOn: [...(fm?.depends_on ?? []), ...(fm?.uses_twins ?? [])],
      buildable: order.has(f.file),
    };
  });

  return collectReport({
    generatedAt: new Date().toISOString(),
    workspace: path.basename(root),
    specccVersion: SPECCC_VERSION,
    specs,
    diagnostics,
    plan,
    manifest: records.manifest.specs,
    runs: records.runs,
    verify: records.verify,
    scenarios: records.scenarios,
  });
}

/** The platform's "open this file" command. */
export function openerFor(platform: NodeJS.Platform, file: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [file] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', file] };
  return { command: 'xdg-open', args: [file] };
}

async function openFile(io: CliIo, file: string): Promise<void> {
  const { command, args } = openerFor(process.platform, file);
  const failed = await new Promise<Error | null>((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', resolve);
    child.once('spawn', () => {
      child.unref();
      resolve(null);
    });
  });
  if (failed) io.stderr(`speccc: could not open the report with \`${command}\` (${failed.message}); open ${file} in a browser\n`);
}

async function writeOut(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

export async function runReport(io: CliIo, flags: ReportFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    if (flags.open && flags.format !== 'html') throw new UsageError('--open opens the HTML report; leave out --format or use --format html');
    const model = await gatherReport(io, root);
    if (flags.format !== 'html') {
      const text = flags.format === 'json' ? `${JSON.stringify(model, null, 2)}\n` : (await import('../report/markdown.js')).renderReportMarkdown(model);
      if (flags.out) await writeOut(path.resolve(io.cwd, flags.out), text);
      else io.stdout(text);
      return EXIT.ok;
    }
    const { renderReportHtml } = await import('../report/html.js');
    const file = flags.out ? path.resolve(io.cwd, flags.out) : path.join(root, DEFAULT_REPORT_PATH);
    const html = renderReportHtml(model);
    await writeOut(file, html);
    const s = model.summary;
    const shown = path.relative(io.cwd, file) || file;
    io.stdout(
      `✔ report written to ${shown.startsWith('..') ? file : shown} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB): ` +
        `${s.total} specs, ${s.promoted} promoted, ${s.stale} stale, ${s.failing} failing, ${s.unverified} unverified; $${s.spentUsd.toFixed(2)} spent in ${model.runs.length} runs\n`,
    );
    if (flags.open) await openFile(io, file);
    return EXIT.ok;
  });
}

export const registerReport: RegisterCommand = (program, io, done) => {
  program
    .command('report')
    .description('The factory report: every spec’s state and why, failures by kind with what to strengthen in the spec, spend, satisfaction and the dependency graph, as one self-contained HTML page.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--out <file>', `where to write it (default for HTML: ${DEFAULT_REPORT_PATH.split(path.sep).join('/')}; JSON and Markdown go to stdout)`)
    .addOption(new Option('--format <format>', 'html, json (the report model, for dashboards) or markdown (for a CI job summary or a PR comment)').choices(['html', 'json', 'markdown']).default('html'))
    .option('--open', 'open the HTML report with the platform’s opener')
    .action((flags: ReportFlags) => done(runReport(io, flags)));
};
