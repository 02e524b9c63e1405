import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  checkSpecsLocally
} from "./chunk-IJAXASXU.js";
import {
  modelSpec,
  parseSpecFile
} from "./chunk-52CFOBE7.js";

// src/phases/3-check/model-and-check.ts
function modelAndCheck(files) {
  let models = files.map((f) => modelSpec(parseSpecFile(f.file, f.bytes, f.hash))), checked = checkSpecsLocally(models);
  return models.map((m, i) => ({ ...m, checked: checked[i] }));
}

export {
  modelAndCheck
};
