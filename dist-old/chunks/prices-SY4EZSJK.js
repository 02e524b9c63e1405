import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  BATCH_DISCOUNT,
  DEFAULT_MODEL,
  PRICE_ROWS,
  ROUTING
} from "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";
export {
  BATCH_DISCOUNT,
  DEFAULT_MODEL,
  PRICE_ROWS,
  ROUTING
};
