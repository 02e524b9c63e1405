/**
 * The shared prompt prefix (tools, then the system prompt) as named blocks with a digest each:
 * the tools, every template the system prompt is rendered from, every context document, every
 * constraint spec, and the rendered system prompt as a whole (which changes with speccc's own
 * templates too). A run records them in its trace; the next run's `speccc log` and report
 * compare them to say which block changed when a request wrote the prompt cache instead of
 * reading it. Pure.
 */
import type { Spec, Workspace } from '../../types/index.js';
import type { PrefixBlock } from '../../types/trace.js';
import { canonicalJson, sha256 } from '../../hash.js';
import type { TemplateSet } from './templates.js';
import { TOOL_DEFINITIONS } from './tools.js';
import { promptSource } from './index.js';

const digest = (text: string) => sha256(text).slice(0, 16);

/** `system` and the partials it pulls in (`{{> name}}`), transitively, by name. */
function systemTemplates(templates: TemplateSet): string[] {
  const seen: string[] = [];
  const visit = (name: string) => {
    const t = templates.byName.get(name);
    if (!t || seen.includes(name)) return;
    seen.push(name);
    for (const m of t.text.matchAll(/\{\{~?>\s*([\w./-]+)/g)) visit(m[1]!);
  };
  visit('system');
  return seen;
}

export function prefixBlocks(input: { templates: TemplateSet; workspace: Workspace; constraints: readonly Spec[]; systemPrompt: string }): PrefixBlock[] {
  return [
    { name: 'tools', digest: digest(canonicalJson(TOOL_DEFINITIONS)) },
    ...systemTemplates(input.templates).map((name) => ({ name: `template ${input.templates.byName.get(name)!.file}`, digest: digest(input.templates.byName.get(name)!.text) })),
    ...input.workspace.context.map((c) => ({ name: `context file ${c.file}`, digest: digest(c.text) })),
    ...input.constraints.map((s) => ({ name: `constraint spec ${s.file}`, digest: digest(promptSource(s)) })),
    { name: 'system prompt', digest: digest(input.systemPrompt) },
  ];
}
