import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  RECORD_FILE,
  commonFolder,
  planAdoption
} from "./chunk-26O57UQB.js";
import "./chunk-CT32TP7B.js";
import "./chunk-MIBJWLH2.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-2YZVRG7S.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";
export {
  RECORD_FILE,
  commonFolder,
  planAdoption
};
