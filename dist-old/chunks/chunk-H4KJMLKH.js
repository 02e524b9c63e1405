import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/version.ts
var SPECCC_VERSION = "0.1.0";

export {
  SPECCC_VERSION
};
