import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  ACCEPTED_LOG,
  DECLINED_LOG,
  DRAFTS_DIR,
  REJECTED_LOG,
  SURVIVORS_FILE,
  appendDeclined,
  appendRejected,
  listDrafts,
  promoteDraft,
  readDraft,
  readProposalTemplate,
  readRejectedNames,
  readSurvivorsText,
  removeDraft,
  scenarioExists,
  writeDraft
} from "./chunk-7LIKJ5AU.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-5NFWZACR.js";
import "./chunk-VSAIBY22.js";
export {
  ACCEPTED_LOG,
  DECLINED_LOG,
  DRAFTS_DIR,
  REJECTED_LOG,
  SURVIVORS_FILE,
  appendDeclined,
  appendRejected,
  listDrafts,
  promoteDraft,
  readDraft,
  readProposalTemplate,
  readRejectedNames,
  readSurvivorsText,
  removeDraft,
  scenarioExists,
  writeDraft
};
