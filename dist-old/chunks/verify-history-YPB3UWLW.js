import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  VERIFY_HISTORY,
  appendVerifyHistory,
  readVerifyHistory
} from "./chunk-PMSSQN5E.js";
import "./chunk-7XOQCP22.js";
import "./chunk-5NFWZACR.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";
export {
  VERIFY_HISTORY,
  appendVerifyHistory,
  readVerifyHistory
};
