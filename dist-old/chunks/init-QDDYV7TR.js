import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import {
  assetPath
} from "./chunk-ZJ2LH7GO.js";
import {
  OutsideWorkspaceError,
  appendInside,
  assertInside,
  folderInside
} from "./chunk-5NFWZACR.js";
import {
  DEFAULT_PATHS
} from "./chunk-7ZPQIYN7.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/init.ts
import path2 from "node:path";
import { promises as fs2 } from "node:fs";

// src/commands/init-files.ts
import path from "node:path";
import { constants, promises as fs } from "node:fs";
var initAssetsDir = () => assetPath("init"), CI_PROVIDERS = ["github"], GITIGNORE_MARK = "# speccc: .speccc/ holds", toPosix = (p) => p.split(path.sep).join("/");
function renderTemplate(text, vars, flags = {}) {
  return text.replace(/^%%#([a-z_]+)%%\n([\s\S]*?)^%%\/\1%%\n/gm, (_, flag, body) => {
    if (!(flag in flags)) throw new Error(`init template: unknown block %%#${flag}%%`);
    return flags[flag] ? body : "";
  }).replace(/%%([a-z_]+)%%/g, (_, key) => {
    let value = vars[key];
    if (value === void 0) throw new Error(`init template: unknown variable %%${key}%%`);
    return value;
  });
}
async function filesUnder(dir) {
  return (await fs.readdir(dir, { recursive: !0, withFileTypes: !0 })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}
async function readIfExists(file) {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    let code = error.code;
    if (code === "ENOENT") return;
    if (code === "EISDIR") return null;
    throw error;
  }
}
async function initConfig(scenariosPath) {
  let { DEFAULT_MODEL, ROUTING } = await import("./prices-SY4EZSJK.js"), byKind = Object.fromEntries(["architecture", "feature"].filter((kind) => ROUTING[kind] !== DEFAULT_MODEL).map((kind) => [kind, ROUTING[kind]]));
  return JSON.stringify({
    $schema: "./node_modules/speccc/schemas/config.schema.json",
    paths: { scenarios: scenariosPath },
    model: { default: DEFAULT_MODEL, byKind }
  }, null, 2) + `
`;
}
async function workspaceFiles(layout, vars) {
  let out = [], workspace = path.join(initAssetsDir(), "workspace");
  for (let rel of await filesUnder(workspace)) {
    let content = renderTemplate(await fs.readFile(path.join(workspace, rel), "utf8"), vars), [top, ...rest] = rel.split(path.sep);
    rel === "gitignore" ? out.push({ target: path.join(layout.root, ".gitignore"), content, mode: "append-block", role: "infrastructure" }) : top === "templates" ? out.push({ target: path.join(layout.templatesDir, ...rest), content, mode: "create", role: "infrastructure" }) : out.push({ target: path.join(layout.root, rel), content, mode: "create", role: "content" });
  }
  return out;
}
async function planInit(layout, name, ci) {
  let { root, scenariosDir } = layout, scenariosPath = toPosix(path.relative(root, scenariosDir)), separate = scenariosPath.startsWith("../") || path.isAbsolute(scenariosPath), vars = {
    name,
    date: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10),
    scenarios_path: scenariosPath,
    product_dir: name,
    scenarios_repo: path.basename(scenariosDir),
    scenarios_dir: path.basename(scenariosDir)
  }, out = await workspaceFiles(layout, vars), config = path.join(root, "speccc.config.json");
  out.push({ target: config, content: await initConfig(scenariosPath), mode: "create", role: "content" });
  let rank = (f) => f.target === config ? 0 : f.mode === "append-block" ? 1 : 2;
  out.sort((a, b) => rank(a) - rank(b));
  let scenarios = path.join(initAssetsDir(), "scenarios");
  for (let rel of await filesUnder(scenarios))
    out.push({ target: path.join(scenariosDir, rel), content: renderTemplate(await fs.readFile(path.join(scenarios, rel), "utf8"), vars), mode: "create", role: "content" });
  if (ci === "github") {
    let ciVars = { ...vars, scenarios_path: separate ? `../${vars.scenarios_dir}` : scenariosPath }, text = await fs.readFile(path.join(initAssetsDir(), "ci", "github.yml"), "utf8");
    out.push({ target: path.join(root, ".github", "workflows", "speccc.yml"), content: renderTemplate(text, ciVars, { separate }), mode: "create", role: "infrastructure" });
  }
  return out;
}
async function classify(file) {
  let existing = await readIfExists(file.target);
  return existing === void 0 ? "create" : existing === null ? "conflict" : file.mode === "append-block" ? existing.includes(GITIGNORE_MARK) ? "unchanged" : "append" : existing === file.content ? "unchanged" : "conflict";
}
async function createFile(base, file, content) {
  await fs.mkdir(base, { recursive: !0 }), await folderInside(base, path.relative(base, path.dirname(file)));
  try {
    return await fs.writeFile(file, content, { flag: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW }), !0;
  } catch (error) {
    if (error.code === "EEXIST") return !1;
    throw error;
  }
}
async function appendBlock(base, file, content) {
  let existing = await readIfExists(file) ?? "", gap = existing === "" ? "" : existing.endsWith(`
`) ? `
` : `

`;
  await fs.mkdir(base, { recursive: !0 }), await appendInside(base, path.relative(base, file), `${gap}${content}`);
}

// src/commands/init.ts
function productName(folder) {
  return folder.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+|[._-]+$/g, "") || "product";
}
var NAME = /^[a-z0-9][a-z0-9._-]*$/;
async function gitRoot(dir) {
  for (let at = dir; ; at = path2.dirname(at)) {
    if (await fs2.stat(path2.join(at, ".git")).then(() => !0, () => !1)) return at;
    if (path2.dirname(at) === at) return;
  }
}
async function runInit(io, dir, flags) {
  try {
    return await init(io, dir, flags);
  } catch (error) {
    if (error instanceof UsageError)
      return io.stderr(`speccc: ${error.message}
`), error.exitCode;
    if (error instanceof OutsideWorkspaceError)
      return io.stderr(`speccc: ${error.message}
`), EXIT.usage;
    throw error;
  }
}
async function existingConfigPaths(io, root) {
  if (!await fs2.lstat(path2.join(root, "speccc.config.json")).then(() => !0, () => !1)) return;
  let [{ loadConfig }, { formatDiagnostic }] = await Promise.all([import("./config-file-I2MFN4UQ.js"), import("./text-ABYEJU6I.js")]), loaded = await loadConfig(root), errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    for (let d of errors) io.stderr(`${formatDiagnostic({ ...d, file: toPosix(path2.relative(io.cwd, path2.join(root, d.file))) }, { color: !1 })}
`);
    throw new UsageError("speccc.config.json is not valid; init writes where it says, so fix it first");
  }
  return loaded.config.paths;
}
async function layoutOf(io, root, name, flags) {
  let configured = await existingConfigPaths(io, root), asked = flags.scenarios !== void 0 ? path2.resolve(io.cwd, flags.scenarios) : void 0, layout;
  if (configured) {
    if (layout = { root, templatesDir: path2.resolve(root, configured.templates), scenariosDir: path2.resolve(root, configured.scenarios) }, asked !== void 0 && asked !== layout.scenariosDir)
      throw new UsageError(`--scenarios ${flags.scenarios}: speccc.config.json already puts the scenarios in ${configured.scenarios}; change paths.scenarios there instead`);
  } else layout = { root, templatesDir: path2.join(root, DEFAULT_PATHS.templates), scenariosDir: asked ?? path2.join(path2.dirname(root), `${name}-scenarios`) };
  let fromScenarios = path2.relative(layout.scenariosDir, root);
  if (fromScenarios === "" || !fromScenarios.startsWith(".."))
    throw new UsageError(`--scenarios ${flags.scenarios ?? layout.scenariosDir} would hold the workspace itself; choose a folder beside it, such as ../${name}-scenarios`);
  return { layout, existing: configured !== void 0 };
}
async function init(io, dir, flags) {
  let root = path2.resolve(io.cwd, dir ?? "."), st = await fs2.stat(root).catch(() => null);
  if (st && !st.isDirectory()) throw new UsageError(`${root} exists and is not a folder`);
  let name = flags.name ?? productName(path2.basename(root));
  if (!NAME.test(name)) throw new UsageError(`--name must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit, not ${JSON.stringify(name)}`);
  let { layout, existing } = await layoutOf(io, root, name, flags), planned = await planInit(layout, name, flags.ci), files = existing ? planned.filter((f) => f.role === "infrastructure") : planned, actions = await Promise.all(files.map(classify)), shown = (p) => toPosix(path2.relative(io.cwd, p)) || ".", conflicts = files.filter((_, i) => actions[i] === "conflict");
  if (conflicts.length > 0 && !flags.force) return refuse(io, conflicts.map((f) => shown(f.target)), actions);
  await writeFiles(io, files, actions, shown, (file) => file.startsWith(`${layout.scenariosDir}${path2.sep}`) ? layout.scenariosDir : root), existing && (await Promise.all(planned.filter((f) => f.role === "content").map((f) => fs2.lstat(f.target).then(() => !1, () => !0)))).some(Boolean) && io.stdout(`starter specs, context and scenarios not written: speccc.config.json exists, so this workspace's own are used (init writes starters only into a new workspace)
`);
  let unchanged = actions.filter((a) => a === "unchanged").length;
  if (unchanged === files.length ? io.stdout(`nothing to do: every file is already as init writes it
`) : unchanged > 0 && io.stdout(`${unchanged} file${unchanged === 1 ? " is" : "s are"} already as init writes ${unchanged === 1 ? "it" : "them"}
`), io.stdout(`\u2714 speccc workspace for ${name} in ${shown(root)}; its holdout scenarios in ${shown(layout.scenariosDir)}
`), flags.ci === "github") {
    let git = await gitRoot(root);
    git && git !== root && io.stdout(`\u26A0 ${shown(root)} is not the root of its git repository (${shown(git)}): GitHub reads workflows only from .github/workflows/ at the repository root; move speccc.yml there and adjust its paths
`);
  }
  return io.stdout(await nextSteps(root, layout.scenariosDir, existing, shown)), EXIT.ok;
}
function refuse(io, conflicts, actions) {
  let one = conflicts.length === 1;
  io.stderr(`speccc: ${one ? "this file already exists" : "these files already exist"} and ${one ? "was" : "were"} left alone:
`);
  for (let f of conflicts) io.stderr(`  ${f}
`);
  let rest = actions.filter((a) => a === "create" || a === "append").length, keep = one ? "this one as it is" : "these as they are";
  return io.stderr(
    rest === 0 ? `speccc: nothing else is missing, so nothing was written (init never overwrites a file)
` : `speccc: nothing was written. Rerun with --force to write the ${rest} missing file${rest === 1 ? "" : "s"} and keep ${keep} (init never overwrites a file)
`
  ), EXIT.failed;
}
async function writeFiles(io, files, actions, shown, baseOf) {
  for (let [i, file] of files.entries()) (actions[i] === "create" || actions[i] === "append") && await assertInside(baseOf(file.target), path2.relative(baseOf(file.target), file.target));
  for (let [i, file] of files.entries()) {
    let action = actions[i];
    action === "create" ? io.stdout(await createFile(baseOf(file.target), file.target, file.content) ? `created ${shown(file.target)}
` : `kept    ${shown(file.target)} (it appeared meanwhile; left as it is)
`) : action === "append" ? (await appendBlock(baseOf(file.target), file.target, file.content), io.stdout(`added   speccc's block to ${shown(file.target)}
`)) : action === "conflict" && io.stdout(`kept    ${shown(file.target)} (it exists; left as it is)
`);
  }
}
async function nextSteps(root, scenariosDir, existing, shown) {
  let installed = await fs2.stat(path2.join(root, "node_modules", "speccc", "package.json")).then(() => !0, () => !1), next = [];
  shown(root) !== "." && next.push([`cd ${shown(root)}`, "the workspace"]), installed || next.push(["npm i -D speccc", "speccc in the project: npx runs it, the config's $schema points into it"]), next.push(["npx speccc check", existing ? "the findings in your specs, if any" : "the starter specs check clean"], ["npx speccc build --dry-run", "what a build would do, and what it would cost"]);
  let outsideWorkspace = path2.relative(root, scenariosDir).startsWith(".."), scenariosExist = await fs2.stat(scenariosDir).then((s) => s.isDirectory(), () => !1);
  outsideWorkspace && scenariosExist && await gitRoot(scenariosDir) !== scenariosDir && next.push([`git init ${toPosix(path2.relative(root, scenariosDir))}`, "holdout scenarios belong in a repository of their own"]);
  let width = Math.max(...next.map(([c]) => c.length));
  return `
Next:
${next.map(([c, why]) => `  ${c.padEnd(width)}   # ${why}
`).join("")}`;
}
var registerInit = (program, io, done) => {
  program.command("init").description("Set up a new workspace: config, one spec of each kind, context documents, a holdout scenario; in an existing one, only what is missing of .gitignore, templates/README.md and the CI workflow. Never overwrites a file.").argument("[dir]", "folder to set up (default: current directory; created if missing)").option("--name <name>", "product name (default: the folder name)").option("--scenarios <dir>", "holdout scenarios folder of a new workspace (default: ../<name>-scenarios, beside the workspace)").addOption(new Option("--ci <provider>", "also write a CI workflow that checks, builds --check and verifies").choices([...CI_PROVIDERS])).option("--force", "write the missing files even when some already exist (existing files are still left alone)").option("-y, --yes", "accept every default (init never prompts)").action((dir, flags) => done(runInit(io, dir, flags)));
};
export {
  initAssetsDir,
  productName,
  registerInit,
  runInit
};
