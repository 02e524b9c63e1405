import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  VerifyHistoryLineSchema
} from "./chunk-7XOQCP22.js";
import {
  appendInside
} from "./chunk-5NFWZACR.js";

// src/io/verify-history.ts
import { promises as fs } from "node:fs";
import path from "node:path";
var VERIFY_HISTORY = path.join(".speccc", "verify", "history.jsonl");
async function appendVerifyHistory(root, line) {
  await appendInside(root, VERIFY_HISTORY, JSON.stringify(line) + `
`);
}
async function readVerifyHistory(root) {
  let text;
  try {
    text = await fs.readFile(path.join(root, VERIFY_HISTORY), "utf8");
  } catch {
    return null;
  }
  let lines = [], problems = [];
  return text.split(`
`).forEach((raw, i) => {
    if (raw.trim() === "") return;
    let parsed;
    try {
      parsed = VerifyHistoryLineSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = void 0;
    }
    parsed?.success ? lines.push(parsed.data) : problems.push({ line: i + 1, message: "not a verify record (cut short or edited); skipped" });
  }), { lines, problems };
}

export {
  VERIFY_HISTORY,
  appendVerifyHistory,
  readVerifyHistory
};
