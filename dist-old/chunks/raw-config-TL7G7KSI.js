import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  CONFIG_FILE,
  readRawConfig
} from "./chunk-PXJADTX7.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-VSAIBY22.js";
export {
  CONFIG_FILE,
  readRawConfig
};
