import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT
} from "./chunk-EEWYZ6FF.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/lsp.ts
async function runLsp(io, flags) {
  let path = await import("node:path"), { format } = await import("node:util"), { startLanguageServer } = await import("./server-SKIZKM2I.js"), toStderr = (...args) => io.stderr(`${format(...args)}
`);
  console.log = toStderr, console.info = toStderr, console.debug = toStderr;
  let connection = startLanguageServer({ ...flags.root ? { root: path.resolve(io.cwd, flags.root) } : {}, cwd: io.cwd, input: process.stdin, output: process.stdout });
  return await new Promise((resolve) => connection.onExit(resolve)), EXIT.ok;
}
var registerLsp = (program, io, done) => {
  program.command("lsp").description("Serve the Language Server Protocol over stdio: diagnostics as you type, hover, go-to-definition, completion and quick fixes for specs.").option("--root <dir>", "workspace root (default: the editor's workspace folder, else the current directory)").option("--stdio", "talk over stdin/stdout (the default and only transport; accepted because clients pass it)").allowUnknownOption(!0).action((flags) => done(runLsp(io, flags)));
};
export {
  registerLsp,
  runLsp
};
