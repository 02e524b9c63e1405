import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  costOf,
  expectedCostOf,
  priceOf,
  utf8Bytes,
  worstCaseOf
} from "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";
export {
  costOf,
  expectedCostOf,
  priceOf,
  utf8Bytes,
  worstCaseOf
};
