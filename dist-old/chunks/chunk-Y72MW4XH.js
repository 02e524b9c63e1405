import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  CATALOGUE
} from "./chunk-D7OYEMQK.js";

// src/diagnostics/make.ts
function makeDiagnostic(code, input) {
  let entry = CATALOGUE.get(code);
  if (!entry) throw new Error(`bug: diagnostic code ${code} is not in the catalogue`);
  let diagnostic = {
    code,
    severity: entry.severity,
    file: input.file,
    span: input.span,
    message: input.message,
    hint: input.hint ?? entry.hint
  };
  return input.related && input.related.length > 0 && (diagnostic.related = input.related), input.replacement !== void 0 && (diagnostic.replacement = input.replacement), diagnostic;
}

// src/diagnostics/messages.ts
var diagnostics = {
  /** error: A file in the generated root would be neither adopted nor owned by a spec */
  adoptFileLeftOut: (input) => makeDiagnostic("adopt-file-left-out", input),
  /** error: The adopted code has no folder of its own to be the generated root */
  adoptGeneratedRoot: (input) => makeDiagnostic("adopt-generated-root", input),
  /** error: Two adopted modules would get the same spec id, or an existing spec has it */
  adoptIdCollision: (input) => makeDiagnostic("adopt-id-collision", input),
  /** error: There is no TypeScript or JavaScript to adopt */
  adoptNoSources: (input) => makeDiagnostic("adopt-no-sources", input),
  /** error: A file to adopt does not parse */
  adoptParseError: (input) => makeDiagnostic("adopt-parse-error", input),
  /** error: A file in the generated root has a name speccc writes itself */
  adoptReservedFile: (input) => makeDiagnostic("adopt-reserved-file", input),
  /** warning: A hand-owned file changed since it was adopted */
  adoptedFileChanged: (input) => makeDiagnostic("adopted-file-changed", input),
  /** warning: "Between X and Y" does not say whether the ends count */
  betweenEndsUnclear: (input) => makeDiagnostic("between-ends-unclear", input),
  /** warning: A comparative or superlative says "more" than nothing in particular */
  comparativeNoReference: (input) => makeDiagnostic("comparative-no-reference", input),
  /** error: speccc.config.json is not valid JSON */
  configInvalidJson: (input) => makeDiagnostic("config-invalid-json", input),
  /** error: A config value has the wrong type or is out of range */
  configInvalidValue: (input) => makeDiagnostic("config-invalid-value", input),
  /** error: paths.generated overlaps another folder or leaves the workspace */
  configPathsOverlap: (input) => makeDiagnostic("config-paths-overlap", input),
  /** error: speccc.config.json has a key speccc does not know */
  configUnknownKey: (input) => makeDiagnostic("config-unknown-key", input),
  /** error: speccc.config.json exists but cannot be read as a file */
  configUnreadable: (input) => makeDiagnostic("config-unreadable", input),
  /** error: A constraint spec owns outputs */
  constraintHasOutputs: (input) => makeDiagnostic("constraint-has-outputs", input),
  /** error: Specs depend on each other in a cycle */
  dependencyCycle: (input) => makeDiagnostic("dependency-cycle", input),
  /** warning: `depends_on` lists the same id twice */
  dependsOnDuplicate: (input) => makeDiagnostic("depends-on-duplicate", input),
  /** error: A ready spec depends on a draft or deprecated spec */
  dependsOnUnready: (input) => makeDiagnostic("depends-on-unready", input),
  /** warning: A deprecated spec is still depended on */
  deprecatedStillUsed: (input) => makeDiagnostic("deprecated-still-used", input),
  /** warning: A drafted sentence has not been confirmed by a person */
  draftedUnconfirmed: (input) => makeDiagnostic("drafted-unconfirmed", input),
  /** error: Two specs have the same id */
  duplicateId: (input) => makeDiagnostic("duplicate-id", input),
  /** error: A file under specs/ is binary */
  fileBinary: (input) => makeDiagnostic("file-binary", input),
  /** error: A spec file is empty */
  fileEmpty: (input) => makeDiagnostic("file-empty", input),
  /** error: A spec is not valid UTF-8 */
  fileNotUtf8: (input) => makeDiagnostic("file-not-utf8", input),
  /** error: A spec is larger than 1 MiB */
  fileTooLarge: (input) => makeDiagnostic("file-too-large", input),
  /** error: A frontmatter field has the wrong type or value */
  frontmatterInvalidValue: (input) => makeDiagnostic("frontmatter-invalid-value", input),
  /** error: A spec has no YAML frontmatter */
  frontmatterMissing: (input) => makeDiagnostic("frontmatter-missing", input),
  /** error: A required frontmatter field is missing */
  frontmatterMissingField: (input) => makeDiagnostic("frontmatter-missing-field", input),
  /** error: The frontmatter is not a key/value mapping */
  frontmatterNotMapping: (input) => makeDiagnostic("frontmatter-not-mapping", input),
  /** error: The frontmatter is opened by `---` and never closed */
  frontmatterUnclosed: (input) => makeDiagnostic("frontmatter-unclosed", input),
  /** error: The frontmatter has a field speccc does not know */
  frontmatterUnknownField: (input) => makeDiagnostic("frontmatter-unknown-field", input),
  /** error: A generated file was edited by hand */
  generatedDrift: (input) => makeDiagnostic("generated-drift", input),
  /** error: A generated file recorded in the manifest is missing */
  generatedMissing: (input) => makeDiagnostic("generated-missing", input),
  /** error: A file in generated/ is not owned by any spec */
  generatedUnowned: (input) => makeDiagnostic("generated-unowned", input),
  /** warning: A reference that does not say to what ("as described above", "the standard") */
  incompleteReference: (input) => makeDiagnostic("incomplete-reference", input),
  /** error: Inputs never says what happens on invalid input */
  inputsNoInvalidCase: (input) => makeDiagnostic("inputs-no-invalid-case", input),
  /** warning: An escape clause weakens a requirement ("if possible", "as needed") */
  loophole: (input) => makeDiagnostic("loophole", input),
  /** error: generated/.speccc/manifest.json is corrupt */
  manifestUnreadable: (input) => makeDiagnostic("manifest-unreadable", input),
  /** error: The markdown parser could not read the file */
  markdownUnparsable: (input) => makeDiagnostic("markdown-unparsable", input),
  /** error: A monorepo member is listed twice */
  memberDuplicate: (input) => makeDiagnostic("member-duplicate", input),
  /** error: A monorepo member is not a folder of the workspace */
  memberMissing: (input) => makeDiagnostic("member-missing", input),
  /** error: The Models API does not know a model a build would use, or lists it as retired */
  modelUnknown: (input) => makeDiagnostic("model-unknown", input),
  /** error: A spec is routed to a model speccc has no price for */
  modelUnpriced: (input) => makeDiagnostic("model-unpriced", input),
  /** error: `uses_twins` names a spec that is not a twin */
  notATwin: (input) => makeDiagnostic("not-a-twin", input),
  /** warning: A constraint gives a number without its unit */
  numberWithoutUnit: (input) => makeDiagnostic("number-without-unit", input),
  /** warning: A list is left open ("such as", "including", "etc.") */
  openEndedList: (input) => makeDiagnostic("open-ended-list", input),
  /** error: Two specs own the same output file */
  outputConflict: (input) => makeDiagnostic("output-conflict", input),
  /** warning: A spec lists the same output twice */
  outputDuplicate: (input) => makeDiagnostic("output-duplicate", input),
  /** error: An output path is absolute, escapes the generated root, or is malformed */
  outputPathInvalid: (input) => makeDiagnostic("output-path-invalid", input),
  /** warning: The Outputs section names a file the frontmatter does not declare */
  outputUndeclared: (input) => makeDiagnostic("output-undeclared", input),
  /** error: A feature or architecture spec owns no outputs */
  outputsMissing: (input) => makeDiagnostic("outputs-missing", input),
  /** warning: A feature spec owns no test file */
  outputsNoTest: (input) => makeDiagnostic("outputs-no-test", input),
  /** warning: A requirement in the passive voice says nothing about who acts */
  passiveNoActor: (input) => makeDiagnostic("passive-no-actor", input),
  /** error: A path given on the command line does not exist */
  pathNotFound: (input) => makeDiagnostic("path-not-found", input),
  /** error: The spec contains placeholder text */
  placeholderText: (input) => makeDiagnostic("placeholder-text", input),
  /** error: A property has no Then step */
  propertyNoAssertion: (input) => makeDiagnostic("property-no-assertion", input),
  /** error: A property has no For any step */
  propertyNoGenerator: (input) => makeDiagnostic("property-no-generator", input),
  /** error: Two requirements of a spec pin the same id */
  requirementIdDuplicate: (input) => makeDiagnostic("requirement-id-duplicate", input),
  /** warning: A test or holdout names a requirement id that no spec has */
  requirementIdUnknown: (input) => makeDiagnostic("requirement-id-unknown", input),
  /** warning: A requirement of a built spec is covered by no test and no holdout */
  requirementUntested: (input) => makeDiagnostic("requirement-untested", input),
  /** warning: Two scenarios in one spec have the same name */
  scenarioDuplicateName: (input) => makeDiagnostic("scenario-duplicate-name", input),
  /** error: A scenario lacks a Given, a When or a Then */
  scenarioIncomplete: (input) => makeDiagnostic("scenario-incomplete", input),
  /** warning: A plain-language holdout scenario has no automated check */
  scenarioNoCheck: (input) => makeDiagnostic("scenario-no-check", input),
  /** error: Evaluation has no complete Given/When/Then scenario */
  scenarioNone: (input) => makeDiagnostic("scenario-none", input),
  /** warning: A scenario's steps are out of Given, When, Then order */
  scenarioOrder: (input) => makeDiagnostic("scenario-order", input),
  /** warning: Text under Evaluation, after a scenario, is no step of one */
  scenarioStrayText: (input) => makeDiagnostic("scenario-stray-text", input),
  /** error: The scenarios folder the config names is missing or empty */
  scenariosFolderMissing: (input) => makeDiagnostic("scenarios-folder-missing", input),
  /** error: A section appears twice */
  sectionDuplicate: (input) => makeDiagnostic("section-duplicate", input),
  /** error: A section has a heading but no content */
  sectionEmpty: (input) => makeDiagnostic("section-empty", input),
  /** error: A section required for the spec's kind is missing */
  sectionMissing: (input) => makeDiagnostic("section-missing", input),
  /** error: A heading misspells a section the spec's kind requires */
  sectionMisspelled: (input) => makeDiagnostic("section-misspelled", input),
  /** error: A spec depends on itself */
  selfDependency: (input) => makeDiagnostic("self-dependency", input),
  /** error: The specs folder does not exist */
  specsFolderMissing: (input) => makeDiagnostic("specs-folder-missing", input),
  /** error: A prompt template does not compile or render */
  templateError: (input) => makeDiagnostic("template-error", input),
  /** warning: A Then step states no observable outcome */
  thenUntestable: (input) => makeDiagnostic("then-untestable", input),
  /** error: A spec has no H1 title */
  titleMissing: (input) => makeDiagnostic("title-missing", input),
  /** warning: A spec has more than one H1 title */
  titleMultiple: (input) => makeDiagnostic("title-multiple", input),
  /** error: A twin spec does not own its entry point `twins/<id>/server.ts` */
  twinEntryMissing: (input) => makeDiagnostic("twin-entry-missing", input),
  /** error: `depends_on` names a twin */
  twinInDependsOn: (input) => makeDiagnostic("twin-in-depends-on", input),
  /** error: A ready spec uses a draft or deprecated twin */
  twinUnready: (input) => makeDiagnostic("twin-unready", input),
  /** warning: An absolute no test can confirm ("always available", "never fails", "100% uptime") */
  unboundedAbsolute: (input) => makeDiagnostic("unbounded-absolute", input),
  /** error: `depends_on` names a spec that does not exist */
  unknownDependency: (input) => makeDiagnostic("unknown-dependency", input),
  /** error: A link points to a spec file that does not exist */
  unknownLink: (input) => makeDiagnostic("unknown-link", input),
  /** error: A qualified id names a member the monorepo does not have */
  unknownMember: (input) => makeDiagnostic("unknown-member", input),
  /** error: A marked [[term]] is not in the glossary */
  unknownTerm: (input) => makeDiagnostic("unknown-term", input),
  /** error: `uses_twins` names a spec that does not exist */
  unknownTwin: (input) => makeDiagnostic("unknown-twin", input),
  /** warning: A suppression comment suppresses nothing */
  unusedSuppression: (input) => makeDiagnostic("unused-suppression", input),
  /** error: A twin or constraint spec lists `uses_twins` */
  usesTwinsNotAllowed: (input) => makeDiagnostic("uses-twins-not-allowed", input),
  /** warning: A requirement opens on a pronoun that names nothing in it */
  vaguePronoun: (input) => makeDiagnostic("vague-pronoun", input),
  /** warning: Vague wording that cannot be tested */
  vagueWording: (input) => makeDiagnostic("vague-wording", input),
  /** warning: A requirement uses "should", "may" or "might" instead of "must" */
  weakModal: (input) => makeDiagnostic("weak-modal", input),
  /** error: The frontmatter is not valid YAML */
  yamlInvalid: (input) => makeDiagnostic("yaml-invalid", input)
};

// src/phases/1-parse/line-index.ts
function createLineIndex(text) {
  let starts = [0];
  for (let nl = text.indexOf(`
`); nl !== -1; nl = text.indexOf(`
`, nl + 1)) starts.push(nl + 1);
  let point = (offset) => {
    let clamped = Math.max(0, Math.min(offset, text.length)), lo = 0, hi = starts.length - 1;
    for (; lo < hi; ) {
      let mid = lo + hi + 1 >> 1;
      starts[mid] <= clamped ? lo = mid : hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - starts[lo] + 1, offset: clamped };
  };
  return {
    point,
    span: (start, end) => ({ start: point(start), end: point(Math.max(start, end)) }),
    lineStart: (line) => line < 1 ? 0 : line > starts.length ? text.length : starts[line - 1],
    lines: starts.length,
    length: text.length
  };
}
var remembered = /* @__PURE__ */ new WeakMap();
function rememberLines(owner, lines) {
  lines.length === owner.source.length && remembered.set(owner, lines);
}
function linesOf(owner) {
  let index = remembered.get(owner);
  return (!index || index.length !== owner.source.length) && remembered.set(owner, index = createLineIndex(owner.source)), index;
}

export {
  diagnostics,
  createLineIndex,
  rememberLines,
  linesOf
};
