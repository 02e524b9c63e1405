import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  TEST_SUPPORT,
  editFrontmatter,
  holdoutOf,
  testsOfSpec
} from "./chunk-LSMEMF5S.js";
import {
  RECORD_FILE
} from "./chunk-26O57UQB.js";
import {
  TEST_FILE,
  isCode
} from "./chunk-CT32TP7B.js";
import {
  listGeneratedRoot,
  readAdoptCheck,
  readSources,
  writeAdoption,
  writeHoldoutChecks
} from "./chunk-KLGCFRH2.js";
import {
  EXIT,
  UsageError,
  withGuess
} from "./chunk-EEWYZ6FF.js";
import {
  check
} from "./chunk-VA7EBHAO.js";
import "./chunk-ZM4FQIPF.js";
import "./chunk-LIJDOTZK.js";
import "./chunk-QRRL77OZ.js";
import "./chunk-UJYSYHGP.js";
import "./chunk-2EGY45G7.js";
import {
  isHandOwned
} from "./chunk-IK4EGIYB.js";
import "./chunk-QW3P2242.js";
import "./chunk-SA3BV3R2.js";
import "./chunk-VMNTWMXG.js";
import "./chunk-ZKZBSOLZ.js";
import "./chunk-RXRBJQYY.js";
import "./chunk-GYCCWPGP.js";
import {
  readAdoptionRecord
} from "./chunk-S5MSW45D.js";
import "./chunk-44ZR3LL4.js";
import "./chunk-RYE4YOPW.js";
import "./chunk-DUKS3JMJ.js";
import "./chunk-XAD3VXWC.js";
import "./chunk-YSUJQ6UY.js";
import "./chunk-2UGXUQJK.js";
import "./chunk-CMLTEYZG.js";
import "./chunk-H4KJMLKH.js";
import "./chunk-DLHTC4YV.js";
import "./chunk-6244DZEH.js";
import "./chunk-PXJADTX7.js";
import "./chunk-7XOQCP22.js";
import "./chunk-VQI6GZWE.js";
import "./chunk-ZRJIQAHE.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-JMVWX2PN.js";
import "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-4DSQAG4B.js";
import "./chunk-NDE2NKID.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-KR53BPOB.js";
import "./chunk-CXSIFPJL.js";
import "./chunk-MIBJWLH2.js";
import "./chunk-242NOEV2.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import "./chunk-2YZVRG7S.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";

// src/adopt-hand-over.ts
import path from "node:path";
async function handOwnedSpec(root, id, what) {
  let checked = await check({ root, useCache: !1 }), specs = checked.workspace.files.flatMap((f) => f.spec?.frontmatter ? [f.spec] : []), spec = specs.find((s) => s.frontmatter.id === id), adopted = specs.filter(isHandOwned).map((s) => s.frontmatter.id);
  if (!spec || !isHandOwned(spec)) throw new UsageError(`${what} names no hand-owned (adopted) spec: ${withGuess(id, adopted)}${spec ? " is speccc's already" : ""}`);
  return { spec, config: checked.config, adopted };
}
async function runTake(io, root, id) {
  let { spec, config } = await handOwnedSpec(root, id, "--take"), fm = spec.frontmatter, refuse = (why) => (io.stderr(`speccc: not taken: ${id} ${why}
`), EXIT.failed);
  if (fm.status !== "ready") return refuse(`is ${fm.status}: confirm its drafted sentences, set status: ready in ${spec.file}, then run \`speccc adopt --check ${id}\``);
  let last = await readAdoptCheck(root, id);
  if (!last) return refuse(`has no round trip on record: run \`speccc adopt --check ${id}\` first`);
  if (last.specHash !== sha256(spec.source)) return refuse(`changed since its last round trip (${last.checkedAt}): run \`speccc adopt --check ${id}\` again`);
  if (!last.faithful) return refuse(`is not faithful: its last round trip ${last.failing.length > 0 ? `failed ${last.failing.filter((f) => !f.startsWith("  ")).length} existing test(s)` : `could not judge it (${last.error ?? "no result"})`}; strengthen the spec and run \`speccc adopt --check ${id}\` again`);
  let root_ = config.paths.generated, kept = fm.outputs.filter((o) => !(isCode(o) && !TEST_SUPPORT.test(o)) && !TEST_FILE.test(o));
  if (kept.length > 0) return refuse(`owns files that are neither code nor tests (${kept.map((k) => `\`${k}\``).join(", ")}): a build would have to write them; move them into a spec that stays hand-owned, or out of ${root_}/`);
  let files = new Set(await listGeneratedRoot(root, root_)), tests = await readSources(root, testsOfSpec({ file: spec.file, source: spec.source, outputs: fm.outputs }, root_)), checks = /* @__PURE__ */ new Map();
  for (let t of tests) {
    let made = holdoutOf(t, { generatedRoot: root_, files });
    if ("why" in made) return refuse(`has a test the next build would replace and that cannot run as a holdout: ${t.path}: ${made.why}`);
    checks.set(`${id}/${path.posix.basename(t.path)}`, made.content);
  }
  let scenariosDir = path.resolve(root, config.paths.scenarios);
  await writeHoldoutChecks(scenariosDir, checks), await writeAdoption(root, /* @__PURE__ */ new Map([[spec.file, editFrontmatter(spec.source, { owner: null })]]));
  let recordFile = `${config.paths.specs}/${RECORD_FILE}`, record = await readAdoptionRecord(root, recordFile);
  if (record?.specs[id]) {
    let { [id]: _taken, ...rest } = record.specs;
    await writeAdoption(root, /* @__PURE__ */ new Map([[recordFile, `${JSON.stringify({ format: 1, specs: rest }, null, 2)}
`]]));
  }
  let where = path.relative(io.cwd, scenariosDir) || ".";
  return io.stdout(`\u2714 ${id} is speccc's: its ${checks.size} existing test file${checks.size === 1 ? " is a holdout" : "s are holdouts"} in ${where}/${id}/; the next \`speccc build\` generates ${fm.outputs.map((o) => `${root_}/${o}`).join(", ")} from ${spec.file}
`), EXIT.ok;
}
async function runRefresh(io, root, id) {
  let { spec, config, adopted } = await handOwnedSpec(root, id, "--refresh"), recordFile = `${config.paths.specs}/${RECORD_FILE}`, record = await readAdoptionRecord(root, recordFile) ?? { format: 1, specs: {} }, sources = await readSources(root, spec.frontmatter.outputs.map((o) => `${config.paths.generated}/${o}`)), files = Object.fromEntries(sources.map((s) => [s.path.slice(config.paths.generated.length + 1), s.hash])), gone = Object.keys(record.specs).filter((other) => !adopted.includes(other)), specs = Object.fromEntries(Object.entries({ ...record.specs, [id]: { files } }).filter(([other]) => !gone.includes(other)).sort(([a], [b]) => a < b ? -1 : 1));
  return await writeAdoption(root, /* @__PURE__ */ new Map([[recordFile, `${JSON.stringify({ format: 1, specs }, null, 2)}
`]])), io.stdout(`\u2714 recorded ${sources.length} file${sources.length === 1 ? "" : "s"} of ${id} as they are now${gone.length > 0 ? ` (and dropped the record of ${gone.map((g) => `\`${g}\``).join(", ")}, which no hand-owned spec has any more)` : ""}
`), EXIT.ok;
}
export {
  runRefresh,
  runTake
};
