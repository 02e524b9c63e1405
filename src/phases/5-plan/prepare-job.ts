import type { PreparedJob, JobKeyInputs, Spec, SpecccConfig, Workspace } from '../../types/index.js';
import { canonicalJson, sha256 } from '../../hash.js';
import { JOB_FORMAT, jobKey } from './job-key.js';
import { twinsUsedBy } from '../2-model/twins.js';
import { dependencyOutputs as readableOutputs } from './hand-owned.js';

export interface DependencyFiles {
  id: string;
  files: { path: string; content: string }[];
  /** A dependency of a dependency: its prompt shows declarations only (its files are still in the staged tree and the key). */
  distant?: boolean;
}

/** What planning and running a job need besides the spec: the build-wide prompt parts, rendered by phase 4. */
export interface JobEnvironment {
  workspace: Workspace;
  config: SpecccConfig;
  /** The rendered system prompt, identical for every job in a build. */
  systemPrompt: string;
  /** Digest of every template's text. */
  templatesDigest: string;
  /** Digest of the tool definitions. */
  toolsDigest: string;
  /** Phase 4's job prompt for a spec and its dependencies' outputs (template errors are found before planning). */
  renderJob: (spec: Spec, dependencies: DependencyFiles[]) => string;
  /** Current content of a generated file (dependency outputs), or undefined. */
  outputOf: (path: string) => string | undefined;
}

/** Model routing: the spec's own `model:` wins, then the configured model for its kind, then the default. */
export function modelFor(spec: Spec, config: SpecccConfig): string {
  const fm = spec.frontmatter!;
  return fm.model ?? config.model.byKind[fm.kind] ?? config.model.default;
}

/** Effort routing, the same way: spec, kind, default. */
export function effortFor(spec: Spec, config: SpecccConfig): string {
  const fm = spec.frontmatter!;
  return fm.effort ?? config.model.effortByKind[fm.kind] ?? config.model.effort;
}

/** `closure`: every spec it builds on, in build order (PlannedJob.closure); those it names in `depends_on` are direct. */
export function prepareJob(env: JobEnvironment, spec: Spec, closure: readonly string[]): PreparedJob {
  const fm = spec.frontmatter!;
  const direct = new Set(fm.depends_on);
  const dependencies: DependencyFiles[] = closure.map((id) => {
    const dep = env.workspace.byId.get(id)!;
    return { id, files: readableOutputs(dep).map((path) => ({ path, content: env.outputOf(path) ?? '' })), ...(direct.has(id) ? {} : { distant: true }) };
  });
  // The twins its code is validated against: a changed twin re-validates (and so rebuilds) it.
  const twinOutputs = twinsUsedBy(spec, env.workspace)
    .filter((t) => t.id !== fm.id)
    .flatMap((t) => env.workspace.byId.get(t.id)!.frontmatter!.outputs.map((path) => [path, sha256(env.outputOf(path) ?? '')]));
  const dependencyOutputs = Object.fromEntries([...dependencies.flatMap((d) => d.files.map((f) => [f.path, sha256(f.content)])), ...twinOutputs]);
  const model = modelFor(spec, env.config);
  const effort = effortFor(spec, env.config);
  const prompt = env.renderJob(spec, dependencies);
  const settings = {
    model,
    effort,
    maxOutputTokens: env.config.model.maxOutputTokens,
    maxTurns: env.config.agent.maxTurns,
    validation: env.config.validation,
  };
  const keyInputs: JobKeyInputs = {
    format: JOB_FORMAT,
    model,
    effort,
    maxOutputTokens: settings.maxOutputTokens,
    maxTurns: settings.maxTurns,
    systemPrompt: env.systemPrompt,
    jobPrompt: prompt,
    tools: env.toolsDigest,
    fix: sha256(canonicalJson({ templates: env.templatesDigest, validation: settings.validation })),
    outputs: fm.outputs,
    dependencyOutputs,
  };
  return {
    key: jobKey(keyInputs),
    model,
    effort,
    prompt,
    keyInputs,
    inputs: {
      spec: spec.hash,
      system: sha256(env.systemPrompt),
      templates: env.templatesDigest,
      settings: sha256(canonicalJson({ ...settings, tools: env.toolsDigest })),
      dependencies: sha256(canonicalJson(dependencyOutputs)),
    },
  };
}
