// Generated from src/diagnostics/catalogue/ by `npm run docs`. Do not edit: change the catalogue.
import type { Diagnostic } from '../types/index.js';
import { makeDiagnostic, type DiagnosticInput } from './make.js';

/** Every diagnostic code speccc reports. */
export type DiagnosticCode =
  | 'adopt-file-left-out'
  | 'adopt-generated-root'
  | 'adopt-id-collision'
  | 'adopt-no-sources'
  | 'adopt-parse-error'
  | 'adopt-reserved-file'
  | 'adopted-file-changed'
  | 'between-ends-unclear'
  | 'comparative-no-reference'
  | 'config-invalid-json'
  | 'config-invalid-value'
  | 'config-paths-overlap'
  | 'config-unknown-key'
  | 'config-unreadable'
  | 'constraint-has-outputs'
  | 'dependency-cycle'
  | 'depends-on-duplicate'
  | 'depends-on-unready'
  | 'deprecated-still-used'
  | 'drafted-unconfirmed'
  | 'duplicate-id'
  | 'file-binary'
  | 'file-empty'
  | 'file-not-utf8'
  | 'file-too-large'
  | 'frontmatter-invalid-value'
  | 'frontmatter-missing'
  | 'frontmatter-missing-field'
  | 'frontmatter-not-mapping'
  | 'frontmatter-unclosed'
  | 'frontmatter-unknown-field'
  | 'generated-drift'
  | 'generated-missing'
  | 'generated-unowned'
  | 'incomplete-reference'
  | 'inputs-no-invalid-case'
  | 'loophole'
  | 'manifest-unreadable'
  | 'markdown-unparsable'
  | 'member-duplicate'
  | 'member-missing'
  | 'model-unknown'
  | 'model-unpriced'
  | 'not-a-twin'
  | 'number-without-unit'
  | 'open-ended-list'
  | 'output-conflict'
  | 'output-duplicate'
  | 'output-path-invalid'
  | 'output-undeclared'
  | 'outputs-missing'
  | 'outputs-no-test'
  | 'passive-no-actor'
  | 'path-not-found'
  | 'placeholder-text'
  | 'property-no-assertion'
  | 'property-no-generator'
  | 'requirement-id-duplicate'
  | 'requirement-id-unknown'
  | 'requirement-untested'
  | 'scenario-duplicate-name'
  | 'scenario-incomplete'
  | 'scenario-no-check'
  | 'scenario-none'
  | 'scenario-order'
  | 'scenario-stray-text'
  | 'scenarios-folder-missing'
  | 'section-duplicate'
  | 'section-empty'
  | 'section-missing'
  | 'section-misspelled'
  | 'self-dependency'
  | 'specs-folder-missing'
  | 'template-error'
  | 'then-untestable'
  | 'title-missing'
  | 'title-multiple'
  | 'twin-entry-missing'
  | 'twin-in-depends-on'
  | 'twin-unready'
  | 'unbounded-absolute'
  | 'unknown-dependency'
  | 'unknown-link'
  | 'unknown-member'
  | 'unknown-term'
  | 'unknown-twin'
  | 'unused-suppression'
  | 'uses-twins-not-allowed'
  | 'vague-pronoun'
  | 'vague-wording'
  | 'weak-modal'
  | 'yaml-invalid';

/** One factory per code: severity and default hint come from the catalogue. */
export const diagnostics = {
  /** error: A file in the generated root would be neither adopted nor owned by a spec */
  adoptFileLeftOut: (input: DiagnosticInput): Diagnostic => makeDiagnostic('adopt-file-left-out', input),
  /** error: The adopted code has no folder of its own to be the generated root */
  adoptGeneratedRoot: (input: DiagnosticInput): Diagnostic => makeDiagnostic('adopt-generated-root', input),
  /** error: Two adopted modules would get the same spec id, or an existing spec has it */
  adoptIdCollision: (input: DiagnosticInput): Diagnostic => makeDiagnostic('adopt-id-collision', input),
  /** error: There is no TypeScript or JavaScript to adopt */
  adoptNoSources: (input: DiagnosticInput): Diagnostic => makeDiagnostic('adopt-no-sources', input),
  /** error: A file to adopt does not parse */
  adoptParseError: (input: DiagnosticInput): Diagnostic => makeDiagnostic('adopt-parse-error', input),
  /** error: A file in the generated root has a name speccc writes itself */
  adoptReservedFile: (input: DiagnosticInput): Diagnostic => makeDiagnostic('adopt-reserved-file', input),
  /** warning: A hand-owned file changed since it was adopted */
  adoptedFileChanged: (input: DiagnosticInput): Diagnostic => makeDiagnostic('adopted-file-changed', input),
  /** warning: "Between X and Y" does not say whether the ends count */
  betweenEndsUnclear: (input: DiagnosticInput): Diagnostic => makeDiagnostic('between-ends-unclear', input),
  /** warning: A comparative or superlative says "more" than nothing in particular */
  comparativeNoReference: (input: DiagnosticInput): Diagnostic => makeDiagnostic('comparative-no-reference', input),
  /** error: speccc.config.json is not valid JSON */
  configInvalidJson: (input: DiagnosticInput): Diagnostic => makeDiagnostic('config-invalid-json', input),
  /** error: A config value has the wrong type or is out of range */
  configInvalidValue: (input: DiagnosticInput): Diagnostic => makeDiagnostic('config-invalid-value', input),
  /** error: paths.generated overlaps another folder or leaves the workspace */
  configPathsOverlap: (input: DiagnosticInput): Diagnostic => makeDiagnostic('config-paths-overlap', input),
  /** error: speccc.config.json has a key speccc does not know */
  configUnknownKey: (input: DiagnosticInput): Diagnostic => makeDiagnostic('config-unknown-key', input),
  /** error: speccc.config.json exists but cannot be read as a file */
  configUnreadable: (input: DiagnosticInput): Diagnostic => makeDiagnostic('config-unreadable', input),
  /** error: A constraint spec owns outputs */
  constraintHasOutputs: (input: DiagnosticInput): Diagnostic => makeDiagnostic('constraint-has-outputs', input),
  /** error: Specs depend on each other in a cycle */
  dependencyCycle: (input: DiagnosticInput): Diagnostic => makeDiagnostic('dependency-cycle', input),
  /** warning: `depends_on` lists the same id twice */
  dependsOnDuplicate: (input: DiagnosticInput): Diagnostic => makeDiagnostic('depends-on-duplicate', input),
  /** error: A ready spec depends on a draft or deprecated spec */
  dependsOnUnready: (input: DiagnosticInput): Diagnostic => makeDiagnostic('depends-on-unready', input),
  /** warning: A deprecated spec is still depended on */
  deprecatedStillUsed: (input: DiagnosticInput): Diagnostic => makeDiagnostic('deprecated-still-used', input),
  /** warning: A drafted sentence has not been confirmed by a person */
  draftedUnconfirmed: (input: DiagnosticInput): Diagnostic => makeDiagnostic('drafted-unconfirmed', input),
  /** error: Two specs have the same id */
  duplicateId: (input: DiagnosticInput): Diagnostic => makeDiagnostic('duplicate-id', input),
  /** error: A file under specs/ is binary */
  fileBinary: (input: DiagnosticInput): Diagnostic => makeDiagnostic('file-binary', input),
  /** error: A spec file is empty */
  fileEmpty: (input: DiagnosticInput): Diagnostic => makeDiagnostic('file-empty', input),
  /** error: A spec is not valid UTF-8 */
  fileNotUtf8: (input: DiagnosticInput): Diagnostic => makeDiagnostic('file-not-utf8', input),
  /** error: A spec is larger than 1 MiB */
  fileTooLarge: (input: DiagnosticInput): Diagnostic => makeDiagnostic('file-too-large', input),
  /** error: A frontmatter field has the wrong type or value */
  frontmatterInvalidValue: (input: DiagnosticInput): Diagnostic => makeDiagnostic('frontmatter-invalid-value', input),
  /** error: A spec has no YAML frontmatter */
  frontmatterMissing: (input: DiagnosticInput): Diagnostic => makeDiagnostic('frontmatter-missing', input),
  /** error: A required frontmatter field is missing */
  frontmatterMissingField: (input: DiagnosticInput): Diagnostic => makeDiagnostic('frontmatter-missing-field', input),
  /** error: The frontmatter is not a key/value mapping */
  frontmatterNotMapping: (input: DiagnosticInput): Diagnostic => makeDiagnostic('frontmatter-not-mapping', input),
  /** error: The frontmatter is opened by `---` and never closed */
  frontmatterUnclosed: (input: DiagnosticInput): Diagnostic => makeDiagnostic('frontmatter-unclosed', input),
  /** error: The frontmatter has a field speccc does not know */
  frontmatterUnknownField: (input: DiagnosticInput): Diagnostic => makeDiagnostic('frontmatter-unknown-field', input),
  /** error: A generated file was edited by hand */
  generatedDrift: (input: DiagnosticInput): Diagnostic => makeDiagnostic('generated-drift', input),
  /** error: A generated file recorded in the manifest is missing */
  generatedMissing: (input: DiagnosticInput): Diagnostic => makeDiagnostic('generated-missing', input),
  /** error: A file in generated/ is not owned by any spec */
  generatedUnowned: (input: DiagnosticInput): Diagnostic => makeDiagnostic('generated-unowned', input),
  /** warning: A reference that does not say to what ("as described above", "the standard") */
  incompleteReference: (input: DiagnosticInput): Diagnostic => makeDiagnostic('incomplete-reference', input),
  /** error: Inputs never says what happens on invalid input */
  inputsNoInvalidCase: (input: DiagnosticInput): Diagnostic => makeDiagnostic('inputs-no-invalid-case', input),
  /** warning: An escape clause weakens a requirement ("if possible", "as needed") */
  loophole: (input: DiagnosticInput): Diagnostic => makeDiagnostic('loophole', input),
  /** error: generated/.speccc/manifest.json is corrupt */
  manifestUnreadable: (input: DiagnosticInput): Diagnostic => makeDiagnostic('manifest-unreadable', input),
  /** error: The markdown parser could not read the file */
  markdownUnparsable: (input: DiagnosticInput): Diagnostic => makeDiagnostic('markdown-unparsable', input),
  /** error: A monorepo member is listed twice */
  memberDuplicate: (input: DiagnosticInput): Diagnostic => makeDiagnostic('member-duplicate', input),
  /** error: A monorepo member is not a folder of the workspace */
  memberMissing: (input: DiagnosticInput): Diagnostic => makeDiagnostic('member-missing', input),
  /** error: The Models API does not know a model a build would use, or lists it as retired */
  modelUnknown: (input: DiagnosticInput): Diagnostic => makeDiagnostic('model-unknown', input),
  /** error: A spec is routed to a model speccc has no price for */
  modelUnpriced: (input: DiagnosticInput): Diagnostic => makeDiagnostic('model-unpriced', input),
  /** error: `uses_twins` names a spec that is not a twin */
  notATwin: (input: DiagnosticInput): Diagnostic => makeDiagnostic('not-a-twin', input),
  /** warning: A constraint gives a number without its unit */
  numberWithoutUnit: (input: DiagnosticInput): Diagnostic => makeDiagnostic('number-without-unit', input),
  /** warning: A list is left open ("such as", "including", "etc.") */
  openEndedList: (input: DiagnosticInput): Diagnostic => makeDiagnostic('open-ended-list', input),
  /** error: Two specs own the same output file */
  outputConflict: (input: DiagnosticInput): Diagnostic => makeDiagnostic('output-conflict', input),
  /** warning: A spec lists the same output twice */
  outputDuplicate: (input: DiagnosticInput): Diagnostic => makeDiagnostic('output-duplicate', input),
  /** error: An output path is absolute, escapes the generated root, or is malformed */
  outputPathInvalid: (input: DiagnosticInput): Diagnostic => makeDiagnostic('output-path-invalid', input),
  /** warning: The Outputs section names a file the frontmatter does not declare */
  outputUndeclared: (input: DiagnosticInput): Diagnostic => makeDiagnostic('output-undeclared', input),
  /** error: A feature or architecture spec owns no outputs */
  outputsMissing: (input: DiagnosticInput): Diagnostic => makeDiagnostic('outputs-missing', input),
  /** warning: A feature spec owns no test file */
  outputsNoTest: (input: DiagnosticInput): Diagnostic => makeDiagnostic('outputs-no-test', input),
  /** warning: A requirement in the passive voice says nothing about who acts */
  passiveNoActor: (input: DiagnosticInput): Diagnostic => makeDiagnostic('passive-no-actor', input),
  /** error: A path given on the command line does not exist */
  pathNotFound: (input: DiagnosticInput): Diagnostic => makeDiagnostic('path-not-found', input),
  /** error: The spec contains placeholder text */
  placeholderText: (input: DiagnosticInput): Diagnostic => makeDiagnostic('placeholder-text', input),
  /** error: A property has no Then step */
  propertyNoAssertion: (input: DiagnosticInput): Diagnostic => makeDiagnostic('property-no-assertion', input),
  /** error: A property has no For any step */
  propertyNoGenerator: (input: DiagnosticInput): Diagnostic => makeDiagnostic('property-no-generator', input),
  /** error: Two requirements of a spec pin the same id */
  requirementIdDuplicate: (input: DiagnosticInput): Diagnostic => makeDiagnostic('requirement-id-duplicate', input),
  /** warning: A test or holdout names a requirement id that no spec has */
  requirementIdUnknown: (input: DiagnosticInput): Diagnostic => makeDiagnostic('requirement-id-unknown', input),
  /** warning: A requirement of a built spec is covered by no test and no holdout */
  requirementUntested: (input: DiagnosticInput): Diagnostic => makeDiagnostic('requirement-untested', input),
  /** warning: Two scenarios in one spec have the same name */
  scenarioDuplicateName: (input: DiagnosticInput): Diagnostic => makeDiagnostic('scenario-duplicate-name', input),
  /** error: A scenario lacks a Given, a When or a Then */
  scenarioIncomplete: (input: DiagnosticInput): Diagnostic => makeDiagnostic('scenario-incomplete', input),
  /** warning: A plain-language holdout scenario has no automated check */
  scenarioNoCheck: (input: DiagnosticInput): Diagnostic => makeDiagnostic('scenario-no-check', input),
  /** error: Evaluation has no complete Given/When/Then scenario */
  scenarioNone: (input: DiagnosticInput): Diagnostic => makeDiagnostic('scenario-none', input),
  /** warning: A scenario's steps are out of Given, When, Then order */
  scenarioOrder: (input: DiagnosticInput): Diagnostic => makeDiagnostic('scenario-order', input),
  /** warning: Text under Evaluation, after a scenario, is no step of one */
  scenarioStrayText: (input: DiagnosticInput): Diagnostic => makeDiagnostic('scenario-stray-text', input),
  /** error: The scenarios folder the config names is missing or empty */
  scenariosFolderMissing: (input: DiagnosticInput): Diagnostic => makeDiagnostic('scenarios-folder-missing', input),
  /** error: A section appears twice */
  sectionDuplicate: (input: DiagnosticInput): Diagnostic => makeDiagnostic('section-duplicate', input),
  /** error: A section has a heading but no content */
  sectionEmpty: (input: DiagnosticInput): Diagnostic => makeDiagnostic('section-empty', input),
  /** error: A section required for the spec's kind is missing */
  sectionMissing: (input: DiagnosticInput): Diagnostic => makeDiagnostic('section-missing', input),
  /** error: A heading misspells a section the spec's kind requires */
  sectionMisspelled: (input: DiagnosticInput): Diagnostic => makeDiagnostic('section-misspelled', input),
  /** error: A spec depends on itself */
  selfDependency: (input: DiagnosticInput): Diagnostic => makeDiagnostic('self-dependency', input),
  /** error: The specs folder does not exist */
  specsFolderMissing: (input: DiagnosticInput): Diagnostic => makeDiagnostic('specs-folder-missing', input),
  /** error: A prompt template does not compile or render */
  templateError: (input: DiagnosticInput): Diagnostic => makeDiagnostic('template-error', input),
  /** warning: A Then step states no observable outcome */
  thenUntestable: (input: DiagnosticInput): Diagnostic => makeDiagnostic('then-untestable', input),
  /** error: A spec has no H1 title */
  titleMissing: (input: DiagnosticInput): Diagnostic => makeDiagnostic('title-missing', input),
  /** warning: A spec has more than one H1 title */
  titleMultiple: (input: DiagnosticInput): Diagnostic => makeDiagnostic('title-multiple', input),
  /** error: A twin spec does not own its entry point `twins/<id>/server.ts` */
  twinEntryMissing: (input: DiagnosticInput): Diagnostic => makeDiagnostic('twin-entry-missing', input),
  /** error: `depends_on` names a twin */
  twinInDependsOn: (input: DiagnosticInput): Diagnostic => makeDiagnostic('twin-in-depends-on', input),
  /** error: A ready spec uses a draft or deprecated twin */
  twinUnready: (input: DiagnosticInput): Diagnostic => makeDiagnostic('twin-unready', input),
  /** warning: An absolute no test can confirm ("always available", "never fails", "100% uptime") */
  unboundedAbsolute: (input: DiagnosticInput): Diagnostic => makeDiagnostic('unbounded-absolute', input),
  /** error: `depends_on` names a spec that does not exist */
  unknownDependency: (input: DiagnosticInput): Diagnostic => makeDiagnostic('unknown-dependency', input),
  /** error: A link points to a spec file that does not exist */
  unknownLink: (input: DiagnosticInput): Diagnostic => makeDiagnostic('unknown-link', input),
  /** error: A qualified id names a member the monorepo does not have */
  unknownMember: (input: DiagnosticInput): Diagnostic => makeDiagnostic('unknown-member', input),
  /** error: A marked [[term]] is not in the glossary */
  unknownTerm: (input: DiagnosticInput): Diagnostic => makeDiagnostic('unknown-term', input),
  /** error: `uses_twins` names a spec that does not exist */
  unknownTwin: (input: DiagnosticInput): Diagnostic => makeDiagnostic('unknown-twin', input),
  /** warning: A suppression comment suppresses nothing */
  unusedSuppression: (input: DiagnosticInput): Diagnostic => makeDiagnostic('unused-suppression', input),
  /** error: A twin or constraint spec lists `uses_twins` */
  usesTwinsNotAllowed: (input: DiagnosticInput): Diagnostic => makeDiagnostic('uses-twins-not-allowed', input),
  /** warning: A requirement opens on a pronoun that names nothing in it */
  vaguePronoun: (input: DiagnosticInput): Diagnostic => makeDiagnostic('vague-pronoun', input),
  /** warning: Vague wording that cannot be tested */
  vagueWording: (input: DiagnosticInput): Diagnostic => makeDiagnostic('vague-wording', input),
  /** warning: A requirement uses "should", "may" or "might" instead of "must" */
  weakModal: (input: DiagnosticInput): Diagnostic => makeDiagnostic('weak-modal', input),
  /** error: The frontmatter is not valid YAML */
  yamlInvalid: (input: DiagnosticInput): Diagnostic => makeDiagnostic('yaml-invalid', input),
} as const;
