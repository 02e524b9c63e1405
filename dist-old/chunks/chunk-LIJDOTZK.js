import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/phases/4-render/declarations.ts
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url), loaded, tsc = () => loaded ??= require2("typescript"), options = (ts) => ({
  declaration: !0,
  emitDeclarationOnly: !0,
  strict: !0,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: !0,
  noLib: !0,
  types: []
});
function declarationsOf(files) {
  if (files.size === 0) return /* @__PURE__ */ new Map();
  let ts = tsc(), root = "/speccc-interface/", sources = new Map([...files].filter(([p]) => /\.(?:[cm]?ts|tsx)$/.test(p) && !/\.d\.ts$/.test(p)).map(([p, text]) => [root + p, text])), emitted = /* @__PURE__ */ new Map(), host = {
    getSourceFile: (name, languageVersion) => {
      let text = sources.get(name);
      return text === void 0 ? void 0 : ts.createSourceFile(name, text, languageVersion, !0);
    },
    getDefaultLibFileName: () => "lib.d.ts",
    writeFile: (name, text) => emitted.set(name, text),
    getCurrentDirectory: () => root,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => !0,
    getNewLine: () => `
`,
    fileExists: (f) => sources.has(f),
    readFile: (f) => sources.get(f),
    directoryExists: () => !0,
    getDirectories: () => []
  };
  ts.createProgram({ rootNames: [...sources.keys()], options: options(ts), host }).emit(void 0, void 0, void 0, !0);
  let out = /* @__PURE__ */ new Map();
  for (let name of sources.keys()) {
    let dts = emitted.get(name.replace(/\.(?:[cm]?ts|tsx)$/, ".d.ts"));
    dts !== void 0 && out.set(name.slice(root.length), dts.trim());
  }
  return out;
}

// src/phases/6-generate/sandbox.ts
import path from "node:path";
function normaliseAgentPath(raw) {
  if (typeof raw != "string" || raw.trim() === "") return { ok: !1, error: "path is empty" };
  if (raw.includes("\0")) return { ok: !1, error: "path contains a NUL character" };
  if (raw.includes("\\")) return { ok: !1, error: "path contains a backslash; use / separators" };
  if (path.posix.isAbsolute(raw) || /^[a-zA-Z]:/.test(raw)) return { ok: !1, error: "path is absolute; paths are relative to the generated root" };
  let cleaned = raw.replace(/^\.\//, "");
  return cleaned.split("/").includes("..") ? { ok: !1, error: "path contains `..`; paths must stay inside the generated root" } : { ok: !0, path: path.posix.normalize(cleaned) };
}
function createSandbox(options2) {
  let owned = new Set(options2.outputs), written = /* @__PURE__ */ new Map();
  return {
    outputs: options2.outputs,
    write(rawPath, content) {
      let norm = normaliseAgentPath(rawPath);
      if (!norm.ok) return { ok: !1, error: `Refused: ${norm.error}. Write only: ${[...owned].join(", ")}` };
      if (!owned.has(norm.path)) {
        let owner = options2.ownerOf?.(norm.path), why = owner ? `it belongs to spec \`${owner}\`` : "this spec does not declare it";
        return { ok: !1, error: `Refused: ${norm.path} is not yours to write (${why}). Write only: ${[...owned].join(", ")}` };
      }
      return typeof content != "string" ? { ok: !1, error: "Refused: content must be a string" } : options2.maxFileBytes !== void 0 && content.length > options2.maxFileBytes ? { ok: !1, error: `Refused: ${norm.path} is ${content.length} characters; a file may have at most ${options2.maxFileBytes}` } : (written.set(norm.path, content), { ok: !0 });
    },
    read(rawPath) {
      let norm = normaliseAgentPath(rawPath);
      if (!norm.ok) return { ok: !1, error: `Cannot read: ${norm.error}` };
      let mine = written.get(norm.path);
      if (mine !== void 0) return { ok: !0, content: mine };
      let other = options2.readable.get(norm.path);
      return other !== void 0 ? { ok: !0, content: other } : { ok: !1, error: `Cannot read ${norm.path}: readable files are this job's outputs and its dependencies' outputs (${[...options2.readable.keys()].join(", ") || "none"})` };
    },
    written: () => written
  };
}

export {
  declarationsOf,
  createSandbox
};
