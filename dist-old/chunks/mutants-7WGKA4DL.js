import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  applyMutant,
  draftName,
  mutantLabel,
  mutantsToDraft,
  parseSurvivors
} from "./chunk-XERKC2AI.js";
import "./chunk-7XOQCP22.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";
export {
  applyMutant,
  draftName,
  mutantLabel,
  mutantsToDraft,
  parseSurvivors
};
