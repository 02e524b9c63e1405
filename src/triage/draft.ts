/**
 * A draft spec, checked as `speccc check` would check it in the workspace, without writing it
 * anywhere: phases 1–3 on the draft's text beside every spec already there (a change replaces
 * the spec it changes). Pure.
 */
import type { Diagnostic, ModelledFile, SpecccConfig, Workspace } from '../types/index.js';
import { parseSpecFile } from '../phases/1-parse/index.js';
import { modelSpec } from '../phases/2-model/index.js';
import { checkWorkspace } from '../phases/3-check/index.js';
import { indexIds } from '../workspace.js';
import type { TriageRequest } from './types.js';

/** The workspace with `markdown` as its file `file` (added, or in place of the spec there). */
export function withSpecFile(workspace: Workspace, file: string, markdown: string): { workspace: Workspace; model: ModelledFile } {
  const model = modelSpec(parseSpecFile(file, new TextEncoder().encode(markdown)));
  const files = [...workspace.files.filter((f) => f.file !== file), model];
  return { workspace: { ...workspace, files, ...indexIds(files) }, model };
}

/** The draft's model and every finding check has on it, as if it were the file `file` of the workspace. */
export function checkDraft(input: { workspace: Workspace; config: SpecccConfig; file: string; markdown: string }): { model: ModelledFile; findings: Diagnostic[] } {
  const { workspace, model } = withSpecFile(input.workspace, input.file, input.markdown);
  const found = checkWorkspace({ workspace, generatedRoot: input.config.paths.generated, config: input.config, configSpans: new Map(), scenarios: [] });
  return { model, findings: [...model.diagnostics, ...found.filter((d) => d.file === input.file)] };
}

/** `line:column severity code: message`, the way a person reads a finding in a decision record. */
export function findingLine(d: Diagnostic): string {
  return `${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.code}: ${d.message}`;
}

/**
 * The draft with a comment that cites the request, right after its frontmatter: whoever opens
 * the spec sees where it came from. An HTML comment is not part of any section.
 */
export function citeRequest(markdown: string, request: TriageRequest): string {
  const text = markdown.replace(/\r\n/g, '\n').trim() + '\n';
  const where = request.url ? ` (${request.url})` : ` (${request.source})`;
  const title = request.title.replace(/--/g, '–').replace(/\s+/g, ' ');
  const cite = `<!-- speccc triage: drafted from request ${request.id}${where}: "${title}" -->`;
  const end = /^---\n[\s\S]*?\n---\n/.exec(text);
  return end ? `${end[0]}\n${cite}\n${text.slice(end[0].length).replace(/^\n+/, '\n')}` : `${cite}\n\n${text}`;
}
