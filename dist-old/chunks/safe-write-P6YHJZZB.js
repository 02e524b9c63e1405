import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  OutsideWorkspaceError,
  appendInside,
  appendInsideSync,
  assertInside,
  folderInside,
  folderInsideSync,
  writeInside,
  writeInsideSync
} from "./chunk-5NFWZACR.js";
import "./chunk-VSAIBY22.js";
export {
  OutsideWorkspaceError,
  appendInside,
  appendInsideSync,
  assertInside,
  folderInside,
  folderInsideSync,
  writeInside,
  writeInsideSync
};
