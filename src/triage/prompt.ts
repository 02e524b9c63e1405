/**
 * The triage conversation's prompts, from speccc's triage templates (assets/triage/: not in the
 * templates a build reads, so they are no part of any job key). The system prompt is the same for
 * every request of a run (the instructions, the governance documents, the specs), so requests
 * after the first read it from the prompt cache; each request's own prompt carries the request and
 * the drafts accepted earlier in the run. Pure.
 */
import Handlebars from 'handlebars';
import type { ContextDoc } from '../types/index.js';
import type { KnownSpec } from './precheck.js';
import type { TriageRequest } from './types.js';

export interface TriageTemplates {
  system: string;
  request: string;
}

/** The specs a prompt shows the format with: the shortest ready feature spec (or any spec), whole. */
export function formatExample(specs: readonly (KnownSpec & { source: string })[]): { file: string; source: string } | null {
  const pool = specs.filter((s) => s.kind === 'feature' && s.status === 'ready');
  const from = pool.length > 0 ? pool : specs;
  const shortest = [...from].sort((a, b) => a.source.length - b.source.length || (a.file < b.file ? -1 : 1))[0];
  return shortest ? { file: shortest.file, source: shortest.source.trim() } : null;
}

function compile(text: string) {
  // strict: a misspelt field is an error; noEscape: a prompt is not HTML.
  return Handlebars.create().compile(text, { strict: true, noEscape: true });
}

const tidy = (text: string) => text.replace(/\n{3,}/g, '\n\n').trim() + '\n';

/** Markdown table cells hold no pipes or line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function renderTriageSystem(templates: TriageTemplates, input: { context: readonly ContextDoc[]; specs: readonly (KnownSpec & { source: string })[] }): string {
  return tidy(
    compile(templates.system)({
      context: input.context.map((c) => ({ file: c.file, text: c.text.trim() })),
      specs: input.specs.map((s) => ({ id: s.id, title: cell(s.title), kind: s.kind, status: s.status, file: s.file })),
      example: formatExample(input.specs),
    }),
  );
}

export function renderTriageRequest(templates: TriageTemplates, input: { request: TriageRequest; drafted: readonly KnownSpec[] }): string {
  const r = input.request;
  return tidy(
    compile(templates.request)({
      request: { id: r.id, title: r.title || '(no title)', source: r.source, url: r.url ?? '', labels: r.labels, body: r.body.trim() },
      drafted: input.drafted.map((s) => ({ id: s.id, title: s.title, file: s.file })),
    }),
  );
}
