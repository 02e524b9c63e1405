import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  DEFAULT_PATHS
} from "./chunk-7ZPQIYN7.js";

// src/io/raw-config.ts
import { promises as fs } from "node:fs";
import path from "node:path";

// src/config/file-name.ts
var CONFIG_FILE = "speccc.config.json";

// src/io/raw-config.ts
async function readRawConfig(root) {
  let unread, text = await fs.readFile(path.join(root, CONFIG_FILE), "utf8").catch((error) => (unread = error.code ?? error.message, "")), paths = DEFAULT_PATHS, members;
  try {
    let parsed = text ? JSON.parse(text) : {};
    members = parsed.members;
    let given = parsed.paths && typeof parsed.paths == "object" ? parsed.paths : {};
    paths = { ...DEFAULT_PATHS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => typeof v == "string" && v !== "")) };
  } catch {
  }
  return { text, paths, ...members !== void 0 ? { members } : {}, ...unread !== void 0 ? { unread } : {} };
}

export {
  CONFIG_FILE,
  readRawConfig
};
