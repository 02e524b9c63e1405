import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import "./chunk-VSAIBY22.js";

// src/io/git.ts
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile), git = (root, args) => run("git", args, { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
async function changedSince(root, ref) {
  let top;
  try {
    top = (await git(root, ["rev-parse", "--show-toplevel"])).stdout.trim();
  } catch {
    return { ok: !1, problem: "not-a-repository", message: `--since needs a git repository, and ${root} is not inside one` };
  }
  if (!await git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]).then(() => !0, () => !1)) return { ok: !1, problem: "unknown-ref", message: `--since ${ref}: git knows no commit by that name; expected a branch, tag or commit (is the history fetched? actions/checkout needs fetch-depth: 0)` };
  let [diff, status] = await Promise.all([git(root, ["diff", "--name-only", "-z", `${ref}...HEAD`]), git(root, ["status", "--porcelain", "-z", "--untracked-files=all"])]), fromTop = [...diff.stdout.split("\0").filter(Boolean), ...statusPaths(status.stdout)], realRoot = path.resolve(root), files = /* @__PURE__ */ new Set();
  for (let f of fromTop) {
    let rel = path.relative(realRoot, path.join(top, f));
    rel && !rel.startsWith("..") && !path.isAbsolute(rel) && files.add(rel.split(path.sep).join("/"));
  }
  return { ok: !0, files: [...files].sort() };
}
function statusPaths(out) {
  let entries = out.split("\0"), paths = [];
  for (let i = 0; i < entries.length; i++) {
    let e = entries[i];
    e.length < 4 || (paths.push(e.slice(3)), (e[0] === "R" || e[0] === "C") && paths.push(entries[++i] ?? ""));
  }
  return paths.filter(Boolean);
}
export {
  changedSince
};
