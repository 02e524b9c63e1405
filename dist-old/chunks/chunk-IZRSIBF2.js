import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  require_lib
} from "./chunk-UJYSYHGP.js";
import {
  __toESM
} from "./chunk-VSAIBY22.js";

// src/triage/prompt.ts
var import_handlebars = __toESM(require_lib(), 1);
function formatExample(specs) {
  let pool = specs.filter((s) => s.kind === "feature" && s.status === "ready"), shortest = [...pool.length > 0 ? pool : specs].sort((a, b) => a.source.length - b.source.length || (a.file < b.file ? -1 : 1))[0];
  return shortest ? { file: shortest.file, source: shortest.source.trim() } : null;
}
function compile(text) {
  return import_handlebars.default.create().compile(text, { strict: !0, noEscape: !0 });
}
var tidy = (text) => text.replace(/\n{3,}/g, `

`).trim() + `
`, cell = (text) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
function renderTriageSystem(templates, input) {
  return tidy(
    compile(templates.system)({
      context: input.context.map((c) => ({ file: c.file, text: c.text.trim() })),
      specs: input.specs.map((s) => ({ id: s.id, title: cell(s.title), kind: s.kind, status: s.status, file: s.file })),
      example: formatExample(input.specs)
    })
  );
}
function renderTriageRequest(templates, input) {
  let r = input.request;
  return tidy(
    compile(templates.request)({
      request: { id: r.id, title: r.title || "(no title)", source: r.source, url: r.url ?? "", labels: r.labels, body: r.body.trim() },
      drafted: input.drafted.map((s) => ({ id: s.id, title: s.title, file: s.file }))
    })
  );
}

export {
  formatExample,
  renderTriageSystem,
  renderTriageRequest
};
