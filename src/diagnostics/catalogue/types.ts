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
  /** A workspace that does not report the code (test/diagnostics/catalogue-examples.test.ts runs it). */
  ok: Example;
  /** A workspace that reports it. */
  notOk: Example;
  /**
   * Why the code is left out unless the config's `rules` map turns it on (for a wording rule
   * below the precision bar on the corpus, test/corpus/README.md). Absent: on by default.
   */
  offByDefault?: string;
  /**
   * Why the code cannot be turned off or made a warning in the config's `rules` map, nor
   * suppressed in a spec: builds rely on it. Absent: configurable and suppressible.
   */
  locked?: string;
}

/**
 * A tiny workspace that shows a code, runnable as remark-lint's rule examples are: the test
 * writes it to a temporary folder, runs `command` on it, and looks for the code.
 */
export interface Example {
  /**
   * Files by workspace-relative POSIX path (`specs/cart.md`, `context/glossary.md`,
   * `speccc.config.json`, `templates/job.hbs`). The first file is the one the example is about;
   * the docs print it first.
   */
  files: Record<string, ExampleFile>;
  /**
   * The command, as typed after `speccc` (default `['check']`). For a check the test adds
   * `--format json --no-cache`; build-time codes (template-error) use `['build', '--dry-run']`.
   */
  command?: string[];
  /**
   * Build first: `speccc build` with an agent that writes every declared output, then these
   * edits (text replaces a file, null deletes it). For codes about generated/.
   */
  build?: { thenEdit?: Record<string, string | null> };
  /** Run against speccc's twin of the API (models: the current lineup), with a test key: for codes the API decides. */
  api?: boolean;
  /** One sentence for the docs when the files alone do not say what matters. */
  note?: string;
}

/** UTF-8 text as written, or a file made from a shorter description (see example.ts). */
export type ExampleFile = string | MadeFile;

export interface MadeFile {
  /** What the docs print of the file: the part that matters (may be empty). */
  shown: string;
  /** What the file is beyond what is shown, e.g. "the default feature spec, except for this". */
  about: string;
  /** The language of the docs' fenced block for `shown`, when not the file's own (hex bytes of a `.md` file). */
  language?: string;
  /** The file's bytes, made when the example runs (so a 1 MiB example costs nothing at import). */
  content: () => string | Uint8Array;
}
