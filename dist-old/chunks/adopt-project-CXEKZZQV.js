import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  listFolder,
  listGeneratedRoot,
  listProjectFiles,
  readAdoptCheck,
  readConfigText,
  readDraftTemplate,
  readPackageName,
  readSources,
  removeScratch,
  scratchWorkspace,
  writeAdoptCheck,
  writeAdoption,
  writeHoldoutChecks
} from "./chunk-KLGCFRH2.js";
import {
  readAdoptionRecord,
  readAdoptionRecordQuietly
} from "./chunk-S5MSW45D.js";
import "./chunk-7XOQCP22.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-JMVWX2PN.js";
import "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";
export {
  listFolder,
  listGeneratedRoot,
  listProjectFiles,
  readAdoptCheck,
  readAdoptionRecord,
  readAdoptionRecordQuietly,
  readConfigText,
  readDraftTemplate,
  readPackageName,
  readSources,
  removeScratch,
  scratchWorkspace,
  writeAdoptCheck,
  writeAdoption,
  writeHoldoutChecks
};
