import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  assetPath
} from "./chunk-ZJ2LH7GO.js";
import {
  appendInside,
  assertInside,
  writeInside
} from "./chunk-5NFWZACR.js";

// src/io/proposal-files.ts
import { promises as fs } from "node:fs";
import path from "node:path";
var SURVIVORS_FILE = path.join(".speccc", "verify", "survivors.json"), DRAFTS_DIR = ".proposed", ACCEPTED_LOG = `${DRAFTS_DIR}/accepted.jsonl`, MAX_BYTES = 1024 * 1024;
async function readSmall(file) {
  let st = await fs.lstat(file).catch(() => null);
  return !st?.isFile() || st.size > MAX_BYTES ? null : fs.readFile(file, "utf8").catch(() => null);
}
var readSurvivorsText = (root) => readSmall(path.join(root, SURVIVORS_FILE)), readProposalTemplate = () => fs.readFile(assetPath("scenarios", "propose.hbs"), "utf8"), draftFile = (spec, name, suffix) => `${DRAFTS_DIR}/${spec}/${name}${suffix}`;
async function writeDraft(scenariosDir, spec, name, files) {
  await writeInside(scenariosDir, draftFile(spec, name, ".md"), files.md), await writeInside(scenariosDir, draftFile(spec, name, ".test.ts"), files.check), await writeInside(scenariosDir, draftFile(spec, name, ".mutant.json"), files.mutant);
}
async function readDraft(scenariosDir, spec, name) {
  let [md, check, mutant] = await Promise.all([".md", ".test.ts", ".mutant.json"].map((s) => readSmall(path.join(scenariosDir, draftFile(spec, name, s)))));
  return { md, check, mutant };
}
async function listDrafts(scenariosDir) {
  let root = path.join(scenariosDir, DRAFTS_DIR), specs = (await fs.readdir(root, { withFileTypes: !0 }).catch(() => [])).filter((d) => d.isDirectory()).map((d) => d.name), out = [];
  for (let spec of specs.sort()) {
    let names = await fs.readdir(path.join(root, spec)).catch(() => []);
    for (let name of names.filter((n) => n.endsWith(".mutant.json")).map((n) => n.slice(0, -12)).sort()) out.push({ spec, name });
  }
  return out;
}
async function removeDraft(scenariosDir, spec, name) {
  for (let suffix of [".mutant.json", ".md", ".test.ts"]) {
    let rel = draftFile(spec, name, suffix);
    await assertInside(scenariosDir, rel), await fs.rm(path.join(scenariosDir, rel), { force: !0 });
  }
}
async function scenarioExists(scenariosDir, spec, name) {
  return (await Promise.all([`${name}.md`, `${name}.test.ts`].map((n) => fs.lstat(path.join(scenariosDir, spec, n)).then(() => !0, () => !1)))).some(Boolean);
}
async function promoteDraft(scenariosDir, spec, name, files, record) {
  await writeInside(scenariosDir, `${spec}/${name}.md`, files.md), await writeInside(scenariosDir, `${spec}/${name}.test.ts`, files.check), await appendInside(scenariosDir, ACCEPTED_LOG, `${record}
`), await removeDraft(scenariosDir, spec, name);
}
var REJECTED_LOG = `${DRAFTS_DIR}/rejected.jsonl`;
async function appendRejected(scenariosDir, line) {
  await appendInside(scenariosDir, REJECTED_LOG, `${line}
`);
}
var DECLINED_LOG = `${DRAFTS_DIR}/declined.jsonl`;
async function appendDeclined(scenariosDir, line) {
  await appendInside(scenariosDir, DECLINED_LOG, `${line}
`);
}
async function readRejectedNames(scenariosDir) {
  return [await readSmall(path.join(scenariosDir, REJECTED_LOG)) ?? "", await readSmall(path.join(scenariosDir, DECLINED_LOG)) ?? ""].join(`
`).split(`
`).flatMap((line) => {
    try {
      let scenario = JSON.parse(line).scenario;
      return typeof scenario == "string" ? [scenario] : [];
    } catch {
      return [];
    }
  });
}

export {
  SURVIVORS_FILE,
  DRAFTS_DIR,
  ACCEPTED_LOG,
  readSurvivorsText,
  readProposalTemplate,
  writeDraft,
  readDraft,
  listDrafts,
  removeDraft,
  scenarioExists,
  promoteDraft,
  REJECTED_LOG,
  appendRejected,
  DECLINED_LOG,
  appendDeclined,
  readRejectedNames
};
