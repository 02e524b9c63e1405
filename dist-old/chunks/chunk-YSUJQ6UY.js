import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  CONFIG_FILE
} from "./chunk-PXJADTX7.js";
import {
  OutsideWorkspaceError,
  writeInside
} from "./chunk-5NFWZACR.js";
import {
  DEFAULT_PATHS
} from "./chunk-7ZPQIYN7.js";
import {
  canonicalJson,
  sha256
} from "./chunk-U5XVFR3J.js";
import {
  yaml
} from "./chunk-VTZR3R7R.js";

// src/io/stat-cache.ts
import { promises as fs, readFileSync, statSync } from "node:fs";
import path from "node:path";
var STAT_CACHE_FILE = path.join(".speccc", "cache", "stats.json"), FORMAT = 2, RACY_MARGIN_MS = 1e3;
function stillHolds(known, stamp, trustedBefore) {
  return stamp[1] < trustedBefore && known[0] === stamp[0] && known[1] === stamp[1] && known[2] === stamp[2] && known[3] === stamp[3];
}
var SHA256_HEX = /^[0-9a-f]{64}$/, isStampNumber = (n) => typeof n == "number" && Number.isFinite(n) && n >= 0;
function validEntries(json) {
  let entries = /* @__PURE__ */ new Map(), raw = json?.entries;
  if (json.format !== FORMAT || !raw || typeof raw != "object") return entries;
  for (let file in raw) {
    let entry = raw[file];
    !Array.isArray(entry) || entry.length !== 5 || !isStampNumber(entry[0]) || !isStampNumber(entry[1]) || !isStampNumber(entry[2]) || !isStampNumber(entry[3]) || typeof entry[4] != "string" || !SHA256_HEX.test(entry[4]) || entries.set(file, entry);
  }
  return entries;
}
async function openStatCache(root) {
  let file = path.join(root, STAT_CACHE_FILE), entries = /* @__PURE__ */ new Map(), writtenMs = 0;
  try {
    let [text, st] = await Promise.all([fs.readFile(file, "utf8"), fs.stat(file)]);
    entries = validEntries(JSON.parse(text)), writtenMs = st.mtimeMs;
  } catch {
  }
  let trustedBefore = writtenMs - RACY_MARGIN_MS, next = /* @__PURE__ */ new Map(), dirty = !1;
  return {
    hash: (abs) => {
      let st;
      try {
        st = statSync(abs, { throwIfNoEntry: !1 });
      } catch {
        return null;
      }
      if (!st) return null;
      let stamp = [st.size, st.mtimeMs, st.ctimeMs, st.ino], known = entries.get(abs);
      if (known && stillHolds(known, stamp, trustedBefore))
        return next.set(abs, known), { hash: known[4], bytes: null };
      let bytes;
      try {
        bytes = readFileSync(abs);
      } catch {
        return null;
      }
      let hash2 = sha256(bytes);
      return next.set(abs, [...stamp, hash2]), dirty = !0, { hash: hash2, bytes };
    },
    async save() {
      if (!(!dirty && next.size === entries.size))
        try {
          await writeInside(root, STAT_CACHE_FILE, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(next) }));
        } catch (error) {
          if (error instanceof OutsideWorkspaceError) throw error;
        }
    }
  };
}
var readAndHash = (abs) => {
  try {
    let bytes = readFileSync(abs);
    return { hash: sha256(bytes), bytes };
  } catch {
    return null;
  }
};

// src/io/holdouts.ts
import { promises as fs2 } from "node:fs";
import path2 from "node:path";

// src/io/holdout-property.ts
var STEP = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__|\*|_)?(for any|for all|then)\b/i, PROPERTY_TITLE = /^#{1,3}\s+property\s*[:\-–—]/im;
function holdoutPropertyShape(markdown) {
  let keywords = markdown.split(`
`).map((line) => STEP.exec(line)?.[1]?.toLowerCase()), generator = keywords.some((k) => k === "for any" || k === "for all");
  return !generator && !PROPERTY_TITLE.test(markdown) ? null : { generator, assertion: keywords.includes("then") };
}

// src/io/holdouts.ts
var CHECK_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/, MAX_CHECK_BYTES = 1024 * 1024, fileOf = (listing, folder, name) => path2.join(folder.dir ?? path2.join(listing.dir, folder.name), name);
async function listScenariosFolder(scenariosDir) {
  let dirs;
  try {
    dirs = (await fs2.readdir(scenariosDir, { withFileTypes: !0 })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return { dir: scenariosDir, exists: !1, folders: [] };
  }
  let folders = await Promise.all(dirs.map(async (name) => ({ name, names: (await fs2.readdir(path2.join(scenariosDir, name)).catch(() => [])).sort() })));
  return { dir: scenariosDir, exists: !0, folders };
}
var specFolders = (listing) => listing.folders.filter((f) => !f.name.startsWith("."));
function hashChecksOf(listing, hash) {
  let hashes = [], read = /* @__PURE__ */ new Map();
  for (let folder of specFolders(listing)) {
    let { name: spec, names } = folder;
    for (let name of names.filter((n) => CHECK_FILE.test(n))) {
      let hashed = hash(fileOf(listing, folder, name));
      hashed && (hashes.push([`${spec}/${name}`, hashed.hash]), hashed.bytes && read.set(`${spec}/${name}`, hashed.bytes));
    }
  }
  return { hashes, read };
}
async function readScenarioFiles(listing, alreadyRead = /* @__PURE__ */ new Map()) {
  let named = listing.folders.flatMap((folder) => folder.names.filter((n) => n.endsWith(".md") || CHECK_FILE.test(n)).map((n) => ({ rel: `${folder.name}/${n}`, file: fileOf(listing, folder, n) }))), rels = named.map((n) => n.rel), texts = await Promise.all(
    named.map(async ({ rel, file }) => {
      let st = await fs2.lstat(file).catch(() => null);
      if (!st?.isFile() || st.size > MAX_CHECK_BYTES) return null;
      let bytes = alreadyRead.get(rel);
      return bytes ? Buffer.from(bytes).toString("utf8") : fs2.readFile(file, "utf8").catch(() => null);
    })
  );
  return new Map(rels.map((rel, i) => [rel, texts[i]]));
}
function holdoutSetOf(listing, files) {
  let set = /* @__PURE__ */ new Map();
  for (let { name: spec, names } of specFolders(listing)) {
    let checks = names.filter((n) => CHECK_FILE.test(n)).flatMap((name) => {
      let content = files.get(`${spec}/${name}`);
      return typeof content == "string" ? [{ name: name.replace(CHECK_FILE, ""), file: `${spec}/${name}`, content }] : [];
    });
    checks.length > 0 && set.set(spec, checks);
  }
  return set;
}
function scenariosOf(listing, files) {
  return listing.folders.flatMap(({ name: spec, names, rel }) => {
    let checks = new Set(names.filter((n) => CHECK_FILE.test(n)).map((n) => n.replace(CHECK_FILE, "")));
    return names.filter((n) => n.endsWith(".md")).map((md) => {
      let name = md.replace(/\.md$/, ""), text = files?.get(`${spec}/${md}`), shape = typeof text == "string" ? holdoutPropertyShape(text) : null;
      return { spec, name, file: `${spec}/${md}`, hasCheck: checks.has(name), ...rel !== void 0 ? { folder: rel } : {}, ...shape ? { property: shape } : {} };
    });
  });
}
function holdoutTextsOf(listing, files) {
  let out = [];
  for (let { name: spec, names } of listing.folders) {
    let byName = /* @__PURE__ */ new Map();
    for (let n of names)
      n.endsWith(".md") ? byName.set(n.slice(0, -3), { ...byName.get(n.slice(0, -3)), md: n }) : CHECK_FILE.test(n) && byName.set(n.replace(CHECK_FILE, ""), { ...byName.get(n.replace(CHECK_FILE, "")), check: n });
    for (let [name, f] of [...byName].sort(([a], [b]) => a < b ? -1 : 1)) {
      let markdown = f.md ? files.get(`${spec}/${f.md}`) ?? null : null, code = f.check ? files.get(`${spec}/${f.check}`) ?? null : null;
      out.push({ spec, name, markdown, check: f.check && code !== null ? `${spec}/${f.check}` : null, code });
    }
  }
  return out;
}
async function isFolder(dir) {
  return fs2.stat(dir).then((st) => st.isDirectory(), () => !1);
}
async function readScenariosFolder(scenariosDir) {
  let listing = await listScenariosFolder(scenariosDir), files = await readScenarioFiles(listing);
  return { entries: scenariosOf(listing, files), texts: holdoutTextsOf(listing, files) };
}
async function readScenario(scenariosDir, file) {
  return fs2.readFile(path2.join(scenariosDir, file), "utf8");
}
async function writeScenarioCheck(scenariosDir, rel, content) {
  await writeInside(scenariosDir, rel, content);
}
var holdoutTextsDigest = (texts) => sha256(canonicalJson(texts));

// src/io/member-scenarios.ts
import path3 from "node:path";
async function listAllScenarioFolders(root, scenariosDir, members) {
  let [own, ...theirs] = await Promise.all([listScenariosFolder(scenariosDir), ...members.map((m) => listScenariosFolder(path3.resolve(root, m.scenarios)))]);
  if (members.length === 0) return own;
  let memberFolders = theirs.flatMap(
    (listing, i) => listing.folders.filter((f) => !f.name.startsWith(".")).map((f) => ({ name: `${members[i].name}:${f.name}`, names: f.names, dir: path3.join(listing.dir, f.name), rel: path3.posix.join(members[i].scenarios, f.name) }))
  );
  return { ...own, folders: [...own.folders, ...memberFolders] };
}

// src/io/members.ts
import { promises as fs3 } from "node:fs";
import path4 from "node:path";
var KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/, toPosix = (p) => p.split(path4.sep).join("/");
async function resolveMembers(root, value) {
  if (value === void 0) return { members: [], problems: [] };
  let listed = value === "workspaces" ? await discover(root) : Array.isArray(value) ? explicit(value) : [], members = [], problems = [], byDir = /* @__PURE__ */ new Map(), byName = /* @__PURE__ */ new Map();
  for (let entry of listed) {
    let dir = path4.posix.normalize(toPosix(entry.dir)).replace(/\/$/, ""), read = await readMember(root, dir, entry.name);
    if (!read) {
      entry.discovered || problems.push({ kind: "member-missing", at: entry.at, message: `Member \`${entry.dir}\` is not a folder of the workspace; expected a folder with specs (and optionally its own ${CONFIG_FILE})` });
      continue;
    }
    if (entry.discovered && !read.hasSpecs) continue;
    let member = read.member, sameDir = byDir.get(dir), sameName = byName.get(member.name);
    if (sameDir !== void 0 || sameName !== void 0) {
      let what = sameDir !== void 0 ? `folder \`${dir}\`` : `name \`${member.name}\``;
      problems.push({ kind: "member-duplicate", at: entry.at, message: `Member ${what} is listed twice (first as \`${sameDir ?? sameName}\`); expected each member once, with a name of its own` });
      continue;
    }
    if (!KEBAB_CASE.test(member.name)) {
      problems.push({ kind: "member-missing", at: entry.at, message: `Member \`${entry.dir}\` has the name \`${member.name}\`; expected a kebab-case name (set \`name\`)` });
      continue;
    }
    byDir.set(dir, dir), byName.set(member.name, dir), members.push(member);
  }
  return { members, problems };
}
function explicit(value) {
  return value.flatMap((v, i) => {
    let at = `value:members.${i}`;
    if (typeof v == "string" && v !== "") return [{ dir: v, at, discovered: !1 }];
    if (v && typeof v == "object" && typeof v.path == "string") {
      let { path: dir, name } = v;
      return [{ dir, at, discovered: !1, ...typeof name == "string" ? { name } : {} }];
    }
    return [];
  });
}
async function discover(root) {
  let patterns = [], ws = (await fs3.readFile(path4.join(root, "package.json"), "utf8").then((t) => JSON.parse(t), () => ({}))).workspaces, list = Array.isArray(ws) ? ws : ws && typeof ws == "object" && Array.isArray(ws.packages) ? ws.packages : [];
  patterns.push(...list.filter((p) => typeof p == "string"));
  let pnpm = await fs3.readFile(path4.join(root, "pnpm-workspace.yaml"), "utf8").catch(() => null);
  if (pnpm !== null) {
    let parsed = yaml().parse(pnpm);
    Array.isArray(parsed?.packages) && patterns.push(...parsed.packages.filter((p) => typeof p == "string"));
  }
  let dirs = /* @__PURE__ */ new Set();
  for (let pattern of patterns.filter((p) => !p.startsWith("!"))) for (let dir of await expand(root, pattern)) dirs.add(dir);
  return [...dirs].sort().map((dir) => ({ dir, at: "value:members", discovered: !0 }));
}
async function expand(root, pattern) {
  let clean = pattern.replace(/^\.\//, "").replace(/\/$/, ""), star = clean.indexOf("*");
  if (star < 0) return [clean];
  let base = clean.slice(0, star).replace(/\/$/, ""), deep = clean.slice(star).startsWith("**"), out = [], walk = async (rel, depth) => {
    let entries = await fs3.readdir(path4.join(root, rel), { withFileTypes: !0 }).catch(() => []);
    for (let e of entries) {
      if (!e.isDirectory() || e.name.startsWith(".") || e.name === "node_modules") continue;
      let child = rel ? `${rel}/${e.name}` : e.name;
      out.push(child), deep && depth < 4 && await walk(child, depth + 1);
    }
  };
  return await walk(base, 0), out.sort();
}
async function readMember(root, dir, given) {
  let abs = path4.join(root, dir);
  if (!await fs3.stat(abs).then((s) => s.isDirectory(), () => !1) || dir === "." || dir.startsWith("..")) return null;
  let configText = await fs3.readFile(path4.join(abs, CONFIG_FILE), "utf8").catch(() => ""), paths = {};
  try {
    let parsed = configText ? JSON.parse(configText) : {};
    paths = parsed.paths && typeof parsed.paths == "object" ? parsed.paths : {};
  } catch {
  }
  let folder = (key) => path4.posix.join(dir, typeof paths[key] == "string" && paths[key] !== "" ? paths[key] : DEFAULT_PATHS[key]), pkgName = await fs3.readFile(path4.join(abs, "package.json"), "utf8").then((t) => JSON.parse(t).name, () => {
  }), name = given ?? (typeof pkgName == "string" ? pkgName.replace(/^@[^/]+\//, "") : path4.posix.basename(dir)), specs = folder("specs"), hasSpecs = configText !== "" || await fs3.stat(path4.join(root, specs)).then((s) => s.isDirectory(), () => !1);
  return { member: { name, dir, specs, context: folder("context"), scenarios: folder("scenarios"), configText }, hasSpecs };
}
async function enclosingMonorepo(dir) {
  let own = await fs3.readFile(path4.join(dir, CONFIG_FILE), "utf8").catch(() => "");
  if (/"members"\s*:/.test(own)) return null;
  let up = path4.dirname(dir);
  for (let depth = 0; depth < 8 && up !== path4.dirname(up); depth++, up = path4.dirname(up)) {
    let text = await fs3.readFile(path4.join(up, CONFIG_FILE), "utf8").catch(() => ""), members;
    try {
      members = text ? JSON.parse(text).members : void 0;
    } catch {
      continue;
    }
    if (members === void 0) continue;
    let rel = toPosix(path4.relative(up, dir)), found = (await resolveMembers(up, members)).members.find((m) => m.dir === rel);
    return found ? { root: up, member: found } : null;
  }
  return null;
}

export {
  openStatCache,
  readAndHash,
  hashChecksOf,
  readScenarioFiles,
  holdoutSetOf,
  scenariosOf,
  holdoutTextsOf,
  isFolder,
  readScenariosFolder,
  readScenario,
  writeScenarioCheck,
  holdoutTextsDigest,
  listAllScenarioFolders,
  resolveMembers,
  enclosingMonorepo
};
