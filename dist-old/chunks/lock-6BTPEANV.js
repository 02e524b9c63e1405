import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  WorkspaceLockedError,
  acquireWorkspaceLock,
  currentHolder
} from "./chunk-ZRJIQAHE.js";
import "./chunk-5NFWZACR.js";
import "./chunk-VSAIBY22.js";
export {
  WorkspaceLockedError,
  acquireWorkspaceLock,
  currentHolder
};
