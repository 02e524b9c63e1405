import type { Spec, SpecccConfig, Workspace } from '../../types.js';
import { sha256 } from '../1-parse/hash.js';
import { canonicalJson, JOB_FORMAT, jobKey, type JobKeyInputs } from './job-key.js';
import type { JobInputDigests } from './manifest.js';

export interface DependencyFiles {
  id: string;
  files: { path: string; content: string }[];
}

/** What planning and running a job need besides the spec: the build-wide prompt parts. */
export interface JobEnvironment {
  workspace: Workspace;
  config: SpecccConfig;
  /** The rendered system prompt, identical for every job in a build. */
  systemPrompt: string;
  /** Digest of every template's text. */
  templatesDigest: string;
  /** Digest of the tool definitions. */
  toolsDigest: string;
  /** Renders a job prompt; returns the text or throws only on a bug (template errors are found before planning). */
  renderJob: (spec: Spec, dependencies: DependencyFiles[]) => string;
  /** Current content of a generated file (dependency outputs), or undefined. */
  outputOf: (path: string) => string | undefined;
}

export interface PreparedJob {
  key: string;
  model: string;
  prompt: string;
  inputs: JobInputDigests;
  keyInputs: JobKeyInputs;
}

/** Model routing: the spec's own `model:` wins, then the configured model for its kind, then the default. */
export function modelFor(spec: Spec, config: SpecccConfig): string {
  const fm = spec.frontmatter!;
  return fm.model ?? config.model.byKind[fm.kind] ?? config.model.default;
}

export function prepareJob(env: JobEnvironment, spec: Spec, deps: readonly string[]): PreparedJob {
  const fm = spec.frontmatter!;
  const dependencies: DependencyFiles[] = deps.map((id) => {
    const dep = env.workspace.byId.get(id)!;
    return { id, files: dep.frontmatter!.outputs.map((path) => ({ path, content: env.outputOf(path) ?? '' })) };
  });
  const dependencyOutputs = Object.fromEntries(dependencies.flatMap((d) => d.files.map((f) => [f.path, sha256(f.content)])));
  const model = modelFor(spec, env.config);
  const prompt = env.renderJob(spec, dependencies);
  const settings = {
    model,
    maxOutputTokens: env.config.model.maxOutputTokens,
    maxTurns: env.config.agent.maxTurns,
    validation: env.config.validation,
  };
  const keyInputs: JobKeyInputs = {
    format: JOB_FORMAT,
    model,
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
