import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  declaredTwins,
  serviceTwin,
  twinEntry,
  twinEnvVar,
  twinsUsedBy
} from "./chunk-242NOEV2.js";
import "./chunk-VSAIBY22.js";
export {
  declaredTwins,
  serviceTwin,
  twinEntry,
  twinEnvVar,
  twinsUsedBy
};
