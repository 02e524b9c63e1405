import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  CONFIG_FILE
} from "./chunk-PXJADTX7.js";
import {
  ConfigSchema
} from "./chunk-NDE2NKID.js";
import {
  RULE_CODES
} from "./chunk-CXSIFPJL.js";
import {
  createLineIndex,
  diagnostics
} from "./chunk-Y72MW4XH.js";
import {
  CATALOGUE
} from "./chunk-D7OYEMQK.js";
import {
  yaml
} from "./chunk-VTZR3R7R.js";
import {
  closest
} from "./chunk-N6LFTOTB.js";

// src/config/parse.ts
import path from "node:path";
function defaultConfig() {
  let { $schema: _ignored, ...config } = ConfigSchema.parse({});
  return config;
}
function parseConfig(text) {
  let file = CONFIG_FILE, lines = createLineIndex(text), spans = /* @__PURE__ */ new Map(), fail = (diagnostics3) => ({ config: defaultConfig(), file, diagnostics: diagnostics3, spans }), data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error), at = /position (\d+)/.exec(message), offset = at ? Number(at[1]) : 0;
    return fail([diagnostics.configInvalidJson({ file, span: lines.span(offset, offset + 1), message: `Config is not valid JSON: ${message}` })]);
  }
  spans = keySpans(text, lines);
  let parsed = ConfigSchema.safeParse(data);
  if (parsed.success) {
    let { $schema: _ignored, ...config } = parsed.data, problems = [...pathProblems(config.paths).map(
      (message) => diagnostics.configPathsOverlap({ file, span: spans.get("value:paths.generated") ?? spans.get("key:paths") ?? lines.span(0, 0), message })
    ), ...ruleProblems(config.rules, spans, lines)];
    return problems.length > 0 ? fail(problems) : { config, file, diagnostics: [], spans };
  }
  let diagnostics2 = parsed.error.issues.flatMap((issue) => {
    let base = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      let known = knownKeys(base);
      return issue.keys.map((key) => {
        let p2 = [...base, key].join("."), guess = closest(key, known);
        return diagnostics.configUnknownKey({
          file,
          span: spans.get(`key:${p2}`) ?? lines.span(0, 0),
          message: guess ? `Unknown config key \`${p2}\`; did you mean \`${[...base, guess].join(".")}\`?` : `Unknown config key \`${p2}\`; expected one of ${known.map((k) => `\`${k}\``).join(", ")}`
        });
      });
    }
    let p = base.join(".");
    return [
      diagnostics.configInvalidValue({
        file,
        span: spans.get(`value:${p}`) ?? spans.get(`key:${p}`) ?? lines.span(0, 0),
        message: `Config value \`${p || "(root)"}\` is invalid: ${issueText(issue)}`
      })
    ];
  }), rules = data?.rules, named = rules && typeof rules == "object" && !Array.isArray(rules) ? Object.fromEntries(Object.entries(rules).filter(([, v]) => typeof v == "string")) : {};
  return fail([...diagnostics2, ...ruleProblems(named, spans, lines)]);
}
function ruleProblems(rules, spans, lines) {
  let out = [];
  for (let [code, level] of Object.entries(rules)) {
    if (!RULE_CODES.has(code)) {
      let guess = closest(code, [...RULE_CODES]);
      out.push(
        diagnostics.configUnknownKey({
          file: CONFIG_FILE,
          span: spans.get(`key:rules.${code}`) ?? spans.get("key:rules") ?? lines.span(0, 0),
          message: guess ? `Unknown rule \`${code}\` in \`rules\`; did you mean \`${guess}\`?` : `Unknown rule \`${code}\` in \`rules\`; expected the code of a check rule (docs/diagnostics.md)`
        })
      );
      continue;
    }
    let locked = CATALOGUE.get(code)?.locked;
    locked && (level === "off" || level === "warn") && out.push(
      diagnostics.configInvalidValue({
        file: CONFIG_FILE,
        span: spans.get(`value:rules.${code}`) ?? lines.span(0, 0),
        message: `Rule \`${code}\` cannot be set to \`${level}\`: ${locked}; expected it left out of \`rules\``,
        hint: `Remove \`${code}\` from \`rules\`: it is always an error.`
      })
    );
  }
  return out;
}
function knownKeys(at) {
  let schema = ConfigSchema;
  for (let key of at)
    schema = objectShape(schema)?.[key];
  return Object.keys(objectShape(schema) ?? {}).filter((k) => k !== "$schema");
}
function objectShape(schema) {
  let s = schema;
  for (let i = 0; i < 4 && s && !s.shape; i++) s = s.def?.innerType;
  return s?.shape;
}
var norm = (p) => path.posix.normalize(p.split(path.sep).join("/")).replace(/\/+$/, "");
function pathProblems(paths) {
  let generated = norm(paths.generated);
  if (path.posix.isAbsolute(generated) || /^[a-zA-Z]:/.test(paths.generated)) return [`paths.generated is absolute (\`${paths.generated}\`); expected a folder inside the workspace`];
  if (generated === "." || generated === "") return ["paths.generated is the workspace root; expected a folder of its own inside the workspace"];
  if (generated === ".." || generated.startsWith("../")) return [`paths.generated (\`${paths.generated}\`) lies outside the workspace; expected a folder inside it`];
  if (generated === ".speccc" || generated.startsWith(".speccc/") || generated === ".git" || generated.startsWith(".git/") || generated === "node_modules") return [`paths.generated (\`${paths.generated}\`) is a folder speccc or git owns; expected a folder of its own`];
  let problems = [];
  for (let key of ["specs", "context", "templates", "scenarios"]) {
    let other = norm(paths[key]), inside = (a, b) => a === b || a.startsWith(`${b}/`) || b === ".";
    (inside(generated, other) || inside(other, generated)) && problems.push(`paths.generated (\`${paths.generated}\`) ${generated === other ? "is" : inside(generated, other) ? "lies inside" : "contains"} paths.${key} (\`${paths[key]}\`); a build would replace it`);
  }
  return problems;
}
function keySpans(text, lines) {
  let out = /* @__PURE__ */ new Map(), { isMap, isScalar, isSeq, parseDocument } = yaml(), doc = parseDocument(text), visit = (node, prefix) => {
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        item?.range && out.set(`value:${[...prefix, String(i)].join(".")}`, lines.span(item.range[0], item.range[1])), visit(item, [...prefix, String(i)]);
      });
      return;
    }
    if (isMap(node))
      for (let pair of node.items) {
        let key = isScalar(pair.key) ? String(pair.key.value) : "", p = [...prefix, key], kr = pair.key?.range;
        kr && out.set(`key:${p.join(".")}`, lines.span(kr[0], kr[1]));
        let vr = pair.value?.range;
        vr && out.set(`value:${p.join(".")}`, lines.span(vr[0], vr[1])), visit(pair.value, p);
      }
  };
  return visit(doc.contents, []), out;
}
function issueText(issue) {
  let values = issue.values;
  return Array.isArray(values) && values.length > 0 ? `expected one of ${values.map(String).join(", ")}` : issue.message;
}

export {
  defaultConfig,
  parseConfig
};
