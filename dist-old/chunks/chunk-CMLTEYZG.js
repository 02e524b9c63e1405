import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  listFiles
} from "./chunk-7CJQW75R.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";

// src/io/workspace-files.ts
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
var isMarkdown = (name) => name.endsWith(".md"), toPosix = (p) => path.sep === "/" ? p : p.split(path.sep).join("/"), under = (dir) => {
  let base = path.posix.normalize(toPosix(dir)).replace(/(.)\/$/, "$1"), prefix = base === "." ? "" : base === "/" ? "/" : `${base}/`;
  return (rel) => prefix + rel;
}, byFile = (a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
async function isDir(p) {
  return fs.stat(p).then(
    (st) => st.isDirectory(),
    () => !1
  );
}
function readAll(root, relFiles) {
  return relFiles.map((file) => {
    try {
      let bytes = readFileSync(path.join(root, file));
      return { file, hash: sha256(bytes), bytes };
    } catch {
      return null;
    }
  }).filter((f) => f !== null).sort(byFile);
}
function hashAll(root, relFiles, stats) {
  let out = [], base = root.endsWith(path.sep) ? root : root + path.sep;
  for (let file of relFiles) {
    let hashed = stats.hash(base + file);
    hashed && out.push({ file, hash: hashed.hash, bytes: hashed.bytes });
  }
  return out.sort(byFile);
}
var isReadme = (rel) => /(?:^|\/)readme\.md$/i.test(rel);
async function listSpecFiles(root, specsDir) {
  let base = path.join(root, specsDir), found = await listFiles(base, { match: isMarkdown, dot: !1, followLinks: !1 }), inSpecs = under(specsDir);
  return found.filter((f) => !isReadme(f)).map(inSpecs);
}
async function listFiles2(options) {
  let own = await listFolders(options);
  if (!options.members?.length) return own;
  let listed = await Promise.all(options.members.map((m) => listFolders({ root: options.root, specsDir: m.specs, contextDir: m.context })));
  return {
    specsDirExists: own.specsDirExists || listed.some((l) => l.specsDirExists),
    specs: [...own.specs, ...listed.flatMap((l) => l.specs)],
    context: [...own.context, ...listed.flatMap((l) => l.context)]
  };
}
async function listFolders(options) {
  let { root, specsDir, contextDir } = options, specsDirExists = await isDir(path.join(root, specsDir)), specs = specsDirExists ? await listSpecFiles(root, specsDir) : [], context = await isDir(path.join(root, contextDir)) ? (await listFiles(path.join(root, contextDir), { match: isMarkdown, dot: !1, followLinks: !0 })).filter((f) => !isReadme(f)).map(under(contextDir)) : [];
  return { specsDirExists, specs, context };
}
async function readWorkspaceFiles(options) {
  let listed = await listFiles2(options);
  return { specsDirExists: listed.specsDirExists, specs: readAll(options.root, listed.specs), context: readAll(options.root, listed.context) };
}
async function listWorkspaceFiles(options, stats, onListed) {
  let listed = await listFiles2(options);
  onListed?.(listed.specs.length);
  let specs = hashAll(options.root, listed.specs, stats), context = hashAll(options.root, listed.context, stats);
  return { specsDirExists: listed.specsDirExists, specs, context };
}
var moved = /* @__PURE__ */ new WeakSet(), changedSinceListed = (files) => moved.has(files);
async function readContents(root, files) {
  let changed = !1, read = (list) => list.map((f) => {
    if (f.bytes) return f;
    let bytes;
    try {
      bytes = readFileSync(path.join(root, f.file));
    } catch {
      return changed = !0, null;
    }
    let hash = sha256(bytes);
    return hash !== f.hash && (changed = !0), { file: f.file, hash, bytes };
  }).filter((f) => f !== null), specs = read(files.specs), context = read(files.context);
  return changed && moved.add(files), { ...files, specs, context };
}
async function readWorkspaceFile(root, file) {
  try {
    return new Uint8Array(await fs.readFile(path.join(root, ...file.split("/"))));
  } catch {
    return null;
  }
}

export {
  isReadme,
  readWorkspaceFiles,
  listWorkspaceFiles,
  changedSinceListed,
  readContents,
  readWorkspaceFile
};
