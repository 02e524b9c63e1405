/**
 * What `speccc report` reads besides the check and the plan: every run trace, the verify
 * history, the manifest and the holdout scenarios' names. Only reading here; src/report/collect.ts
 * assembles the report from it. Broken lines and files are reported as problems, never thrown.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Manifest, TracedEvent } from '../types/index.js';
import { listRuns, readRun } from './trace.js';
import { readVerifyHistory, VERIFY_HISTORY, type VerifyHistoryLine } from './verify-history.js';
import { readManifest } from './generated-tree.js';
import { currentHolder } from './lock.js';

const CHECK_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
/** A scenario's plain-language file is read only for its title: a bigger one is named by its file. */
const MAX_TITLE_READ = 64 * 1024;

export interface RecordedRun {
  id: string;
  events: TracedEvent[];
}

/** A holdout scenario of a spec: `name` as the validator reports it (the file's stem), `title` from its `# ` heading. */
export interface ScenarioName {
  spec: string;
  name: string;
  title: string | null;
}

export interface ReportRecords {
  runs: RecordedRun[];
  verify: VerifyHistoryLine[];
  manifest: Manifest;
  manifestProblem: string | null;
  scenarios: ScenarioName[];
  /** Lines or files that could not be read, as `file:line: message`, for stderr. */
  problems: string[];
  /** A build (or watch --build) holds the workspace lock now. */
  buildRunning: boolean;
}

export async function readReportRecords(root: string, paths: { generated: string; scenarios: string }, version: string): Promise<ReportRecords> {
  const problems: string[] = [];
  const runs: RecordedRun[] = [];
  for (const run of await listRuns(root)) {
    const { events, problems: broken } = await readRun(run);
    for (const p of broken) problems.push(`.speccc/runs/${run.runId}.jsonl:${p.line}: ${p.message}; skipped`);
    runs.push({ id: run.runId, events });
  }
  const history = await readVerifyHistory(root);
  for (const p of history?.problems ?? []) problems.push(`${VERIFY_HISTORY}:${p.line}: ${p.message}`);
  const { manifest, problem } = await readManifest(path.resolve(root, paths.generated), version);
  const holder = await currentHolder(root);
  const buildRunning = holder !== null && (holder.command === 'build' || holder.command === 'watch');
  return { runs, verify: history?.lines ?? [], manifest, manifestProblem: problem, scenarios: await scenarioNames(path.resolve(root, paths.scenarios)), problems, buildRunning };
}

/** Every holdout scenario by spec folder: plain-language `<name>.md` files and automated checks. */
async function scenarioNames(dir: string): Promise<ScenarioName[]> {
  const folders = await fs.readdir(dir, { withFileTypes: true }).then(
    (entries) => entries.filter((d) => d.isDirectory()).map((d) => d.name).sort(),
    () => [] as string[],
  );
  const out: ScenarioName[] = [];
  for (const spec of folders) {
    const names = await fs.readdir(path.join(dir, spec)).catch(() => [] as string[]);
    const titles = new Map<string, string | null>();
    for (const md of names.filter((n) => n.endsWith('.md')).sort()) titles.set(md.slice(0, -3), await titleOf(path.join(dir, spec, md)));
    for (const check of names.filter((n) => CHECK_FILE.test(n)).sort()) {
      const name = check.replace(CHECK_FILE, '');
      if (!titles.has(name)) titles.set(name, null);
    }
    for (const [name, title] of [...titles].sort(([a], [b]) => (a < b ? -1 : 1))) out.push({ spec, name, title });
  }
  return out;
}

/** The first `# ` heading after any frontmatter, or null. */
async function titleOf(file: string): Promise<string | null> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buffer = Buffer.alloc(MAX_TITLE_READ);
    const { bytesRead } = await handle.read(buffer, 0, MAX_TITLE_READ, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const body = text.startsWith('---') ? text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '') : text;
    const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body);
    return heading ? heading[1]!.trim() : null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}
