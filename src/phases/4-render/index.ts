/**
 * Phase 5: a job -> its prompts. Entry: renderPrompts (plus renderFix for the fix loop).
 * Pure: templates and every input arrive as data. A template error is a located diagnostic.
 */
import Handlebars from 'handlebars';
import type { ContextDoc, Diagnostic, Spec } from '../../types/index.js';
import { diagnostics as d } from '../../diagnostics/messages.js';
import type { TemplateSet } from './templates.js';
import { serviceTwin } from '../2-model/twins.js';


export interface DependencyOutput {
  id: string;
  files: { path: string; content: string }[];
  /** A dependency of a dependency: shown as declarations only (renderJob's caller turns its files into `.d.ts` text). */
  distant?: boolean;
}

/** A service twin as a job prompt shows it: where its URL is, and (when the spec declares it) its spec. */
export interface TwinForPrompt {
  id: string;
  env: string;
  /** The twin spec's source when the spec declares the twin; null when only a dependency calls it. */
  source: string | null;
}

export interface JobPromptInput {
  spec: Spec;
  outputs: readonly string[];
  dependencies: DependencyOutput[];
  /** The twins the spec's code runs against (none for a twin itself). */
  twins?: TwinForPrompt[];
}

export interface SystemPromptInput {
  context: ContextDoc[];
  /** Ready constraint specs: their text applies to every job. */
  constraints: Spec[];
}

export interface FixPromptInput {
  spec: Spec;
  attempt: number;
  maxAttempts: number;
  failures: { title: string; output: string }[];
}

export type Rendered = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

const LANGUAGES: Record<string, string> = { ts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', json: 'json', md: 'md', py: 'python', sh: 'sh', css: 'css', html: 'html', yaml: 'yaml', yml: 'yaml' };

const KIND_WORDS = { rule: 'rule', 'edge-case': 'edge case', scenario: 'scenario', property: 'property' } as const;

/** A Handlebars environment of its own per render, so partials never leak between workspaces. */
function environment(templates: TemplateSet) {
  const hb = Handlebars.create();
  hb.registerHelper('join', (steps: { text: string }[]) => steps.map((s) => s.text).join(' and '));
  for (const t of templates.byName.values()) hb.registerPartial(t.name, t.text);
  return hb;
}

function render(templates: TemplateSet, name: string, data: unknown): Rendered {
  const source = templates.byName.get(name);
  // speccc ships every top-level template, so a missing one is a packaging bug, not a user error.
  if (!source) throw new Error(`bug: template ${name} is missing from speccc's defaults`);
  try {
    let template = templates.compiled.get(name);
    if (!template) {
      // strict: a misspelt field is an error, not an empty string in the prompt. noEscape: prompts are not HTML.
      template = environment(templates).compile(source.text, { strict: true, noEscape: true });
      templates.compiled.set(name, template);
    }
    const text = template(data);
    return { ok: true, text: text.replace(/\n{3,}/g, '\n\n').trim() + '\n' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/line (\d+)/i.exec(message)?.[1] ?? 1);
    const at = { line, column: 1, offset: 0 };
    return {
      ok: false,
      diagnostics: [
        d.templateError({
          file: source.file,
          span: { start: at, end: at },
          message: `Template \`${name}\` failed: ${summarise(message)}`,
        }),
      ],
    };
  }
}

/** Handlebars puts the position first and the expectation last, with a source excerpt between. */
function summarise(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length <= 1) return lines[0] ?? message;
  const last = lines.at(-1)!.replace(/^Expecting /, 'expected ');
  return `${lines[0]!.replace(/:$/, '')}: ${last}${/got 'EOF'/.test(last) ? ' (a block such as {{#each}} or {{#if}} is not closed)' : ''}`;
}

/**
 * A spec as prompts show it: without its `priority:` line, which says when to build the spec and
 * nothing about what to build, so reordering the queue changes no prompt and no job key.
 */
export function promptSource(spec: Spec): string {
  const block = spec.frontmatterSpans?.block;
  if (!block || spec.frontmatter?.priority === undefined) return spec.source;
  const head = spec.source.slice(0, block.end.offset).replace(/^priority:[ \t]*[\w.-]*[ \t]*(?:#[^\n]*)?\r?\n/m, '');
  return head + spec.source.slice(block.end.offset);
}

export function renderSystem(templates: TemplateSet, input: SystemPromptInput): Rendered {
  return render(templates, 'system', {
    context: input.context.map((c) => ({ file: c.file, text: c.text.trim() })),
    constraints: input.constraints.map((s) => ({ id: s.frontmatter!.id, file: s.file, source: promptSource(s).trim() })),
  });
}

export function renderJob(templates: TemplateSet, input: JobPromptInput): Rendered {
  const fm = input.spec.frontmatter!;
  return render(templates, 'job', {
    spec: { id: fm.id, kind: fm.kind, file: input.spec.file, source: promptSource(input.spec).trim() },
    twin: fm.kind === 'twin' ? serviceTwin(fm.id) : null,
    twins: (input.twins ?? []).map((t) => ({ id: t.id, env: t.env, declared: t.source !== null, source: t.source?.trim() ?? '' })),
    outputs: input.outputs,
    sections: input.spec.sections.map((s) => ({ heading: s.heading, line: `${s.span.start.line}–${s.span.end.line}` })),
    scenarios: input.spec.scenarios.map((s) => ({ name: s.name, given: s.given, when: s.when, then: s.then })),
    properties: input.spec.scenarios.some((s) => s.kind === 'property'),
    // A derived id is the item's opening words already, and the spec is in the prompt: only a pinned id needs them spelt out.
    requirements: input.spec.requirements.map((r) => ({ id: r.id, kind: KIND_WORDS[r.kind], text: r.pinned ? (r.text.length > 72 ? `${r.text.slice(0, 71).trimEnd()}…` : r.text) : '' })),
    dependencies: input.dependencies.map((d) => ({
      id: d.id,
      distant: d.distant === true,
      files: d.files.map((f) => ({ path: f.path, content: f.content.replace(/\n$/, ''), language: LANGUAGES[f.path.split('.').pop() ?? ''] ?? '' })),
    })),
  });
}

export function renderFix(templates: TemplateSet, input: FixPromptInput): Rendered {
  return render(templates, 'fix', {
    spec: { id: input.spec.frontmatter!.id },
    attempt: input.attempt,
    maxAttempts: input.maxAttempts,
    failures: input.failures,
  });
}

export interface ScenarioCheckInput {
  spec: Spec;
  name: string;
  /** Path the check is written to, relative to the scenarios folder. */
  path: string;
  scenario: string;
  interfaces: { path: string; text: string }[];
  /** The twins the code runs against, so a check can set their state and inject faults. */
  twins?: TwinForPrompt[];
  /** The scenario states a property (a For any step or a Property title): ask for a fast-check property. */
  property?: boolean;
}

/** The prompt of the separate agent that turns a plain-language scenario into a check. */
export function renderScenarioCheck(templates: TemplateSet, input: ScenarioCheckInput): Rendered {
  const fm = input.spec.frontmatter!;
  const first = fm.outputs.find((o) => !/\.(test|spec)\./.test(o)) ?? fm.outputs[0] ?? 'src/index.ts';
  return render(templates, 'scenario-check', {
    spec: { id: fm.id, file: input.spec.file, source: input.spec.source.trim() },
    name: input.name,
    path: input.path,
    scenario: input.scenario.trim(),
    interfaces: input.interfaces,
    firstOutput: first.replace(/\.tsx?$/, '.js'),
    twins: (input.twins ?? []).map((t) => ({ id: t.id, env: t.env, source: t.source?.trim() ?? '' })),
    // A scenario that states a property is checked as one: fast-check over the inputs its For any names.
    property: input.property === true,
  });
}

export { TOOL_DEFINITIONS } from './tools.js';
