import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  templatesPath
} from "./chunk-ZJ2LH7GO.js";
import {
  listFiles
} from "./chunk-7CJQW75R.js";

// src/io/templates.ts
import { promises as fs } from "node:fs";
import path from "node:path";
var defaultTemplatesDir = () => templatesPath(), DEFAULT_LABEL = (name) => `(speccc default) ${name}`;
function overrides(root, templatesDir) {
  let dir = path.join(root, templatesDir);
  return path.resolve(dir) === path.resolve(defaultTemplatesDir()) ? null : { dir, label: (name) => path.posix.join(templatesDir.split(path.sep).join("/"), name) };
}
async function listDir(dir) {
  return listFiles(dir, { match: (name) => name.endsWith(".hbs"), dot: !1, followLinks: !0 });
}
var templateName = (name) => name.replace(/\.hbs$/, "").split(path.sep).join("/").replace(/^partials\//, "");
async function readDir(dir, label) {
  return Promise.all(
    (await listDir(dir)).map(async (name) => ({
      name: templateName(name),
      file: label(name.split(path.sep).join("/")),
      text: await fs.readFile(path.join(dir, name), "utf8")
    }))
  );
}
async function readTemplates(root, templatesDir) {
  let workspace = overrides(root, templatesDir);
  return {
    defaults: await readDir(defaultTemplatesDir(), DEFAULT_LABEL),
    overrides: workspace ? await readDir(workspace.dir, workspace.label) : []
  };
}
async function hashTemplateFiles(root, templatesDir, stats) {
  let hashDir = async (dir, label, override) => (await Promise.all((await listDir(dir)).map(async (name) => {
    let abs = path.join(dir, name), hashed = await stats.hash(abs);
    return hashed && { name: templateName(name), label: label(name.split(path.sep).join("/")), abs, hash: hashed.hash, bytes: hashed.bytes, override };
  }))).filter((t) => t !== null), workspace = overrides(root, templatesDir);
  return [...await hashDir(defaultTemplatesDir(), DEFAULT_LABEL, !1), ...workspace ? await hashDir(workspace.dir, workspace.label, !0) : []];
}
var templateHashes = (files) => files.map((f) => [f.label, f.hash]);
async function readTemplateFiles(files) {
  let sources = await Promise.all(
    files.map(async (f) => ({ override: f.override, source: { name: f.name, file: f.label, text: f.bytes ? Buffer.from(f.bytes).toString("utf8") : await fs.readFile(f.abs, "utf8") } }))
  );
  return { defaults: sources.filter((s) => !s.override).map((s) => s.source), overrides: sources.filter((s) => s.override).map((s) => s.source) };
}

export {
  readTemplates,
  hashTemplateFiles,
  templateHashes,
  readTemplateFiles
};
