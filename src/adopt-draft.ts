/**
 * `speccc adopt` with a model: one agent request per spec, through the runtime (budget, trace,
 * redaction, lock), that sees the module's code, its JSDoc and its tests and rewrites the spec's
 * What, Who, Rules, Edge cases and Evaluation with the `write_file` tool (the spec file is its one
 * output). A draft is kept only if its frontmatter is the skeleton's and it checks without
 * errors; otherwise the skeleton stays. Every drafted sentence is marked. `--dry-run` prices it.
 */
import path from 'node:path';
import type { CliIo } from './commands/shared.js';
import type { Diagnostic, SpecccConfig } from './types/index.js';
import type { SourceText } from './adopt/types.js';
import { acceptDraft, DRAFT_SYSTEM, estimateDraft, renderDraftPrompt, type DraftEstimate } from './adopt/draft.js';
import { TEST_FILE } from './adopt/read-modules.js';
import { parseSpecFile } from './phases/1-parse/index.js';
import { modelSpec } from './phases/2-model/index.js';
import { sha256 } from './hash.js';
import { createSandbox } from './phases/6-generate/sandbox.js';
import { TOOL_DEFINITIONS } from './phases/4-render/tools.js';
import { loadConfig } from './io/config-file.js';
import { readDraftTemplate, readSources, removeScratch, scratchWorkspace, writeAdoption } from './io/adopt-project.js';
import { check } from './compile.js';
import { createRuntime, takeCredentials, type ProviderName } from './runtime.js';
import { SPECCC_VERSION } from './version.js';

export interface DraftOptions {
  /** Spec file -> its skeleton, as adopt just wrote it (or, under --dry-run, would write it). */
  skeletons: ReadonlyMap<string, string>;
  /** Workspace-relative generated root the specs' outputs are relative to (the config may not be written yet under --dry-run). */
  generatedRoot: string;
  provider: ProviderName;
  dryRun: boolean;
  maxCostUsd?: number;
}

interface DraftJob {
  id: string;
  file: string;
  skeleton: string;
  prompt: string;
  readable: Map<string, string>;
}

export async function draftSpecs(io: CliIo, root: string, options: DraftOptions): Promise<number> {
  const config = (await loadConfig(root)).config;
  const template = await readDraftTemplate();
  const jobs = await Promise.all([...options.skeletons].map(([file, skeleton]) => draftJob(root, options.generatedRoot, file, skeleton, template)));
  if (options.dryRun) {
    io.stdout(formatEstimate(jobs, config));
    return 0;
  }
  const runtime = createRuntime({ root, config, credentials: takeCredentials(io.env), command: 'adopt', provider: options.provider, ...(options.maxCostUsd !== undefined ? { maxCostUsd: options.maxCostUsd } : {}), onWarning: (line) => io.stderr(`speccc: warning: ${line}\n`) });
  const lock = await runtime.lock();
  // Marks the run for `speccc audit`: this agent reads the project's tests by design (they become holdouts only at --take).
  runtime.trace.write({ type: 'run-start', command: 'adopt', provider: runtime.providerLabel, sandbox: runtime.sandbox, speccc: SPECCC_VERSION, maxCostUsd: runtime.budget.cap });
  const scratch = await scratchWorkspace(root, [config.paths.specs, config.paths.context, config.paths.templates, options.generatedRoot], new Map());
  let failed = 0;
  let spent = 0;
  try {
    for (const [i, job] of jobs.entries()) {
      io.stderr(`… drafting ${job.id} (${i + 1} of ${jobs.length})\n`);
      const result = await draftOne(runtime, config, job, io.signal);
      spent += result.costUsd;
      const accepted = result.text === undefined ? { why: result.why ?? 'no draft' } : await checkDraft(scratch, job, result.text);
      if ('why' in accepted) {
        failed++;
        io.stderr(`✖ ${job.id}: kept the skeleton: ${accepted.why} ($${result.costUsd.toFixed(4)})\n`);
        continue;
      }
      await writeAdoption(root, new Map([[job.file, accepted.text]]));
      io.stderr(`✔ drafted ${job.file} ($${result.costUsd.toFixed(4)})\n`);
      if (io.signal.aborted) break;
    }
  } finally {
    await removeScratch(scratch);
    await runtime.finish();
    runtime.trace.write({ type: 'run-end', outcome: failed > 0 ? 'failed' : 'done', spentUsd: runtime.budget.spent() });
    await lock.release();
  }
  io.stdout(`drafted ${jobs.length - failed} of ${jobs.length} spec${jobs.length === 1 ? '' : 's'} with a model ($${spent.toFixed(4)}); every drafted sentence is marked <!-- drafted --> until a person confirms it\n`);
  return failed > 0 ? 1 : 0;
}

/** The prompt for one spec: its skeleton, the code it owns and the tests it links to or owns. */
async function draftJob(root: string, generatedRoot: string, file: string, skeleton: string, template: string): Promise<DraftJob> {
  const spec = modelSpec(parseSpecFile(file, new TextEncoder().encode(skeleton))).spec!;
  const fm = spec.frontmatter!;
  const owned = fm.outputs.map((o) => `${generatedRoot}/${o}`);
  // Tests outside the generated root are linked from Evaluation, not owned.
  const linked = [...skeleton.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!))).filter((p) => TEST_FILE.test(p) && !p.startsWith('..'));
  const sources = await readSources(root, [...new Set([...owned, ...linked])]);
  const code = sources.filter((s) => !TEST_FILE.test(s.path) && s.text !== '');
  const tests = sources.filter((s) => TEST_FILE.test(s.path));
  const kind = fm.kind === 'architecture' ? 'architecture' : 'feature';
  const prompt = renderDraftPrompt(template, { id: fm.id, specFile: file, kind, skeleton, code, tests });
  return { id: fm.id, file, skeleton, prompt, readable: new Map(sources.map((s: SourceText) => [s.path, s.text])) };
}

async function draftOne(runtime: ReturnType<typeof createRuntime>, config: SpecccConfig, job: DraftJob, signal: AbortSignal): Promise<{ text?: string; why?: string; costUsd: number }> {
  const sandbox = createSandbox({ outputs: [job.file], readable: job.readable, maxFileBytes: config.model.maxOutputTokens * 16 });
  const outcome = await runtime.agent.run(
    { specId: job.id, jobKey: sha256(`${DRAFT_SYSTEM}\n${job.prompt}`), model: config.model.default, effort: config.model.effort, maxOutputTokens: config.model.maxOutputTokens, system: DRAFT_SYSTEM, prompt: job.prompt, signal },
    sandbox,
  );
  const text = sandbox.written().get(job.file);
  if (outcome.status !== 'done' || text === undefined) return { why: outcome.error ?? `the agent did not write ${job.file} (${outcome.status})`, costUsd: outcome.costUsd };
  return { text, costUsd: outcome.costUsd };
}

/** The draft must keep the frontmatter and check without errors (in the scratch copy, beside the other specs). */
async function checkDraft(scratch: string, job: DraftJob, draft: string): Promise<{ text: string } | { why: string }> {
  const accepted = acceptDraft(job.skeleton, draft);
  if (!accepted.ok) return { why: accepted.why };
  await writeAdoption(scratch, new Map([[job.file, accepted.text]]));
  const result = await check({ root: scratch, paths: [job.file], cwd: scratch, useCache: false });
  const errors = result.diagnostics.filter((d: Diagnostic) => d.severity === 'error' && d.file === job.file);
  if (errors.length === 0) return { text: accepted.text };
  await writeAdoption(scratch, new Map([[job.file, job.skeleton]]));
  const first = errors[0]!;
  return { why: `the draft does not check: ${job.file}:${first.span.start.line}:${first.span.start.column}: ${first.code} ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` };
}

function formatEstimate(jobs: readonly DraftJob[], config: SpecccConfig): string {
  const toolsBytes = Buffer.byteLength(JSON.stringify(TOOL_DEFINITIONS));
  const estimates = jobs.map((j) => estimateDraft({ id: j.id, model: config.model.default, prompt: j.prompt, toolsBytes, maxTurns: config.agent.maxTurns, maxOutputTokens: config.model.maxOutputTokens, prices: config.model.prices as never }));
  const priced = estimates.filter((e): e is DraftEstimate => e !== null);
  const sum = (f: (e: DraftEstimate) => number) => priced.reduce((s, e) => s + f(e), 0);
  const width = Math.max(...jobs.map((j) => j.id.length), 4);
  const lines = [`drafting ${jobs.length} spec${jobs.length === 1 ? '' : 's'} with ${config.model.default}: one request each, about $${sum((e) => e.expectedUsd).toFixed(4)} expected, $${sum((e) => e.worstCaseUsd).toFixed(2)} at worst (input tokens estimated from bytes)`];
  for (const [i, j] of jobs.entries()) {
    const e = estimates[i];
    lines.push(`  ${j.id.padEnd(width)}  ${e ? `${e.inputTokens.toLocaleString('en-US')} input tokens, $${e.expectedUsd.toFixed(4)} expected, $${e.worstCaseUsd.toFixed(2)} worst case` : `${config.model.default} has no price: set model.prices in speccc.config.json`}`);
  }
  lines.push('nothing was written and no request was sent (--dry-run)');
  return lines.join('\n') + '\n';
}
