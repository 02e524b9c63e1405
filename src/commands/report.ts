import path from 'node:path';
import { promises as fs } from 'node:fs';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
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
  const { priorityRank } = await import('../report/queue.js');
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
      priority: priorityRank(fm?.priority),
      ...(fm?.owner === 'hand' ? { owner: 'hand' } : {}),
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
    scenariosDir: checked.config.paths.scenarios,
    buildRunning: records.buildRunning,
  });
}

/** The platform's "open this file" command. */
export function openerFor(platform: NodeJS.Platform, file: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [file] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', file] };
  return { command: 'xdg-open', args: [file] };
}

/** How long to wait for the opener to say it failed; one that is still running after this is taken to be opening the page. */
const OPENER_WAIT_MS = 5_000;

/**
 * Why the page cannot be opened here before trying, or null. On Linux and the BSDs a browser
 * needs a display; without one, xdg-open falls back to text browsers that need a terminal it
 * does not get. A `BROWSER` setting is xdg-open's own way around that, so it is tried then.
 */
export function cannotOpen(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | null {
  if (platform === 'darwin' || platform === 'win32') return null;
  if (env.DISPLAY || env.WAYLAND_DISPLAY || env.BROWSER) return null;
  return 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
}

/** What xdg-open's exit codes mean (its manual); other openers say only 0 or not. */
const XDG_OPEN_EXIT: Record<number, string> = {
  2: 'the file does not exist',
  3: 'it found no browser or tool to open it with',
  4: 'the browser it chose failed',
};

/**
 * Runs the opener and waits for it to exit, or OPENER_WAIT_MS at most: why it failed, or null.
 * Its output is not read: an opener that runs the browser in the foreground would have the
 * browser die of a closed pipe once speccc exits.
 */
async function runOpener(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', env });
    const timer = setTimeout(() => {
      child.unref(); // still running: taken to be the browser, left to the user
      resolve(null);
    }, OPENER_WAIT_MS);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ENOENT' ? `${command} is not installed, or not on PATH` : error.message);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(null);
      const meaning = command === 'xdg-open' && code !== null ? XDG_OPEN_EXIT[code] : undefined;
      resolve(`it exited with ${signal ?? `code ${code}`}${meaning ? `: ${meaning}` : ''}`);
    });
  });
}

/** Opens the page in a browser, or says where it is and why it could not be opened (the report itself was written: not a failure). */
async function openFile(io: CliIo, file: string): Promise<void> {
  const where = `open ${file} in a browser (${pathToFileURL(file).href})`;
  const headless = cannotOpen(process.platform, io.env);
  if (headless) {
    io.stderr(`speccc: could not open the report: ${headless}; ${where}\n`);
    return;
  }
  const { command, args } = openerFor(process.platform, file);
  const failed = await runOpener(command, args, io.env);
  if (failed) io.stderr(`speccc: could not open the report with \`${command}\` (${failed}); ${where}\n`);
}

/** Inside the workspace (the default, `.speccc/report/`), never through a link out of it; elsewhere (`--out`), where the user said. */
async function writeOut(root: string, file: string, text: string): Promise<void> {
  const rel = path.relative(root, file);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return (await import('../io/safe-write.js')).writeInside(root, rel, text);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

export async function runReport(io: CliIo, flags: ReportFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    if (flags.open && flags.format !== 'html') throw new UsageError('--open opens the HTML report; leave out --format or use --format html');
    const model = await gatherReport(io, root);
    if (flags.format !== 'html') {
      const text = flags.format === 'json' ? `${JSON.stringify(model, null, 2)}\n` : (await import('../report/markdown.js')).renderReportMarkdown(model);
      if (flags.out) await writeOut(root, path.resolve(io.cwd, flags.out), text);
      else io.stdout(text);
      return EXIT.ok;
    }
    const { renderReportHtml } = await import('../report/html.js');
    const file = flags.out ? path.resolve(io.cwd, flags.out) : path.join(root, DEFAULT_REPORT_PATH);
    const html = renderReportHtml(model);
    await writeOut(root, file, html);
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
