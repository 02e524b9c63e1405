import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  listFiles
} from "./chunk-7CJQW75R.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";

// src/io/generated-tree.ts
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
var MANIFEST_PATH = ".speccc/manifest.json", MANIFEST_FORMAT = 1, emptyManifest = (version) => ({ format: MANIFEST_FORMAT, speccc: version, specs: /* @__PURE__ */ new Map() }), TREE_OWN_FILES = /* @__PURE__ */ new Set(["README.md"]), TREE_FOREIGN_DIRS = ["node_modules"];
async function listTree(generatedDir) {
  return (await listFiles(generatedDir, { match: () => !0, dot: !0, followLinks: !1, skipTop: [".speccc", ...TREE_FOREIGN_DIRS] })).filter((rel) => !TREE_OWN_FILES.has(rel));
}
async function readGeneratedTree(generatedDir, version) {
  let files = /* @__PURE__ */ new Map(), hashes = /* @__PURE__ */ new Map();
  await Promise.all(
    (await listTree(generatedDir)).map(async (rel) => {
      let bytes = await fs.readFile(path.join(generatedDir, rel));
      files.set(rel, bytes.toString("utf8")), hashes.set(rel, sha256(bytes));
    })
  );
  let { manifest, problem } = await readManifest(generatedDir, version);
  return { files, hashes, manifest, manifestProblem: problem };
}
async function indexGeneratedTree(generatedDir, hash) {
  let hashes = /* @__PURE__ */ new Map(), bytes = /* @__PURE__ */ new Map();
  for (let rel of await listTree(generatedDir)) {
    let hashed = hash(`${generatedDir}${path.sep}${rel}`);
    hashed && (hashes.set(rel, hashed.hash), hashed.bytes && bytes.set(rel, hashed.bytes));
  }
  let manifest = hash(path.join(generatedDir, MANIFEST_PATH));
  return { dir: generatedDir, hashes, bytes, manifestHash: manifest?.hash ?? null };
}
async function readIndexedTree(index, version) {
  let files = /* @__PURE__ */ new Map(), hashes = new Map(index.hashes);
  await Promise.all(
    [...index.hashes.keys()].map(async (rel) => {
      let bytes = index.bytes.get(rel);
      if (!bytes) {
        try {
          bytes = readFileSync(path.join(index.dir, rel));
        } catch {
          hashes.delete(rel);
          return;
        }
        hashes.set(rel, sha256(bytes));
      }
      files.set(rel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
    })
  );
  let { manifest, problem } = await readManifest(index.dir, version);
  return { files, hashes, manifest, manifestProblem: problem };
}
function readIndexedFiles(index, wanted) {
  let files = /* @__PURE__ */ new Map();
  for (let rel of index.hashes.keys()) {
    if (!wanted(rel)) continue;
    let bytes = index.bytes.get(rel);
    if (!bytes)
      try {
        bytes = readFileSync(path.join(index.dir, rel));
      } catch {
        continue;
      }
    files.set(rel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  }
  return files;
}
async function readManifest(generatedDir, version) {
  let text;
  try {
    text = await fs.readFile(path.join(generatedDir, MANIFEST_PATH), "utf8");
  } catch (error) {
    let missing = error.code === "ENOENT";
    return { manifest: emptyManifest(version), problem: missing ? null : `cannot be read (${error.message})` };
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { manifest: emptyManifest(version), problem: `is not valid JSON (${error.message})` };
  }
  let { ManifestFileSchema } = await import("./state-MFEUEEEJ.js"), parsed = ManifestFileSchema.safeParse(json);
  if (!parsed.success) {
    let issue = parsed.error.issues[0];
    return { manifest: emptyManifest(version), problem: `does not match the manifest format at \`${issue.path.join(".") || "(root)"}\`: ${issue.message}` };
  }
  return parsed.data.format !== MANIFEST_FORMAT ? { manifest: emptyManifest(version), problem: `has format ${parsed.data.format}; this speccc reads format ${MANIFEST_FORMAT}` } : { manifest: { format: parsed.data.format, speccc: parsed.data.speccc, specs: new Map(Object.entries(parsed.data.specs)) }, problem: null };
}

export {
  MANIFEST_PATH,
  TREE_FOREIGN_DIRS,
  readGeneratedTree,
  indexGeneratedTree,
  readIndexedTree,
  readIndexedFiles,
  readManifest
};
