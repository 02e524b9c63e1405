/**
 * Phase 4's entry for a build: templates + the checked workspace -> everything the planner and
 * the job runner render from: the system prompt (identical for every job), a job-prompt
 * renderer, a fix-prompt renderer and the digests that key them. Template errors surface here,
 * before any plan is made or any agent is called.
 */
import type { Diagnostic, Spec, TemplateSource, Workspace } from '../../types/index.js';
import { canonicalJson, sha256 } from '../../hash.js';
import { promptSource, renderFix, renderJob, renderSystem, type DependencyOutput, type TwinForPrompt } from './index.js';
import { declaredTwins, twinsUsedBy } from '../2-model/twins.js';
import { mergeTemplates } from './templates.js';
import { TOOL_DEFINITIONS } from './tools.js';
import { declarationsOf } from './declarations.js';
import { TEST_FILE } from '../3-check/coverage.js';
import { prefixBlocks } from './prefix-blocks.js';
import type { PrefixBlock } from '../../types/trace.js';

export interface BuildPrompts {
  systemPrompt: string;
  templatesDigest: string;
  toolsDigest: string;
  renderJob: (spec: Spec, dependencies: DependencyOutput[]) => string;
  renderFix: (spec: Spec, attempt: number, maxAttempts: number, failures: { title: string; output: string }[]) => string;
  /** The shared prefix (tools + system prompt) as named, digested blocks: what the trace keeps to explain a prompt-cache miss. */
  prefixBlocks: PrefixBlock[];
}

/** The twins a job prompt names: every twin the code runs against, with the spec of each it declares. */
export function twinsForPrompt(spec: Spec, workspace: Workspace): TwinForPrompt[] {
  if (spec.frontmatter?.kind === 'twin') return [];
  const declared = new Set(declaredTwins(spec, workspace).map((t) => t.id));
  return twinsUsedBy(spec, workspace).map((t) => ({ id: t.id, env: t.env, source: declared.has(t.id) ? promptSource(workspace.byId.get(t.id)!) : null }));
}

/**
 * A distant dependency as its prompt shows it: the declarations of its TypeScript sources (what
 * code built on it may import), not its bodies or its tests, so a long chain keeps prompts small.
 */
function declarationFiles(files: { path: string; content: string }[], memo: Map<string, { path: string; content: string }[]>): { path: string; content: string }[] {
  const sources = new Map(files.filter((f) => /\.(?:[cm]?ts|tsx)$/.test(f.path) && !/\.d\.ts$/.test(f.path) && !TEST_FILE.test(f.path)).map((f) => [f.path, f.content]));
  // A dependency's declarations come from its own sources alone: one TypeScript program per
  // dependency and content in a build, not one per spec built on it (a spec's whole chain is shown).
  const key = sha256(canonicalJson([...sources]));
  let shown = memo.get(key);
  if (!shown) {
    shown = [...declarationsOf(sources)].map(([p, text]) => ({ path: p.replace(/\.(?:[cm]?ts|tsx)$/, '.d.ts'), content: text }));
    memo.set(key, shown);
  }
  return shown;
}

export type RenderedPrompts = { ok: true; prompts: BuildPrompts } | { ok: false; diagnostics: Diagnostic[] };

export function renderPrompts(input: { defaults: TemplateSource[]; overrides: TemplateSource[]; workspace: Workspace; buildable: Spec[] }): RenderedPrompts {
  const templates = mergeTemplates(input.defaults, input.overrides);
  const constraints = [...input.workspace.byId.values()].filter((s) => s.frontmatter!.kind === 'constraint' && s.frontmatter!.status === 'ready');
  const system = renderSystem(templates, { context: input.workspace.context, constraints });
  if (!system.ok) return { ok: false, diagnostics: system.diagnostics };
  // Render the job and fix templates once against the first buildable spec, so a template error stops the build up front.
  const probe = input.buildable[0];
  if (probe) {
    const job = renderJob(templates, { spec: probe, outputs: probe.frontmatter!.outputs, dependencies: [] });
    const fix = renderFix(templates, { spec: probe, attempt: 1, maxAttempts: 1, failures: [{ title: 't', output: 'o' }] });
    const problems = [...(job.ok ? [] : job.diagnostics), ...(fix.ok ? [] : fix.diagnostics)];
    if (problems.length > 0) return { ok: false, diagnostics: problems };
  }
  const declared = new Map<string, { path: string; content: string }[]>();
  return {
    ok: true,
    prompts: {
      systemPrompt: system.text,
      templatesDigest: sha256(canonicalJson([...templates.byName.values()].map((t) => [t.name, t.text]))),
      toolsDigest: sha256(canonicalJson(TOOL_DEFINITIONS)),
      prefixBlocks: prefixBlocks({ templates, workspace: input.workspace, constraints, systemPrompt: system.text }),
      renderJob(spec, dependencies) {
        const shown = dependencies.map((d) => (d.distant ? { ...d, files: declarationFiles(d.files, declared) } : d));
        const job = renderJob(templates, { spec, outputs: spec.frontmatter!.outputs, dependencies: shown, twins: twinsForPrompt(spec, input.workspace) });
        if (!job.ok) throw new Error(`bug: job template failed after the probe passed: ${job.diagnostics[0]?.message}`);
        return job.text;
      },
      renderFix(spec, attempt, maxAttempts, failures) {
        const fix = renderFix(templates, { spec, attempt, maxAttempts, failures });
        return fix.ok ? fix.text : failures.map((f) => `${f.title}\n${f.output}`).join('\n\n');
      },
    },
  };
}
