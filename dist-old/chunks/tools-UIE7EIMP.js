import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  READ_SPEC,
  RECORD_DECISION,
  TRIAGE_MAX_TURNS,
  TRIAGE_TOOLS
} from "./chunk-M2F3IZY6.js";
import "./chunk-VSAIBY22.js";
export {
  READ_SPEC,
  RECORD_DECISION,
  TRIAGE_MAX_TURNS,
  TRIAGE_TOOLS
};
