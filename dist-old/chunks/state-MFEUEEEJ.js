import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  AcceptedDraftSchema,
  AdoptCheckSchema,
  AdoptionRecordSchema,
  BatchRecordSchema,
  DraftMutantSchema,
  JournalSchema,
  LessonSchema,
  LessonsFileSchema,
  ManifestEntrySchema,
  ManifestFileSchema,
  StoredResultSchema,
  SurvivorsFileSchema,
  VerdictSchema,
  VerifyHistoryLineSchema
} from "./chunk-7XOQCP22.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";
export {
  AcceptedDraftSchema,
  AdoptCheckSchema,
  AdoptionRecordSchema,
  BatchRecordSchema,
  DraftMutantSchema,
  JournalSchema,
  LessonSchema,
  LessonsFileSchema,
  ManifestEntrySchema,
  ManifestFileSchema,
  StoredResultSchema,
  SurvivorsFileSchema,
  VerdictSchema,
  VerifyHistoryLineSchema
};
