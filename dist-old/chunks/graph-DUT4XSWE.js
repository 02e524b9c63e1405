import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  inWorkspace
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/graph.ts
import path from "node:path";
import { promises as fs } from "node:fs";
async function runGraph(io, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let { gatherReport } = await import("./report-FTRBEDIQ.js"), { renderGraph } = await import("./graph-GAJYVWAT.js"), text = renderGraph(await gatherReport(io, root), flags.format);
    if (!flags.out)
      return io.stdout(text), EXIT.ok;
    let file = path.resolve(io.cwd, flags.out);
    return await fs.mkdir(path.dirname(file), { recursive: !0 }), await fs.writeFile(file, text), EXIT.ok;
  });
}
var registerGraph = (program, io, done) => {
  program.command("graph").description("The specs' dependency graph, each spec with its state (the report's graph): DOT for Graphviz, standalone SVG, or Mermaid for a GitHub comment.").option("--root <dir>", "workspace root (default: current directory)").option("--out <file>", "write it to this file (default: stdout)").addOption(new Option("--format <format>", "output format").choices(["dot", "svg", "mermaid"]).default("dot")).action((flags) => done(runGraph(io, flags)));
};
export {
  registerGraph,
  runGraph
};
