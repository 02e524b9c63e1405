/**
 * The incremental check: every spec's bytes, model and findings stay in memory between edits, so
 * an edit (a saved file, or an editor's unsaved buffer) re-models only the changed specs and
 * re-runs each rule only where the change can reach. It finds exactly what `check()` finds on the
 * same contents (test/incremental/parity.test.ts compares the two on random edit sequences).
 *
 * Where a rule reaches is derived from the scope the rule declares (phases/3-check/rule.ts
 * RuleScope) by reach.ts; a spec added or removed re-runs every rule (models are kept).
 * Requirement coverage is carried across edits by coverage.ts.
 *
 *   open.ts         root -> session (the only file that reads the disk)
 *   create.ts       contents -> session
 *   update.ts       session + changed contents -> what moved
 *   reach.ts        rule scope + an edit -> where the rule runs again
 *   spec-index.ts   models -> who names which id, output, file
 *   coverage.ts     coverage findings, carried across edits
 *   findings.ts     running a rule, outside findings, composing a file's findings
 *   session.ts, state.ts   the session's state and the reads made of it
 */
export { openIncrementalCheck } from './open.js';
export { createIncrementalCheck } from './create.js';
export type { FileChange, IncrementalCheck, IncrementalInputs, UpdateResult } from './types.js';
