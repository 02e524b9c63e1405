import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  formatDiagnostic,
  formatSummary,
  formatText
} from "./chunk-XUT6XZ5M.js";
import "./chunk-KOHX6JGF.js";
import "./chunk-VSAIBY22.js";
export {
  formatDiagnostic,
  formatSummary,
  formatText
};
