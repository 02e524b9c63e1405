import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  isReadme
} from "./chunk-CMLTEYZG.js";
import {
  readRawConfig
} from "./chunk-PXJADTX7.js";
import "./chunk-7CJQW75R.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-VSAIBY22.js";

// src/io/spec-ids.ts
import { closeSync, openSync, readdirSync, readSync } from "node:fs";
import path from "node:path";
var HEAD_BYTES = 4096;
function frontmatterId(text) {
  let m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!m) return;
  let id = /^id:[ \t]*(.*?)[ \t]*(?:#.*)?$/m.exec(m[1])?.[1]?.replace(/^(["'])(.*)\1$/, "$2");
  return id && /^[^\s'"]+$/.test(id) ? id : void 0;
}
function specFiles(dir) {
  try {
    return readdirSync(dir, { recursive: !0, withFileTypes: !0 }).filter((e) => e.isFile() && e.name.endsWith(".md")).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).filter((rel) => !rel.split(path.sep).some((part) => part.startsWith(".")) && !isReadme(rel.split(path.sep).join("/"))).map((rel) => path.join(dir, rel));
  } catch {
    return [];
  }
}
function head(file, buffer) {
  let fd;
  try {
    return fd = openSync(file, "r"), buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return "";
  } finally {
    fd !== void 0 && closeSync(fd);
  }
}
async function readSpecIds(root) {
  let { paths } = await readRawConfig(root), buffer = Buffer.alloc(HEAD_BYTES), ids = specFiles(path.resolve(root, paths.specs)).map((file) => frontmatterId(head(file, buffer)));
  return [...new Set(ids.filter((id) => id !== void 0))].sort();
}
export {
  frontmatterId,
  readSpecIds
};
