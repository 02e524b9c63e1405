import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  CODE_FILE,
  TEST_FILE,
  isCode,
  oneLine,
  readModules,
  resolveImport
} from "./chunk-CT32TP7B.js";
import "./chunk-2YZVRG7S.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";
export {
  CODE_FILE,
  TEST_FILE,
  isCode,
  oneLine,
  readModules,
  resolveImport
};
