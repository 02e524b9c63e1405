import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  parseShard,
  partitionPlan
} from "./chunk-2EGY45G7.js";
import "./chunk-VSAIBY22.js";
export {
  parseShard,
  partitionPlan
};
