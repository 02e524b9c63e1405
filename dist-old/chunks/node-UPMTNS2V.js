import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  child_process,
  crypto,
  fs,
  os,
  path,
  stream,
  util
} from "./chunk-MQSRPBJQ.js";
import "./chunk-VSAIBY22.js";
export {
  child_process,
  crypto,
  fs,
  os,
  path,
  stream,
  util
};
