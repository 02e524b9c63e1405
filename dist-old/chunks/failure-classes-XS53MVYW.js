import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  FAILURE_CLASSES,
  failureClassInfo,
  scenariosFolder
} from "./chunk-NATWF7WB.js";
import "./chunk-VSAIBY22.js";
export {
  FAILURE_CLASSES,
  failureClassInfo,
  scenariosFolder
};
