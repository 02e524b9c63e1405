import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  changedFiles,
  inWorkspace
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/report.ts
import path from "node:path";
import { promises as fs } from "node:fs";
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
var DEFAULT_REPORT_PATH = path.join(".speccc", "report", "index.html");
async function gatherReport(io, root) {
  let { build, check } = await import("./compile-EUQCMST3.js"), { readReportRecords } = await import("./report-inputs-CDI2ML2P.js"), { buildableInOrder, REASON_TEXT } = await import("./5-plan-VLFBFK3S.js"), { collectReport } = await import("./collect-YJPO6F7S.js"), { priorityRank } = await import("./queue-SDMOIXDK.js"), planned = await build({ root, mode: "plan" }), checked = planned.kind === "up-to-date" ? await check({ root }) : planned.check;
  if (checked.configBroken) throw new UsageError("speccc.config.json is invalid; run `speccc check` to see where");
  let records = await readReportRecords(root, checked.config.paths, SPECCC_VERSION, checked.workspace.members ?? []);
  for (let problem of records.problems) io.stderr(`speccc: ${problem}
`);
  records.manifestProblem && io.stderr(`speccc: warning: the manifest ${records.manifestProblem}; every spec is reported as never built
`);
  let plan, blocking = planned.kind === "blocked" ? planned.diagnostics : [];
  if (planned.kind === "up-to-date") plan = { kind: "up-to-date" };
  else if (planned.kind === "blocked") {
    let first = blocking[0];
    plan = { kind: "blocked", why: `${blocking.length} ${blocking.length === 1 ? "error blocks" : "errors block"} the build${first ? `, first ${first.code} in ${first.file}` : ""}` };
  } else
    plan = {
      kind: "planned",
      jobs: planned.plan.jobs.map((job) => {
        let outcome = planned.outcomes.get(job.id), reasons = [...job.reasons.map((r) => REASON_TEXT[r]), ...job.drifted.map((d) => `${d} edited by hand`)];
        return outcome?.state === "reused" && reasons.push("a stored result restores it (no agent call)"), { id: job.id, stale: outcome?.state !== "fresh", reasons, key: (outcome?.prepared ?? job.prepared)?.key ?? null };
      })
    };
  let seen = /* @__PURE__ */ new Set(), diagnostics = [...checked.diagnostics, ...blocking].map((d) => ({ file: d.file, code: d.code, severity: d.severity, line: d.span.start.line, column: d.span.start.column, message: d.message })).filter((d) => {
    let key = JSON.stringify(d);
    return !seen.has(key) && !!seen.add(key);
  }), specFiles = new Set(checked.workspace.files.map((f) => f.file)), outside = diagnostics.filter((d) => d.severity === "error" && !specFiles.has(d.file));
  outside.length > 0 && io.stderr(`speccc: warning: ${outside.length} ${outside.length === 1 ? "error" : "errors"} outside any spec (first: ${outside[0].file}: ${outside[0].code}); run \`speccc check\` to see them
`);
  let order = new Map(buildableInOrder(checked.workspace).map((s, i) => [s.file, i])), specs = [...checked.workspace.files].sort((a, b) => (order.get(a.file) ?? 1 / 0) - (order.get(b.file) ?? 1 / 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((f) => {
    let fm = f.spec?.frontmatter ?? null;
    return {
      id: fm?.id ?? f.file,
      file: f.file,
      kind: fm?.kind ?? "unknown",
      status: fm?.status ?? "unknown (frontmatter missing or invalid)",
      title: f.spec?.title?.value ?? fm?.id ?? f.file,
      // A twin is built before the specs that use it: in the graph it is one of their dependencies.
      dependsOn: [...fm?.depends_on ?? [], ...fm?.uses_twins ?? []],
      buildable: order.has(f.file),
      priority: priorityRank(fm?.priority),
      ...fm?.owner === "hand" ? { owner: "hand" } : {}
    };
  });
  return collectReport({
    generatedAt: (/* @__PURE__ */ new Date()).toISOString(),
    workspace: path.basename(root),
    specccVersion: SPECCC_VERSION,
    specs,
    diagnostics,
    plan,
    manifest: records.manifest.specs,
    runs: records.runs,
    verify: records.verify,
    scenarios: records.scenarios,
    scenariosDir: checked.config.paths.scenarios,
    buildRunning: records.buildRunning
  });
}
async function reachedSpecs(root, changed) {
  let { check } = await import("./compile-EUQCMST3.js"), { affected, workspace } = await check({ root, changed });
  return workspace.files.flatMap((f) => affected?.files.has(f.file) ? [{ id: f.spec?.frontmatter?.id ?? f.file, why: affected.why.get(f.file) ?? "changed" }] : []);
}
function openerFor(platform, file) {
  return platform === "darwin" ? { command: "open", args: [file] } : platform === "win32" ? { command: "cmd", args: ["/c", "start", '""', file] } : { command: "xdg-open", args: [file] };
}
var OPENER_WAIT_MS = 5e3;
function cannotOpen(platform, env) {
  return platform === "darwin" || platform === "win32" || env.DISPLAY || env.WAYLAND_DISPLAY || env.BROWSER ? null : "there is no display (DISPLAY and WAYLAND_DISPLAY are unset)";
}
var XDG_OPEN_EXIT = {
  2: "the file does not exist",
  3: "it found no browser or tool to open it with",
  4: "the browser it chose failed"
};
async function runOpener(command, args, env) {
  return new Promise((resolve) => {
    let child = spawn(command, args, { detached: !0, stdio: "ignore", env }), timer = setTimeout(() => {
      child.unref(), resolve(null);
    }, OPENER_WAIT_MS);
    child.once("error", (error) => {
      clearTimeout(timer), resolve(error.code === "ENOENT" ? `${command} is not installed, or not on PATH` : error.message);
    }), child.once("exit", (code, signal) => {
      if (clearTimeout(timer), code === 0) return resolve(null);
      let meaning = command === "xdg-open" && code !== null ? XDG_OPEN_EXIT[code] : void 0;
      resolve(`it exited with ${signal ?? `code ${code}`}${meaning ? `: ${meaning}` : ""}`);
    });
  });
}
async function openFile(io, file) {
  let where = `open ${file} in a browser (${pathToFileURL(file).href})`, headless = cannotOpen(process.platform, io.env);
  if (headless) {
    io.stderr(`speccc: could not open the report: ${headless}; ${where}
`);
    return;
  }
  let { command, args } = openerFor(process.platform, file), failed = await runOpener(command, args, io.env);
  failed && io.stderr(`speccc: could not open the report with \`${command}\` (${failed}); ${where}
`);
}
async function writeOut(root, file, text) {
  let rel = path.relative(root, file);
  if (!rel.startsWith("..") && !path.isAbsolute(rel)) return (await import("./safe-write-P6YHJZZB.js")).writeInside(root, rel, text);
  await fs.mkdir(path.dirname(file), { recursive: !0 }), await fs.writeFile(file, text);
}
async function runReport(io, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    if (flags.open && flags.format !== "html") throw new UsageError("--open opens the HTML report; leave out --format or use --format html");
    if ((flags.since !== void 0 || flags.link !== void 0) && flags.format !== "markdown") throw new UsageError("--since and --link shape the pull-request summary; add --format markdown");
    let changed = flags.since === void 0 ? void 0 : await changedFiles(root, flags.since), model = await gatherReport(io, root);
    if (flags.format !== "html") {
      let link = flags.link ?? (io.env.SPECCC_REPORT_URL || void 0), options = { ...link ? { link } : {}, ...changed ? { changed: await reachedSpecs(root, changed) } : {} }, text = flags.format === "json" ? `${JSON.stringify(model, null, 2)}
` : (await import("./markdown-T5PKHHST.js")).renderReportMarkdown(model, options);
      return flags.out ? await writeOut(root, path.resolve(io.cwd, flags.out), text) : io.stdout(text), EXIT.ok;
    }
    let { renderReportHtml } = await import("./html-VIDZYKST.js"), file = flags.out ? path.resolve(io.cwd, flags.out) : path.join(root, DEFAULT_REPORT_PATH), html = renderReportHtml(model);
    await writeOut(root, file, html);
    let s = model.summary, shown = path.relative(io.cwd, file) || file;
    return io.stdout(
      `\u2714 report written to ${shown.startsWith("..") ? file : shown} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB): ${s.total} specs, ${s.promoted} promoted, ${s.stale} stale, ${s.failing} failing, ${s.unverified} unverified; $${s.spentUsd.toFixed(2)} spent in ${model.runs.length} runs
`
    ), flags.open && await openFile(io, file), EXIT.ok;
  });
}
var registerReport = (program, io, done) => {
  program.command("report").description("The factory report: every spec\u2019s state and why, failures by kind with what to strengthen in the spec, spend, satisfaction and the dependency graph, as one self-contained HTML page.").option("--root <dir>", "workspace root (default: current directory)").option("--out <file>", `where to write it (default for HTML: ${DEFAULT_REPORT_PATH.split(path.sep).join("/")}; JSON and Markdown go to stdout)`).addOption(new Option("--format <format>", "html, json (the report model, for dashboards) or markdown (for a CI job summary or a PR comment)").choices(["html", "json", "markdown"]).default("html")).option("--open", "open the HTML report with the platform\u2019s opener").option("--since <ref>", "with --format markdown: list the specs a change since this git ref reaches (a pull request's summary)").option("--link <url>", "with --format markdown: the full report's address; each spec links to its section there (default: $SPECCC_REPORT_URL)").action((flags) => done(runReport(io, flags)));
};
export {
  DEFAULT_REPORT_PATH,
  cannotOpen,
  gatherReport,
  openerFor,
  registerReport,
  runReport
};
