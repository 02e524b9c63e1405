/**
 * The deterministic checks every request goes through before a model sees it: a request already
 * decided is left alone; an empty one needs information; one whose title is an existing spec's
 * title (or id) duplicates it; one that asks to change a governance document is refused, because
 * only people edit context/. Pure: the workspace arrives as data. What none of these settles goes
 * to the model.
 */
import type { Decision, TriageRequest } from './types.js';
import { slug } from './requests.js';

/** A spec as the pre-checks and the triage prompt know it. */
export interface KnownSpec {
  id: string;
  title: string;
  /** Workspace-relative. */
  file: string;
  status: string;
  kind: string;
}

export interface PrecheckInput {
  /** Every spec in the workspace, and the drafts accepted earlier in this run. */
  specs: readonly KnownSpec[];
  /** Request id -> its decision record (workspace-relative), for requests decided before. */
  decided: ReadonlyMap<string, string>;
  /** Workspace-relative paths of the governance documents (context/*.md). */
  contextFiles: readonly string[];
  /** The context folder as configured (`context`). */
  contextDir: string;
}

export type Precheck =
  | { kind: 'already-decided'; record: string }
  | { kind: 'decided'; decision: Decision }
  | { kind: 'to-model' };

/** Lower case, punctuation and repeated spaces gone: "Invoice totals." and "invoice  totals" are the same title. */
const normalise = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const CHANGE_VERB = /\b(?:change|changes|changing|edit|edits|editing|update|updates|updating|modify|modifies|rewrite|rewrites|remove|removes|delete|deletes|add|adds|adding|amend|amends|replace|replaces|drop|drops|relax|relaxes|allow|allows)\b/i;

/**
 * The governance document a request asks to change, or null. Heuristic and narrow on purpose: a
 * change verb in the same sentence as a context file's path or name (`context/rules.md`,
 * `mission.md`); a request that only mentions one is left to the model, which is told the same rule.
 */
export function governanceTarget(request: TriageRequest, contextFiles: readonly string[], contextDir: string): string | null {
  const text = `${request.title}.\n${request.body}`;
  const dir = contextDir.replace(/\/+$/, '');
  const names = contextFiles.map((f) => ({ file: f, name: f.split('/').pop()!.toLowerCase() }));
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (!CHANGE_VERB.test(sentence)) continue;
    const lower = sentence.toLowerCase();
    const named = names.find((n) => lower.includes(n.file.toLowerCase()) || new RegExp(`(^|[^\\w/-])${escape(n.name)}\\b`).test(lower));
    if (named) return named.file;
    if (lower.includes(`${dir.toLowerCase()}/`)) return `${dir}/`;
  }
  return null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function decided(request: TriageRequest, decision: Decision['decision'], reasons: string[], extra: Partial<Decision> = {}): Precheck {
  return { kind: 'decided', decision: { request, decision, by: 'pre-check', reasons, missionLine: null, duplicateOf: null, questions: [], changesGovernance: false, draft: null, costUsd: 0, ...extra } };
}

export function precheck(request: TriageRequest, input: PrecheckInput): Precheck {
  const record = input.decided.get(request.id);
  if (record) return { kind: 'already-decided', record };
  if (request.title.trim() === '' && request.body.trim() === '') {
    return decided(request, 'needs-info', ['The request is empty: there is nothing to decide on.'], {
      questions: ['What should change, for whom, and how would you know it works?'],
    });
  }
  const title = normalise(request.title);
  const same = title === '' ? undefined : input.specs.find((s) => normalise(s.title) === title || s.id === slug(request.title));
  if (same) {
    return decided(request, 'duplicate', [`Its title is the title (or id) of spec \`${same.id}\` (${same.file}), which already covers it; add to that spec's request instead of opening another.`], { duplicateOf: same.id });
  }
  const target = governanceTarget(request, input.contextFiles, input.contextDir);
  if (target) {
    return decided(request, 'reject', [`It asks to change \`${target}\`, a governance document: only people edit context/, never triage. A person who agrees should edit it and commit the change with its reason.`], { changesGovernance: true });
  }
  return { kind: 'to-model' };
}
