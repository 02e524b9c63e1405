import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  loadedConfigOf
} from "./chunk-VMNTWMXG.js";
import {
  holdoutSetOf,
  holdoutTextsOf,
  listAllScenarioFolders,
  readAndHash,
  readScenarioFiles,
  resolveMembers,
  scenariosOf
} from "./chunk-YSUJQ6UY.js";
import {
  hashTemplateFiles,
  readTemplateFiles
} from "./chunk-2UGXUQJK.js";
import {
  readWorkspaceFiles
} from "./chunk-CMLTEYZG.js";
import {
  readRawConfig
} from "./chunk-PXJADTX7.js";

// src/pipeline/snapshot.ts
import path from "node:path";
async function readSnapshot(root, options = {}) {
  let { inputs } = options, raw = inputs?.raw ?? options.raw ?? await readRawConfig(root), loaded = loadedConfigOf(raw), { paths } = loaded.config, dir = options.scenariosDir ?? path.resolve(root, paths.scenarios), members = inputs?.members ?? await resolveMembers(root, raw.members), listed = inputs?.scenarios.listing.dir === dir ? inputs.scenarios : null, [files, listing] = await Promise.all([
    inputs?.files ?? options.files ?? readWorkspaceFiles({ root, specsDir: paths.specs, contextDir: paths.context, members: members.members }),
    // Every member's scenarios folder with the root's, listed once: check, build and verify all take them from here.
    listed?.listing ?? listAllScenarioFolders(root, dir, members.members)
  ]), [scenarioFiles, templates] = await Promise.all([
    (listed && options.scenarioFiles) ?? readScenarioFiles(listing, listed?.read),
    options.templates ? readTemplateFiles(inputs?.templates ?? await hashTemplateFiles(root, paths.templates, { hash: readAndHash, save: async () => {
    } })) : null
  ]), scenarios = Object.freeze({
    dir,
    exists: listing.exists,
    folders: listing.folders.map((f) => f.name).filter((n) => !n.startsWith(".")),
    entries: scenariosOf(listing, scenarioFiles),
    texts: holdoutTextsOf(listing, scenarioFiles),
    holdouts: holdoutSetOf(listing, scenarioFiles)
  });
  return Object.freeze({ root, raw, loaded, members, files, scenarios, templates, ...inputs ? { inputs } : {} });
}

export {
  readSnapshot
};
