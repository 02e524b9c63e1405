import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  createRedactor,
  listRuns,
  newRunId,
  nullTrace,
  openTrace,
  parseTrace,
  readRun
} from "./chunk-VQI6GZWE.js";
import "./chunk-5NFWZACR.js";
import "./chunk-VSAIBY22.js";
export {
  createRedactor,
  listRuns,
  newRunId,
  nullTrace,
  openTrace,
  parseTrace,
  readRun
};
