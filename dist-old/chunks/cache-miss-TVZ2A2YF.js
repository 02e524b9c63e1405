import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  cacheMissLine,
  explainCacheMiss
} from "./chunk-RU3OEU3M.js";
import "./chunk-VSAIBY22.js";
export {
  cacheMissLine,
  explainCacheMiss
};
