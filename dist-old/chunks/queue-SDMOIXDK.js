import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  PRIORITY_RANK,
  priorityLabel,
  priorityRank,
  queueOf
} from "./chunk-7BPL2OAW.js";
import "./chunk-VSAIBY22.js";
export {
  PRIORITY_RANK,
  priorityLabel,
  priorityRank,
  queueOf
};
