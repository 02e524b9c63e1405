import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  journalExists
} from "./chunk-JMVWX2PN.js";

// src/io/recover.ts
import path from "node:path";
async function recoverUnderLock(root, raw, holding) {
  let generatedDir = path.resolve(root, raw.paths.generated);
  if (!holding && !await journalExists(root)) return generatedDir;
  let { recoverPromotion } = await import("./promote-KXQQYZFH.js");
  if (holding)
    return await recoverPromotion(root, generatedDir), generatedDir;
  let { acquireWorkspaceLock, WorkspaceLockedError } = await import("./lock-6BTPEANV.js");
  try {
    let lock = await acquireWorkspaceLock(root, "build --check");
    try {
      await recoverPromotion(root, generatedDir);
    } finally {
      await lock.release();
    }
  } catch (error) {
    if (!(error instanceof WorkspaceLockedError)) throw error;
  }
  return generatedDir;
}

export {
  recoverUnderLock
};
