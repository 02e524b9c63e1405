import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  diagnostics
} from "./chunk-Y72MW4XH.js";

// src/phases/3-check/rules/drafted-unconfirmed.ts
var DRAFTED_MARKER = "<!-- drafted -->", MARKER = /<!--\s*drafted\s*-->/g;
function isComment(codeRanges, start) {
  return codeRanges.some(([s]) => s === start) || !codeRanges.some(([s, e]) => s <= start && start < e);
}
var draftedUnconfirmedRule = {
  id: "drafted-unconfirmed",
  codes: ["drafted-unconfirmed"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of spec.source.matchAll(MARKER)) {
          if (!isComment(spec.codeRanges, m.index)) continue;
          let index = lines(spec), line = spec.source.slice(spec.source.lastIndexOf(`
`, m.index) + 1, m.index).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").replace(/\*\*/g, "").trim();
          out.push(
            diagnostics.draftedUnconfirmed({
              file: spec.file,
              span: index.span(m.index, m.index + m[0].length),
              message: `Drafted, not confirmed: ${line ? `"${line.length > 60 ? `${line.slice(0, 59).trimEnd()}\u2026` : line}"` : "the text before this marker"} was drafted by \`speccc adopt\` and no person has confirmed it; expected a requirement a person stands behind`
            })
          );
        }
    return out;
  }
};

export {
  DRAFTED_MARKER,
  draftedUnconfirmedRule
};
