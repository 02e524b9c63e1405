/**
 * What `speccc triage` passes between its steps: requests as they came in, and the decision
 * taken on each (by a deterministic pre-check, or by the model through its record_decision tool).
 */

/** A request to the factory: a GitHub issue, a markdown file or text on stdin. */
export interface TriageRequest {
  /** Stable across runs, names its decision record: `gh-<number>` for an issue, the file's stem for markdown, `stdin-<8 hex>` for stdin. */
  id: string;
  title: string;
  body: string;
  labels: string[];
  url: string | null;
  /** Where it came from, for people: `issues.json`, `requests/csv-export.md`, `stdin`. */
  source: string;
}

/** A problem with the requests as given (malformed JSON, an empty file): located, so it can be fixed. */
export interface InputProblem {
  /** As the user named it (relative to the working directory), or `stdin`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  message: string;
}

export const DECISIONS = ['accept', 'duplicate', 'reject', 'needs-info'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** The spec an accepted request becomes: a new spec, or a new version of an existing one. */
export interface Draft {
  kind: 'new' | 'change';
  specId: string;
  /** The draft's H1 title and spec kind (`feature`, …), as check reads them. */
  title: string;
  specKind: string;
  /**
   * Workspace-relative: where the draft is written. A new spec that passes check goes under
   * specs/; a change goes to triage/changes/ and a new spec with check errors to triage/drafts/,
   * so neither stops a build.
   */
  file: string;
  /** Workspace-relative: the spec file it is checked as (the same as `file` for a new spec; the existing spec's for a change). */
  checkedAs: string;
  /** The draft as written, with the comment that cites the request. */
  markdown: string;
  /** `speccc check`'s findings on the draft, as `line:column severity code: message`. */
  findings: string[];
  /** No check error in it. */
  passes: boolean;
}

export interface Decision {
  request: TriageRequest;
  decision: DecisionKind;
  /** `pre-check`: decided without a model (empty, duplicate title, a change to governance); else the model's id. */
  by: string;
  reasons: string[];
  /** reject: the line of context/mission.md the request conflicts with, as written there. */
  missionLine: string | null;
  /** duplicate: the spec that already covers the request. */
  duplicateOf: string | null;
  /** needs-info: what to ask the requester. */
  questions: string[];
  /** reject: the request asks to change a governance document (context/), which only people edit. */
  changesGovernance: boolean;
  draft: Draft | null;
  /** What deciding cost (USD); 0 for a pre-check. */
  costUsd: number;
}
