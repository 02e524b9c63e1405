import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  mergeLessons,
  withRule
} from "./chunk-COQEM5Y6.js";
import "./chunk-VSAIBY22.js";
export {
  mergeLessons,
  withRule
};
