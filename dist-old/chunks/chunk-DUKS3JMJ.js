import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  PARSE_CACHE_FORMAT,
  hasParseCache,
  poolSize,
  warmPool
} from "./chunk-XAD3VXWC.js";
import {
  hashChecksOf,
  listAllScenarioFolders,
  openStatCache,
  resolveMembers,
  scenariosOf
} from "./chunk-YSUJQ6UY.js";
import {
  hashTemplateFiles,
  templateHashes
} from "./chunk-2UGXUQJK.js";
import {
  changedSinceListed,
  listWorkspaceFiles
} from "./chunk-CMLTEYZG.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  readRawConfig
} from "./chunk-PXJADTX7.js";
import {
  indexGeneratedTree
} from "./chunk-UUOMZIVY.js";
import {
  OutsideWorkspaceError,
  writeInside
} from "./chunk-5NFWZACR.js";
import {
  canonicalJson,
  sha256
} from "./chunk-U5XVFR3J.js";

// src/fast-path.ts
import path2 from "node:path";

// src/io/stamps.ts
import { promises as fs } from "node:fs";
import path from "node:path";
var fileOf = (root, name) => path.join(root, ".speccc", "cache", `${name}.json`);
async function readStored(root, name, digest) {
  try {
    let stored = JSON.parse(await fs.readFile(fileOf(root, name), "utf8"));
    return stored.digest === digest && stored.value !== void 0 ? stored.value : void 0;
  } catch {
    return;
  }
}
async function writeStored(root, name, digest, value) {
  try {
    await writeInside(root, path.relative(root, fileOf(root, name)), JSON.stringify({ digest, value }));
  } catch (error) {
    if (error instanceof OutsideWorkspaceError) throw error;
  }
}

// src/io/toolchain-versions.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url), read;
function versionOf(pkg) {
  try {
    return JSON.parse(readFileSync(require2.resolve(`${pkg}/package.json`), "utf8")).version;
  } catch {
    return;
  }
}
function toolchainVersions() {
  if (read) return read;
  let versions = { node: process.version };
  for (let pkg of ["typescript", "vitest", "fast-check", "@stryker-mutator/core"]) {
    let v = versionOf(pkg);
    v && (versions[pkg] = v);
  }
  return read = versions;
}

// src/fast-path.ts
async function readInputs(root, raw, options = {}) {
  raw ??= await readRawConfig(root);
  let forBuild = options.for !== "check", paths = raw.paths, stats = await openStatCache(root), members = await resolveMembers(root, raw.members), [files, templates, tree, listing, adopted] = await Promise.all([
    listWorkspaceFiles({ root, specsDir: paths.specs, contextDir: paths.context, members: members.members }, stats, (specs) => {
      hasParseCache(root) || warmPool(poolSize(specs));
    }),
    forBuild ? hashTemplateFiles(root, paths.templates, stats) : [],
    indexGeneratedTree(path2.join(root, paths.generated), stats.hash),
    listAllScenarioFolders(root, path2.resolve(root, paths.scenarios), members.members),
    stats.hash(path2.join(root, paths.specs, "adopted.json"))
  ]), checks = hashChecksOf(listing, stats.hash);
  await stats.save();
  let byHash = (list) => list.map((f) => [f.file, f.hash]), inputs = {
    speccc: `${SPECCC_VERSION}+parse${PARSE_CACHE_FORMAT}`,
    config: raw.text,
    members: members.members.map((m) => [m.name, m.dir, m.configText]),
    specsDirExists: files.specsDirExists,
    specs: byHash(files.specs),
    context: byHash(files.context),
    templates: templateHashes(templates),
    generated: [...tree.hashes],
    manifest: tree.manifestHash,
    scenarios: scenariosOf(listing).map((s) => [s.file, s.hasCheck]),
    holdouts: checks.hashes,
    toolchain: forBuild ? toolchainVersions() : {},
    adopted: adopted?.hash ?? null
  }, listed = { ...files, generated: tree };
  return filesOf.set(inputs, listed), { files: listed, tree, inputs, raw, templates, scenarios: { listing, read: checks.read }, members };
}
var filesOf = /* @__PURE__ */ new WeakMap(), digestFiles = /* @__PURE__ */ new Map();
function checkDigest(inputs, paths) {
  let { templates: _notRead, toolchain: _notRun, ...read2 } = inputs, digest = sha256(canonicalJson({ for: "check", ...read2, paths })), files = filesOf.get(inputs);
  return files && digestFiles.set(digest, files), digest;
}
function sourcesDigest(inputs) {
  let { generated: _g, manifest: _m, scenarios: _s, ...sources } = inputs;
  return sha256(canonicalJson({ for: "sources", ...sources }));
}
function buildDigest(inputs) {
  return sha256(canonicalJson({ for: "build", ...inputs }));
}
var storedReport = (root, digest) => readStored(root, "check-report", digest);
async function storeReport(root, digest, report) {
  let files = digestFiles.get(digest);
  files && changedSinceListed(files) || await writeStored(root, "check-report", digest, report);
}
var buildStamp = (root, digest) => readStored(root, "build-stamp", digest), stampBuild = (root, digest, stamp) => writeStored(root, "build-stamp", digest, stamp);

export {
  toolchainVersions,
  readInputs,
  checkDigest,
  sourcesDigest,
  buildDigest,
  storedReport,
  storeReport,
  buildStamp,
  stampBuild
};
