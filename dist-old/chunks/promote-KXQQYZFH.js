import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  CorruptStateError,
  discardStaging,
  journalExists,
  promoteTree,
  recoverPromotion,
  stagingDirOf
} from "./chunk-JMVWX2PN.js";
import "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-VSAIBY22.js";
export {
  CorruptStateError,
  discardStaging,
  journalExists,
  promoteTree,
  recoverPromotion,
  stagingDirOf
};
