import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  AdoptionRecordSchema
} from "./chunk-7XOQCP22.js";
import {
  CorruptStateError
} from "./chunk-JMVWX2PN.js";

// src/io/adoption-record.ts
import { promises as fs } from "node:fs";
import path from "node:path";
async function readAdoptionRecord(root, file) {
  let text;
  try {
    text = await fs.readFile(path.join(root, file), "utf8");
  } catch {
    return null;
  }
  try {
    return AdoptionRecordSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new CorruptStateError(`${file} is not an adoption record speccc can read (${error instanceof Error ? error.message.split(`
`)[0] : String(error)}); restore it from version control`);
  }
}
async function readAdoptionRecordQuietly(root, file) {
  return readAdoptionRecord(root, file).catch(() => null);
}

export {
  readAdoptionRecord,
  readAdoptionRecordQuietly
};
