import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  registerBuild,
  requireReadySpecs,
  runBuild
} from "./chunk-JGZNUNMZ.js";
import "./chunk-PXOJ7NHK.js";
import "./chunk-EEWYZ6FF.js";
import "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";
export {
  registerBuild,
  requireReadySpecs,
  runBuild
};
