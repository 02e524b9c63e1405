import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  TOOL_DEFINITIONS
} from "./chunk-DLHTC4YV.js";
import "./chunk-VSAIBY22.js";
export {
  TOOL_DEFINITIONS
};
