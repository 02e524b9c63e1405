/** The spec model: what phase 2 (model) produces from a parsed file and phases 3–5 read. */
import type { z } from 'zod';
import type { FrontmatterSchema } from '../schemas/frontmatter.js';
import type { Span } from './source.js';
import type { Member } from './config.js';
import type { Diagnostic } from './source.js';

export { SPEC_KINDS, SPEC_STATUSES } from '../schemas/frontmatter.js';
export type SpecKind = Frontmatter['kind'];
export type SpecStatus = Frontmatter['status'];

/** Canonical section names; headings are matched case-insensitively (see docs/spec-format.md). */
export const SECTION_NAMES = [
  'what',
  'who',
  'inputs',
  'outputs',
  'rules',
  'edge-cases',
  'evaluation',
  'constraints',
  // twin specs: the service's interface, its state, its errors, limits and failure modes
  'interface',
  'state',
  'failure-modes',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** Heading text (lower-cased, punctuation folded; digits kept, so `Evaluation2` is not Evaluation) -> canonical section. See docs/spec-format.md. Phase 2 reads headings with it; the catalogue's example specs (diagnostics/catalogue/example.ts) match headings with it too. */
export const SECTION_ALIASES: Record<string, SectionName> = {
  what: 'what',
  purpose: 'what',
  summary: 'what',
  who: 'who',
  users: 'who',
  actors: 'who',
  inputs: 'inputs',
  input: 'inputs',
  outputs: 'outputs',
  output: 'outputs',
  rules: 'rules',
  requirements: 'rules',
  behaviour: 'rules',
  behavior: 'rules',
  'edge cases': 'edge-cases',
  'edge conditions': 'edge-cases',
  evaluation: 'evaluation',
  scenarios: 'evaluation',
  acceptance: 'evaluation',
  constraints: 'constraints',
  'non functional': 'constraints',
  // twin specs
  interface: 'interface',
  api: 'interface',
  endpoints: 'interface',
  state: 'state',
  'data model': 'state',
  'failure modes': 'failure-modes',
  'errors and limits': 'failure-modes',
  'errors limits and failure modes': 'failure-modes',
  faults: 'failure-modes',
};

/** A heading's text as SECTION_ALIASES keys it. */
export const sectionHeadingKey = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Validated YAML frontmatter: derived from the zod schema, never restated. */
export type Frontmatter = z.output<typeof FrontmatterSchema>;

export interface Located<T> {
  value: T;
  span: Span;
}

/** Spans of the frontmatter's keys' values, and of each list item for list fields. */
export interface FrontmatterSpans {
  /** The whole frontmatter block, `---` to `---`. */
  block: Span;
  fields: Partial<Record<keyof Frontmatter | string, Span>>;
  depends_on: Span[];
  outputs: Span[];
  uses_twins: Span[];
}

export interface Section {
  /** Canonical name, or null when the H2 heading is not one of SECTION_NAMES. */
  name: SectionName | null;
  /** The heading text as written. */
  heading: string;
  headingSpan: Span;
  /** From the heading to just before the next H2 (or end of file). */
  span: Span;
  /** Plain text of the body (mdast-util-to-string of its nodes), without the heading. */
  text: string;
  /** The body's markdown source, exactly as written. */
  markdown: string;
  /** [start, end) offsets of `markdown` in the source. */
  bodyRange: [number, number];
}

export type StepKeyword = 'given' | 'when' | 'then';

export interface Step {
  keyword: StepKeyword;
  /** The step's text without its keyword ("And"/"But" continue the previous keyword). */
  text: string;
  span: Span;
}

export interface Scenario {
  /** The name as written, without a pinned id (`{#S1}`). */
  name: string;
  /** The id the author pinned with `{#id}` at the end of the heading or item, if any. */
  pinned?: Located<string>;
  /** `block` for `### Scenario: name`, `list` for a one-item Given/When/Then list entry. */
  form: 'block' | 'list';
  span: Span;
  given: Step[];
  when: Step[];
  then: Step[];
  /**
   * `property` for a statement over generated inputs: an H3 `Property: name`, or any scenario with a
   * For any step (docs/spec-format.md, "Property scenarios"). Absent for an example scenario.
   */
  kind?: 'property';
  /** A property's generators: its For any steps (an And or But after one continues it). */
  forAny?: Step[];
}

/** What a requirement is: a Rules item, an Edge cases item, an Evaluation scenario or property. */
export type RequirementKind = 'rule' | 'edge-case' | 'scenario' | 'property';

/**
 * One requirement of a spec, with an id that survives edits elsewhere in the spec: derived from
 * its own first words (`R-`, `E-`, `S-` and a slug, a short hash suffix only on a collision), or
 * pinned by the author with `{#id}` at the end of the item (docs/spec-format.md).
 */
export interface Requirement {
  /** `<spec-id>#<local>`, e.g. `line-items#R-linenet-line-returns-quantity-unitprice-as`. */
  id: string;
  /** The part after `#`. */
  local: string;
  kind: RequirementKind;
  /** Plain text without the pinned id, whitespace collapsed (a scenario's name for a block scenario). */
  text: string;
  /** True when the author pinned the id. */
  pinned: boolean;
  /** The list item, paragraph or scenario. */
  span: Span;
}

/** A markdown link from one spec to another spec's file. */
export interface SpecLink {
  href: string;
  /** The workspace-relative path the link resolves to. */
  target: string;
  span: Span;
}

/** A use of a glossary term, marked `[[Term]]` in prose. */
export interface TermUse {
  term: string;
  span: Span;
}

export interface Spec {
  /** Workspace-relative POSIX path. */
  file: string;
  /**
   * The monorepo member the spec belongs to (src/phases/2-model/qualify.ts): its id, dependencies,
   * twins and requirement ids are then qualified (`billing:invoice`) and its outputs lie under
   * `<member>/` in generated/. Absent in a single workspace.
   */
  member?: string;
  /** sha256 (hex) of the file's bytes. */
  hash: string;
  /** The decoded source text (BOM removed, line endings as written). */
  source: string;
  /** Null when the frontmatter is missing or invalid (diagnostics say why). */
  frontmatter: Frontmatter | null;
  frontmatterSpans: FrontmatterSpans | null;
  title: Located<string> | null;
  /** H1 headings after the first (a spec has one title). */
  extraTitles: Span[];
  sections: Section[];
  scenarios: Scenario[];
  /**
   * Paragraphs and list items under Evaluation, after a scenario began, that hold no Given/When/Then
   * step: part of no scenario (a scenario never takes them in), each reported by the scenarios rule.
   */
  strayEvaluationText: Span[];
  /** Rules, edge cases and scenarios with their ids, in document order. */
  requirements: Requirement[];
  links: SpecLink[];
  terms: TermUse[];
  /** [start, end) offsets of code, inline code and HTML: prose rules skip these. */
  codeRanges: [number, number][];
}

/** A spec file after phases 1 and 2: its model (if the file could be read as text) and problems. */
export interface ModelledFile {
  file: string;
  hash: string;
  spec: Spec | null;
  diagnostics: Diagnostic[];
  /** The spec-local rules' findings by rule id, when computed with the model (src/phases/3-check/spec-local.ts). */
  checked?: Record<string, Diagnostic[]>;
}

/** Context documents (context/*.md), read as text. */
export interface ContextDoc {
  /** Workspace-relative path. */
  file: string;
  hash: string;
  text: string;
}

export interface GlossaryTerm {
  term: string;
  /** Lower-cased term and aliases, for matching. */
  keys: string[];
  file: string;
  span: Span;
}

export interface WorkspaceFolders {
  generated: string;
  scenarios: string;
}

/** Everything the checker and planner need about the workspace's specs. */
export interface Workspace {
  /** Absolute path of the workspace root. */
  root: string;
  /**
   * The generated root and the scenarios folder, workspace-relative as the config gives them
   * (`generated`, `../shop-scenarios`): where findings about test files are located.
   */
  folders: WorkspaceFolders;
  files: ModelledFile[];
  /** Specs with valid frontmatter, keyed by id (first occurrence wins on duplicates). */
  byId: Map<string, Spec>;
  /**
   * Ids that more than one spec declares. duplicate-id reports each once; the rules that resolve
   * ids across specs report nothing that follows only from such an id (which spec it means is
   * unknown until it is fixed): output conflicts between the namesakes, self-dependencies, cycles,
   * readiness of a dependency or twin, requirement coverage.
   */
  sharedIds: ReadonlySet<string>;
  context: ContextDoc[];
  glossary: GlossaryTerm[];
  /** A monorepo's members (empty or absent in a single workspace). */
  members?: readonly Member[];
}

