import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  ApiFaultError,
  backoffMs,
  classifyError,
  persistentFaultLine,
  retryAfterOf
} from "./chunk-QEMEX2H3.js";
import "./chunk-VSAIBY22.js";
export {
  ApiFaultError,
  backoffMs,
  classifyError,
  persistentFaultLine,
  retryAfterOf
};
