import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  SPEC_LOCAL_RULES
} from "./chunk-CXSIFPJL.js";
import {
  linesOf
} from "./chunk-Y72MW4XH.js";

// src/phases/3-check/spec-local.ts
var outOfReach = (what) => {
  throw new Error(`a spec-local rule read ${what}`);
};
function specLocalContext(files) {
  return {
    workspace: {
      files,
      get root() {
        return outOfReach("the workspace root");
      },
      get byId() {
        return outOfReach("other specs");
      },
      get context() {
        return outOfReach("the context documents");
      },
      get glossary() {
        return outOfReach("the glossary");
      }
    },
    lines: linesOf,
    get generatedRoot() {
      return outOfReach("the generated root");
    },
    get config() {
      return outOfReach("the config");
    },
    get configSpans() {
      return outOfReach("the config");
    },
    get scenarios() {
      return outOfReach("the scenarios folder");
    }
  };
}
function checkSpecsLocally(files) {
  let checked = files.map(() => ({})), at = new Map(files.map((f, i) => [f.file, i])), context = specLocalContext(files);
  for (let rule of SPEC_LOCAL_RULES)
    for (let finding of rule.check(context)) {
      let index = at.get(finding.file);
      if (index === void 0) throw new Error(`spec-local rule ${rule.id} reported on ${finding.file}, a file it was not given`);
      (checked[index][rule.id] ??= []).push(finding);
    }
  return checked;
}

export {
  checkSpecsLocally
};
