import type { Severity } from '../../types/index.js';

/** One catalogue entry: everything a user needs to understand a diagnostic code. */
export interface CatalogueEntry {
  /** Stable kebab-case code, printed in every finding. Never renamed once released. */
  code: string;
  severity: Severity;
  /** Short summary, used as the SARIF rule description and the docs heading. */
  summary: string;
  /** Why it matters, in a sentence or two. */
  doc: string;
  /** Default fix hint, used when the finding gives none more specific. */
  hint: string;
  /** A minimal input that does not trigger the code (markdown or JSON, as fits). */
  ok: string;
  /** A minimal input that triggers it. */
  notOk: string;
}
