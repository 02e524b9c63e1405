/** Positions in source files and the diagnostics that point at them. Units are stated on each field. */

/**
 * A point in a source file. `line` is 1-based, `column` is 1-based and counts UTF-16 code
 * units of the decoded text (what unist/mdast report), `offset` is 0-based in the same units.
 */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range: `end` points just past the last character. */
export interface Span {
  start: Point;
  end: Point;
}

export type Severity = 'error' | 'warning';

export interface RelatedLocation {
  /** Workspace-relative POSIX path. */
  file: string;
  span: Span;
  message: string;
}

/**
 * A problem found in a user's input. Never thrown: phases return these as data.
 * `code` is a stable kebab-case identifier listed in src/diagnostics/catalogue/.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Workspace-relative POSIX path (e.g. `specs/auth/login.md`). */
  file: string;
  span: Span;
  /** One line: what was found and what was expected. */
  message: string;
  /** One line: how to fix it. */
  hint: string;
  related?: RelatedLocation[];
  /**
   * Text that can replace the span to resolve the finding, when the rule knows one (a wording
   * rule's better phrase). Editors offer it as a quick fix; absent means no mechanical fix.
   */
  replacement?: string;
}
