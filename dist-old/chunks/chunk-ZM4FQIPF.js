import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  declarationsOf
} from "./chunk-LIJDOTZK.js";
import {
  require_lib
} from "./chunk-UJYSYHGP.js";
import {
  TOOL_DEFINITIONS
} from "./chunk-DLHTC4YV.js";
import {
  declaredTwins,
  serviceTwin,
  twinsUsedBy
} from "./chunk-242NOEV2.js";
import {
  canonicalJson,
  sha256
} from "./chunk-U5XVFR3J.js";
import {
  TEST_FILE
} from "./chunk-2YZVRG7S.js";
import {
  diagnostics
} from "./chunk-Y72MW4XH.js";
import {
  __toESM
} from "./chunk-VSAIBY22.js";

// src/phases/4-render/index.ts
var import_handlebars = __toESM(require_lib(), 1);
var LANGUAGES = { ts: "ts", tsx: "tsx", js: "js", mjs: "js", json: "json", md: "md", py: "python", sh: "sh", css: "css", html: "html", yaml: "yaml", yml: "yaml" }, KIND_WORDS = { rule: "rule", "edge-case": "edge case", scenario: "scenario", property: "property" };
function environment(templates) {
  let hb = import_handlebars.default.create();
  hb.registerHelper("join", (steps) => steps.map((s) => s.text).join(" and "));
  for (let t of templates.byName.values()) hb.registerPartial(t.name, t.text);
  return hb;
}
function render(templates, name, data) {
  let source = templates.byName.get(name);
  if (!source) throw new Error(`bug: template ${name} is missing from speccc's defaults`);
  try {
    let template = templates.compiled.get(name);
    return template || (template = environment(templates).compile(source.text, { strict: !0, noEscape: !0 }), templates.compiled.set(name, template)), { ok: !0, text: template(data).replace(/\n{3,}/g, `

`).trim() + `
` };
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error), at = { line: Number(/line (\d+)/i.exec(message)?.[1] ?? 1), column: 1, offset: 0 };
    return {
      ok: !1,
      diagnostics: [
        diagnostics.templateError({
          file: source.file,
          span: { start: at, end: at },
          message: `Template \`${name}\` failed: ${summarise(message)}`
        })
      ]
    };
  }
}
function summarise(message) {
  let lines = message.split(`
`).map((l) => l.trim()).filter(Boolean);
  if (lines.length <= 1) return lines[0] ?? message;
  let last = lines.at(-1).replace(/^Expecting /, "expected ");
  return `${lines[0].replace(/:$/, "")}: ${last}${/got 'EOF'/.test(last) ? " (a block such as {{#each}} or {{#if}} is not closed)" : ""}`;
}
function promptSource(spec) {
  let block = spec.frontmatterSpans?.block;
  return !block || spec.frontmatter?.priority === void 0 ? spec.source : spec.source.slice(0, block.end.offset).replace(/^priority:[ \t]*[\w.-]*[ \t]*(?:#[^\n]*)?\r?\n/m, "") + spec.source.slice(block.end.offset);
}
function renderSystem(templates, input) {
  return render(templates, "system", {
    context: input.context.map((c) => ({ file: c.file, text: c.text.trim() })),
    constraints: input.constraints.map((s) => ({ id: s.frontmatter.id, file: s.file, source: promptSource(s).trim() }))
  });
}
function renderJob(templates, input) {
  let fm = input.spec.frontmatter;
  return render(templates, "job", {
    spec: { id: fm.id, kind: fm.kind, file: input.spec.file, source: promptSource(input.spec).trim() },
    twin: fm.kind === "twin" ? serviceTwin(fm.id) : null,
    twins: (input.twins ?? []).map((t) => ({ id: t.id, env: t.env, declared: t.source !== null, source: t.source?.trim() ?? "" })),
    outputs: input.outputs,
    sections: input.spec.sections.map((s) => ({ heading: s.heading, line: `${s.span.start.line}\u2013${s.span.end.line}` })),
    scenarios: input.spec.scenarios.map((s) => ({ name: s.name, given: s.given, when: s.when, then: s.then })),
    properties: input.spec.scenarios.some((s) => s.kind === "property"),
    // A derived id is the item's opening words already, and the spec is in the prompt: only a pinned id needs them spelt out.
    requirements: input.spec.requirements.map((r) => ({ id: r.id, kind: KIND_WORDS[r.kind], text: r.pinned ? r.text.length > 72 ? `${r.text.slice(0, 71).trimEnd()}\u2026` : r.text : "" })),
    dependencies: input.dependencies.map((d) => ({
      id: d.id,
      distant: d.distant === !0,
      files: d.files.map((f) => ({ path: f.path, content: f.content.replace(/\n$/, ""), language: LANGUAGES[f.path.split(".").pop() ?? ""] ?? "" }))
    }))
  });
}
function renderFix(templates, input) {
  return render(templates, "fix", {
    spec: { id: input.spec.frontmatter.id },
    attempt: input.attempt,
    maxAttempts: input.maxAttempts,
    failures: input.failures
  });
}
function renderScenarioCheck(templates, input) {
  let fm = input.spec.frontmatter, first = fm.outputs.find((o) => !/\.(test|spec)\./.test(o)) ?? fm.outputs[0] ?? "src/index.ts";
  return render(templates, "scenario-check", {
    spec: { id: fm.id, file: input.spec.file, source: input.spec.source.trim() },
    name: input.name,
    path: input.path,
    scenario: input.scenario.trim(),
    interfaces: input.interfaces,
    firstOutput: first.replace(/\.tsx?$/, ".js"),
    twins: (input.twins ?? []).map((t) => ({ id: t.id, env: t.env, source: t.source?.trim() ?? "" })),
    // A scenario that states a property is checked as one: fast-check over the inputs its For any names.
    property: input.property === !0
  });
}

// src/phases/4-render/templates.ts
function mergeTemplates(defaults, overrides) {
  let byName = /* @__PURE__ */ new Map();
  for (let t of [...defaults, ...overrides]) byName.set(t.name, t);
  return { byName, compiled: /* @__PURE__ */ new Map() };
}

// src/phases/4-render/prefix-blocks.ts
var digest = (text) => sha256(text).slice(0, 16);
function systemTemplates(templates) {
  let seen = [], visit = (name) => {
    let t = templates.byName.get(name);
    if (!(!t || seen.includes(name))) {
      seen.push(name);
      for (let m of t.text.matchAll(/\{\{~?>\s*([\w./-]+)/g)) visit(m[1]);
    }
  };
  return visit("system"), seen;
}
function prefixBlocks(input) {
  return [
    { name: "tools", digest: digest(canonicalJson(TOOL_DEFINITIONS)) },
    ...systemTemplates(input.templates).map((name) => ({ name: `template ${input.templates.byName.get(name).file}`, digest: digest(input.templates.byName.get(name).text) })),
    ...input.workspace.context.map((c) => ({ name: `context file ${c.file}`, digest: digest(c.text) })),
    ...input.constraints.map((s) => ({ name: `constraint spec ${s.file}`, digest: digest(promptSource(s)) })),
    { name: "system prompt", digest: digest(input.systemPrompt) }
  ];
}

// src/phases/4-render/prompts.ts
function twinsForPrompt(spec, workspace) {
  if (spec.frontmatter?.kind === "twin") return [];
  let declared = new Set(declaredTwins(spec, workspace).map((t) => t.id));
  return twinsUsedBy(spec, workspace).map((t) => ({ id: t.id, env: t.env, source: declared.has(t.id) ? promptSource(workspace.byId.get(t.id)) : null }));
}
function declarationFiles(files) {
  let sources = new Map(files.filter((f) => /\.(?:[cm]?ts|tsx)$/.test(f.path) && !/\.d\.ts$/.test(f.path) && !TEST_FILE.test(f.path)).map((f) => [f.path, f.content]));
  return [...declarationsOf(sources)].map(([p, text]) => ({ path: p.replace(/\.(?:[cm]?ts|tsx)$/, ".d.ts"), content: text }));
}
function renderPrompts(input) {
  let templates = mergeTemplates(input.defaults, input.overrides), constraints = [...input.workspace.byId.values()].filter((s) => s.frontmatter.kind === "constraint" && s.frontmatter.status === "ready"), system = renderSystem(templates, { context: input.workspace.context, constraints });
  if (!system.ok) return { ok: !1, diagnostics: system.diagnostics };
  let probe = input.buildable[0];
  if (probe) {
    let job = renderJob(templates, { spec: probe, outputs: probe.frontmatter.outputs, dependencies: [] }), fix = renderFix(templates, { spec: probe, attempt: 1, maxAttempts: 1, failures: [{ title: "t", output: "o" }] }), problems = [...job.ok ? [] : job.diagnostics, ...fix.ok ? [] : fix.diagnostics];
    if (problems.length > 0) return { ok: !1, diagnostics: problems };
  }
  return {
    ok: !0,
    prompts: {
      systemPrompt: system.text,
      templatesDigest: sha256(canonicalJson([...templates.byName.values()].map((t) => [t.name, t.text]))),
      toolsDigest: sha256(canonicalJson(TOOL_DEFINITIONS)),
      prefixBlocks: prefixBlocks({ templates, workspace: input.workspace, constraints, systemPrompt: system.text }),
      renderJob(spec, dependencies) {
        let shown = dependencies.map((d) => d.distant ? { ...d, files: declarationFiles(d.files) } : d), job = renderJob(templates, { spec, outputs: spec.frontmatter.outputs, dependencies: shown, twins: twinsForPrompt(spec, input.workspace) });
        if (!job.ok) throw new Error(`bug: job template failed after the probe passed: ${job.diagnostics[0]?.message}`);
        return job.text;
      },
      renderFix(spec, attempt, maxAttempts, failures) {
        let fix = renderFix(templates, { spec, attempt, maxAttempts, failures });
        return fix.ok ? fix.text : failures.map((f) => `${f.title}
${f.output}`).join(`

`);
      }
    }
  };
}

export {
  renderScenarioCheck,
  mergeTemplates,
  twinsForPrompt,
  renderPrompts
};
