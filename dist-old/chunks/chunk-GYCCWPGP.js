import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  defaultConfig
} from "./chunk-44ZR3LL4.js";
import {
  PARSE_CACHE_FILE,
  PARSE_CACHE_FORMAT,
  coolPool,
  modelInWorkers,
  poolSize
} from "./chunk-XAD3VXWC.js";
import {
  readContents,
  readWorkspaceFiles
} from "./chunk-CMLTEYZG.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  OutsideWorkspaceError,
  appendInside,
  folderInsideSync
} from "./chunk-5NFWZACR.js";
import {
  MODEL_CODEC,
  decodeModel
} from "./chunk-KR53BPOB.js";
import {
  qualifyFile
} from "./chunk-CXSIFPJL.js";
import {
  createLineIndex
} from "./chunk-Y72MW4XH.js";

// src/workspace.ts
import path2 from "node:path";

// src/io/parse-cache.ts
import { randomBytes } from "node:crypto";
import { closeSync, constants, openSync, promises as fs, write } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
var TAB = 9, NL = 10, keyOf = (file, hash) => `${hash}	${JSON.stringify(file)}`, NEWLINE = Buffer.from(`
`), hex8 = (n) => n.toString(16).padStart(8, "0"), MAX_STALE = 64;
function lineOf(headerCrc, key, encoded) {
  let body = Buffer.from(`${key}	${encoded}`, "utf8");
  return { head: Buffer.from(`${hex8(crc32(body, headerCrc))}	`, "latin1"), body };
}
function partsOf(lines, parts = []) {
  for (let line of lines)
    Buffer.isBuffer(line) ? parts.push(line, NEWLINE) : parts.push(line.head, line.body, NEWLINE);
  return parts;
}
function indexLines(bytes, header) {
  let lines = /* @__PURE__ */ new Map(), firstEnd = bytes.indexOf(NL);
  if (firstEnd < 0 || bytes.toString("utf8", 0, firstEnd) !== header) return { lines, appendable: !1 };
  let appendable = bytes.at(-1) === NL, start = firstEnd + 1;
  for (; start < bytes.length; ) {
    let end = bytes.indexOf(NL, start);
    end < 0 && (end = bytes.length);
    let line = bytes.subarray(start, end);
    start = end + 1;
    let crcEnd = line.indexOf(TAB), hashEnd = crcEnd < 0 ? -1 : line.indexOf(TAB, crcEnd + 1), fileEnd = hashEnd < 0 ? -1 : line.indexOf(TAB, hashEnd + 1);
    if (crcEnd !== 8 || fileEnd < 0) {
      appendable = !1;
      continue;
    }
    lines.set(line.toString("utf8", crcEnd + 1, fileEnd), line);
  }
  return { lines, appendable };
}
function payloadOf(headerCrc, line) {
  if (Buffer.isBuffer(line) || (line = Buffer.concat([line.head, line.body])), hex8(crc32(line.subarray(9), headerCrc)) !== line.toString("latin1", 0, 8)) return;
  let body = line.toString("utf8", 9), fileEnd = body.indexOf("	", body.indexOf("	") + 1);
  return body.slice(fileEnd + 1);
}
async function writeBehind(root, file, data) {
  folderInsideSync(root, path.relative(root, path.dirname(file)));
  let temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`, handle = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 420), open = !0;
  try {
    for (let at = 0; at < data.length; )
      at += await new Promise((resolve, reject) => write(handle, data, at, data.length - at, at, (error, n) => error ? reject(error) : resolve(n)));
    open = !1, closeSync(handle), await fs.rename(temporary, file);
  } catch (error) {
    throw open && closeSync(handle), await fs.rm(temporary, { force: !0 }), error;
  }
}
async function openParseCache(root, specccVersion, codec) {
  let file = path.join(root, PARSE_CACHE_FILE), header = JSON.stringify({ speccc: specccVersion, format: PARSE_CACHE_FORMAT }), headerCrc = crc32(`${header}
`), stored = /* @__PURE__ */ new Map(), appendable = !1;
  try {
    ({ lines: stored, appendable } = indexLines(await fs.readFile(file), header));
  } catch {
  }
  let added = /* @__PURE__ */ new Map(), used = /* @__PURE__ */ new Set(), dropped = !1, drop = (key) => {
    stored.delete(key), dropped = !0;
  }, setEncoded = (f, hash, encoded) => {
    let key = keyOf(f, hash);
    added.set(key, lineOf(headerCrc, key, encoded)), used.add(key);
  };
  return {
    get(f, hash, text) {
      let key = keyOf(f, hash), line = added.get(key) ?? stored.get(key);
      if (!line) return;
      let encoded = payloadOf(headerCrc, line);
      if (encoded === void 0) return void drop(key);
      try {
        let entry = codec.decode(encoded, { file: f, hash }, text);
        return used.add(key), entry;
      } catch {
        return void drop(key);
      }
    },
    set: (entry) => setEncoded(entry.file, entry.hash, codec.encode(entry)),
    setEncoded,
    async save(prune) {
      let stale = prune ? [...stored.keys()].filter((key) => !used.has(key) && !added.has(key)) : [];
      try {
        if (appendable && !dropped && stale.length <= Math.max(MAX_STALE, stored.size / 10)) {
          if (added.size === 0) return;
          await appendInside(root, PARSE_CACHE_FILE, Buffer.concat(partsOf(added.values())));
          return;
        }
        if (!dropped && added.size === 0 && stale.length === 0) return;
        let all = new Map([...stored, ...added]);
        for (let key of stale) all.delete(key);
        await writeBehind(root, file, Buffer.concat(partsOf(all.values(), [Buffer.from(`${header}
`)]))), await fs.rm(path.join(path.dirname(file), "models.json"), { force: !0 });
      } catch (error) {
        if (error instanceof OutsideWorkspaceError) throw error;
      }
    }
  };
}

// src/phases/2-model/glossary.ts
function parseGlossary(doc) {
  let terms = [], lines = createLineIndex(doc.text), offset = 0, inFence = !1, last;
  for (let line of doc.text.split(`
`)) {
    let clean = line.replace(/\r$/, "");
    /^\s*(```|~~~)/.test(clean) && (inFence = !inFence);
    let heading = !inFence && /^##\s+(.+?)\s*#*\s*$/.exec(clean), aliases = !inFence && /^\s*aliases\s*:\s*(.+)$/i.exec(clean);
    if (heading) {
      let term = heading[1].trim();
      last = { term, keys: [term.toLowerCase()], file: doc.file, span: lines.span(offset, offset + clean.length) }, terms.push(last);
    } else aliases && last ? last.keys.push(...aliases[1].split(",").map((a) => a.trim().toLowerCase()).filter(Boolean)) : clean.trim() !== "" && (last = void 0);
    offset += line.length + 1;
  }
  return terms;
}

// src/workspace.ts
async function loadWorkspace(root, dirs, options = {}) {
  let files = options.files ? await readContents(root, options.files) : await readWorkspaceFiles({ root, specsDir: dirs.specs, contextDir: dirs.context, ...dirs.members ? { members: dirs.members } : {} }), { models, cacheWritten } = await modelFiles(root, files.specs, options);
  return { files, workspace: assembleWorkspace(root, models, files.context.map(decodeContext), dirs), cacheWritten };
}
async function modelFiles(root, specs, options) {
  let cache = options.useCache === !1 ? void 0 : await openParseCache(root, SPECCC_VERSION, MODEL_CODEC), out = new Array(specs.length), misses = [];
  specs.forEach(({ file, hash, bytes }, index) => {
    let known = options.previous?.get(file), hit = known?.hash === hash ? known : cache?.get(file, hash, () => decodeUtf8(bytes));
    hit ? out[index] = hit : misses.push({ file, hash, bytes, index });
  });
  let workers = poolSize(misses.length);
  if (workers === 0 && coolPool(), misses.length > 0) {
    let { modelAndCheck } = await import("./model-and-check-ZZA4YASQ.js");
    await modelInWorkers(
      misses,
      workers,
      (i, encoded) => {
        let miss = misses[i];
        out[miss.index] = decodeModel(encoded, miss, () => decodeUtf8(miss.bytes)), cache?.setEncoded(miss.file, miss.hash, encoded);
      },
      (first, files) => {
        modelAndCheck(files).forEach((entry, i) => {
          cache?.set(entry), out[misses[first + i].index] = entry;
        });
      }
    );
  }
  return { models: out, cacheWritten: cache ? cache.save(options.prune ?? !0) : Promise.resolve() };
}
var decodeUtf8 = (bytes) => new TextDecoder("utf-8").decode(bytes);
function decodeContext({ file, hash, bytes }) {
  return { file, hash, text: decodeUtf8(bytes) };
}
function indexIds(files) {
  let byId = /* @__PURE__ */ new Map(), sharedIds = /* @__PURE__ */ new Set();
  for (let { spec } of files) {
    let id = spec?.frontmatter?.id;
    !spec || !id || (byId.has(id) ? sharedIds.add(id) : byId.set(id, spec));
  }
  return { byId, sharedIds };
}
function qualifyMembers(files, members) {
  return members.length === 0 ? files : files.map((f) => {
    let member = members.find((m) => f.file.startsWith(`${m.specs}/`));
    return member ? qualifyFile(f, member.name) : f;
  });
}
function assembleWorkspace(root, modelled, context, folders = {}) {
  let members = folders.members ?? [], files = qualifyMembers(modelled, members), glossaryDoc = context.find((c) => path2.posix.basename(c.file).toLowerCase() === "glossary.md"), defaults = folders.generated !== void 0 && folders.scenarios !== void 0 ? null : defaultConfig().paths, { generated = defaults.generated, scenarios = defaults.scenarios } = folders;
  return { root, folders: { generated, scenarios }, files, ...indexIds(files), context, glossary: glossaryDoc ? parseGlossary(glossaryDoc) : [], ...members.length > 0 ? { members } : {} };
}

export {
  loadWorkspace,
  modelFiles,
  decodeContext,
  indexIds,
  assembleWorkspace
};
