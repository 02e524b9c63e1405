import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  prepareTwinRun,
  replayFiles,
  transpile
} from "./chunk-OENT7PDF.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";
export {
  prepareTwinRun,
  replayFiles,
  transpile
};
