import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/triage/types.ts
var DECISIONS = ["accept", "duplicate", "reject", "needs-info"];

// src/triage/tools.ts
var nullableString = (description) => ({ type: ["string", "null"], description }), RECORD_DECISION = "record_decision", TRIAGE_MAX_TURNS = 6, READ_SPEC = "read_spec", TRIAGE_TOOLS = [
  {
    name: READ_SPEC,
    strict: !0,
    description: "Read an existing spec in full (markdown), by its id.",
    input_schema: {
      type: "object",
      properties: { id: { type: "string", description: "The spec id, e.g. invoice-totals." } },
      required: ["id"],
      additionalProperties: !1
    }
  },
  {
    name: RECORD_DECISION,
    strict: !0,
    description: "Record your decision on the request. Call it once; if speccc answers with an error, fix what it names and call it again. accept: give `draft` (a new spec, or a change to an existing one). duplicate: give `duplicate_of`. reject: give `mission_line` (quoted exactly from context/mission.md), or set `changes_governance` when the request asks to change context/. needs-info: give `questions`.",
    input_schema: {
      type: "object",
      properties: {
        decision: { type: "string", enum: [...DECISIONS], description: "accept, duplicate, reject or needs-info." },
        reasons: { type: "array", items: { type: "string" }, description: "Why, one reason per item, in plain words a requester understands." },
        mission_line: nullableString("reject: the line of context/mission.md the request conflicts with, copied exactly; else null."),
        changes_governance: { type: "boolean", description: "True when the request asks to change a governance document under context/ (only people edit those)." },
        duplicate_of: nullableString("duplicate: the id of the spec that already covers the request; else null."),
        questions: { type: "array", items: { type: "string" }, description: "needs-info: the questions to ask the requester; else empty." },
        draft: {
          anyOf: [
            { type: "null" },
            {
              type: "object",
              properties: {
                kind: { type: "string", enum: ["new", "change"], description: "new: a spec that does not exist yet; change: a new version of an existing spec." },
                spec_id: { type: "string", description: "The kebab-case id of the spec (for a change, the existing id)." },
                path: nullableString("new: where to write it, relative to the specs folder, e.g. features/csv-export.md; change: null."),
                markdown: { type: "string", description: "The whole spec in speccc's format, frontmatter first, with `status: proposed`." }
              },
              required: ["kind", "spec_id", "path", "markdown"],
              additionalProperties: !1
            }
          ],
          description: "accept: the draft spec; else null."
        }
      },
      required: ["decision", "reasons", "mission_line", "changes_governance", "duplicate_of", "questions", "draft"],
      additionalProperties: !1
    }
  }
];

export {
  RECORD_DECISION,
  TRIAGE_MAX_TURNS,
  READ_SPEC,
  TRIAGE_TOOLS
};
