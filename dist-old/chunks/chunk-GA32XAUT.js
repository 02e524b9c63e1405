import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  external_exports
} from "./chunk-SZ6YGT22.js";

// src/types/validation.ts
var JUDGE_RUNTIME = ".speccc-judge", HOST_RUNTIME = ".speccc-host", SERVICE_TWIN_DIR = ".speccc-twins", RESET_HOOK = `${SERVICE_TWIN_DIR}/reset.mjs`, REPLAY_PLAN = `${SERVICE_TWIN_DIR}/replay.json`, REPLAY_REPORT = `${SERVICE_TWIN_DIR}/replay-report.json`;

// src/schemas/frontmatter.ts
var SPEC_KINDS = ["feature", "architecture", "constraint", "twin"], SPEC_STATUSES = ["proposed", "draft", "ready", "deprecated"], PRIORITY_WORDS = ["high", "normal", "low"], SPEC_OWNERS = ["hand", "speccc"], EFFORT_LEVELS = ["low", "medium", "high", "xhigh", "max"], KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/, FrontmatterSchema = external_exports.strictObject({
  id: external_exports.string().regex(KEBAB_CASE).describe("Unique kebab-case id of the spec."),
  kind: external_exports.enum(SPEC_KINDS).describe("feature: user-visible behaviour; architecture: shared structure; constraint: rules for every job; twin: a behavioural clone of an external service, started for every sealed run of the code that uses it."),
  status: external_exports.enum(SPEC_STATUSES).describe("Only ready specs are built; proposed: drafted by `speccc triage`, waiting for a person."),
  priority: external_exports.union([external_exports.number().int().nonnegative(), external_exports.enum(PRIORITY_WORDS)]).optional().describe("Where the spec stands in the queue `speccc build --next` takes from: high, normal (the default) or low, or a whole number, 0 the most urgent (high is 1, normal 2, low 3). Not part of the job key."),
  depends_on: external_exports.array(external_exports.string()).default([]).describe("Ids of the specs this one builds on."),
  outputs: external_exports.array(external_exports.string()).default([]).describe("Files this spec owns, relative to the generated root."),
  uses_twins: external_exports.array(external_exports.string()).default([]).describe("Ids of the twin specs of the external services this spec's code calls; each runs beside it in every sealed run."),
  model: external_exports.string().min(1).optional().describe("Model for this spec; overrides the configured routing."),
  effort: external_exports.enum(EFFORT_LEVELS).optional().describe("Effort level for this spec; overrides the configured effort."),
  budget_usd: external_exports.number().positive().optional().describe("The most a build of this spec may spend, in US dollars."),
  owner: external_exports.enum(SPEC_OWNERS).optional().describe("Who owns the files listed in outputs. hand: the team's own code, adopted by `speccc adopt` and not yet handed over: no build writes, removes or regenerates them, and the spec is never built. Absent or speccc: speccc builds them."),
  version: external_exports.union([external_exports.string(), external_exports.number()]).transform(String).optional().describe("Free-form version, recorded in the manifest.")
}), FRONTMATTER_FIELDS = Object.keys(FrontmatterSchema.shape);

// src/types/spec.ts
var SECTION_NAMES = [
  "what",
  "who",
  "inputs",
  "outputs",
  "rules",
  "edge-cases",
  "evaluation",
  "constraints",
  // twin specs: the service's interface, its state, its errors, limits and failure modes
  "interface",
  "state",
  "failure-modes"
], SECTION_ALIASES = {
  what: "what",
  purpose: "what",
  summary: "what",
  who: "who",
  users: "who",
  actors: "who",
  inputs: "inputs",
  input: "inputs",
  outputs: "outputs",
  output: "outputs",
  rules: "rules",
  requirements: "rules",
  behaviour: "rules",
  behavior: "rules",
  "edge cases": "edge-cases",
  "edge conditions": "edge-cases",
  evaluation: "evaluation",
  scenarios: "evaluation",
  acceptance: "evaluation",
  constraints: "constraints",
  "non functional": "constraints",
  // twin specs
  interface: "interface",
  api: "interface",
  endpoints: "interface",
  state: "state",
  "data model": "state",
  "failure modes": "failure-modes",
  "errors and limits": "failure-modes",
  "errors limits and failure modes": "failure-modes",
  faults: "failure-modes"
}, sectionHeadingKey = (heading) => heading.toLowerCase().replace(/[-_]/g, " ").replace(/[^a-z0-9 ]/g, "").replace(/\s+/g, " ").trim();

export {
  SPEC_KINDS,
  SPEC_STATUSES,
  PRIORITY_WORDS,
  EFFORT_LEVELS,
  KEBAB_CASE,
  FrontmatterSchema,
  FRONTMATTER_FIELDS,
  SECTION_NAMES,
  SECTION_ALIASES,
  sectionHeadingKey,
  JUDGE_RUNTIME,
  HOST_RUNTIME,
  SERVICE_TWIN_DIR,
  RESET_HOOK,
  REPLAY_PLAN,
  REPLAY_REPORT
};
