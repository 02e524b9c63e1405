import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  TREE_FOREIGN_DIRS
} from "./chunk-UUOMZIVY.js";
import {
  folderInside,
  writeInside
} from "./chunk-5NFWZACR.js";

// src/io/promote.ts
import { promises as fs } from "node:fs";
import path from "node:path";
var CorruptStateError = class extends Error {
}, journalOf = (root) => path.join(root, ".speccc", "promote-journal.json");
async function exists(p) {
  return fs.lstat(p).then(
    () => !0,
    () => !1
  );
}
async function checkJournal(root, generatedDir, raw) {
  let { JournalSchema } = await import("./state-MFEUEEEJ.js"), parsed = JournalSchema.safeParse(raw);
  if (!parsed.success) throw new CorruptStateError(".speccc/promote-journal.json is not a promotion journal; delete it if no build is running");
  let journal = parsed.data, staging = path.join(path.resolve(root), ".speccc", "staging") + path.sep, inStaging = (p) => path.isAbsolute(p) && path.resolve(p) === p && p.startsWith(staging) && !p.slice(staging.length).split(path.sep).includes("..");
  if (path.resolve(journal.generated) !== path.resolve(generatedDir) || !inStaging(journal.tree) || !inStaging(journal.old))
    throw new CorruptStateError(".speccc/promote-journal.json names paths outside this workspace's generated/ and .speccc/staging/; refusing to touch them. Delete the journal if no build is running");
  return journal;
}
async function journalExists(root) {
  return exists(journalOf(root));
}
async function recoverPromotion(root, generatedDir) {
  let text;
  try {
    text = await fs.readFile(journalOf(root), "utf8");
  } catch {
    return "none";
  }
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CorruptStateError(".speccc/promote-journal.json is not valid JSON; delete it if no build is running");
  }
  let journal = await checkJournal(root, generatedDir, raw), outcome = "completed";
  return await exists(journal.generated) || (await exists(journal.tree) ? await fs.rename(journal.tree, journal.generated) : await exists(journal.old) && (await fs.rename(journal.old, journal.generated), outcome = "restored")), await fs.rm(path.dirname(journal.tree), { recursive: !0, force: !0 }), await fs.rm(journalOf(root), { force: !0 }), outcome;
}
var stagingDirOf = (root, runId) => path.join(root, ".speccc", "staging", runId);
async function discardStaging(root, runId) {
  let dir = stagingDirOf(root, runId);
  if (!(!await exists(dir) || await journalExists(root))) {
    for (let foreign of TREE_FOREIGN_DIRS) if (await exists(path.join(dir, "tree", foreign))) return;
    await fs.rm(dir, { recursive: !0, force: !0 });
  }
}
async function promoteTree(options) {
  let { root, generatedDir, stagingDir, current, next, extra } = options, tree = path.join(stagingDir, "tree"), old = path.join(stagingDir, "old");
  await folderInside(root, path.relative(root, path.dirname(stagingDir))), await folderInside(root, path.relative(root, path.dirname(generatedDir))), await fs.rm(stagingDir, { recursive: !0, force: !0 }), await fs.mkdir(tree, { recursive: !0 });
  let written = [], unchanged = 0;
  for (let [rel, content] of next) {
    options.signal?.throwIfAborted();
    let target = path.join(tree, rel);
    await fs.mkdir(path.dirname(target), { recursive: !0 });
    let source = path.join(generatedDir, rel);
    if (current.get(rel) === content)
      try {
        if ((await fs.lstat(source)).isFile()) {
          await fs.link(source, target), unchanged++;
          continue;
        }
      } catch {
      }
    await fs.writeFile(target, content), current.get(rel) !== content ? written.push(rel) : unchanged++;
  }
  for (let [rel, content] of extra) {
    let target = path.join(tree, rel);
    await fs.mkdir(path.dirname(target), { recursive: !0 }), await fs.writeFile(target, content);
  }
  let removed = [...current.keys()].filter((rel) => !next.has(rel)).sort();
  options.signal?.throwIfAborted();
  for (let dir of TREE_FOREIGN_DIRS)
    await exists(path.join(generatedDir, dir)) && await fs.rename(path.join(generatedDir, dir), path.join(tree, dir));
  return await writeInside(root, path.relative(root, journalOf(root)), JSON.stringify({ generated: generatedDir, tree, old })), await exists(generatedDir) && await fs.rename(generatedDir, old), await fs.rename(tree, generatedDir), await fs.rm(journalOf(root), { force: !0 }), await fs.rm(stagingDir, { recursive: !0, force: !0 }), { written: written.sort(), removed, unchanged };
}

export {
  CorruptStateError,
  journalExists,
  recoverPromotion,
  stagingDirOf,
  discardStaging,
  promoteTree
};
