/**
 * A decision -> its record: one markdown file per request under triage/decisions/, named by the
 * request's id, with the decision and its reasons in words and the facts in frontmatter. Written
 * before anything else for the request (its draft), so nothing of a request exists without its
 * decision. Outside context/ on purpose: a governance document is part of every job's prompt and
 * key, so a record there would make every triage rebuild every spec. Pure.
 */
import { stringify } from 'yaml';
import type { Decision } from './types.js';

export const DECISIONS_DIR = 'triage/decisions';

/** The record of request `id` (workspace-relative). Ids are kebab-case or `gh-N`: safe as a file name. */
export const recordFile = (id: string) => `${DECISIONS_DIR}/${id}.md`;

const HEADLINE: Record<Decision['decision'], string> = {
  accept: 'Accepted',
  duplicate: 'Duplicate',
  reject: 'Rejected',
  'needs-info': 'Needs information',
};

/** `text` as a markdown blockquote (an empty request shows as such). */
function quote(text: string): string {
  const t = text.trim();
  return t === '' ? '> (empty)' : t.split('\n').map((l) => (l.trim() === '' ? '>' : `> ${l}`)).join('\n');
}

function draftSection(decision: Decision): string[] {
  const draft = decision.draft;
  if (!draft) return [];
  const what = draft.kind === 'new' ? `A new spec \`${draft.specId}\`` : `A change to spec \`${draft.specId}\` (${draft.checkedAs}); a person adopts it by moving it over that file and setting its status`;
  const verdict = draft.passes
    ? `It passes \`speccc check\`${draft.findings.length > 0 ? ` with ${draft.findings.length} warning(s):` : '.'}`
    : `It does not pass \`speccc check\` (so it is kept out of specs/ until fixed):`;
  return ['', '## Draft', '', `${what}, \`status: proposed\`: [${draft.file}](../../${draft.file}).`, '', verdict, ...(draft.findings.length > 0 ? ['', ...draft.findings.map((f) => `- ${f}`)] : [])];
}

export function decisionRecord(decision: Decision, decidedAt: string): string {
  const r = decision.request;
  const front: Record<string, unknown> = {
    request: r.id,
    title: r.title,
    source: r.source,
    ...(r.url ? { url: r.url } : {}),
    ...(r.labels.length > 0 ? { labels: r.labels } : {}),
    decision: decision.decision,
    decided_by: decision.by,
    decided_at: decidedAt,
    ...(decision.duplicateOf ? { duplicate_of: decision.duplicateOf } : {}),
    ...(decision.draft ? { spec: decision.draft.specId, draft: decision.draft.file, draft_passes_check: decision.draft.passes } : {}),
    ...(decision.costUsd > 0 ? { cost_usd: Math.round(decision.costUsd * 1e6) / 1e6 } : {}),
  };
  const lines = [
    '---',
    stringify(front, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    `# ${HEADLINE[decision.decision]}: ${r.title || '(no title)'}`,
    '',
    '## Reasons',
    '',
    ...decision.reasons.map((reason) => `- ${reason}`),
  ];
  if (decision.missionLine) lines.push('', '## The mission line it conflicts with', '', quote(decision.missionLine));
  if (decision.duplicateOf) lines.push('', `Covered by spec \`${decision.duplicateOf}\`.`);
  if (decision.questions.length > 0) lines.push('', '## Questions for the requester', '', ...decision.questions.map((q) => `- ${q}`));
  lines.push(...draftSection(decision));
  lines.push('', '## The request', '', quote([r.title, r.body].filter(Boolean).join('\n\n')));
  return lines.join('\n') + '\n';
}
