/**
 * Requirement coverage: which generated tests and holdout scenarios name which requirement ids
 * (read back from test files with the TypeScript compiler API), and the trace per requirement
 * that `speccc trace`, `speccc check` (requirement-untested) and the manifest record.
 */
import type { RequirementKind } from './spec.js';

/** One `it(…)`/`test(…)` call of a test file. */
export interface TestCase {
  /** Its title; enclosing `describe` titles first, joined with ` › `. */
  title: string;
  /** Requirement ids named in brackets (`[line-items#R-…]`) in its title or an enclosing describe's. */
  ids: string[];
  /** Whether its body calls `expect(…)` or `assert(…)`: a test that asserts nothing covers nothing. */
  asserts: boolean;
  /** 1-based line of the call. */
  line: number;
}

/** A holdout scenario as the scenarios folder holds it, raw (read by io; never shown to a generating agent). */
export interface HoldoutText {
  /** The folder it sits in. */
  spec: string;
  name: string;
  /** The plain-language scenario, or null when there is only a check. */
  markdown: string | null;
  /** `<spec>/<file>` of its check, or null when it has none. */
  check: string | null;
  code: string | null;
}

/** A holdout scenario as the trace sees it (never shown to a generating agent). */
export interface HoldoutCoverage {
  /** The scenario folder it sits in: the spec whose build it judges. */
  spec: string;
  name: string;
  /** Relative to the scenarios folder: `<spec>/<name>.test.ts`, or null when it has no automated check. */
  check: string | null;
  /** Ids its markdown frontmatter lists under `covers:`. */
  covers: string[];
  /** The check's tests. */
  tests: TestCase[];
}

/** What covers one requirement. */
export interface RequirementTrace {
  id: string;
  kind: RequirementKind;
  /**
   * Generated tests that name the id and assert: `{ file, title }`, file relative to the generated
   * root; `proven` when the build's coverage proof saw the test fail on a mutant of the code naming
   * the id (absent when no proof ran).
   */
  tests: { file: string; title: string; proven?: boolean }[];
  /** Holdout scenarios that cover it, as `<spec>/<name>`. */
  holdouts: string[];
}

/** A span of generated code and the requirement ids its comment names (for mutants: which requirement a line serves). */
export interface CodeRequirements {
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  ids: string[];
}

/** How a caller reads a test file's tests: readTests itself, or a cache in front of it (io/test-cache.ts). */
export type TestReader = (file: string, text: string) => TestCase[];
