/**
 * The whole pipeline, top to bottom. Each step reads everything it needs first, then hands data to
 * the pure phases (src/phases/N-*), whose entry functions are named below:
 *
 *   check: files --1-parse--> mdast --2-model--> Spec[] --3-check--> diagnostics
 *   build: check --5-render--> prompts --4-plan--> stale jobs --6-generate (agent)--> staged files
 *          --7-validate--> verdicts --8-emit--> one atomic promotion of generated/ + manifest
 */
import path from 'node:path';
import type { Agent, Diagnostic, ModelledFile, SpecccConfig, Validator, Workspace } from './types.js';
import { planBuild, type ForceSpec, type Plan } from './phases/4-plan/index.js';
import type { Manifest } from './phases/4-plan/manifest.js';
import { canonicalJson } from './phases/4-plan/job-key.js';
import type { JobEnvironment } from './phases/4-plan/prepare-job.js';
import { renderFix, renderJob, renderSystem, TOOL_DEFINITIONS } from './phases/5-render/index.js';
import { mergeTemplates } from './phases/5-render/templates.js';
import { stripHeader } from './phases/8-emit/provenance.js';
import { runJobs, type BuildEvent, type JobOutcome } from './build/run-jobs.js';
import { assembleTree } from './build/assemble-tree.js';
import { holdForPromotion, renderFixOrJob, stageFiles, stampBuild } from './build/steps.js';
import { generatedReadme } from './build/generated-readme.js';
import { readTemplates } from './io/templates.js';
import { MANIFEST_PATH, readGeneratedTree } from './io/generated-tree.js';
import { readResult, writeResult } from './io/results.js';
import { promoteTree, recoverPromotion, type TreeChange } from './io/promote.js';
import { acquireWorkspaceLock } from './io/lock.js';
import { upToDateStamp } from './io/build-stamp.js';
import { loadConfig } from './config/load.js';
import { makeDiagnostic } from './diagnostics/make.js';
import { readWorkspaceFiles, type WorkspaceFiles } from './io/workspace-files.js';
import { assembleWorkspace, decodeContext, driftOf, modelFiles, selectPaths } from './workspace.js';
import { sha256 } from './phases/1-parse/hash.js';
import { checkWorkspace, sortDiagnostics } from './phases/3-check/index.js';
import { SPECCC_VERSION } from './version.js';
import { promises as fsp } from 'node:fs';

export interface CheckOptions {
  /** Absolute workspace root. */
  root: string;
  /** Only report on these spec files or folders (the whole workspace is still read for references). */
  paths?: string[];
  cwd?: string;
  /** Use the content-hash parse cache under .speccc/ (default true). */
  useCache?: boolean;
  /** Already-modelled files from an earlier round (watch mode), by path; reused when the hash matches. */
  previous?: ReadonlyMap<string, ModelledFile>;
  /** Files already read (watch mode keeps them in memory and re-reads only what changed). */
  files?: WorkspaceFiles;
}

export interface CheckResult {
  config: SpecccConfig;
  /** True when the config itself is broken: the command should exit 2. */
  configBroken: boolean;
  workspace: Workspace;
  diagnostics: Diagnostic[];
  specs: number;
  errors: number;
  warnings: number;
}

export { assembleWorkspace };

export async function check(options: CheckOptions): Promise<CheckResult> {
  const root = path.resolve(options.root);
  const loaded = await loadConfig(root);
  const config = loaded.config;
  const files = options.files ?? (await readWorkspaceFiles({ root, specsDir: config.paths.specs, contextDir: config.paths.context }));
  const modelled = await modelFiles(root, files.specs, { ...options, prune: !options.paths || options.paths.length === 0 });
  const context = files.context.map(decodeContext);
  const workspace = assembleWorkspace(root, modelled, context);

  const inputProblems: Diagnostic[] = [];
  const origin = { line: 1, column: 1, offset: 0 };
  if (!files.specsDirExists) {
    inputProblems.push(
      makeDiagnostic('specs-folder-missing', {
        file: config.paths.specs,
        span: { start: origin, end: origin },
        message: `Specs folder \`${config.paths.specs}\` does not exist in the workspace root; expected a folder of markdown specs`,
      }),
    );
  }
  let diagnostics = sortDiagnostics([
    ...loaded.diagnostics,
    ...inputProblems,
    ...modelled.flatMap((m) => m.diagnostics),
    ...checkWorkspace({ workspace, generatedRoot: config.paths.generated }),
    ...(await driftOf(root, config, workspace)),
  ]);
  if (options.paths && options.paths.length > 0) {
    const only = await selectPaths(root, options.paths, options.cwd ?? root);
    diagnostics = diagnostics.filter((d) => only.matches(d.file) || d.file === loaded.file);
    for (const missing of only.missing) {
      diagnostics.push(
        makeDiagnostic('path-not-found', {
          file: missing,
          span: { start: origin, end: origin },
          message: `Path \`${missing}\` does not exist; expected a spec file or folder`,
        }),
      );
    }
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    config,
    configBroken: loaded.diagnostics.length > 0,
    workspace,
    diagnostics,
    specs: modelled.length,
    errors,
    warnings: diagnostics.length - errors,
  };
}

// ---------------------------------------------------------------------------------------------
// build
// ---------------------------------------------------------------------------------------------

export interface BuildOptions {
  root: string;
  /** build: run agents and promote; plan: compute the plan only (dry run, --check). */
  mode: 'build' | 'plan';
  force: ForceSpec;
  /** Required in build mode. */
  agent?: Agent | null;
  /** How the manifest names who wrote the outputs. */
  providerLabel?: string;
  validator?: Validator;
  signal?: AbortSignal;
  onEvent?: (event: BuildEvent) => void;
  /** Overrides config.concurrency. */
  concurrency?: number;
  /** Specs a person promotes now (`speccc promote`); matters under `promotion.policy: "manual"`. */
  promote?: 'all' | ReadonlySet<string>;
}

export interface BuildResult {
  check: CheckResult;
  /** Errors that stop the build before any agent call (check errors, template errors). */
  blocked: Diagnostic[];
  systemPrompt: string;
  plan: Plan | null;
  outcomes: Map<string, JobOutcome>;
  change: TreeChange | null;
  manifest: Manifest | null;
  cancelled: boolean;
  /** Set when the build stamp showed nothing changed since a fully up-to-date build: no plan was made. */
  stamped: { specs: number } | null;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const signal = options.signal ?? new AbortController().signal;
  await recoverPromotion(root);
  // Fast path: every input is byte-identical to the last build that left everything up to date.
  const stamp = options.force ? undefined : await upToDateStamp(root, SPECCC_VERSION);
  if (stamp) {
    const config = (await loadConfig(root)).config;
    return {
      check: { config, configBroken: false, workspace: assembleWorkspace(root, [], []), diagnostics: [], specs: stamp.specs, errors: 0, warnings: 0 },
      blocked: [],
      systemPrompt: '',
      plan: null,
      outcomes: new Map(),
      change: null,
      manifest: null,
      cancelled: false,
      stamped: { specs: stamp.specs },
    };
  }
  const checked = await check({ root });
  const config = options.concurrency ? { ...checked.config, concurrency: options.concurrency } : checked.config;
  const empty = { check: checked, systemPrompt: '', plan: null, outcomes: new Map(), change: null, manifest: null, cancelled: false, stamped: null };
  // Drift in generated/ is what a build repairs, so it does not block one.
  const checkErrors = checked.diagnostics.filter((d) => d.severity === 'error' && !d.code.startsWith('generated-'));
  if (checked.configBroken || checkErrors.length > 0) return { ...empty, blocked: checkErrors };

  // 5-render: templates and the system prompt, shared by every job.
  const sources = await readTemplates(root, config.paths.templates);
  const templates = mergeTemplates(sources.defaults, sources.overrides);
  const workspace = checked.workspace;
  const constraints = [...workspace.byId.values()].filter((s) => s.frontmatter!.kind === 'constraint' && s.frontmatter!.status === 'ready');
  const system = renderSystem(templates, { context: workspace.context, constraints });
  const probe = renderFixOrJob(templates, workspace);
  const templateErrors = [...(system.ok ? [] : system.diagnostics), ...probe];
  if (!system.ok || templateErrors.length > 0) return { ...empty, blocked: templateErrors };

  // 4-plan: against the generated tree as it is now.
  const generatedDir = path.join(root, config.paths.generated);
  const tree = await readGeneratedTree(generatedDir, SPECCC_VERSION);
  const current = new Map([...tree.files].map(([p, c]) => [p, stripHeader(c)]));
  const env: JobEnvironment = {
    workspace,
    config,
    systemPrompt: system.text,
    templatesDigest: sha256(canonicalJson([...templates.byName.values()].map((t) => [t.name, t.text]))),
    toolsDigest: sha256(canonicalJson(TOOL_DEFINITIONS)),
    renderJob: (spec, dependencies) => {
      const job = renderJob(templates, { spec, outputs: spec.frontmatter!.outputs, dependencies });
      if (!job.ok) throw new Error(`bug: job template failed after the probe passed: ${job.diagnostics[0]?.message}`);
      return job.text;
    },
    outputOf: (p) => current.get(p),
  };
  const plan = planBuild({ ...env, manifest: tree.manifest, generatedHashes: tree.hashes, force: options.force });
  const base = { ...empty, blocked: [], systemPrompt: system.text, plan, manifest: tree.manifest };

  // 6-generate + 7-validate: agents only in build mode; plan mode still settles what is reusable.
  const release = options.mode === 'build' ? await acquireWorkspaceLock(root, 'build') : async () => {};
  const runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const stagingDir = path.join(root, '.speccc', 'staging', runId);
  try {
    const outcomes = await runJobs({
      root,
      config,
      plan,
      manifest: tree.manifest,
      env,
      current,
      results: { read: (key) => readResult(root, key), write: (r) => writeResult(root, r) },
      agent: options.mode === 'build' ? (options.agent ?? null) : null,
      providerLabel: options.providerLabel ?? options.agent?.name ?? 'unknown',
      ...(options.validator ? { validator: options.validator, stage: (id, files) => stageFiles(path.join(stagingDir, 'jobs', id), files) } : {}),
      renderFix: (job, attempt, failures) => {
        const fix = renderFix(templates, { spec: job.spec, attempt, maxAttempts: 1 + config.validation.maxFixAttempts, failures });
        return fix.ok ? fix.text : failures.map((f) => `${f.title}\n${f.output}`).join('\n\n');
      },
      signal,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    const allFresh = [...outcomes.values()].every((o) => o.state === 'fresh') && plan.orphans.length === 0;
    if (options.mode === 'plan') {
      if (allFresh && !tree.manifestBroken) await stampBuild(root, plan.jobs.length);
      return { ...base, outcomes };
    }
    if (signal.aborted) return { ...base, outcomes, cancelled: true };
    if (config.promotion.policy === 'manual') holdForPromotion(outcomes, options.promote);

    // 8-emit: one atomic promotion, only if something changed.
    const next = assembleTree({ plan, outcomes, currentRaw: tree.files, manifest: tree.manifest, version: SPECCC_VERSION });
    const allDone = [...outcomes.values()].every((o) => ['fresh', 'built', 'reused'].includes(o.state));
    if (!next.changed && !tree.manifestBroken) {
      if (allDone) await stampBuild(root, plan.jobs.length);
      return { ...base, outcomes, manifest: next.manifest };
    }
    const providers = [...new Set(Object.values(next.manifest.specs).map((e) => e.provider))].sort();
    const change = await promoteTree({
      root,
      generatedDir,
      stagingDir,
      current: tree.files,
      next: next.files,
      extra: new Map([
        [MANIFEST_PATH, JSON.stringify(next.manifest, null, 2) + '\n'],
        ['README.md', generatedReadme(providers)],
      ]),
      signal,
    });
    if (allDone) await stampBuild(root, plan.jobs.length);
    return { ...base, outcomes, change, manifest: next.manifest };
  } finally {
    // Staged trees of a cancelled or failed run are never promoted; nothing of them is kept.
    await fsp.rm(stagingDir, { recursive: true, force: true });
    await release();
  }
}
