import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  createBudget,
  meter,
  spendCaps
} from "./chunk-NCADMWFB.js";
import "./chunk-VSAIBY22.js";
export {
  createBudget,
  meter,
  spendCaps
};
