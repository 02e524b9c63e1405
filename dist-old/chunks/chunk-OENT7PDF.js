import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  shippedScript
} from "./chunk-ZJ2LH7GO.js";
import {
  REPLAY_PLAN,
  SERVICE_TWIN_DIR
} from "./chunk-GA32XAUT.js";

// src/io/service-twins/index.ts
import { promises as fs } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
var typescript, loadTypeScript = () => typescript ??= import("typescript").then((m) => m.default ?? m), transpiled = /* @__PURE__ */ new Map();
async function transpile(source, fileName) {
  let key = createHash("sha256").update(fileName).update("\0").update(source).digest("hex"), hit = transpiled.get(key);
  if (hit !== void 0) return hit;
  let ts = await loadTypeScript(), out = ts.transpileModule(source, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: !1, inlineSourceMap: !1, declaration: !1 },
    reportDiagnostics: !1
  }).outputText;
  return transpiled.set(key, out), out;
}
async function script(name) {
  let shipped = shippedScript(`service-twins/${name}`, `io/service-twins/${name}`), text = await fs.readFile(shipped.path, "utf8");
  return shipped.typescript ? transpile(text, shipped.path) : text;
}
var JS_OUT = `${SERVICE_TWIN_DIR}/js`, TS_SOURCE = /\.(?:ts|mts|tsx)$/;
function resolveImport(tree, from, specifier) {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return;
  let target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return [target, target.replace(/\.js$/, ".ts"), target.replace(/\.js$/, ".tsx"), target.replace(/\.mjs$/, ".mts")].find((c) => tree.has(c));
}
var outputPath = (rel) => `${JS_OUT}/${rel.replace(/\.mts$/, ".mjs").replace(/\.tsx?$/, ".js")}`;
async function transpileGraph(tree, entry, out) {
  let ts = await loadTypeScript(), queue = [entry], seen = /* @__PURE__ */ new Set();
  for (; queue.length > 0; ) {
    let rel = queue.shift();
    if (seen.has(rel)) continue;
    seen.add(rel);
    let source = tree.get(rel);
    if (!TS_SOURCE.test(rel)) {
      out.set(`${JS_OUT}/${rel}`, source);
      continue;
    }
    out.set(outputPath(rel), await transpile(source, rel));
    for (let imported of ts.preProcessFile(source, !0, !0).importedFiles) {
      let next = resolveImport(tree, rel, imported.fileName);
      next && queue.push(next);
    }
  }
}
async function prepareTwinRun(input) {
  let files = new Map(input.files), added = /* @__PURE__ */ new Map([[`${JS_OUT}/package.json`, `{ "type": "module" }
`]]), config = { twins: [] };
  for (let twin of input.twins) {
    let present = input.files.has(twin.entry);
    present && await transpileGraph(input.files, twin.entry, added), config.twins.push({ id: twin.id, env: twin.env, entry: twin.entry, module: present ? path.posix.relative(SERVICE_TWIN_DIR, outputPath(twin.entry)) : null });
  }
  added.set(`${SERVICE_TWIN_DIR}/twins.json`, `${JSON.stringify(config, null, 2)}
`), added.set(`${SERVICE_TWIN_DIR}/launch.mjs`, await script("launcher"));
  for (let [p, c] of added) files.set(p, c);
  return { files, argv: [input.node, `${SERVICE_TWIN_DIR}/launch.mjs`, "--", ...input.argv] };
}
async function replayFiles(plan, node) {
  let replayer = `${SERVICE_TWIN_DIR}/replay.mjs`;
  return { files: [[REPLAY_PLAN, JSON.stringify(plan)], [replayer, await script("replayer")]], argv: [node, replayer] };
}

export {
  transpile,
  prepareTwinRun,
  replayFiles
};
