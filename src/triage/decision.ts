/**
 * record_decision's input -> a decision, or the error the model gets back to correct it. Every
 * claim a decision makes is held to the workspace: a rejection quotes a line that is in the
 * mission, a duplicate names a spec that exists, an accepted request comes with a draft that
 * has `status: proposed`, a free id and path, and is checked as `speccc check` would check it.
 * A draft with check errors goes back to the model once with the findings; a second one is
 * recorded with them, so the decision says why it does not pass. Pure.
 */
import path from 'node:path';
import type { Diagnostic, ModelledFile } from '../types/index.js';
import { closest } from '../diagnostics/closest.js';
import { KEBAB_CASE } from '../schemas/frontmatter.js';
import { citeRequest, findingLine } from './draft.js';
import type { KnownSpec } from './precheck.js';
import type { RecordDecisionInput } from './tools.js';
import type { Decision, Draft, TriageRequest } from './types.js';

/** Where a change to an existing spec is written: outside specs/, so the spec it changes keeps building until a person adopts the change. */
export const CHANGES_DIR = 'triage/changes';
/** Where a new draft that does not pass check is written: outside specs/, where its errors would stop every build. */
export const FAILING_DRAFTS_DIR = 'triage/drafts';

export interface DecisionEnv {
  request: TriageRequest;
  /** Workspace-relative path and text of context/mission.md; null when the workspace has none. */
  mission: { file: string; text: string } | null;
  /** Every spec, and the drafts accepted earlier in this run. */
  specs: readonly KnownSpec[];
  /** The specs folder, workspace-relative (`specs`). */
  specsDir: string;
  /** Whether a workspace-relative path already exists (new drafts never overwrite anything). */
  exists: (file: string) => boolean;
  /** The draft checked in the workspace as the file it would be. */
  check: (file: string, markdown: string) => { model: ModelledFile; findings: Diagnostic[] };
  /** Drafts with check errors already sent back to the model in this conversation. */
  rejectedDrafts: number;
}

export type Interpreted =
  | { ok: true; decision: Omit<Decision, 'by' | 'costUsd'> }
  | { ok: false; error: string; draftRejected?: boolean };

const MAX_FINDINGS_SHOWN = 12;

/** A mission line as compared: list markers, emphasis and spacing do not count, nor does case. */
const plain = (line: string) =>
  line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/[*_`>]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The mission line `quote` comes from, as written there (quotes of part of a line count, down to 12 characters). */
export function missionLineOf(mission: string, quote: string): string | null {
  const wanted = plain(quote).replace(/^["“]|["”]$/g, '');
  if (wanted.length < 12) return null;
  for (const line of mission.split('\n')) {
    if (line.trim() === '' || /^#/.test(line.trim())) continue;
    if (plain(line).includes(wanted)) return line.trim();
  }
  return null;
}

export function interpretDecision(input: RecordDecisionInput, env: DecisionEnv): Interpreted {
  const reasons = input.reasons.map((r) => r.trim()).filter(Boolean);
  if (reasons.length === 0) return { ok: false, error: '`reasons` is empty: give at least one reason, in words the requester understands.' };
  const base = { request: env.request, decision: input.decision, reasons, missionLine: null, duplicateOf: null, questions: [], changesGovernance: false, draft: null };
  switch (input.decision) {
    case 'needs-info': {
      const questions = input.questions.map((q) => q.trim()).filter(Boolean);
      if (questions.length === 0) return { ok: false, error: 'needs-info without `questions`: list what to ask the requester.' };
      return { ok: true, decision: { ...base, questions } };
    }
    case 'duplicate': {
      const id = input.duplicate_of?.trim() ?? '';
      const known = env.specs.map((s) => s.id);
      if (!known.includes(id)) {
        const near = closest(id, known);
        return { ok: false, error: `duplicate_of ${id ? `\`${id}\` names no spec` : 'is empty'}${near ? `; did you mean \`${near}\`?` : `; the specs are: ${known.join(', ') || 'none'}`}` };
      }
      return { ok: true, decision: { ...base, duplicateOf: id } };
    }
    case 'reject':
      return reject(input, env, base);
    case 'accept':
      return accept(input, env, base);
  }
}

function reject(input: RecordDecisionInput, env: DecisionEnv, base: Omit<Decision, 'by' | 'costUsd'>): Interpreted {
  if (input.changes_governance) return { ok: true, decision: { ...base, changesGovernance: true } };
  if (!env.mission) return { ok: false, error: 'this workspace has no context/mission.md, so a rejection cannot quote it: set changes_governance if the request asks to change context/, else decide needs-info or accept.' };
  const quote = input.mission_line?.trim() ?? '';
  const line = quote ? missionLineOf(env.mission.text, quote) : null;
  if (!line) return { ok: false, error: `reject needs \`mission_line\`, a line of ${env.mission.file} copied exactly${quote ? `; "${quote}" is not in it` : ''}. The mission:\n${env.mission.text.trim()}` };
  return { ok: true, decision: { ...base, missionLine: line } };
}

/** A relative path under the specs folder, or why not. */
function draftPath(specsDir: string, rel: string | null): { file: string } | { error: string } {
  const p = (rel ?? '').trim();
  if (!p) return { error: 'a new draft needs `path`, relative to the specs folder, e.g. features/csv-export.md' };
  if (p.includes('\\') || path.posix.isAbsolute(p) || !p.endsWith('.md') || path.posix.normalize(p).startsWith('..') || path.posix.basename(p).toLowerCase() === 'readme.md') {
    return { error: `\`path\` ${p} must be a relative POSIX path ending in .md inside the specs folder (and not a README.md)` };
  }
  return { file: path.posix.join(specsDir, path.posix.normalize(p)) };
}

function accept(input: RecordDecisionInput, env: DecisionEnv, base: Omit<Decision, 'by' | 'costUsd'>): Interpreted {
  const d = input.draft;
  if (!d || d.markdown.trim() === '') return { ok: false, error: 'accept needs `draft`: the whole spec in markdown, frontmatter first, with `status: proposed`.' };
  if (!KEBAB_CASE.test(d.spec_id)) return { ok: false, error: `spec_id \`${d.spec_id}\` is not a kebab-case id` };
  const existing = env.specs.find((s) => s.id === d.spec_id);
  let file: string;
  let checkedAs: string;
  if (d.kind === 'new') {
    if (existing) return { ok: false, error: `a spec with id \`${d.spec_id}\` exists already (${existing.file}): make this a change to it (kind change), or pick another id` };
    const where = draftPath(env.specsDir, d.path);
    if ('error' in where) return { ok: false, error: where.error };
    if (env.exists(where.file)) return { ok: false, error: `${where.file} exists already: pick another path` };
    file = checkedAs = where.file;
  } else {
    if (!existing) return { ok: false, error: `no spec has id \`${d.spec_id}\` to change${closest(d.spec_id, env.specs.map((s) => s.id)) ? `; did you mean \`${closest(d.spec_id, env.specs.map((s) => s.id))}\`?` : ''}` };
    file = `${CHANGES_DIR}/${d.spec_id}.${env.request.id}.md`;
    checkedAs = existing.file;
  }
  const markdown = citeRequest(d.markdown, env.request);
  const { model, findings } = env.check(checkedAs, markdown);
  const fm = model.spec?.frontmatter;
  if (fm && fm.id !== d.spec_id) return { ok: false, error: `the draft's frontmatter says \`id: ${fm.id}\` but spec_id is \`${d.spec_id}\`: make them the same` };
  if (fm && fm.status !== 'proposed') return { ok: false, error: `the draft's status is \`${fm.status}\`: a triage draft is \`status: proposed\` until a person makes it ready` };
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && env.rejectedDrafts === 0) {
    const shown = errors.slice(0, MAX_FINDINGS_SHOWN).map((f) => `- ${findingLine(f)}`);
    const more = errors.length > MAX_FINDINGS_SHOWN ? [`- … and ${errors.length - MAX_FINDINGS_SHOWN} more`] : [];
    return { ok: false, draftRejected: true, error: `\`speccc check\` finds ${errors.length} error(s) in the draft (lines count from its first line, the comment citing the request included); fix them and call record_decision again:\n${[...shown, ...more].join('\n')}` };
  }
  if (errors.length > 0 && d.kind === 'new') file = `${FAILING_DRAFTS_DIR}/${d.spec_id}.${env.request.id}.md`;
  const draft: Draft = { kind: d.kind, specId: d.spec_id, title: model.spec?.title?.value ?? d.spec_id, specKind: fm?.kind ?? 'feature', file, checkedAs, markdown, findings: findings.map(findingLine), passes: errors.length === 0 };
  return { ok: true, decision: { ...base, draft } };
}
