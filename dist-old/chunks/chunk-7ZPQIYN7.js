import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/schemas/default-paths.ts
var DEFAULT_PATHS = {
  specs: "specs",
  context: "context",
  templates: "templates",
  generated: "generated",
  scenarios: "scenarios"
};

export {
  DEFAULT_PATHS
};
