import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  existsInside,
  readDecided,
  readRequests,
  readTriageTemplates,
  writeDecision
} from "./chunk-C2OZ6VCN.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-5NFWZACR.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-VSAIBY22.js";
export {
  existsInside,
  readDecided,
  readRequests,
  readTriageTemplates,
  writeDecision
};
