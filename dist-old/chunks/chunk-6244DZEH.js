import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  StoredResultSchema
} from "./chunk-7XOQCP22.js";
import {
  writeInside
} from "./chunk-5NFWZACR.js";

// src/io/results.ts
import { promises as fs } from "node:fs";
import path from "node:path";
var KEY = /^[0-9a-f]{64}$/, fileOf = (root, key) => path.join(root, ".speccc", "results", `${key}.json`);
function resultStore(root) {
  return {
    async read(key) {
      if (KEY.test(key))
        try {
          let parsed = StoredResultSchema.safeParse(JSON.parse(await fs.readFile(fileOf(root, key), "utf8")));
          return parsed.success && parsed.data.jobKey === key ? parsed.data : void 0;
        } catch {
          return;
        }
    },
    async write(result) {
      if (!KEY.test(result.jobKey)) throw new Error(`bug: job key ${result.jobKey} is not a sha256`);
      await writeInside(root, path.join(".speccc", "results", `${result.jobKey}.json`), JSON.stringify(result));
    }
  };
}

export {
  resultStore
};
