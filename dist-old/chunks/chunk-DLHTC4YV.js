import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/phases/4-render/tools.ts
var TOOL_DEFINITIONS = [
  {
    name: "write_file",
    strict: !0,
    description: "Write one whole file of this job. `path` is relative to the generated root and must be one of the files the job lists; `content` is the complete file. Writing a path again replaces it.",
    input_schema: {
      type: "object",
      properties: {
        path: { type: "string", description: "Path relative to the generated root, e.g. src/money.ts" },
        content: { type: "string", description: "The complete file content." }
      },
      required: ["path", "content"],
      additionalProperties: !1
    }
  },
  {
    name: "read_file",
    strict: !0,
    description: "Read a file you may see: a file this job already wrote, or an output of a spec this job depends on.",
    input_schema: {
      type: "object",
      properties: { path: { type: "string", description: "Path relative to the generated root." } },
      required: ["path"],
      additionalProperties: !1
    }
  }
];

export {
  TOOL_DEFINITIONS
};
