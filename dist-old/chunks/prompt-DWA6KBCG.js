import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  formatExample,
  renderTriageRequest,
  renderTriageSystem
} from "./chunk-IZRSIBF2.js";
import "./chunk-UJYSYHGP.js";
import "./chunk-VSAIBY22.js";
export {
  formatExample,
  renderTriageRequest,
  renderTriageSystem
};
